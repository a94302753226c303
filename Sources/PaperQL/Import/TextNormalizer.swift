// Titles and abstracts arrive with line breaks, runs of spaces and LaTeX forced breaks (`\\`)
// from PDF and LaTeX sources. They are normalised once, at import, so that every later step
// (display, `contains`, extractors, evidence offsets) sees the same single-spaced text.

enum TextNormalizer {
    /// Appends `source` to `output` with every run of whitespace (and `\\` breaks) turned into
    /// one space, and leading and trailing whitespace removed.
    static func appendNormalized(_ source: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        // Most text is already normal: no control bytes, no doubled or edge spaces, no `\\`,
        // no no-break space. That is checked sixteen bytes at a time, and such text is copied
        // in one go.
        if isNormal(source) {
            output.append(contentsOf: source)
            return
        }
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

    static func isNormal(_ source: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = source.count
        guard n > 0, let base = source.baseAddress else { return true }
        if source[0] == 0x20 || source[n - 1] == 0x20 { return false }
        let raw = UnsafeRawPointer(base)
        let space = SIMD16<UInt8>(repeating: 0x20), backslash = SIMD16<UInt8>(repeating: 0x5C), c2 = SIMD16<UInt8>(repeating: 0xC2)
        var i = 0
        while i + 17 <= n {
            let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
            let next = raw.loadUnaligned(fromByteOffset: i + 1, as: SIMD16<UInt8>.self)
            let bad = (v .< space) .| (v .== backslash) .| (v .== c2) .| ((v .== space) .& (next .== space))
            if any(bad) { return false }
            i += 16
        }
        while i < n {
            let b = source[i]
            if b < 0x20 || b == 0x5C || b == 0xC2 || (b == 0x20 && i + 1 < n && source[i + 1] == 0x20) { return false }
            i += 1
        }
        return true
    }

    static func normalized(_ text: String) -> String {
        var s = text
        var out: [UInt8] = []
        s.withUTF8 { appendNormalized($0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }
}
