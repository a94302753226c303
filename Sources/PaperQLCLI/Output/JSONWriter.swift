// JSON output with keys in column order (Foundation's encoders sort or scramble them) and
// typed values: numbers as numbers, lists as arrays, dates as ISO strings, missing as null.

import PaperQL

enum JSONWriter {
    static func value(_ v: Value) -> String {
        switch v {
        case .missing: return "null"
        case .number(let n):
            if n.isNaN || n.isInfinite { return "null" }
            return NumberFormatting.plain(n)
        case .string(let s): return string(s)
        case .date(let d): return string(d.description)
        case .bool(let b): return b ? "true" : "false"
        case .list(let items): return "[" + items.map(value).joined(separator: ",") + "]"
        }
    }

    static func string(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `{"k":v,...}` with keys in the given order.
    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
