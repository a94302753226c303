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
    // Fitted on the labelled sets (Tests/Labels): a title phrase alone assigns a topic; in the
    // abstract it takes two strong mentions in the contribution sentence, or three elsewhere.
    static let threshold = 2.5
    static let titleWeight = 2.5
    static let thesisWeight = 1.5
    static let weakWeight = 0.5

    /// How strongly a phrase speaks for its topic.
    enum Strength { case strong, weak, subject }

    private let matcher: PhraseMatcher
    /// Per phrase (as given to the matcher): its topic and strength.
    private let phraseTopic: [(topic: Int, strength: Strength)]
    /// Fields of other extractors read as hints (`params`, `models`); empty for none.
    private let hintFields: [String]
    public let inputs: [String]

    /// The standard taxonomy, extended by `extraTopics`: a topic with a new name is added, one
    /// with an existing name gains its phrases and aliases.
    ///
    /// With `hints` (the `params` and `models` fields, which need their extractors), a paper
    /// that states billion-scale sizes or names language-model families leans towards `llm`.
    public init(extraTopics: [TopicDefinition] = [], hints: Bool = false) {
        hintFields = hints ? ["params", "models"] : []
        inputs = ["title", "abstract"] + hintFields
        var topics = StandardTaxonomy.topics
        for extra in extraTopics {
            if let i = topics.firstIndex(where: { $0.name == extra.name }) {
                topics[i].phrases += extra.phrases
                topics[i].weakPhrases += extra.weakPhrases
                topics[i].subjectPhrases += extra.subjectPhrases
                topics[i].aliases += extra.aliases
                topics[i].yieldsTo += extra.yieldsTo
            } else {
                topics.append(extra)
            }
        }
        self.topics = topics
        var phrases: [String] = []
        var owners: [(topic: Int, strength: Strength)] = []
        for (t, topic) in topics.enumerated() {
            for phrase in topic.phrases { phrases.append(phrase); owners.append((t, .strong)) }
            for phrase in topic.weakPhrases { phrases.append(phrase); owners.append((t, .weak)) }
            for phrase in topic.subjectPhrases { phrases.append(phrase); owners.append((t, .subject)) }
        }
        matcher = PhraseMatcher(phrases, allowPlural: true, allowVersion: true)
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
            scores[owner.topic] += TopicsExtractor.titleWeight * (owner.strength == .weak ? TopicsExtractor.weakWeight : 1)
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
                let inThesis = sentenceIndex < thesis.count && thesis[sentenceIndex]
                if owner.strength == .subject, !inThesis { return }
                guard seen[match.phrase, default: 0] < 2 else { return }
                seen[match.phrase, default: 0] += 1
                var weight = owner.strength == .weak ? TopicsExtractor.weakWeight : 1
                if inThesis { weight *= TopicsExtractor.thesisWeight }
                scores[owner.topic] += weight
                if firstEvidence[owner.topic] == nil { firstEvidence[owner.topic] = abstract.evidence(match.range) }
            }
        }
        if !hintFields.isEmpty, let llm = topics.firstIndex(where: { $0.name == "llm" }) {
            scores[llm] += languageModelHint(paper)
        }
        let assigned = Set(scores.indices.filter { scores[$0] >= TopicsExtractor.threshold }.map { topics[$0].name })
        for (t, score) in scores.enumerated() where score >= TopicsExtractor.threshold {
            if score < 2 * TopicsExtractor.threshold, topics[t].yieldsTo.contains(where: assigned.contains) { continue }
            output.add(.string(topics[t].name), toFieldAt: 0, evidence: firstEvidence[t])
        }
    }

    /// Language-model families, whose names in `models` suggest the `llm` topic.
    static let languageModelFamilies: Set<String> = [
        "LLaMA", "Code Llama", "TinyLlama", "Vicuna", "Alpaca", "Mistral", "Mixtral", "Qwen", "GPT", "GPT-J", "GPT-NeoX",
        "GPT-Neo", "ChatGPT", "InstructGPT", "OPT", "BLOOM", "Falcon", "Pythia", "Gemma", "Gemini", "PaLM", "Chinchilla",
        "Gopher", "Claude", "Phi", "OLMo", "StarCoder", "DeepSeek", "GLM", "ChatGLM", "Baichuan", "InternLM", "MiniCPM",
        "SmolLM", "OpenELM", "StableLM", "BitNet", "Megatron", "Jamba", "Nemotron", "Zephyr", "Galactica", "Yi", "Orca",
        "WizardLM", "Dolly", "Grok",
    ]

    /// Up to 1.5 points towards `llm`: billion-scale sizes (1) and language-model names (0.5 each).
    private func languageModelHint(_ paper: ExtractionInput) -> Double {
        var hint = 0.0
        if paper.values(of: "params").contains(where: { ($0.number ?? 0) >= 1e9 }) { hint += 1 }
        for model in paper.values(of: "models") {
            guard let name = model.string else { continue }
            let family = name.split(separator: "-").first.map(String.init) ?? name
            if TopicsExtractor.languageModelFamilies.contains(name) || TopicsExtractor.languageModelFamilies.contains(family) { hint += 0.5 }
        }
        return min(hint, 1.5)
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

