// Small byte-level helpers for extractors: sentences, words around a position, numbers. Public
// so that plugin authors get the same building blocks the standard extractors use.

/// Byte-level reading helpers over UTF-8 text.
public enum TextTools {
    /// The byte ranges of the sentences of `text`: split after `.`, `!` or `?` followed by a
    /// space and an uppercase letter or digit (so "e.g. the" and "3.5B" do not split).
    public static func sentences(in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        let n = text.count
        var i = 0
        while i < n {
            let b = text[i]
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?"), i + 2 < n, text[i + 1] == 0x20 {
                let next = text[i + 2]
                if (next >= 65 && next <= 90) || (next >= 48 && next <= 57) {
                    ranges.append(start..<(i + 1))
                    start = i + 2
                    i += 2
                    continue
                }
            }
            i += 1
        }
        if start < n { ranges.append(start..<n) }
        return ranges
    }

    @inlinable @inline(__always)
    public static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    @inlinable @inline(__always)
    public static func isLetter(_ b: UInt8) -> Bool { b | 0x20 >= 97 && b | 0x20 <= 122 }

    @inlinable @inline(__always)
    public static func isWordByte(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) || b >= 0x80 }

    /// A set of ASCII letters (case ignored) as one bit each, for ``isLetter(_:in:)``: a scanner
    /// that asks `"tfs".utf8.contains(b)` per word walks a `String` every time.
    public static func letterMask(_ letters: String) -> UInt32 {
        letters.utf8.reduce(0) { mask, b in isLetter(b) ? mask | 1 << UInt32((b | 0x20) - 97) : mask }
    }

    /// Whether `b` is a letter in `mask` (from ``letterMask(_:)``), ignoring case.
    @inlinable @inline(__always)
    public static func isLetter(_ b: UInt8, in mask: UInt32) -> Bool {
        isLetter(b) && mask & 1 << UInt32((b | 0x20) &- 97) != 0
    }

    /// The lowercased words (letters, digits, `-`) that follow `position`, at most `count`,
    /// stopping at sentence punctuation (and at commas with `stopAtComma`).
    public static func words(after position: Int, in text: UnsafeBufferPointer<UInt8>, count: Int, stopAtComma: Bool = false) -> [String] {
        var words: [String] = []
        var i = position
        let n = text.count
        while words.count < count, i < n {
            let b = text[i]
            if b == UInt8(ascii: ".") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":") || b == UInt8(ascii: "(") || b == UInt8(ascii: ")")
                || (stopAtComma && b == UInt8(ascii: ",")) {
                if b == UInt8(ascii: ".") && i + 1 < n && isDigit(text[i + 1]) { i += 1; continue }
                break
            }
            if isWordByte(b) {
                var j = i
                while j < n, isWordByte(text[j]) || (text[j] == UInt8(ascii: "-") && j + 1 < n && isWordByte(text[j + 1])) { j += 1 }
                words.append(String(decoding: text[i..<j], as: UTF8.self).lowercased())
                i = j
            } else {
                i += 1
            }
        }
        return words
    }

    /// The lowercased words before `position`, nearest first, at most `count`, stopping at
    /// sentence punctuation.
    public static func words(before position: Int, in text: UnsafeBufferPointer<UInt8>, count: Int) -> [String] {
        var words: [String] = []
        var i = position - 1
        while words.count < count, i >= 0 {
            let b = text[i]
            if b == UInt8(ascii: ";") || b == UInt8(ascii: ":") || (b == UInt8(ascii: ".") && !(i > 0 && isDigit(text[i - 1]) && i + 1 < text.count && isDigit(text[i + 1]))) {
                break
            }
            if isWordByte(b) {
                var j = i
                while j > 0, isWordByte(text[j - 1]) || (text[j - 1] == UInt8(ascii: "-") && j > 1 && isWordByte(text[j - 2])) { j -= 1 }
                words.append(String(decoding: text[j...i], as: UTF8.self).lowercased())
                i = j - 1
            } else {
                i -= 1
            }
        }
        return words
    }

    /// Reads a decimal number at `position` (digits with optional `,` thousands groups and one
    /// `.` fraction). Returns the value and the end offset.
    public static func number(at position: Int, in text: UnsafeBufferPointer<UInt8>) -> (value: Double, end: Int)? {
        let n = text.count
        var i = position
        guard i < n, isDigit(text[i]) else { return nil }
        // Digits accumulate in an integer, so no string is built; very long numbers fall back.
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        while i < n {
            let b = text[i]
            if isDigit(b) {
                mantissa = mantissa &* 10 &+ UInt64(b - 48)
                digits += 1
                i += 1
            } else if b == UInt8(ascii: ","), i + 3 < n, isDigit(text[i + 1]), isDigit(text[i + 2]), isDigit(text[i + 3]),
                      i + 4 >= n || !isDigit(text[i + 4]) {
                i += 1  // a thousands separator: exactly three digits follow
            } else {
                break
            }
        }
        if i + 1 < n, text[i] == UInt8(ascii: "."), isDigit(text[i + 1]) {
            i += 1
            while i < n, isDigit(text[i]) {
                mantissa = mantissa &* 10 &+ UInt64(text[i] - 48)
                digits += 1
                fractionDigits += 1
                i += 1
            }
        }
        if digits > 18 {
            // Too many digits for the integer: read it the slow way.
            var chars: [UInt8] = []
            for b in text[position..<i] where b != UInt8(ascii: ",") { chars.append(b) }
            guard let value = Double(String(decoding: chars, as: UTF8.self)) else { return nil }
            return (value, i)
        }
        // Both operands are exact, so the division is correctly rounded: "1.3" gives 1.3.
        let value = fractionDigits == 0 ? Double(mantissa) : Double(mantissa) / powersOfTen[fractionDigits]
        return (value, i)
    }

    private static let powersOfTen: [Double] = (0...18).map { e in (0..<e).reduce(1.0) { r, _ in r * 10 } }
}

