// Titles and abstracts arrive with line breaks, runs of spaces and LaTeX forced breaks (`\\`)
// from PDF and LaTeX sources. They are normalised once, at import, so that every later step
// (display, `contains`, extractors, evidence offsets) sees the same single-spaced text.

enum TextNormalizer {
    /// Appends `source` to `output` with every run of whitespace (and `\\` breaks) turned into
    /// one space, and leading and trailing whitespace removed.
    static func appendNormalized(_ source: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let start = output.count
        var pendingSpace = false
        var i = 0
        let n = source.count
        while i < n {
            // Copy a run of ordinary bytes in one go.
            var j = i
            while j < n {
                let b = source[j]
                if b <= 0x20 || b == UInt8(ascii: "\\") || b == 0xC2 { break }
                j += 1
            }
            if j > i {
                if pendingSpace, output.count > start { output.append(0x20) }
                pendingSpace = false
                output.append(contentsOf: UnsafeBufferPointer(rebasing: source[i..<j]))
                i = j
                continue
            }
            let b = source[i]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0B || b == 0x0C {
                pendingSpace = true
                i += 1
                continue
            }
            if b == UInt8(ascii: "\\"), i + 1 < n, source[i + 1] == UInt8(ascii: "\\") {
                pendingSpace = true
                i += 2
                continue
            }
            if b == 0xC2, i + 1 < n, source[i + 1] == 0xA0 {  // no-break space
                pendingSpace = true
                i += 2
                continue
            }
            if pendingSpace, output.count > start { output.append(0x20) }
            pendingSpace = false
            output.append(b)
            i += 1
        }
    }

    static func normalized(_ text: String) -> String {
        var s = text
        var out: [UInt8] = []
        s.withUTF8 { appendNormalized($0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }
}
