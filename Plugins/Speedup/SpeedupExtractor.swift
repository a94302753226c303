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
        var scanner = SpeedupScanner()
        paper.forEachText { text in
            for (value, range) in scanner.multipliers(in: text.utf8) {
                output.add(.number(value), toFieldAt: 0, evidence: text.evidence(range))
            }
        }
    }
}

struct SpeedupScanner {
    private var after: [Word] = []
    private var before: [Word] = []
    private var sentences: [Range<Int>]?

    static let speedWords = ["faster", "speedup", "speed-up", "speedups", "speed", "speeds", "accelerat", "throughput", "latency",
                             "wall-clock", "quicker", "tokens per second", "tokens/s", "inference time", "runtime", "time-to-first"]
        .map { Array($0.utf8) }
    static let otherQuantities = WordSet(words: ["smaller", "fewer", "less", "larger", "more", "bigger", "lower", "higher",
        "memory", "compression", "parameters", "params", "flops", "cheaper", "data", "storage", "size", "reduction", "cost",
        "compute", "energy", "improvement", "gain", "increase", "compressed", "longer", "shorter", "batch", "batches",
        "communication", "volume", "sram", "flash", "bandwidth", "vocabulary"])
    static let speedNouns = WordSet(words: ["faster", "speedup", "speed-up", "speedups", "acceleration", "throughput", "latency",
        "quicker", "speed", "inference", "decoding", "training", "wall-clock", "speeds"])
    static let numberWords = WordTable<Double>(["two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "twenty": 20, "hundred": 100].map { ($0.key, $0.value) })
    static let hardware = WordSet(words: ["a100", "h100", "v100", "a6000", "3090", "4090", "tpu", "tpus", "gpu", "gpus",
        "nvidia", "h800", "a800", "l40", "t4"])
    static let timeWords = WordSet(words: ["latency", "inference", "runtime", "time"])
    static let comparatives = WordSet(words: ["higher", "lower", "improvement", "increase", "gain"])
    static let reduction = WordKey("reduction")
    static let twice = WordKey("twice")
    /// twice, two ... ten, twenty, hundred: the number words start with these.
    static let numberWordInitials = TextTools.letterMask("tfsenh")
    static let asFast = (WordKey("as"), WordKey("fast"))
    static let timesOrFold = WordSet(words: ["times", "fold"])
    static let accelerat = Array("accelerat".utf8)

    mutating func multipliers(in text: UnsafeBufferPointer<UInt8>) -> [(Double, Range<Int>)] {
        var found: [(Double, Range<Int>)] = []
        sentences = nil
        let n = text.count
        let numberWordInitials = SpeedupScanner.numberWordInitials  // read once, not per word
        // Numbers and number words start runs of digits or letters: only those are visited.
        var resume = 0
        // A number word counts only before "times" or "fold", or as "twice": without those in
        // the text, only numbers are visited.
        let wordsMayCount = TextTools.containsIgnoringCase(text, literal: "times") || TextTools.containsIgnoringCase(text, literal: "fold")
            || TextTools.containsIgnoringCase(text, literal: "twice")
        var starts = RunStarts(text, letters: wordsMayCount)
        while let i = starts.next() {
            guard i >= resume else { continue }
            let b = text[i]
            let tokenStart = i == 0 || !(TextTools.isWordByte(text[i - 1]) || text[i - 1] == UInt8(ascii: "."))
            if TextTools.isDigit(b), tokenStart, let (value, numberEnd) = TextTools.number(at: i, in: text) {
                if let end = SpeedupScanner.multiplierEnd(after: numberEnd, in: text) {
                    if accept(value, i..<end, in: text) { found.append((value, i..<end)) }
                } else if let (upper, upperStart, end) = SpeedupScanner.rangeEnd(after: numberEnd, in: text),
                          let multiplier = SpeedupScanner.multiplierEnd(after: end, in: text), accept(upper, upperStart..<multiplier, in: text) {
                    // "2 to 2.5x faster", "1.7-3.3x": both ends are stated speed-ups.
                    found.append((value, i..<numberEnd))
                }
                resume = max(numberEnd, i + 1)
                continue
            }
            if TextTools.isLetter(b, in: numberWordInitials), tokenStart {
                var j = i
                while j < n, TextTools.isLetter(text[j]) { j += 1 }
                let key = WordKey(UnsafeBufferPointer(rebasing: text[i..<j]))
                if key == SpeedupScanner.twice {
                    TextTools.words(after: j, in: text, count: 2, into: &after)
                    if after.count == 2, after[0].key == SpeedupScanner.asFast.0, after[1].key == SpeedupScanner.asFast.1 {
                        found.append((2, i..<j))
                    }
                } else if let value = SpeedupScanner.numberWords[key] {
                    TextTools.words(after: j, in: text, count: 1, into: &after)
                    if let next = after.first, SpeedupScanner.timesOrFold.contains(next.key) || next.lastPart == WordKey("fold") {
                        let end = next.range.upperBound
                        if accept(value, i..<end, in: text) { found.append((value, i..<end)) }
                    }
                }
                resume = j
            }
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
        func matches(_ word: StaticString, at s: Int) -> Bool {
            word.withUTF8Buffer { u in
                guard s + u.count <= n else { return false }
                for k in 0..<u.count where text[s + k] | 0x20 != u[k] { return false }
                return s + u.count >= n || !TextTools.isLetter(text[s + u.count])
            }
        }
        // "2.5times" (LaTeX leftovers) as well as "2.5 times"; "3-fold", "3 fold".
        if matches("times", at: j) { return j + 5 }
        if matches("times", at: end) { return end + 5 }
        if matches("-fold", at: end) { return end + 5 }
        if matches("fold", at: j) { return j + 4 }
        return nil
    }

    private mutating func accept(_ value: Double, _ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard value > 1, value < 100_000 else { return false }
        TextTools.words(after: range.upperBound, in: text, count: 5, into: &after)
        TextTools.words(before: range.lowerBound, in: text, count: 5, into: &before)
        let speedBefore = before.contains {
            SpeedupScanner.speedNouns.contains($0.key) || TextTools.word($0, startsWith: SpeedupScanner.accelerat, in: text)
        }
        let otherBefore = before.contains { SpeedupScanner.otherQuantities.contains($0.key) }
        if let next = after.first, SpeedupScanner.hardware.contains(next.key) { return false }
        if let next = after.first, SpeedupScanner.otherQuantities.contains(next.key) {
            // "5-fold reduction in latency" is a speed-up; "4x smaller" is not.
            let rest = after.dropFirst()
            if next.key == SpeedupScanner.reduction {
                return rest.contains { SpeedupScanner.timeWords.contains($0.key) || SpeedupScanner.timeWords.contains($0.firstPart) }
            }
            if SpeedupScanner.comparatives.contains(next.key) {
                return rest.prefix(3).contains { SpeedupScanner.speedNouns.contains($0.key) } || (speedBefore && !otherBefore)
            }
            return false
        }
        if after.prefix(3).contains(where: { SpeedupScanner.speedNouns.contains($0.key) }) { return true }
        if otherBefore { return false }
        if speedBefore { return true }
        // Elsewhere in the sentence: accept only if nothing says it measures something else.
        if sentences == nil { sentences = TextTools.sentences(in: text) }
        guard let all = sentences, let s = TextTools.sentence(holding: range.lowerBound, in: all) else { return false }
        let sentence = UnsafeBufferPointer(rebasing: text[all[s]])
        return SpeedupScanner.speedWords.contains { TextTools.containsIgnoringCase(sentence, bytes: $0) }
    }
}
