// BibTeX bibliographies (Zotero, arXiv and Google Scholar exports). Handles `@string` macros,
// `#` concatenation, braces and quotes nested to any depth, month macros, comments and
// `@preamble`, and turns common LaTeX accents and commands into Unicode. An entry that cannot
// be parsed is reported and the parser resumes at the next `@` at the start of a line.

enum BibTeXImporter {
    static func importBibliography(_ bytes: UnsafeBufferPointer<UInt8>, origin: String, into builder: inout CorpusBuilder,
                                   report: inout FileReport) {
        if let line = LongLines.firstInvalidUTF8Line(bytes) {
            report.diagnostics.append(LoadDiagnostic(.warning, origin: origin, line: line, message: "invalid UTF-8 replaced with U+FFFD"))
        }
        let checked = LongLines.blanked(bytes, origin: origin, report: &report)
        var parser = BibTeXParser(text: checked ?? Array(bytes))
        while let entry = parser.nextEntry() {
            switch entry {
            case .failure(let line, let message):
                report.diagnostics.append(LoadDiagnostic(.error, origin: origin, line: line, message: "\(message); entry skipped"))
            case .success(let parsed):
                add(parsed, origin: origin, into: &builder, report: &report)
            }
        }
    }

    private static func add(_ entry: BibTeXEntry, origin: String, into builder: inout CorpusBuilder, report: inout FileReport) {
        guard let title = entry.fields["title"].map(LaTeX.plainText), !title.isEmpty else {
            report.diagnostics.append(LoadDiagnostic(.error, origin: origin, line: entry.line,
                                                     message: "entry `\(entry.key)` has no title; skipped"))
            return
        }
        builder.beginRecord(source: origin, line: entry.line)
        builder.add("title", string: TextNormalizer.normalized(title))
        if let abstract = entry.fields["abstract"].map(LaTeX.plainText) {
            let normal = TextNormalizer.normalized(abstract)
            if !normal.isEmpty { builder.add("abstract", string: normal) }
        }
        builder.add("id", string: entry.key)
        builder.add("entry_type", string: entry.type)
        for (name, raw) in entry.fields.sorted(by: { $0.key < $1.key }) where name != "title" && name != "abstract" {
            let value = TextNormalizer.normalized(LaTeX.plainText(raw))
            switch name {
            case "author", "editor":
                let field = name == "author" ? "authors" : "editors"
                builder.markList(field)
                for person in BibTeXEntry.people(raw).map(LaTeX.plainText) {
                    let cleaned = TextNormalizer.normalized(person)
                    if !cleaned.isEmpty { builder.add(field, string: BibTeXEntry.displayName(cleaned)) }
                }
            case "keywords":
                builder.markList("keywords")
                for word in value.split(whereSeparator: { $0 == "," || $0 == ";" }) {
                    let trimmed = String(word).trimmingSpaces
                    if !trimmed.isEmpty { builder.add("keywords", string: trimmed) }
                }
            case "year":
                if let year = Double(value) { builder.add("year", number: year) } else { builder.add("year", string: value) }
            case "eprint":
                builder.add("arxiv", string: value)
            case "journal", "booktitle":
                if !builder.has("venue") { builder.add("venue", string: value) }
            case "month", "pages", "volume", "number":
                builder.add(name, string: value)
            default:
                builder.add(FieldMapping.normalizedKey(name), string: value)
            }
        }
        builder.endRecord()
        report.papers += 1
    }
}

struct BibTeXEntry {
    let type: String
    let key: String
    let line: Int
    /// Raw values, macros expanded and concatenation applied, LaTeX still in them.
    var fields: [String: String]

    /// The names of an author list, split on " and " outside braces, so that a braced
    /// corporate author ("{Models and Friends Consortium}") stays one name.
    static func people(_ raw: String) -> [String] {
        var names: [String] = []
        var current = ""
        var depth = 0
        let chars = Array(raw)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{" { depth += 1 } else if c == "}" { depth -= 1 }
            if depth == 0, c.isWhitespace, i + 4 < chars.count, String(chars[(i + 1)...(i + 3)]).lowercased() == "and", chars[i + 4].isWhitespace {
                names.append(current)
                current = ""
                i += 5
                continue
            }
            current.append(c)
            i += 1
        }
        names.append(current)
        return names.map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// "Smith, John" -> "John Smith".
    static func displayName(_ name: String) -> String {
        let parts = name.split(separator: ",", maxSplits: 1).map { String($0).trimmingSpaces }
        guard parts.count == 2, !parts[1].isEmpty else { return name }
        return parts[1] + " " + parts[0]
    }
}

