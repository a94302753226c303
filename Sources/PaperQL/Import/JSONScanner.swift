// A pull scanner for JSON over raw UTF-8 bytes. Foundation's JSON decoding runs at about
// 20 MB/s on our machines, which would make a 1 GB arXiv snapshot a minute's wait; this reads
// strings straight into the byte buffers the corpus keeps, and builds small `JSONValue` trees
// only for the fields that need one.

/// A JSON value, for fields that are not read on the fast path.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The value written back as JSON text (for nested values kept as strings).
    var jsonText: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return NumberFormatting.plain(n)
        case .string(let s): return JSONValue.quote(s)
        case .array(let items): return "[" + items.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let members): return "{" + members.map { JSONValue.quote($0.0) + ":" + $0.1.jsonText }.joined(separator: ",") + "}"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
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
}

struct JSONSyntaxError: Error {
    let message: String
    /// Byte offset in the scanned text.
    let offset: Int
}

#if canImport(Glibc)
import Glibc
#endif

struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    let end: Int
    /// Set when a string held bytes that are not valid UTF-8 (they are replaced with U+FFFD).
    var sawInvalidUTF8 = false
    /// Nesting limit: deeper input is an error, not a stack overflow.
    static let maximumDepth = 256

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        self.position = start
        self.end = end ?? bytes.count
    }

    func error(_ message: String) -> JSONSyntaxError { JSONSyntaxError(message: message, offset: position) }

    var atEnd: Bool { position >= end }

    mutating func skipWhitespace() {
        while position < end {
            let b = bytes[position]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { position += 1 } else { return }
        }
    }

    mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < end ? bytes[position] : nil
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        if peek() == byte {
            position += 1
            return true
        }
        return false
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(JSONSyntaxError) {
        guard consume(byte) else {
            throw error(atEnd ? "unexpected end of input, expected \(what)" : "expected \(what)")
        }
    }

    /// Iterates an object's members: `body` gets each key and must consume its value.
    mutating func forEachMember(_ body: (inout JSONScanner, String) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        try expect(UInt8(ascii: "{"), "`{`")
        if consume(UInt8(ascii: "}")) { return }
        var key: [UInt8] = []
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw error("expected a key in quotes") }
            key.removeAll(keepingCapacity: true)
            try readString(into: &key)
            try expect(UInt8(ascii: ":"), "`:` after a key")
            try body(&self, String(decoding: key, as: UTF8.self))
            if consume(UInt8(ascii: ",")) { continue }
            try expect(UInt8(ascii: "}"), "`,` or `}`")
            return
        }
    }

    /// Iterates an object's members with keys as bytes (no String is made for a key): `body`
    /// gets each key and must consume its value.
    mutating func forEachMemberKey(_ body: (inout JSONScanner, UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        try expect(UInt8(ascii: "{"), "`{`")
        if consume(UInt8(ascii: "}")) { return }
        var escaped: [UInt8] = []
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw error("expected a key in quotes") }
            if let raw = try readRawString() {
                try expect(UInt8(ascii: ":"), "`:` after a key")
                try body(&self, raw)
            } else {
                escaped.removeAll(keepingCapacity: true)
                try readString(into: &escaped)
                try expect(UInt8(ascii: ":"), "`:` after a key")
                try escaped.withUnsafeBufferPointer { (key) throws(JSONSyntaxError) in try body(&self, key) }
            }
            if consume(UInt8(ascii: ",")) { continue }
            try expect(UInt8(ascii: "}"), "`,` or `}`")
            return
        }
    }

    /// A string with no escapes, as a slice of the input (the scanner moves past it); nil,
    /// without moving, when the string has escapes and must be read with `readString`.
    mutating func readRawString() throws(JSONSyntaxError) -> UnsafeBufferPointer<UInt8>? {
        guard peek() == UInt8(ascii: "\"") else { throw error("expected a string") }
        let start = position + 1
        guard let base = bytes.baseAddress, start <= end,
              let quote = memchr(base + start, Int32(UInt8(ascii: "\"")), end - start) else { throw error("unterminated string") }
        let i = base.distance(to: quote.assumingMemoryBound(to: UInt8.self))
        // A backslash before the quote means escapes (and perhaps an escaped quote): slow path.
        if memchr(base + start, Int32(UInt8(ascii: "\\")), i - start) != nil { return nil }
        position = i + 1
        return UnsafeBufferPointer(rebasing: bytes[start..<i])
    }

    /// Reads a string, unescaped, appending its UTF-8 bytes to `buffer`.
    mutating func readString(into buffer: inout [UInt8]) throws(JSONSyntaxError) {
        try expect(UInt8(ascii: "\""), "a string")
        let startCount = buffer.count
        var sawHighByte = false
        while true {
            // Copy the run up to the next quote or backslash in one go.
            var i = position
            while i < end {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { break }
                if b >= 0x80 { sawHighByte = true }
                i += 1
            }
            if i > position { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<i])) }
            position = i
            guard position < end else { throw error("unterminated string") }
            let b = bytes[position]
            position += 1
            if b == UInt8(ascii: "\"") { break }
            guard position < end else { throw error("unterminated string") }
            let e = bytes[position]
            position += 1
            switch e {
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "\""): buffer.append(e)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code), position + 1 < end,
                   bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                    position += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        code = 0xFFFD
                    }
                }
                let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                buffer.append(contentsOf: String(scalar).utf8)
            default:
                throw error("bad escape `\\\(Character(Unicode.Scalar(e)))` in string")
            }
        }
        if sawHighByte {
            let slice = buffer[startCount...]
            if String(validating: slice, as: UTF8.self) == nil {
                sawInvalidUTF8 = true
                let repaired = Array(String(decoding: slice, as: UTF8.self).utf8)
                buffer.removeSubrange(startCount...)
                buffer.append(contentsOf: repaired)
            }
        }
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard position + 4 <= end else { throw error("unterminated \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[position]
            position += 1
            let d: UInt32
            switch c {
            case 48...57: d = UInt32(c - 48)
            case 65...70: d = UInt32(c - 55)
            case 97...102: d = UInt32(c - 87)
            default: throw error("bad \\u escape")
            }
            v = v << 4 | d
        }
        return v
    }

    mutating func readStringValue() throws(JSONSyntaxError) -> String {
        var buffer: [UInt8] = []
        try readString(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    mutating func readNumber() throws(JSONSyntaxError) -> Double {
        skipWhitespace()
        let start = position
        while position < end {
            let c = bytes[position]
            if (c >= 48 && c <= 57) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: ".")
                || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                position += 1
            } else {
                break
            }
        }
        guard position > start else { throw error("expected a value") }
        // Fast path for plain integers, which most numbers in paper metadata are.
        var n: Int64 = 0
        var plain = position - start <= 15
        for i in start..<position {
            let c = bytes[i]
            if c >= 48 && c <= 57 { n = n * 10 + Int64(c - 48) } else { plain = false; break }
        }
        if plain { return Double(n) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text) else {
            position = start
            throw error("bad number `\(text)`")
        }
        return value
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        guard position + count <= end else { throw error("unexpected end of input") }
        let matches = word.withUTF8Buffer { w in
            (0..<count).allSatisfy { bytes[position + $0] == w[$0] }
        }
        guard matches else { throw error("expected a value") }
        position += count
    }

    mutating func readValue(depth: Int = 0) throws(JSONSyntaxError) -> JSONValue {
        guard depth < JSONScanner.maximumDepth else { throw error("nesting deeper than \(JSONScanner.maximumDepth) levels") }
        guard let b = peek() else { throw error("unexpected end of input, expected a value") }
        switch b {
        case UInt8(ascii: "\""): return .string(try readStringValue())
        case UInt8(ascii: "{"):
            var members: [(String, JSONValue)] = []
            try forEachMember { (scanner, key) throws(JSONSyntaxError) in
                members.append((key, try scanner.readValue(depth: depth + 1)))
            }
            return .object(members)
        case UInt8(ascii: "["):
            position += 1
            var items: [JSONValue] = []
            if consume(UInt8(ascii: "]")) { return .array(items) }
            repeat {
                items.append(try readValue(depth: depth + 1))
            } while consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "]"), "`,` or `]`")
            return .array(items)
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default:
            if b == UInt8(ascii: "-") || (b >= 48 && b <= 57) { return .number(try readNumber()) }
            throw error("unexpected character `\(Character(Unicode.Scalar(b)))`")
        }
    }

    mutating func skipValue() throws(JSONSyntaxError) {
        _ = try readValue()
    }
}
