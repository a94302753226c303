// The `bits` extractor: numeric precisions a paper discusses, as numbers of bits. Reads
// "4-bit", "2/3/4-bit" (each), "0.8 bits per weight", "INT8", "FP16", "BF16", "NF4", "W4A16"
// (4 and 16), "1.58-bit", "ternary" weights (1.58) and binarised networks (1). Leaves out
// hardware words ("64-bit"), colour depth ("8-bit colour"), "sub-4-bit" (no number is
// claimed) and "bits of knowledge".

import PaperQL

public struct BitsExtractor: Extractor {
    public let name = "bits"
    public let version = "1.0"
    public let fields = [
        FieldDescriptor(name: "bits", type: .list(.number), summary: "Numeric precisions discussed, in bits (4-bit, INT8, W4A16, binary = 1)"),
    ]

    public init() {}

    public func extract(from paper: ExtractionInput, into output: inout ExtractionOutput) {
        var scanner = BitsScanner()
        paper.forEachText { text in
            for (value, range) in scanner.precisions(in: text.utf8) {
                output.add(.number(value), toFieldAt: 0, evidence: text.evidence(range))
            }
        }
    }
}

struct BitsScanner {
    private var words: [Word] = []

    /// Number formats: a prefix and the bit count after it (INT8, FP16, BF16, NF4, MXFP4, BFLOAT16).
    static let formats: [[UInt8]] = ["bfloat", "float", "mxfp", "mxint", "uint", "int", "fp", "bf", "nf"].map { Array($0.utf8) }
    /// Only words that can name a precision start with these: int.., uint.., fp.., bf.., nf..,
    /// mx.., float.., w4a16, ternary, binar...
    static let formatInitials = TextTools.letterMask("iufbnmwt")
    static let notPrecision = WordSet(words: ["colour", "color", "colors", "colours", "rgb", "image", "images", "audio", "pcm",
        "of", "address", "addresses", "hash", "seed", "keys", "key", "system", "systems", "architecture", "os", "cpu", "cpus",
        "machine", "entropy"])
    static let ternaryContext = WordSet(words: ["weights", "weight", "quantization", "networks", "network", "llm", "llms",
        "models", "model", "values", "parameters"])
    static let binaryContext = WordSet(words: ["weights", "weight", "neural", "networks", "network", "activations",
        "quantization", "nets", "bnn", "bnns"])
    static let binarised = WordSet(words: ["binarized", "binarised", "binarization", "binarisation", "binarize", "binarizing"])
    static let ternary = WordKey("ternary")
    static let binary = WordKey("binary")
    static let sub = WordKey("sub")
    static let and = WordKey("and")
    static let or = WordKey("or")

    mutating func precisions(in text: UnsafeBufferPointer<UInt8>) -> [(Double, Range<Int>)] {
        var found: [(Double, Range<Int>)] = []
        let n = text.count
        // Read once: a static read in the loop costs a `swift_once` check per word.
        let formatInitials = BitsScanner.formatInitials
        // Only the starts of letter and digit runs matter, and of those only numbers, words
        // with a digit and words starting "ter" or "bin", so most words are never read to
        // their end. `resume` skips what a match consumed.
        var resume = 0
        // Words are read from their start only for ternary and binary forms.
        let wordsMayCount = TextTools.containsIgnoringCase(text, literal: "ternary") || TextTools.containsIgnoringCase(text, literal: "binar")
        var starts = RunStarts(text, letters: wordsMayCount)
        while let i = starts.next() {
            guard i >= resume else { continue }
            let b = text[i]
            let previous: UInt8 = i > 0 ? text[i - 1] : 0x20
            var wordStart = -1
            if TextTools.isDigit(b) {
                if TextTools.isWordByte(previous) {
                    // A digit inside a word: the word names a format if it starts with a letter.
                    var start = i - 1
                    while start > 0, TextTools.isWordByte(text[start - 1]) { start -= 1 }
                    if start >= resume, TextTools.isLetter(text[start]) { wordStart = start }
                }
                if wordStart < 0 {
                    let atTokenStart = !(TextTools.isLetter(previous) || TextTools.isDigit(previous) || previous == UInt8(ascii: "."))
                    if atTokenStart, let hit = numberBits(at: i, in: text) {
                        found += hit.values
                        resume = hit.end
                    }
                    continue
                }
            } else if !TextTools.isWordByte(previous), BitsScanner.mayNameFormat(i, n, in: text) {
                wordStart = i
            }
            guard wordStart >= 0 else { continue }
            var j = wordStart
            while j < n, TextTools.isWordByte(text[j]) { j += 1 }
            if TextTools.isLetter(text[wordStart], in: formatInitials) { found += namedFormat(wordStart..<j, in: text) }
            resume = j
        }
        return found
    }

    /// Whether the text at `start` (before `end`) starts "ter" or "bin", as ternary, binary and
    /// binarized do.
    @inline(__always)
    private static func mayNameFormat(_ start: Int, _ end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard end - start >= 3 else { return false }
        let first = text[start] | 0x20, second = text[start + 1] | 0x20, third = text[start + 2] | 0x20
        return (first == UInt8(ascii: "t") && second == UInt8(ascii: "e") && third == UInt8(ascii: "r"))
            || (first == UInt8(ascii: "b") && second == UInt8(ascii: "i") && third == UInt8(ascii: "n"))
    }

