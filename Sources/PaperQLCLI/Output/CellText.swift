// How one value is written in each output format.

import PaperQL

enum CellText {
    /// For people: numbers by the column's style (`7B`, `4.7x`), lists joined with commas,
    /// missing as empty.
    static func human(_ value: Value, style: NumberStyle) -> String {
        switch value {
        case .missing: return ""
        case .number(let n): return NumberFormatting.format(n, style: style)
        case .string(let s): return s
        case .date(let d): return d.description
        case .bool(let b): return b ? "true" : "false"
        case .list(let items): return items.map { human($0, style: style) }.joined(separator: ", ")
        }
    }

    /// For machines (CSV): plain numbers, ISO dates, lists joined with "; ".
    static func plain(_ value: Value) -> String {
        switch value {
        case .missing: return ""
        case .number(let n): return NumberFormatting.plain(n)
        case .string(let s): return s
        case .date(let d): return d.description
        case .bool(let b): return b ? "true" : "false"
        case .list(let items): return items.map(plain).joined(separator: "; ")
        }
    }

    /// Display width of a string in terminal columns (wide East Asian characters count two).
    static func width(_ s: String) -> Int {
        var w = 0
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || (0x300...0x36F).contains(v) || v == 0x200B { continue }
            if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v) {
                w += 2
            } else {
                w += 1
            }
        }
        return w
    }

    /// `s` cut to `width` columns, ending in "…" when cut.
    static func truncate(_ s: String, to width: Int) -> String {
        guard self.width(s) > width else { return s }
        guard width > 1 else { return width == 1 ? "…" : "" }
        var out = ""
        var w = 0
        for ch in s {
            let cw = self.width(String(ch))
            if w + cw > width - 1 { break }
            out.append(ch)
            w += cw
        }
        return out + "…"
    }

    /// Control characters (newlines, tabs) would break a table row.
    static func singleLine(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
    }
}