enum BibTeXResult {
    case success(BibTeXEntry)
    case failure(line: Int, message: String)
}

struct BibTeXParser {
    /// UTF-8; every character BibTeX gives a meaning to is ASCII, so the parser reads bytes and
    /// decodes only the values it keeps.
    let text: [UInt8]
    var position = 0
    var line = 1
    var macros: [String: String] = [
        "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May", "jun": "June",
        "jul": "July", "aug": "August", "sep": "September", "oct": "October", "nov": "November", "dec": "December",
    ]

    init(text: [UInt8]) {
        self.text = text
    }

    private struct Failure: Error { let message: String }

    private var current: UInt8? { position < text.count ? text[position] : nil }

    private mutating func advance() {
        if text[position] == 0x0A { line += 1 }
        position += 1
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D }

    private mutating func skipSpace() {
        while let c = current {
            if BibTeXParser.isSpace(c) { advance() } else if c == UInt8(ascii: "%") {
                while let d = current, d != 0x0A { advance() }
            } else { return }
        }
    }

    /// The next entry, or nil at the end of the text.
    mutating func nextEntry() -> BibTeXResult? {
        while true {
            // Text outside entries is a comment in BibTeX.
            while let c = current, c != UInt8(ascii: "@") { advance() }
            guard current != nil else { return nil }
            let startLine = line
            let startPosition = position
            advance()
            do {
                if let entry = try entry(startLine: startLine) { return .success(entry) }
            } catch {
                // Resume at the next `@` that starts a line.
                position = startPosition + 1
                line = startLine
                while let c = current {
                    if c == UInt8(ascii: "@"), position > 0, text[position - 1] == 0x0A { break }
                    advance()
                }
                return .failure(line: startLine, message: error.message)
            }
        }
    }

