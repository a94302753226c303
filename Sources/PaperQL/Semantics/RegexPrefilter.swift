// A cheap test that rules texts out before a regex runs: the literal runs that every match must
// contain. `/sparse(ly)? mixture/i` must contain "sparse" and " mixture"; a text without them is
// skipped with a byte search. Alternatives of plain words count too: `/(sparse|prun)\w+/` needs
// "sparse" or "prun", and so does `/sparse|prun/`. Anything this simple reader does not
// understand yields nothing to require (no filtering), which is always safe.

enum RegexPrefilter {
    /// Literal runs of at least three bytes, lowercased, that any match contains.
    static func requiredLiterals(of pattern: String) -> [[UInt8]] {
        let chars = Array(pattern.unicodeScalars)
        var literals: [[UInt8]] = []
        var run = ""
        var depth = 0
        var i = 0
        func flush() {
            if run.utf8.count >= 3, depth == 0, run.utf8.allSatisfy({ $0 < 0x80 }) { literals.append(Array(run.lowercased().utf8)) }
            run = ""
        }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "|":
                if depth == 0 { return [] }  // top-level alternation: nothing is required
                flush()
            case "(":
                flush()
                depth += 1
            case ")":
                flush()
                depth = max(0, depth - 1)
            case "[":
                flush()
                // Skip the class.
                i += 1
                while i < chars.count, chars[i] != "]" {
                    if chars[i] == "\\" { i += 1 }
                    i += 1
                }
            case "*", "?", "{":
                // The last character of the run is optional.
                if !run.isEmpty { run.removeLast() }
                flush()
                if c == "{" { while i < chars.count, chars[i] != "}" { i += 1 } }
            case "+":
                flush()
            case ".", "^", "$":
                flush()
            case "\\":
                if i + 1 < chars.count {
                    let e = chars[i + 1]
                    if e.properties.isAlphabetic || ("0"..."9").contains(e) {
                        flush()  // \d \w \b \s ...: a class or an anchor
                    } else if depth == 0 {
                        run.unicodeScalars.append(e)
                    }
                    i += 1
                }
            default:
                if depth == 0 { run.unicodeScalars.append(c) }
            }
            i += 1
        }
        flush()
        return literals
    }

    /// Groups of alternatives, lowercased, one of each group occurring in any match: from a
    /// pattern that is a plain alternation (`a|b`), and from groups of plain alternatives
    /// (`(a|b)`, `(?:a|b)`) at the top level that are not optional.
    static func requiredAlternatives(of pattern: String) -> [[[UInt8]]] {
        let chars = Array(pattern.unicodeScalars)
        // A plain alternative: letters, digits, spaces and escaped punctuation only.
        func plain(_ text: ArraySlice<Unicode.Scalar>) -> [UInt8]? {
            var out = ""
            var i = text.startIndex
            while i < text.endIndex {
                let c = text[i]
                if c == "\\" {
                    guard i + 1 < text.endIndex, !(text[i + 1].properties.isAlphabetic || ("0"..."9").contains(text[i + 1])) else { return nil }
                    out.unicodeScalars.append(text[i + 1])
                    i += 2
                    continue
                }
                if "^$.|?*+()[]{}".unicodeScalars.contains(c) { return nil }
                out.unicodeScalars.append(c)
                i += 1
            }
            let bytes = Array(out.lowercased().utf8)
            return bytes.count >= 3 && bytes.allSatisfy({ $0 < 0x80 }) ? bytes : nil
        }
        func alternatives(_ text: ArraySlice<Unicode.Scalar>) -> [[UInt8]]? {
            var parts: [[UInt8]] = []
            var start = text.startIndex
            var i = text.startIndex
            while i <= text.endIndex {
                if i == text.endIndex || text[i] == "|" {
                    guard let part = plain(text[start..<i]) else { return nil }
                    parts.append(part)
                    start = i + 1
                } else if text[i] == "\\" {
                    i += 1
                }
                i += 1
            }
            return parts.count >= 2 ? parts : nil
        }
        if let whole = alternatives(chars[...]) { return [whole] }
        var groups: [[[UInt8]]] = []
        var i = 0
        var depth = 0
        var open = 0
        while i < chars.count {
            switch chars[i] {
            case "\\":
                i += 1
            case "[":
                while i < chars.count, chars[i] != "]" { if chars[i] == "\\" { i += 1 }; i += 1 }
            case "(":
                if depth == 0 { open = i }
                depth += 1
            case ")":
                depth -= 1
                guard depth == 0 else { break }
                var inner = chars[(open + 1)..<i]
                if inner.starts(with: ["?", ":"]) { inner = inner.dropFirst(2) }
                let next = i + 1 < chars.count ? chars[i + 1] : " "
                if next != "?", next != "*", next != "{", let parts = alternatives(inner) { groups.append(parts) }
            case "|" where depth == 0:
                return []  // a top-level alternation that is not plain: nothing is required
            default:
                break
            }
            i += 1
        }
        return groups
    }
}
