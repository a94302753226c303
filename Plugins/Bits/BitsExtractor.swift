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
        for text in [paper.title, paper.abstract] where !text.isEmpty {
            for (value, range) in BitsScanner.precisions(in: text.utf8) {
                output.add(.number(value), toFieldAt: 0, evidence: text.evidence(range))
            }
        }
    }
}

enum BitsScanner {
    static let formats: [(prefix: String, requiresDigits: Bool)] = [
        ("int", true), ("uint", true), ("fp", true), ("bf", true), ("nf", true), ("mxfp", true), ("mxint", true),
        ("bfloat", true), ("float", true),
    ]
    static let notPrecision: Set<String> = ["colour", "color", "colors", "colours", "rgb", "image", "images", "audio", "pcm",
                                            "of", "address", "addresses", "hash", "seed", "keys", "key",
                                            "system", "systems", "architecture", "os", "cpu", "cpus", "machine", "entropy"]

    static func precisions(in text: UnsafeBufferPointer<UInt8>) -> [(Double, Range<Int>)] {
        var found: [(Double, Range<Int>)] = []
        let n = text.count
        var i = 0
        while i < n {
            let b = text[i]
            let atTokenStart = i == 0 || !(TextTools.isLetter(text[i - 1]) || TextTools.isDigit(text[i - 1]) || text[i - 1] == UInt8(ascii: "."))
            if TextTools.isDigit(b), atTokenStart, let hit = numberBits(at: i, in: text) {
                found += hit.values
                i = hit.end
                continue
            }
            if TextTools.isLetter(b), i == 0 || !TextTools.isWordByte(text[i - 1]) {
                var j = i
                while j < n, TextTools.isWordByte(text[j]) { j += 1 }
                let word = TextTools.string(text, i..<j).lowercased()
                found += namedFormat(word, range: i..<j, in: text)
                i = j
                continue
            }
            i += 1
        }
        return found
    }

    /// "4-bit", "4 bit", "4bit", "0.8 bits per weight", and the list before it ("2/3/4-bit").
    private static func numberBits(at start: Int, in text: UnsafeBufferPointer<UInt8>) -> (values: [(Double, Range<Int>)], end: Int)? {
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
        let before = TextTools.words(before: start, in: text, count: 1)
        if before.first == "sub" || (start > 4 && TextTools.string(text, (start - 4)..<start).lowercased() == "sub-") { return (values: [], end: end) }
        let after = TextTools.words(after: end, in: text, count: 2)
        if let next = after.first, notPrecision.contains(next) { return (values: [], end: end) }
        if value >= 64 || value <= 0 { return (values: [], end: end) }
        var values = [(value, start..<end)]
        // Earlier members of a list sharing the unit: 2/3/4-bit, 2-, 3- and 4-bit.
        var k = start
        while k > 0 {
            var m = k
            var sawSeparator = false
            while m > 0, [UInt8(ascii: "/"), UInt8(ascii: ","), 0x20, UInt8(ascii: "-")].contains(text[m - 1]) { m -= 1; sawSeparator = true }
            let word = TextTools.words(before: m, in: text, count: 1).first
            if word == "and" || word == "or" {
                m -= 3
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
    private static func namedFormat(_ word: String, range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> [(Double, Range<Int>)] {
        for (prefix, _) in formats where word.hasPrefix(prefix) {
            let digits = word.dropFirst(prefix.count)
            if !digits.isEmpty, digits.allSatisfy(\.isNumber), let v = Double(digits), v > 0, v <= 32 {
                return [(v, range)]
            }
        }
        // W4A16, W8A8, W4A16KV4.
        if word.first == "w", word.contains("a") {
            let scalars = Array(word)
            var values: [Double] = []
            var i = 0
            var ok = true
            var expect: [Character] = ["w", "a", "k"]
            while i < scalars.count, ok {
                guard let tag = expect.first, scalars[i] == tag else { ok = false; break }
                i += tag == "k" ? 2 : 1
                if tag == "k", i - 1 >= scalars.count || scalars[i - 1] != "v" { ok = false; break }
                var digits = ""
                while i < scalars.count, scalars[i].isNumber { digits.append(scalars[i]); i += 1 }
                guard let v = Double(digits), v > 0, v <= 32 else { ok = false; break }
                values.append(v)
                expect.removeFirst()
            }
            if ok, values.count >= 2, i == scalars.count { return values.map { ($0, range) } }
        }
        switch word {
        case "ternary":
            let after = TextTools.words(after: range.upperBound, in: text, count: 2)
            if after.contains(where: { ["weights", "weight", "quantization", "networks", "network", "llm", "llms", "models", "model", "values", "parameters"].contains($0) }) {
                return [(1.58, range)]
            }
        case "binarized", "binarised", "binarization", "binarisation", "binarize", "binarizing":
            return [(1, range)]
        case "binary":
            let after = TextTools.words(after: range.upperBound, in: text, count: 2)
            if let next = after.first, ["weights", "weight", "neural", "networks", "network", "activations", "quantization", "nets", "bnn", "bnns"].contains(next) {
                return [(1, range)]
            }
        default:
            break
        }
        return []
    }
}
