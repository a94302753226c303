// The byte-level building blocks the extractors share: run starts read eight bytes at a time,
// word tables with their own hashing, and the phrase automaton's four-lane scan. Each is
// checked against a plain, obviously correct version of the same question.

import Testing
@testable import PaperQL

@Suite struct TextScanningTests {
    static let samples = [
        "",
        "a",
        "7",
        "GSM8K is a benchmark; Qwen2.5-7B beats LLaMA-2-70B by 3.5 points (p<0.01).",
        "  leading spaces, then words: alpha beta gamma delta epsilon zeta eta theta iota",
        "Ünïcödé wörds mixed with ASCII: naïve café 12€ and résumé-42x, then 2×faster.",
        String(repeating: "x1y22z333 ", count: 40),
        "endsWithDigits123",
    ]

    /// The kind of a byte as RunStarts sees it: 1 for an ASCII letter, 2 for a digit, 0 otherwise.
    static func kind(_ b: UInt8) -> Int {
        if (b | 0x20) >= 97 && (b | 0x20) <= 122 { return 1 }
        return b >= 48 && b <= 57 ? 2 : 0
    }

    @Test(arguments: samples)
    func runStartsAreWhereTheKindOfByteChanges(_ text: String) {
        let bytes = Array(text.utf8)
        for letters in [true, false] {
            let expected = bytes.indices.filter { i in
                let k = Self.kind(bytes[i])
                guard k == 2 || (k == 1 && letters) else { return false }
                return i == 0 || Self.kind(bytes[i - 1]) != k
            }
            var found: [Int] = []
            bytes.withUnsafeBufferPointer { buffer in
                var starts = RunStarts(buffer, letters: letters)
                while let i = starts.next() { found.append(i) }
            }
            #expect(found == expected, "letters: \(letters)")
        }
    }

    @Test func wordTablesFindTheirWordsIgnoringCaseAndNothingElse() {
        let words = ["dataset", "datasets", "benchmark", "a", "an", "the", "leaderboard", "x"]
        let set = WordSet(words: words)
        let table = WordTable(words.enumerated().map { ($0.element, $0.offset) })
        for (i, word) in words.enumerated() {
            #expect(set.contains(WordKey(word)))
            #expect(set.contains(WordKey(word.uppercased())))
            #expect(table[WordKey(word.capitalized)] == i)
        }
        // Same lengths and first letters as members, but other words.
        for other in ["datasex", "benchmarx", "b", "on", "tha", "leaderboarx", "y", ""] {
            #expect(!set.contains(WordKey(other)), "\(other)")
            #expect(table[WordKey(other)] == nil, "\(other)")
        }
    }

    /// Every whole-word occurrence of each phrase, found the slow way: ASCII case ignored, `-`
    /// and space alike, neither neighbour a letter, digit or non-ASCII byte.
    static func naiveMatches(_ phrases: [String], in text: [UInt8]) -> Set<PhraseMatcher.Match> {
        func fold(_ b: UInt8) -> UInt8 { b == UInt8(ascii: "-") ? 0x20 : ((b >= 65 && b <= 90) ? b | 0x20 : b) }
        func isWord(_ b: UInt8) -> Bool { kind(b) != 0 || b >= 0x80 }
        var found: Set<PhraseMatcher.Match> = []
        for (p, phrase) in phrases.enumerated() {
            let needle = Array(phrase.utf8).map(fold)
            guard needle.count <= text.count else { continue }
            for start in 0...(text.count - needle.count) {
                let end = start + needle.count
                guard (0..<needle.count).allSatisfy({ fold(text[start + $0]) == needle[$0] }) else { continue }
                if start > 0, isWord(text[start - 1]) { continue }
                if end < text.count, isWord(text[end]) { continue }
                found.insert(PhraseMatcher.Match(phrase: p, range: start..<end))
            }
        }
        return found
    }

    @Test func theFourLaneScanFindsWhatASlowSearchFinds() {
        let phrases = ["large language model", "language model", "model", "quantization", "low-rank adaptation", "rag", "moe"]
        let matcher = PhraseMatcher(phrases)
        // Long enough for four lanes, with phrases at every offset modulo the quarter, some
        // inside longer words ("storage", "models") where they must not match.
        var text = ""
        var k = 0
        while text.utf8.count < 6_000 {
            text += String(repeating: " ", count: k % 7)
            text += ["A Large Language Model", "storage", "quantization-aware", "models", "Low Rank Adaptation",
                     "RAG", "MoE-style", "modeling", "rag.", "(model)"][k % 10]
            text += k % 3 == 0 ? ", " : " and "
            k += 1
        }
        let bytes = Array(text.utf8)
        let found = bytes.withUnsafeBufferPointer { matcher.matches(in: $0) }
        #expect(Set(found) == Self.naiveMatches(phrases, in: bytes))
        #expect(zip(found, found.dropFirst()).allSatisfy { $0.range.upperBound <= $1.range.upperBound })
        // The same text cut short enough for one lane gives the same matches in that part.
        let head = Array(bytes.prefix(300))
        let headFound = head.withUnsafeBufferPointer { matcher.matches(in: $0) }
        #expect(Set(headFound) == Self.naiveMatches(phrases, in: head))
    }

    /// A phrase can end at every other byte: the scan must have room for that many places, in
    /// one lane and in four, and the lanes' shares must cover every length of text exactly.
    @Test func aPhraseAtEveryWordIsFoundAtEveryTextLength() {
        let phrases = ["a", "b a"]
        let matcher = PhraseMatcher(phrases)
        let full = Array(String(repeating: "a b ", count: 200).utf8)
        for length in stride(from: 1, through: full.count, by: 7) {
            let text = Array(full.prefix(length))
            let found = text.withUnsafeBufferPointer { matcher.matches(in: $0) }
            #expect(Set(found) == Self.naiveMatches(phrases, in: text), "length \(length)")
            #expect(found.count == Self.naiveMatches(phrases, in: text).count, "length \(length)")
        }
    }
}