    /// Letters (any non-ASCII byte counts as part of one), digits and `_-:./+'`.
    private mutating func identifier() -> String {
        let start = position
        while let c = current, c >= 0x80 || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "z"))
                || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || "_-:./+'".utf8.contains(c) {
            advance()
        }
        return string(start..<position)
    }

    private func string(_ range: Range<Int>) -> String {
        text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// One `@type{...}`; nil for `@comment`, `@preamble` and `@string`, which produce no paper.
    private mutating func entry(startLine: Int) throws(Failure) -> BibTeXEntry? {
        let type = identifier().lowercased()
        guard !type.isEmpty else { throw Failure(message: "expected an entry type after `@`") }
        skipSpace()
        guard let open = current, open == UInt8(ascii: "{") || open == UInt8(ascii: "(") else {
            if type == "comment" { return nil }
            throw Failure(message: "expected `{` after `@\(type)`")
        }
        let close = open == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: ")")
        advance()
        switch type {
        case "comment":
            _ = try braced(until: close)
            return nil
        case "preamble":
            skipSpace()
            _ = try value()
            skipSpace()
            try expect(close)
            return nil
        case "string":
            skipSpace()
            let name = identifier().lowercased()
            skipSpace()
            try expect(UInt8(ascii: "="))
            skipSpace()
            macros[name] = try value()
            skipSpace()
            try expect(close)
            return nil
        default:
            break
        }
        skipSpace()
        let keyStart = position
        while let c = current, c != UInt8(ascii: ","), c != close, !BibTeXParser.isSpace(c) { advance() }
        let key = string(keyStart..<position)
        skipSpace()
        var entry = BibTeXEntry(type: type, key: key, line: startLine, fields: [:])
        let closing = String(UnicodeScalar(close))
        while true {
            skipSpace()
            if current == close {
                advance()
                return entry
            }
            guard current == UInt8(ascii: ",") else {
                throw Failure(message: current == nil ? "unexpected end of file inside `@\(type){\(key)`" : "expected `,` or `\(closing)` in `@\(type){\(key)`")
            }
            advance()
            skipSpace()
            if current == close {
                advance()
                return entry
            }
            let name = identifier().lowercased()
            guard !name.isEmpty else { throw Failure(message: "expected a field name in `\(key)`") }
            skipSpace()
            try expect(UInt8(ascii: "="))
            skipSpace()
            entry.fields[name] = try value()
        }
    }

    private mutating func expect(_ c: UInt8) throws(Failure) {
        guard current == c else {
            let shown = String(UnicodeScalar(c))
            throw Failure(message: current == nil ? "unexpected end of file, expected `\(shown)`" : "expected `\(shown)`")
        }
        advance()
    }

    /// A value: parts joined by `#`, each a braced or quoted string, a number or a macro name.
    private mutating func value() throws(Failure) -> String {
        var result = ""
        while true {
            skipSpace()
            guard let c = current else { throw Failure(message: "unexpected end of file in a field value") }
            if c == UInt8(ascii: "{") {
                advance()
                result += try braced(until: UInt8(ascii: "}"))
            } else if c == UInt8(ascii: "\"") {
                advance()
                result += try quoted()
            } else if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                let start = position
                while let d = current, d >= UInt8(ascii: "0") && d <= UInt8(ascii: "9") { advance() }
                result += string(start..<position)
            } else {
                let name = identifier().lowercased()
                guard !name.isEmpty else { throw Failure(message: "expected a value") }
                result += macros[name] ?? name
            }
            skipSpace()
            if current == UInt8(ascii: "#") {
                advance()
                continue
            }
            return result
        }
    }

    /// Text up to the matching closing brace (the opening one already consumed).
    private mutating func braced(until close: UInt8) throws(Failure) -> String {
        var depth = 0
        let start = position
        while let c = current {
            if c == UInt8(ascii: "\\"), position + 1 < text.count {
                advance()
                advance()
                continue
            }
            if c == UInt8(ascii: "{") { depth += 1 }
            if c == close, depth == 0 {
                let value = string(start..<position)
                advance()
                return value
            }
            if c == UInt8(ascii: "}") { depth -= 1 }
            advance()
        }
        throw Failure(message: "unbalanced braces: the file ends inside a value")
    }

    private mutating func quoted() throws(Failure) -> String {
        var depth = 0
        let start = position
        while let c = current {
            if c == UInt8(ascii: "{") { depth += 1 }
            if c == UInt8(ascii: "}") { depth -= 1 }
            if c == UInt8(ascii: "\""), depth == 0 {
                let value = string(start..<position)
                advance()
                return value
            }
            advance()
        }
        throw Failure(message: "unterminated quoted value")
    }
}

/// LaTeX markup in titles and abstracts, turned into plain Unicode text.
enum LaTeX {
    static let accents: [Character: [Character: String]] = [
        "\"": ["a": "ä", "o": "ö", "u": "ü", "e": "ë", "i": "ï", "y": "ÿ", "A": "Ä", "O": "Ö", "U": "Ü", "E": "Ë", "I": "Ï"],
        "'": ["a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú", "y": "ý", "c": "ć", "n": "ń", "s": "ś", "z": "ź",
              "A": "Á", "E": "É", "I": "Í", "O": "Ó", "U": "Ú", "C": "Ć", "S": "Ś", "Z": "Ź"],
        "`": ["a": "à", "e": "è", "i": "ì", "o": "ò", "u": "ù", "A": "À", "E": "È", "I": "Ì", "O": "Ò", "U": "Ù"],
        "^": ["a": "â", "e": "ê", "i": "î", "o": "ô", "u": "û", "A": "Â", "E": "Ê", "I": "Î", "O": "Ô", "U": "Û"],
        "~": ["a": "ã", "n": "ñ", "o": "õ", "A": "Ã", "N": "Ñ", "O": "Õ"],
        "c": ["c": "ç", "C": "Ç", "s": "ş", "S": "Ş"],
        "v": ["c": "č", "s": "š", "z": "ž", "r": "ř", "e": "ě", "C": "Č", "S": "Š", "Z": "Ž", "R": "Ř", "n": "ň"],
        "=": ["a": "ā", "e": "ē", "i": "ī", "o": "ō", "u": "ū"],
        ".": ["z": "ż", "Z": "Ż", "e": "ė"],
        "H": ["o": "ő", "u": "ű", "O": "Ő", "U": "Ű"],
        "u": ["a": "ă", "g": "ğ", "A": "Ă"],
        "k": ["a": "ą", "e": "ę"],
        "r": ["a": "å", "A": "Å"],
    ]

