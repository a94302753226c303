// Allocation-free reading of the words around a position, for extractors that look at context
// ("7B" followed by "parameters" or by "tokens"). A word is identified by a `WordKey`, its
// lowercased bytes packed into integers, so comparing it with a set of known words costs a hash
// of three integers and no String is ever built.

/// A word, lowercased, as a hashable value (words longer than 24 bytes keep their first 24 and
/// their length, which is exact enough for word lists).
public struct WordKey: Hashable, Sendable {
    @usableFromInline let a: UInt64, b: UInt64, c: UInt64
    public let length: UInt16

    @inlinable
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Eight bytes per part, each folded without a branch: this runs for most words scanned.
        @inline(__always) func part(_ from: Int) -> UInt64 {
            var value: UInt64 = 0
            var i = from
            let end = min(bytes.count, from &+ 8)
            while i < end {
                let byte = bytes[i]
                let folded = byte &+ (byte &- 65 < 26 ? 32 : 0)
                value |= UInt64(folded) << UInt64((i &- from) &* 8)
                i &+= 1
            }
            return value
        }
        a = part(0)
        b = bytes.count > 8 ? part(8) : 0
        c = bytes.count > 16 ? part(16) : 0
        length = UInt16(min(bytes.count, Int(UInt16.max)))
    }

    public init(_ string: String) {
        var s = string
        self = s.withUTF8 { WordKey($0) }
    }

    public static let empty = WordKey("")

    @inlinable
    public static func == (lhs: WordKey, rhs: WordKey) -> Bool {
        lhs.a == rhs.a && lhs.b == rhs.b && lhs.c == rhs.c && lhs.length == rhs.length
    }

    /// One mixed integer instead of four: word-list lookups run for most words of every
    /// abstract, and each `combine` showed in the profile.
    public func hash(into hasher: inout Hasher) {
        hasher.combine((a &* 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xC2B2_AE3D_27D4_EB4F) ^ (c &* 0x1656_67B1_9E37_79F9) ^ UInt64(length))
    }
}

/// A word of a text: where it is, and its keys.
public struct Word: Sendable {
    public let range: Range<Int>
    /// The whole word, lowercased ("vision-language").
    public let key: WordKey
    /// The part after the last hyphen ("language"), or the whole word.
    public let lastPart: WordKey
    /// The part before the first hyphen ("vision"), or the whole word.
    public let firstPart: WordKey
    /// Whether the word has a hyphen inside.
    public var isHyphenated: Bool { lastPart != key }
    /// Whether it starts with a digit.
    public let isNumber: Bool
    /// Whether it ends in "s" but not "ss" (a plural, or a verb).
    public let endsInS: Bool
}

extension TextTools {
    @inline(__always)
    static func isSentencePunctuation(_ b: UInt8, stopAtComma: Bool) -> Bool {
        b == UInt8(ascii: ".") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":") || b == UInt8(ascii: "(") || b == UInt8(ascii: ")")
            || (stopAtComma && b == UInt8(ascii: ","))
    }

    public static func word(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Word {
        var firstHyphen = -1
        var lastHyphen = -1
        for i in range where text[i] == UInt8(ascii: "-") {
            if firstHyphen < 0 { firstHyphen = i }
            lastHyphen = i
        }
        let whole = WordKey(UnsafeBufferPointer(rebasing: text[range]))
        let last = lastHyphen >= 0 ? WordKey(UnsafeBufferPointer(rebasing: text[(lastHyphen + 1)..<range.upperBound])) : whole
        let first = firstHyphen >= 0 ? WordKey(UnsafeBufferPointer(rebasing: text[range.lowerBound..<firstHyphen])) : whole
        let end = range.upperBound
        let endsInS = range.count > 1 && text[end - 1] | 0x20 == UInt8(ascii: "s") && text[end - 2] | 0x20 != UInt8(ascii: "s")
        return Word(range: range, key: whole, lastPart: last, firstPart: first, isNumber: isDigit(text[range.lowerBound]), endsInS: endsInS)
    }

    /// Whether `word` starts with `prefix` (lowercase ASCII), ignoring case.
    public static func word(_ word: Word, startsWith prefix: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.range.count >= prefix.count else { return false }
        for (k, b) in prefix.enumerated() where ByteSearch.fold(text[word.range.lowerBound + k]) != b { return false }
        return true
    }

    /// Whether `word` ends with `suffix` (lowercase ASCII), ignoring case.
    public static func word(_ word: Word, endsWith suffix: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.range.count >= suffix.count else { return false }
        let start = word.range.upperBound - suffix.count
        for (k, b) in suffix.enumerated() where ByteSearch.fold(text[start + k]) != b { return false }
        return true
    }

    /// The words after `position` (at most `count`), stopping at sentence punctuation, into
    /// `words` (cleared first; reuse it to avoid allocating).
    public static func words(after position: Int, in text: UnsafeBufferPointer<UInt8>, count: Int, stopAtComma: Bool = false,
                             into words: inout [Word]) {
        words.removeAll(keepingCapacity: true)
        // Room for the most words asked of this buffer so far: one allocation, not one per doubling.
        if words.capacity < count { words.reserveCapacity(max(count, 5)) }
        var i = position
        let n = text.count
        while words.count < count, i < n {
            let b = text[i]
            if isSentencePunctuation(b, stopAtComma: stopAtComma) {
                if b == UInt8(ascii: "."), i + 1 < n, isDigit(text[i + 1]) { i += 1; continue }
                return
            }
            if isWordByte(b) {
                var j = i
                while j < n, isWordByte(text[j]) || (text[j] == UInt8(ascii: "-") && j + 1 < n && isWordByte(text[j + 1])) { j += 1 }
                words.append(word(i..<j, in: text))
                i = j
            } else {
                i += 1
            }
        }
    }

    /// The words before `position`, nearest first (at most `count`), stopping at sentence
    /// punctuation (a decimal point does not stop), into `words`.
    public static func words(before position: Int, in text: UnsafeBufferPointer<UInt8>, count: Int, into words: inout [Word]) {
        words.removeAll(keepingCapacity: true)
        if words.capacity < count { words.reserveCapacity(max(count, 5)) }
        var i = position - 1
        while words.count < count, i >= 0 {
            let b = text[i]
            if b == UInt8(ascii: ";") || b == UInt8(ascii: ":")
                || (b == UInt8(ascii: ".") && !(i > 0 && isDigit(text[i - 1]) && i + 1 < text.count && isDigit(text[i + 1]))) {
                return
            }
            if isWordByte(b) {
                var j = i
                while j > 0, isWordByte(text[j - 1]) || (text[j - 1] == UInt8(ascii: "-") && j > 1 && isWordByte(text[j - 2])) { j -= 1 }
                words.append(word(j..<(i + 1), in: text))
                i = j - 1
            } else {
                i -= 1
            }
        }
    }
}
