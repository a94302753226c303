// The `topic` extractor: the subjects of a paper, from a taxonomy of topics and their phrases.
//
// A topic is what the paper is about, not something it mentions once. Every phrase occurrence
// scores for its topic: three times as much in the title, half again as much in a sentence that
// states the contribution ("we propose", "this paper", "we introduce"), half as much for a weak
// phrase, and at most two occurrences of one phrase count. A topic is assigned when its score
// reaches the threshold: a title phrase does it alone, while the abstract has to come back to
// the topic. The taxonomy is data (StandardTaxonomy); rule files add topics to it.

import PaperQL

public struct TopicsExtractor: Extractor {
    public let name = "topic"
    public let version = "1.0"
    public let fields: [FieldDescriptor]
    public let topics: [TopicDefinition]

    /// Score at which a topic is assigned.
    static let threshold = 2.5
    static let titleWeight = 3.0
    static let thesisWeight = 1.5
    static let weakWeight = 0.5

    private let matcher: PhraseMatcher
    /// Per phrase (as given to the matcher): its topic and whether it is weak.
    private let phraseTopic: [(topic: Int, weak: Bool)]

    /// The standard taxonomy, extended by `extraTopics`: a topic with a new name is added, one
    /// with an existing name gains its phrases and aliases.
    public init(extraTopics: [TopicDefinition] = []) {
        var topics = StandardTaxonomy.topics
        for extra in extraTopics {
            if let i = topics.firstIndex(where: { $0.name == extra.name }) {
                topics[i].phrases += extra.phrases
                topics[i].weakPhrases += extra.weakPhrases
                topics[i].aliases += extra.aliases
            } else {
                topics.append(extra)
            }
        }
        self.topics = topics
        var phrases: [String] = []
        var owners: [(topic: Int, weak: Bool)] = []
        for (t, topic) in topics.enumerated() {
            for phrase in topic.phrases { phrases.append(phrase); owners.append((t, false)) }
            for phrase in topic.weakPhrases { phrases.append(phrase); owners.append((t, true)) }
        }
        matcher = PhraseMatcher(phrases, allowPlural: true)
        phraseTopic = owners
        var aliases: [String: String] = [:]
        for topic in topics {
            for alias in topic.aliases { aliases[alias.lowercased()] = topic.name }
            let spaced = topic.name.replacingOccurrences(of: "-", with: " ")
            if spaced != topic.name { aliases[spaced] = topic.name; aliases[topic.name.replacingOccurrences(of: "-", with: "")] = topic.name }
        }
        fields = [FieldDescriptor(name: "topic", type: .list(.string),
                                  summary: "The paper's subjects, from a taxonomy of \(topics.count) topics",
                                  vocabulary: topics.map(\.name), aliases: aliases)]
    }

    public func extract(from paper: ExtractionInput, into output: inout ExtractionOutput) {
        var scores = [Double](repeating: 0, count: topics.count)
        var firstEvidence = [Evidence?](repeating: nil, count: topics.count)
        var seen: [Int: Int] = [:]  // phrase -> occurrences counted

        let title = paper.title
        matcher.forEachMatch(in: title.utf8) { match in
            let owner = phraseTopic[match.phrase]
            guard seen[match.phrase, default: 0] < 1 else { return }
            seen[match.phrase, default: 0] += 1
            scores[owner.topic] += TopicsExtractor.titleWeight * (owner.weak ? TopicsExtractor.weakWeight : 1)
            if firstEvidence[owner.topic] == nil { firstEvidence[owner.topic] = title.evidence(match.range) }
        }
        let abstract = paper.abstract
        if !abstract.isEmpty {
            let sentences = TextTools.sentences(in: abstract.utf8)
            let thesis = sentences.map { TopicsExtractor.isThesis(abstract.utf8, $0) }
            var sentenceIndex = 0
            seen = [:]
            matcher.forEachMatch(in: abstract.utf8) { match in
                while sentenceIndex + 1 < sentences.count, sentences[sentenceIndex].upperBound <= match.range.lowerBound { sentenceIndex += 1 }
                let owner = phraseTopic[match.phrase]
                guard seen[match.phrase, default: 0] < 2 else { return }
                seen[match.phrase, default: 0] += 1
                var weight = owner.weak ? TopicsExtractor.weakWeight : 1
                if sentenceIndex < thesis.count, thesis[sentenceIndex] { weight *= TopicsExtractor.thesisWeight }
                scores[owner.topic] += weight
                if firstEvidence[owner.topic] == nil { firstEvidence[owner.topic] = abstract.evidence(match.range) }
            }
        }
        for (t, score) in scores.enumerated() where score >= TopicsExtractor.threshold {
            output.add(.string(topics[t].name), toFieldAt: 0, evidence: firstEvidence[t])
        }
    }

    static let thesisMarkers = ["we propose", "we present", "we introduce", "this paper", "this work", "in this work",
                                "in this paper", "we develop", "we study", "we investigate", "we explore", "we show",
                                "this survey", "we survey", "we design", "we release", "our approach", "our method"]

    /// A sentence that states the paper's contribution.
    static func isThesis(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let sentence = UnsafeBufferPointer(rebasing: text[range])
        for marker in thesisMarkers where TextTools.containsIgnoringCase(sentence, marker) { return true }
        return false
    }
}