    /// "4-bit", "4 bit", "4bit", "0.8 bits per weight", and the list before it ("2/3/4-bit").
    private mutating func numberBits(at start: Int, in text: UnsafeBufferPointer<UInt8>) -> (values: [(Double, Range<Int>)], end: Int)? {
        guard let (value, numberEnd) = TextTools.number(at: start, in: text) else { return nil }
        let n = text.count
        var j = numberEnd
        if j < n, text[j] == UInt8(ascii: "-") || text[j] == 0x20 { j += 1 }
        guard j + 3 <= n, text[j] | 0x20 == UInt8(ascii: "b"), text[j + 1] | 0x20 == UInt8(ascii: "i"), text[j + 2] | 0x20 == UInt8(ascii: "t") else {
            return nil
        }
        var end = j + 3
        if end < n, text[end] | 0x20 == UInt8(ascii: "s") { end += 1 }
        guard end >= n || !TextTools.isLetter(text[end]) else { return nil }
        TextTools.words(before: start, in: text, count: 1, into: &words)
        if words.first?.key == BitsScanner.sub { return (values: [], end: end) }
        if start >= 4, text[start - 1] == UInt8(ascii: "-"), TextTools.word(TextTools.word((start - 4)..<(start - 1), in: text), endsWith: Array("sub".utf8), in: text) {
            return (values: [], end: end)
        }
        TextTools.words(after: end, in: text, count: 1, into: &words)
        if let next = words.first, BitsScanner.notPrecision.contains(next.key) { return (values: [], end: end) }
        if value >= 64 || value <= 0 { return (values: [], end: end) }
        var values = [(value, start..<end)]
        // Earlier members of a list sharing the unit: 2/3/4-bit, 2-, 3- and 4-bit.
        var k = start
        while k > 0 {
            var m = k
            var sawSeparator = false
            while m > 0, [UInt8(ascii: "/"), UInt8(ascii: ","), 0x20, UInt8(ascii: "-")].contains(text[m - 1]) { m -= 1; sawSeparator = true }
            TextTools.words(before: m, in: text, count: 1, into: &words)
            if let word = words.first, word.range.upperBound == m, word.key == BitsScanner.and || word.key == BitsScanner.or {
                m = word.range.lowerBound
                while m > 0, text[m - 1] == 0x20 || text[m - 1] == UInt8(ascii: "-") || text[m - 1] == UInt8(ascii: ",") { m -= 1 }
                sawSeparator = true
            }
            guard sawSeparator, m > 0, TextTools.isDigit(text[m - 1]) else { break }
            var s = m
            while s > 0, TextTools.isDigit(text[s - 1]) || text[s - 1] == UInt8(ascii: ".") { s -= 1 }
            guard s == 0 || !TextTools.isLetter(text[s - 1]), let (v, e) = TextTools.number(at: s, in: text), e == m,
                  v > 0, v < 64 else { break }
            values.append((v, s..<e))
            k = s
        }
        return (values: values.reversed(), end: end)
    }

    /// INT8, FP16, BF16, NF4, W4A16, ternary, binarized.
    private mutating func namedFormat(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> [(Double, Range<Int>)] {
        let lower = text[range.lowerBound] | 0x20
        for prefix in BitsScanner.formats where prefix[0] == lower && range.count > prefix.count {
            guard (0..<prefix.count).allSatisfy({ text[range.lowerBound + $0] | 0x20 == prefix[$0] }) else { continue }
            let digits = (range.lowerBound + prefix.count)..<range.upperBound
            guard text[digits].allSatisfy(TextTools.isDigit), let (v, _) = TextTools.number(at: digits.lowerBound, in: text), v > 0, v <= 32 else {
                return []
            }
            return [(v, range)]
        }
        // W4A16, W8A8, W4A16KV4.
        if lower == UInt8(ascii: "w") {
            var values: [Double] = []
            var i = range.lowerBound
            for tag in [UInt8(ascii: "w"), UInt8(ascii: "a"), UInt8(ascii: "k")] {
                guard i < range.upperBound, text[i] | 0x20 == tag else { break }
                i += 1
                if tag == UInt8(ascii: "k") {
                    guard i < range.upperBound, text[i] | 0x20 == UInt8(ascii: "v") else { return [] }
                    i += 1
                }
                guard let (v, e) = TextTools.number(at: i, in: text), e <= range.upperBound, v > 0, v <= 32 else { return [] }
                values.append(v)
                i = e
            }
            if values.count >= 2, i == range.upperBound { return values.map { ($0, range) } }
            return []
        }
        let key = WordKey(UnsafeBufferPointer(rebasing: text[range]))
        if key == BitsScanner.ternary {
            TextTools.words(after: range.upperBound, in: text, count: 2, into: &words)
            if words.contains(where: { BitsScanner.ternaryContext.contains($0.key) }) { return [(1.58, range)] }
        } else if BitsScanner.binarised.contains(key) {
            return [(1, range)]
        } else if key == BitsScanner.binary {
            TextTools.words(after: range.upperBound, in: text, count: 1, into: &words)
            if let next = words.first, BitsScanner.binaryContext.contains(next.key) { return [(1, range)] }
        }
        return []
    }
}
