// The lexer turns query text into tokens, one pass over the UTF-8 bytes. It knows the literal
// forms (magnitude suffixes, percentages, multipliers, dates, quoted strings, /regex/flags) and
// comments; it leaves keywords, statement boundaries and everything structural to the parser.
// The first malformed token ends lexing with a diagnostic pointing at it.

struct Lexer {
    private let source: String
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1
    /// Where the last real token ended: "end of input" is reported there, not after trailing
    /// blank lines.
    private var lastTokenEnd: SourceLocation?

    init(_ source: String) {
        self.source = source
        self.bytes = Array(source.utf8)
    }

    /// All tokens, ending with `.end`.
    static func tokenize(_ source: String) throws(Diagnostic) -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            var token = try lexer.next()
            if token.kind == .end, let end = lexer.lastTokenEnd {
                token = Token(kind: .end, text: "", range: SourceRange(start: end, end: end))
            } else if token.kind != .newline {
                lexer.lastTokenEnd = token.range.end
            }
            // Collapse runs of line breaks into one token.
            if token.kind == .newline, tokens.last?.kind == .newline { continue }
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var location: SourceLocation { SourceLocation(line: line, column: column, offset: index) }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        index + ahead < bytes.count ? bytes[index + ahead] : nil
    }

    /// Whether only blanks come before `offset` on its line.
    private func startsLine(_ offset: Int) -> Bool {
        var i = offset - 1
        while i >= 0, bytes[i] == 0x20 || bytes[i] == 0x09 { i -= 1 }
        return i < 0 || bytes[i] == 0x0A || bytes[i] == 0x0D
    }

    private mutating func advance() {
        let b = bytes[index]
        index += 1
        if b == 0x0A {
            line += 1
            column = 1
        } else if b & 0xC0 != 0x80 {
            column += 1  // count scalars, not continuation bytes
        }
    }

    private func text(from start: SourceLocation) -> Substring {
        let utf8 = source.utf8
        let lo = utf8.index(utf8.startIndex, offsetBy: start.offset)
        let hi = utf8.index(utf8.startIndex, offsetBy: index)
        return source[lo..<hi]
    }

    private func token(_ kind: Token.Kind, from start: SourceLocation) -> Token {
        Token(kind: kind, text: text(from: start), range: SourceRange(start: start, end: location))
    }

    private func error(_ code: Diagnostic.Code, _ message: String, from start: SourceLocation,
                       suggestion: String? = nil) -> Diagnostic {
        Diagnostic(code: code, message: message, range: SourceRange(start: start, end: location), suggestion: suggestion)
    }

    mutating func next() throws(Diagnostic) -> Token {
        skipSpaceAndComments()
        let start = location
        guard let b = peek() else { return token(.end, from: start) }

        switch b {
        case 0x0A, 0x0D:
            while let c = peek(), c == 0x0A || c == 0x0D || c == 0x20 || c == 0x09 {
                advance()
                if c == 0x0A || c == 0x0D { skipSpaceAndComments() }
            }
            return token(.newline, from: start)
        case UInt8(ascii: "("): advance(); return token(.leftParen, from: start)
        case UInt8(ascii: ")"): advance(); return token(.rightParen, from: start)
        case UInt8(ascii: ","): advance(); return token(.comma, from: start)
        case UInt8(ascii: ";"): advance(); return token(.semicolon, from: start)
        case UInt8(ascii: "*"): advance(); return token(.star, from: start)
        case UInt8(ascii: "-"): advance(); return token(.minus, from: start)
        case UInt8(ascii: "="):
            advance()
            if peek() == UInt8(ascii: "=") { advance() }  // `==` reads as `=`
            return token(.comparison(.equal), from: start)
        case UInt8(ascii: "!"):
            advance()
            guard peek() == UInt8(ascii: "=") else {
                throw error(.syntax, "unexpected `!`", from: start, suggestion: "use `!=` or `not`")
            }
            advance()
            return token(.comparison(.notEqual), from: start)
        case UInt8(ascii: "<"):
            advance()
            if peek() == UInt8(ascii: "=") { advance(); return token(.comparison(.lessOrEqual), from: start) }
            if peek() == UInt8(ascii: ">") { advance(); return token(.comparison(.notEqual), from: start) }
            return token(.comparison(.less), from: start)
        case UInt8(ascii: ">"):
            advance()
            if peek() == UInt8(ascii: "=") { advance(); return token(.comparison(.greaterOrEqual), from: start) }
            return token(.comparison(.greater), from: start)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return try string(quote: b, from: start)
        case UInt8(ascii: "/"):
            return try regex(from: start)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try number(from: start)
        case UInt8(ascii: "."):
            if let d = peek(1), isDigit(d) { return try number(from: start) }
            if let c = peek(1), isWordStart(c), startsLine(start.offset) {
                // `.format csv` piped in, or saved in a query file, by someone used to the prompt.
                advance()
                while let c = peek(), isWordPart(c) { advance() }
                let command = text(from: start)
                throw error(.syntax, "`\(command)` is a command of the interactive prompt, not a statement", from: start,
                            suggestion: "scripts and pipes take options instead, such as `paperql run --format csv`")
            }
            advance()
            throw error(.syntax, "unexpected `.`", from: start)
        default:
            if isWordStart(b) {
                while let c = peek(), isWordPart(c) { advance() }
                return token(.word, from: start)
            }
            advance()
            while let c = peek(), c & 0xC0 == 0x80 { advance() }
            let bad = text(from: start)
            let hint: String? = bad == "“" || bad == "”" || bad == "‘" || bad == "’"
                ? "use straight quotes \" or '" : nil
            throw error(.syntax, "unexpected character `\(bad)`", from: start, suggestion: hint)
        }
    }

    private mutating func skipSpaceAndComments() {
        while let b = peek() {
            if b == 0x20 || b == 0x09 {
                advance()
            } else if b == UInt8(ascii: "#") || (b == UInt8(ascii: "-") && peek(1) == UInt8(ascii: "-")) {
                while let c = peek(), c != 0x0A, c != 0x0D { advance() }
            } else {
                return
            }
        }
    }

    // MARK: - Literals

    private mutating func number(from start: SourceLocation) throws(Diagnostic) -> Token {
        // A date: four digits, '-', two digits, '-', two digits.
        if isDateAhead() {
            for _ in 0..<10 { advance() }
            let spelled = text(from: start)
            if let c = peek(), isWordPart(c) {
                while let c = peek(), isWordPart(c) || c == UInt8(ascii: "-") { advance() }
                throw error(.badLiteral, "bad date `\(text(from: start))`", from: start, suggestion: "write dates as YYYY-MM-DD")
            }
            guard let date = CalendarDate(iso: spelled) else {
                throw error(.badLiteral, "`\(spelled)` is not a real date", from: start)
            }
            return token(.date(date), from: start)
        }
        var digits = ""
        while let c = peek(), isDigit(c) || c == UInt8(ascii: "_") {
            if c != UInt8(ascii: "_") { digits.append(Character(Unicode.Scalar(c))) }
            advance()
        }
        if peek() == UInt8(ascii: "."), let d = peek(1), isDigit(d) {
            digits.append(".")
            advance()
            while let c = peek(), isDigit(c) { digits.append(Character(Unicode.Scalar(c))); advance() }
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E"),
           let d = peek(1), isDigit(d) || ((d == UInt8(ascii: "+") || d == UInt8(ascii: "-")) && peek(2).map(isDigit) == true) {
            digits.append("e")
            advance()
            if let s = peek(), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { digits.append(Character(Unicode.Scalar(s))); advance() }
            while let c = peek(), isDigit(c) { digits.append(Character(Unicode.Scalar(c))); advance() }
        }
        if digits.hasPrefix(".") { digits = "0" + digits }
        guard Double(digits) != nil else {
            throw error(.badLiteral, "bad number `\(text(from: start))`", from: start)
        }
        // Scale by adjusting the decimal exponent, so 55.8% is exactly the double nearest 0.558
        // and 1.3B the one nearest 1.3e9 (multiplying would add rounding error).
        var exponent = 0
        var unit = NumberUnit.plain
        if let c = peek() {
            switch c | 0x20 {
            case UInt8(ascii: "k"): exponent = 3; unit = .magnitude; advance()
            case UInt8(ascii: "m"): exponent = 6; unit = .magnitude; advance()
            case UInt8(ascii: "b"): exponent = 9; unit = .magnitude; advance()
            case UInt8(ascii: "t"): exponent = 12; unit = .magnitude; advance()
            case UInt8(ascii: "x"): unit = .multiplier; advance()
            default:
                if c == UInt8(ascii: "%") {
                    exponent = -2
                    unit = .percent
                    advance()
                } else if c == 0xC3, peek(1) == 0x97 {  // ×
                    unit = .multiplier
                    advance(); advance()
                }
            }
        }
        var value = Double(digits)!
        if exponent != 0 {
            if digits.contains("e") {
                value *= pow10(exponent)
            } else {
                value = Double(digits + "e\(exponent)") ?? value * pow10(exponent)
            }
        }
        if let c = peek(), isWordPart(c) {
            while let c = peek(), isWordPart(c) { advance() }
            throw error(.badLiteral, "bad number `\(text(from: start))`", from: start,
                        suggestion: "numbers take one suffix: K, M, B, T, %, or x")
        }
        return token(.number(value, unit), from: start)
    }

    private func isDateAhead() -> Bool {
        guard index + 10 <= bytes.count else { return false }
        for i in 0..<10 {
            let c = bytes[index + i]
            if i == 4 || i == 7 {
                if c != UInt8(ascii: "-") { return false }
            } else if !isDigit(c) {
                return false
            }
        }
        return true
    }

    private mutating func string(quote: UInt8, from start: SourceLocation) throws(Diagnostic) -> Token {
        advance()
        var chunkStart = index
        var value = ""
        func flush(_ upTo: Int) {
            if upTo > chunkStart { value += String(decoding: bytes[chunkStart..<upTo], as: UTF8.self) }
        }
        while true {
            guard let c = peek(), c != 0x0A, c != 0x0D else {
                throw error(.badLiteral, "unterminated string", from: start,
                            suggestion: "close it with \(quote == UInt8(ascii: "\"") ? "\"" : "'")")
            }
            if c == quote {
                flush(index)
                advance()
                break
            }
            if c == UInt8(ascii: "\\") {
                flush(index)
                let escapeStart = location
                advance()
                guard let e = peek(), e != 0x0A else {
                    throw error(.badLiteral, "unterminated string", from: start)
                }
                advance()
                switch e {
                case UInt8(ascii: "n"): value += "\n"
                case UInt8(ascii: "t"): value += "\t"
                case UInt8(ascii: "r"): value += "\r"
                case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "/"):
                    value.unicodeScalars.append(Unicode.Scalar(e))
                case UInt8(ascii: "u"):
                    var hex = ""
                    let braced = peek() == UInt8(ascii: "{")
                    if braced { advance() }
                    while let h = peek(), hex.count < (braced ? 6 : 4), isHex(h) { hex.append(Character(Unicode.Scalar(h))); advance() }
                    if braced {
                        guard peek() == UInt8(ascii: "}") else {
                            throw error(.badLiteral, "bad escape in string", from: escapeStart, suggestion: "write \\u{1F600} or \\u00E9")
                        }
                        advance()
                    }
                    guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code),
                          braced || hex.count == 4 else {
                        throw error(.badLiteral, "bad escape in string", from: escapeStart, suggestion: "write \\u{1F600} or \\u00E9")
                    }
                    value.unicodeScalars.append(scalar)
                default:
                    throw error(.badLiteral, "unknown escape `\\\(Character(Unicode.Scalar(e)))` in string", from: escapeStart,
                                suggestion: "escapes are \\n \\t \\\\ \\\" \\' \\u{...}")
                }
                chunkStart = index
                continue
            }
            advance()
        }
        return token(.string(value), from: start)
    }

    private mutating func regex(from start: SourceLocation) throws(Diagnostic) -> Token {
        advance()
        var pattern = ""
        var chunkStart = index
        while true {
            guard let c = peek(), c != 0x0A, c != 0x0D else {
                throw error(.badLiteral, "unterminated regex", from: start, suggestion: "close it with /")
            }
            if c == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "/") {
                pattern += String(decoding: bytes[chunkStart..<index], as: UTF8.self) + "/"
                advance(); advance()
                chunkStart = index
                continue
            }
            if c == UInt8(ascii: "\\") {
                advance()
                if let n = peek(), n != 0x0A { advance() }
                continue
            }
            if c == UInt8(ascii: "/") { break }
            advance()
        }
        pattern += String(decoding: bytes[chunkStart..<index], as: UTF8.self)
        advance()
        let flagStart = index
        while let c = peek(), isWordPart(c) { advance() }
        let flags = String(decoding: bytes[flagStart..<index], as: UTF8.self)
        if let bad = flags.first(where: { !"imsx".contains($0) }) {
            throw error(.badRegex, "unknown regex flag `\(bad)`", from: start, suggestion: "flags are i, m, s and x")
        }
        return token(.regex(pattern: pattern, flags: flags), from: start)
    }

    private func pow10(_ e: Int) -> Double { e >= 0 ? (0..<e).reduce(1.0) { r, _ in r * 10 } : 1 / pow10(-e) }

    private func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    private func isHex(_ c: UInt8) -> Bool { isDigit(c) || (c | 0x20 >= 97 && c | 0x20 <= 102) }
    private func isWordStart(_ c: UInt8) -> Bool { (c | 0x20 >= 97 && c | 0x20 <= 122) || c == UInt8(ascii: "_") }
    private func isWordPart(_ c: UInt8) -> Bool { isWordStart(c) || isDigit(c) }
}
