// A cheap test that rules texts out before a regex runs: the literal runs that every match must
// contain. `/sparse(ly)? mixture/i` must contain "sparse" and " mixture"; a text without them is
// skipped with a byte search. Patterns with alternation at the top level, or anything this
// simple reader does not understand, yield no literals (no filtering), which is always safe.

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
}