extension TextTools {
    /// Whether `text` contains `needle`, ignoring ASCII case.
    public static func containsIgnoringCase(_ text: UnsafeBufferPointer<UInt8>, _ needle: String) -> Bool {
        containsIgnoringCase(text, bytes: Array(needle.lowercased().utf8))
    }

    /// Whether `text` contains `needle` (lowercase ASCII bytes), ignoring ASCII case; no allocation.
    public static func containsIgnoringCase(_ text: UnsafeBufferPointer<UInt8>, bytes needle: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { ByteSearch.containsFolded(text, $0) }
    }

    /// Whether `text` contains `needle` (lowercase ASCII), ignoring ASCII case: for needles
    /// written in the source, with no array to retain on every call.
    public static func containsIgnoringCase(_ text: UnsafeBufferPointer<UInt8>, literal needle: StaticString) -> Bool {
        needle.withUTF8Buffer { ByteSearch.containsFolded(text, $0) }
    }

    /// Whether `text` contains `byte` (memchr, so many bytes per step): lets a scanner skip a
    /// text that lacks a byte every match needs.
    public static func contains(_ byte: UInt8, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress, !text.isEmpty else { return false }
        return memchr(base, Int32(byte), text.count) != nil
    }

    /// The text of `range` as a String.
    public static func string(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self)
    }

    /// The index of the sentence of `sentences` holding `offset`.
    public static func sentence(holding offset: Int, in sentences: [Range<Int>]) -> Int? {
        sentences.firstIndex { $0.contains(offset) || $0.upperBound == offset }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The positions where a run of ASCII letters or a run of ASCII digits starts (the byte before
/// is of another kind, or there is none), in order: "GSM8K is" gives G, 8, K and i. Scanners
/// that act only at word starts or at numbers visit these instead of every byte; eight bytes
/// are classified at a time, with integer arithmetic on each byte of a word.
///
/// ```swift
/// var starts = RunStarts(text)
/// while let i = starts.next() { ... }
/// ```
public struct RunStarts {
    @usableFromInline let base: UnsafePointer<UInt8>?
    @usableFromInline let count: Int
    /// The next byte to classify.
    @usableFromInline var position = 0
    /// Run starts left in the eight bytes from `blockStart`: bit 7 of each byte that starts one.
    @usableFromInline var mask: UInt64 = 0
    @usableFromInline var blockStart = 0

    /// All ones when letter runs count, zero when only digit runs do.
    @usableFromInline let letterRuns: UInt64

    /// The run starts of `text`; with `letters: false`, only those of digit runs (numbers).
    @inlinable
    public init(_ text: UnsafeBufferPointer<UInt8>, letters: Bool = true) {
        base = text.baseAddress
        count = text.count
        letterRuns = letters ? ~0 : 0
    }

    @inlinable @inline(__always)
    static func kind(_ b: UInt8) -> UInt8 { (b | 0x20) &- 97 < 26 ? 1 : (b &- 48 < 10 ? 2 : 0) }

    /// The next run start, or nil at the end of the text.
    @inlinable @inline(__always)
    public mutating func next() -> Int? {
        guard let base else { return nil }
        while mask == 0 {
            if position == 0 {
                guard count > 0 else { return nil }
                position = 1
                let k = RunStarts.kind(base[0])
                if k == 2 || (k == 1 && letterRuns != 0) { return 0 }
            } else if position &+ 8 <= count {
                let raw = UnsafeRawPointer(base)
                // Little-endian order puts the byte at `position + k` in byte k of the word.
                let bytes = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                let previous = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position &- 1, as: UInt64.self))
                // Without letter runs, half the arithmetic (the branch goes the same way for a whole text).
                mask = letterRuns == 0 ? RunStarts.digitStarts(bytes, after: previous) : RunStarts.starts(bytes, after: previous, letterRuns: letterRuns)
                blockStart = position
                position &+= 8
            } else if position < count {
                let i = position
                position &+= 1
                let k = RunStarts.kind(base[i])
                if k == 2 || (k == 1 && letterRuns != 0), k != RunStarts.kind(base[i &- 1]) { return i }
            } else {
                return nil
            }
        }
        let offset = mask.trailingZeroBitCount >> 3
        mask &= mask &- 1
        return blockStart &+ offset
    }

    /// Bit 7 set in each byte of `bytes` that starts a run, given `previous`, the same eight
    /// bytes shifted back by one.
    @inlinable @inline(__always)
    static func starts(_ bytes: UInt64, after previous: UInt64, letterRuns: UInt64) -> UInt64 {
        let current = (letters: between(bytes | 0x2020_2020_2020_2020, 96, 123, original: bytes), digits: between(bytes, 47, 58, original: bytes))
        let before = (letters: between(previous | 0x2020_2020_2020_2020, 96, 123, original: previous), digits: between(previous, 47, 58, original: previous))
        return (current.letters & ~before.letters & letterRuns) | (current.digits & ~before.digits)
    }

    /// Bit 7 set in each byte of `bytes` that starts a digit run.
    @inlinable @inline(__always)
    static func digitStarts(_ bytes: UInt64, after previous: UInt64) -> UInt64 {
        between(bytes, 47, 58, original: bytes) & ~between(previous, 47, 58, original: previous)
    }

    /// Bit 7 set in each byte `x` of `word` with `low < x < high` (both at most 128), where
    /// `original` (the word before any case folding) has no high bit: every lane's sums stay
    /// inside its byte, so lanes do not disturb each other.
    @inlinable @inline(__always)
    static func between(_ word: UInt64, _ low: UInt64, _ high: UInt64, original: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low7 = word & (ones &* 127)
        return ((ones &* (127 &+ high)) &- low7) & ~original & (low7 &+ ones &* (127 &- low)) & (ones &* 128)
    }
}
