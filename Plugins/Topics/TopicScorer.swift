// Scores topics from the text: every occurrence of a topic's phrase counts for it, three times
// as much in the title, half again as much in a sentence stating the contribution ("we
// propose", "this paper"), half as much for a weak phrase, and at most twice per phrase in the
// abstract (once in the title). The scorer is built for a list of topics: the extractor's
// covers the taxonomy, and a query prefilter builds one for the single topic it asks about,
// which scores that topic exactly as the full one does.

import PaperQL

struct TopicScorer: Sendable {
    /// How strongly a phrase speaks for its topic.
    enum Strength { case strong, weak, subject }

    private let topicCount: Int
    private let matcher: PhraseMatcher
    /// Phrases from this index on are thesis markers, not topic phrases.
    private let thesisPhraseStart: Int
    /// Per phrase (as given to the matcher): its topic and strength.
    private let phraseTopic: [(topic: Int, strength: Strength)]

    init(_ topics: [TopicDefinition]) {
        var phrases: [String] = []
        var owners: [(topic: Int, strength: Strength)] = []
        for (t, topic) in topics.enumerated() {
            for phrase in topic.phrases { phrases.append(phrase); owners.append((t, .strong)) }
            for phrase in topic.weakPhrases { phrases.append(phrase); owners.append((t, .weak)) }
            for phrase in topic.subjectPhrases { phrases.append(phrase); owners.append((t, .subject)) }
        }
        // The markers of a contribution sentence ride along in the same automaton (one pass).
        thesisPhraseStart = phrases.count
        phrases += TopicScorer.thesisMarkers
        matcher = PhraseMatcher(phrases, allowPlural: true, allowVersion: true)
        phraseTopic = owners
        topicCount = topics.count
    }

    /// Where a topic's first evidence is: an offset range in the title or the abstract.
    struct FirstEvidence {
        var range: Range<Int>
        var inTitle: Bool
    }

    /// Scores every topic from the text alone and calls `body` with the scores and each
    /// topic's first evidence, in storage valid during the call: the extractor runs this for
    /// every paper, and arrays per paper were most of its allocations.
    func withScores<R>(title: TextView, abstract: TextView,
                       _ body: (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<FirstEvidence?>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: topicCount) { scores in
            withUnsafeTemporaryAllocation(of: FirstEvidence?.self, capacity: topicCount) { firstEvidence in
                scores.initialize(repeating: 0)
                firstEvidence.initialize(repeating: nil)
                tally(title: title.utf8, abstract: abstract.utf8, scores, firstEvidence)
                return body(scores, firstEvidence)
            }
        }
    }

    private func tally(title: UnsafeBufferPointer<UInt8>, abstract text: UnsafeBufferPointer<UInt8>,
                       _ scores: UnsafeMutableBufferPointer<Double>, _ firstEvidence: UnsafeMutableBufferPointer<FirstEvidence?>) {
        // Occurrences counted per phrase, in a short list: a paper matches few phrases.
        var seen: [(phrase: Int, count: Int)] = []
        var matches: [PhraseMatcher.Match] = []
        matcher.appendMatches(in: title, to: &matches)
        for match in matches where match.phrase < thesisPhraseStart {
            let owner = phraseTopic[match.phrase]
            guard TopicScorer.counted(match.phrase, limit: 1, in: &seen) else { continue }
            scores[owner.topic] += TopicsExtractor.titleWeight * (owner.strength == .weak ? TopicsExtractor.weakWeight : 1)
            if firstEvidence[owner.topic] == nil { firstEvidence[owner.topic] = FirstEvidence(range: match.range, inTitle: true) }
        }
        guard !text.isEmpty else { return }
        matches.removeAll(keepingCapacity: true)
        matcher.appendMatches(in: text, to: &matches)
        // The sentences that state the contribution ("we propose", "this paper", ...), found
        // only when some topic phrase occurs to weigh.
        var thesis: [Range<Int>] = []
        let weighs = matches.contains { $0.phrase < thesisPhraseStart }
        for match in matches where weighs && match.phrase >= thesisPhraseStart {
            if thesis.last?.contains(match.range.lowerBound) == true { continue }
            thesis.append(TopicScorer.sentence(around: match.range.lowerBound, in: text))
        }
        seen.removeAll(keepingCapacity: true)
        for match in matches where match.phrase < thesisPhraseStart {
            let owner = phraseTopic[match.phrase]
            let inThesis = thesis.contains { $0.contains(match.range.lowerBound) }
            if owner.strength == .subject, !inThesis { continue }
            guard TopicScorer.counted(match.phrase, limit: 2, in: &seen) else { continue }
            var weight = owner.strength == .weak ? TopicsExtractor.weakWeight : 1
            if inThesis { weight *= TopicsExtractor.thesisWeight }
            scores[owner.topic] += weight
            if firstEvidence[owner.topic] == nil { firstEvidence[owner.topic] = FirstEvidence(range: match.range, inTitle: false) }
        }
    }

    /// Counts one more occurrence of `phrase`; false once it has been counted `limit` times.
    private static func counted(_ phrase: Int, limit: Int, in seen: inout [(phrase: Int, count: Int)]) -> Bool {
        if let i = seen.firstIndex(where: { $0.phrase == phrase }) {
            if seen[i].count >= limit { return false }
            seen[i].count += 1
        } else {
            seen.append((phrase, 1))
        }
        return true
    }

    static let thesisMarkers = ["we propose", "we present", "we introduce", "this paper", "this work", "in this work",
                                "in this paper", "we develop", "we study", "we investigate", "we explore", "we show",
                                "this survey", "we survey", "we design", "we release", "our approach", "our method"]

    /// The sentence holding `offset`: from after the previous ". X" to the next one (the
    /// boundaries TextTools.sentences uses), found by looking outward from the offset only.
    static func sentence(around offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        func isBoundary(_ i: Int) -> Bool {  // a sentence ends at i (the punctuation)
            let b = text[i]
            guard b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?"), i + 2 < text.count, text[i + 1] == 0x20 else { return false }
            let next = text[i + 2]
            return (next >= 65 && next <= 90) || (next >= 48 && next <= 57)
        }
        var start = offset
        while start >= 2, !isBoundary(start - 2) { start -= 1 }
        if start < 2 { start = 0 }
        var end = offset
        while end < text.count, !isBoundary(end) { end += 1 }
        return start..<min(text.count, end + 1)
    }
}
