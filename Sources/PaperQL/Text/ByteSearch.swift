// Case-insensitive substring search over UTF-8 bytes, for `contains` and the regex prefilter.
// ASCII letters are folded; other bytes compare exactly, which is why callers fall back to
// Unicode-aware comparison when the needle itself is not ASCII.

enum ByteSearch {
    @inline(__always)
    static func fold(_ b: UInt8) -> UInt8 { (b >= 65 && b <= 90) ? b | 0x20 : b }

    /// Whether `haystack` contains `needle` (already lowercased ASCII), ignoring ASCII case,
    /// sixteen positions at a time (see `scanFolded`).
    static func containsFolded(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        var found = false
        scanFolded(haystack, needle) { _ in found = true; return false }
        return found
    }

    /// The offset of the first match of `needle` at or after `start`.
    static func firstFolded(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let n = needle.count
        let h = haystack.count
        guard n > 0 else { return start }
        guard h - start >= n else { return nil }
        let first = needle[0]
        let firstUpper: UInt8 = (first >= 97 && first <= 122) ? first - 32 : first
        let last = h - n
        var i = start
        while i <= last {
            let b = haystack[i]
            if b == first || b == firstUpper {
                var j = 1
                while j < n, fold(haystack[i + j]) == needle[j] { j += 1 }
                if j == n { return i }
            }
            i += 1
        }
        return nil
    }

    static func containsFolded(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { containsFolded(haystack, $0) }
    }

    /// Exact equality ignoring ASCII case; `needle` is lowercased.
    static func equalsFolded(_ value: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard value.count == needle.count else { return false }
        for i in 0..<value.count where fold(value[i]) != needle[i] { return false }
        return true
    }

    static func isASCII(_ bytes: some Sequence<UInt8>) -> Bool { bytes.allSatisfy { $0 < 0x80 } }

    /// Whether every byte is ASCII, read eight at a time: the importer asks this of every title
    /// and abstract, and the byte loop was a tenth of a one-shot query's time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let n = bytes.count
        var i = 0
        while i &+ 32 <= n {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: i &+ 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i &+ 24, as: UInt64.self)
            if word & highBits != 0 { return false }
            i &+= 32
        }
        while i &+ 8 <= n {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & highBits != 0 { return false }
            i &+= 8
        }
        while i < n {
            if bytes[i] >= 0x80 { return false }
            i &+= 1
        }
        return true
    }
}

extension ByteSearch {
    /// Calls `body` with the offset of every match of `needle` (lowercased ASCII) in
    /// `haystack`, ignoring ASCII case. Sixteen positions are tested at once: the first and last
    /// bytes of the needle are compared, with case folded by setting bit 0x20, against the bytes
    /// that would hold them; only positions where both agree are checked in full. Needles whose
    /// first or last byte lacks bit 0x20 (such as `_` or `@`) take the plain path.
    static func forEachMatchFolded(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], _ body: (Int) -> Void) {
        needle.withUnsafeBufferPointer { needle in scanFolded(haystack, needle) { body($0); return true } }
    }

    /// Calls `body` with each match in order until it returns false.
    private static func scanFolded(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Bool) {
        let n = needle.count
        let h = haystack.count
        guard n > 0, h >= n, let base = haystack.baseAddress else { return }
        let first = needle[0], last = needle[n - 1]
        var i = 0
        // The second byte is compared too (when it has bit 0x20), which leaves far fewer
        // places to check for needles that start and end with common letters ("times").
        let secondOffset = n >= 3 && needle[1] & 0x20 != 0 ? 1 : 0
        if n >= 2, first & 0x20 != 0, last & 0x20 != 0 {
            let vFirst = SIMD16<UInt8>(repeating: first)
            let vSecond = SIMD16<UInt8>(repeating: needle[secondOffset])
            let vLast = SIMD16<UInt8>(repeating: last)
            let caseBit = SIMD16<UInt8>(repeating: 0x20)
            let raw = UnsafeRawPointer(base)
            let nb = needle
            let stopped = { () -> Bool in
                while i + n - 1 + 16 <= h {
                    let a = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self) | caseBit
                    let m = raw.loadUnaligned(fromByteOffset: i + secondOffset, as: SIMD16<UInt8>.self) | caseBit
                    let b = raw.loadUnaligned(fromByteOffset: i + n - 1, as: SIMD16<UInt8>.self) | caseBit
                    let hit = (a .== vFirst) .& (m .== vSecond) .& (b .== vLast)
                    // `any(_:)` reduces the mask through a generic call; two integer tests do not.
                    let lanes = unsafeBitCast(SIMD16<UInt8>(repeating: 0).replacing(with: 1, where: hit), to: (UInt64, UInt64).self)
                    if lanes.0 | lanes.1 != 0 {
                        for lane in 0..<16 where hit[lane] {
                            let start = i + lane
                            var j = 1
                            while j < n - 1, fold(base[start + j]) == nb[j] { j += 1 }
                            if j >= n - 1, fold(base[start]) == first, fold(base[start + n - 1]) == last, !body(start) { return true }
                        }
                    }
                    i += 16
                }
                return false
            }()
            if stopped { return }
        }
        // The tail, or the whole text for awkward needles.
        while let found = firstFolded(haystack, needle, from: i) {
            guard body(found) else { return }
            i = found + 1
        }
    }
}