    static let symbols: [String: String] = [
        "ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "i": "ı",
        "oe": "œ", "OE": "Œ", "&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "textendash": "–", "textemdash": "—",
        "ldots": "…", "dots": "…", "times": "×", "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε",
        "lambda": "λ", "mu": "μ", "pi": "π", "sigma": "σ", "tau": "τ", "theta": "θ", "sim": "~", "approx": "≈",
        "leq": "≤", "geq": "≥", "le": "≤", "ge": "≥", "pm": "±", "infty": "∞", "rightarrow": "→", "to": "→",
    ]

    /// `\"u`, `\"{u}`, `\'{\i}`, `\c{c}`, `\v s`: the accented letter and where the markup ends.
    /// Accents named by a letter (`\c`, `\v`) need a brace or a space after them, so that
    /// commands such as `\cite` are not read as accents.
    private static func accent(_ table: [Character: String], letterNamed: Bool, _ chars: [Character], from start: Int)
        -> (String, Int)? {
        var j = start
        if letterNamed {
            guard j < chars.count, chars[j] == "{" || chars[j] == " " else { return nil }
            while j < chars.count, chars[j] == " " { j += 1 }
        }
        guard j < chars.count else { return nil }
        if chars[j] == "{" {
            if j + 3 < chars.count, chars[j + 1] == "\\", chars[j + 2] == "i" || chars[j + 2] == "j", chars[j + 3] == "}" {
                return (table[chars[j + 2]] ?? String(chars[j + 2]), j + 4)
            }
            guard j + 2 < chars.count, chars[j + 2] == "}", let accented = table[chars[j + 1]] else { return nil }
            return (accented, j + 3)
        }
        if chars[j] == "\\", j + 1 < chars.count, chars[j + 1] == "i" {
            return (table["i"] ?? "i", j + 2)
        }
        guard let accented = table[chars[j]] else { return nil }
        return (accented, j + 1)
    }

    /// Text with accents resolved, formatting commands unwrapped, braces and `$` removed.
    static func plainText(_ source: String) -> String {
        // Most text has no markup at all: nothing to do.
        var markup = false
        var previous: UInt8 = 0
        for b in source.utf8 {
            if b == UInt8(ascii: "\\") || b == UInt8(ascii: "{") || b == UInt8(ascii: "}") || b == UInt8(ascii: "$")
                || b == UInt8(ascii: "~") || (b == UInt8(ascii: "-") && previous == UInt8(ascii: "-")) {
                markup = true
                break
            }
            previous = b
        }
        if !markup { return source }
        let chars = Array(source)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count {
                let next = chars[i + 1]
                if let table = accents[next], let (accented, end) = accent(table, letterNamed: next.isLetter, chars, from: i + 2) {
                    out += accented
                    i = end
                    continue
                }
                if next.isLetter {
                    var j = i + 1
                    var name = ""
                    while j < chars.count, chars[j].isLetter { name.append(chars[j]); j += 1 }
                    if let symbol = symbols[name] {
                        out += symbol
                        if j < chars.count, chars[j] == " " { j += 1 }
                    } else if ["url", "href", "emph", "textbf", "textit", "texttt", "mathrm", "mathbf", "text", "textsc", "em", "bf",
                                "it", "sc", "rm", "tt", "sl", "sf", "textrm", "textsf", "mathit", "mathcal", "mbox"].contains(name) {
                        if j < chars.count, chars[j] == " " { j += 1 }
                        // Unwrap: the braces that follow are dropped below, keeping their content.
                    } else {
                        // Unknown command: keep its name as text, which is less wrong than dropping it.
                        out += name
                    }
                    i = j
                    continue
                }
                out.append(next)  // \& \% \{ ...
                i += 2
                continue
            }
            if c == "{" || c == "}" || c == "$" {
                i += 1
                continue
            }
            if c == "~" {
                out += " "
                i += 1
                continue
            }
            if c == "-", i + 2 < chars.count, chars[i + 1] == "-" {
                if chars[i + 2] == "-" { out += "—"; i += 3 } else { out += "–"; i += 2 }
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }
}
