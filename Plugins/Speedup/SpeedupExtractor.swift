// The `speedup` extractor: multipliers a paper states for speed, latency or throughput:
// "4.7x", "2.5× faster", "a 3-fold speedup", "up to three times faster", "twice as fast". A
// multiplier counts when the words around it are about speed; "4x smaller", "10x fewer FLOPs",
// model names ("8x7B") and hardware counts ("8x A100") are left out.

import PaperQL

public struct SpeedupExtractor: Extractor {
    public let name = "speedup"
    public let version = "1.0"
    public let fields = [
        FieldDescriptor(name: "speedup", type: .list(.number), summary: "Speed-ups the paper states (4.7x, three times faster)",
                        numberStyle: .multiplier),
    ]

    public init() {}

    public func extract(from paper: ExtractionInput, into output: inout ExtractionOutput) {
        for text in [paper.title, paper.abstract] where !text.isEmpty {
            for (value, range) in SpeedupScanner.multipliers(in: text.utf8) {
                output.add(.number(value), toFieldAt: 0, evidence: text.evidence(range))
            }
        }
    }
}

enum SpeedupScanner {
    static let speedWords = ["faster", "speedup", "speed-up", "speedups", "speed", "speeds", "accelerat", "throughput", "latency",
                             "wall-clock", "quicker", "tokens per second", "tokens/s", "inference time", "runtime", "time-to-first"]
    static let otherQuantities: Set<String> = ["smaller", "fewer", "less", "larger", "more", "bigger", "lower", "higher",
                                               "memory", "compression", "parameters", "params", "flops", "cheaper", "data",
                                               "storage", "size", "reduction", "cost", "compute", "energy", "improvement",
                                               "gain", "increase", "compressed", "longer", "shorter", "batch", "batches",
                                               "communication", "volume", "sram", "flash", "bandwidth", "vocabulary"]
    static let speedNouns: Set<String> = ["faster", "speedup", "speed-up", "speedups", "acceleration", "throughput", "latency",
                                          "quicker", "speed", "inference", "decoding", "training", "wall-clock"]
    static let numberWords: [String: Double] = ["two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                                                "eight": 8, "nine": 9, "ten": 10, "twenty": 20, "hundred": 100]
    static let hardware = ["a100", "h100", "v100", "a6000", "3090", "4090", "tpu", "tpus", "gpu", "gpus", "nvidia", "h800", "a800", "l40", "t4"]

    static func multipliers(in text: UnsafeBufferPointer<UInt8>) -> [(Double, Range<Int>)] {
        var found: [(Double, Range<Int>)] = []
        let sentences = TextTools.sentences(in: text)
        let n = text.count
        var i = 0
        while i < n {
            let b = text[i]
            let tokenStart = i == 0 || !(TextTools.isWordByte(text[i - 1]) || text[i - 1] == UInt8(ascii: "."))
            if TextTools.isDigit(b), tokenStart, let (value, numberEnd) = TextTools.number(at: i, in: text) {
                if let end = multiplierEnd(after: numberEnd, in: text), accept(value, i..<end, sentences, in: text) {
                    found.append((value, i..<end))
                } else if let (upper, upperStart, end) = rangeEnd(after: numberEnd, in: text),
                          let multiplier = multiplierEnd(after: end, in: text), accept(upper, upperStart..<multiplier, sentences, in: text) {
                    // "2 to 2.5x faster", "1.7-3.3x": both ends are stated speed-ups.
                    found.append((value, i..<numberEnd))
                }
                i = max(numberEnd, i + 1)
                continue
            }
            if TextTools.isLetter(b), tokenStart {
                var j = i
                while j < n, TextTools.isLetter(text[j]) { j += 1 }
                let word = TextTools.string(text, i..<j).lowercased()
                if word == "twice", TextTools.words(after: j, in: text, count: 2) == ["as", "fast"] {
                    found.append((2, i..<j))
                } else if let value = numberWords[word], TextTools.words(after: j, in: text, count: 1).first.map({ $0 == "times" || $0 == "fold" }) == true {
                    let end = j + 6
                    if accept(value, i..<min(end, n), sentences, in: text) { found.append((value, i..<min(end, n))) }
                }
                i = j
                continue
            }
            i += 1
        }
        return found
    }

    /// The second number of a range ("-3.3", " to 2.5"), with where it starts and ends.
    private static func rangeEnd(after end: Int, in text: UnsafeBufferPointer<UInt8>) -> (Double, Int, Int)? {
        let n = text.count
        var j = end
        if j < n, text[j] == UInt8(ascii: "-") { j += 1 }
        else if j + 2 < n, text[j] == 0xE2, text[j + 1] == 0x80, text[j + 2] == 0x93 { j += 3 }
        else if j + 4 < n, text[j] == 0x20, text[j + 1] == UInt8(ascii: "t"), text[j + 2] == UInt8(ascii: "o"), text[j + 3] == 0x20 { j += 4 }
        else { return nil }
        guard let (value, numberEnd) = TextTools.number(at: j, in: text) else { return nil }
        return (value, j, numberEnd)
    }

    /// The end of `x`, `×`, ` times`, `-fold` after a number, if one follows.
    private static func multiplierEnd(after end: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = text.count
        var j = end
        if j < n, text[j] == 0x20 { j += 1 }
        if j < n, text[j] | 0x20 == UInt8(ascii: "x") {
            let k = j + 1
            if k < n, TextTools.isWordByte(text[k]) { return nil }  // 8x7B, 4xlarge
            return k
        }
        if j + 1 < n, text[j] == 0xC3, text[j + 1] == 0x97 {
            let k = j + 2
            if k < n, TextTools.isDigit(text[k]) { return nil }
            return k
        }
        for word in ["times", "-fold", "fold"] {
            let u = Array(word.utf8)
            let s = (word == "times" && j == end) ? end : j  // "2.5times" from LaTeX
            if s + u.count <= n, (0..<u.count).allSatisfy({ text[s + $0] | 0x20 == u[$0] }), s + u.count >= n || !TextTools.isLetter(text[s + u.count]) {
                return s + u.count
            }
            if word == "-fold", end + u.count <= n, (0..<u.count).allSatisfy({ text[end + $0] | 0x20 == u[$0] }) { return end + u.count }
        }
        return nil
    }

    private static func accept(_ value: Double, _ range: Range<Int>, _ sentences: [Range<Int>], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard value > 1, value < 100_000 else { return false }
        let after = TextTools.words(after: range.upperBound, in: text, count: 5)
        let before = TextTools.words(before: range.lowerBound, in: text, count: 5)
        let speedBefore = before.contains { speedNouns.contains($0) || $0.hasPrefix("accelerat") || $0 == "speeds" }
        if let next = after.first, hardware.contains(next) { return false }
        if let next = after.first, otherQuantities.contains(next) {
            // "5-fold reduction in latency" is a speed-up; "4x smaller" is not.
            let rest = after.dropFirst()
            if next == "reduction" {
                return rest.contains { ["latency", "inference", "runtime", "time"].contains($0) || $0.hasPrefix("time-to") }
            }
            if ["higher", "lower", "improvement", "increase", "gain"].contains(next) {
                return rest.prefix(3).contains(where: speedNouns.contains) || (speedBefore && !before.contains(where: otherQuantities.contains))
            }
            return false
        }
        if after.prefix(3).contains(where: speedNouns.contains) { return true }
        if before.contains(where: otherQuantities.contains) { return false }
        if speedBefore { return true }
        // Elsewhere in the sentence: accept only if nothing says it measures something else.
        if before.contains(where: otherQuantities.contains) { return false }
        guard let s = TextTools.sentence(holding: range.lowerBound, in: sentences) else { return false }
        let sentence = UnsafeBufferPointer(rebasing: text[sentences[s]])
        return speedWords.contains { TextTools.containsIgnoringCase(sentence, $0) }
    }
}
