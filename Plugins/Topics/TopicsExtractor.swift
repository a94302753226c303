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

    /// Scores every topic of the taxonomy.
    private let scorer: TopicScorer
    /// Fields of other extractors read as hints (`params`, `models`); empty for none.
    private let hintFields: [String]
    private let llmIndex: Int?
    /// Per topic: the indexes of the topics it yields to.
    private let yields: [[Int]]
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
        scorer = TopicScorer(topics)
        var aliases: [String: String] = [:]
        for topic in topics {
            for alias in topic.aliases { aliases[alias.lowercased()] = topic.name }
            let spaced = topic.name.replacingOccurrences(of: "-", with: " ")
            if spaced != topic.name { aliases[spaced] = topic.name; aliases[topic.name.replacingOccurrences(of: "-", with: "")] = topic.name }
        }
        llmIndex = topics.firstIndex { $0.name == "llm" }
        yields = topics.map { topic in topic.yieldsTo.compactMap { name in topics.firstIndex { $0.name == name } } }
        fields = [FieldDescriptor(name: "topic", type: .list(.string),
                                  summary: "The paper's subjects, from a taxonomy of \(topics.count) topics",
                                  vocabulary: topics.map(\.name), aliases: aliases)]
    }

    public func extract(from paper: ExtractionInput, into output: inout ExtractionOutput) {
        scorer.withScores(title: paper.title, abstract: paper.abstract) { scores, firstEvidence in
            if !hintFields.isEmpty, let llm = llmIndex {
                scores[llm] += languageModelHint(paper)
            }
            let threshold = TopicsExtractor.threshold
            for t in scores.indices where scores[t] >= threshold {
                // A topic that yields to another one assigned here is left out, unless it scores double.
                if scores[t] < 2 * threshold, yields[t].contains(where: { scores[$0] >= threshold }) { continue }
                let evidence = firstEvidence[t].map { ($0.inTitle ? paper.title : paper.abstract).evidence($0.range) }
                output.add(.string(topics[t].name), toFieldAt: 0, evidence: evidence)
            }
        }
    }

    /// A topic is given only for its own phrases, and only when the text scores it (for `llm`
    /// with hints, sizes and model names count too, which promise nothing about the text).
    public func requirement(for field: String, equalTo value: String) -> TextRequirement? {
        let key = value.lowercased()
        guard field == "topic", let name = topics.first(where: { $0.name == key })?.name ?? fields[0].aliases[key],
              let topic = topics.first(where: { $0.name == name }) else { return nil }
        if topic.name == "llm", !hintFields.isEmpty { return nil }
        // The text must score the topic (a scorer for it alone counts the same); yielding to
        // another topic can only take it away. The scorer's automaton for one topic is small
        // and fast enough to run on every paper, with no phrase search before it.
        let alone = TopicScorer([topic])
        return TextRequirement { title, abstract in
            alone.withScores(title: TextView(field: "title", utf8: title), abstract: TextView(field: "abstract", utf8: abstract)) { scores, _ in
                scores[0] >= TopicsExtractor.threshold
            }
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
            // The family is the name up to its first "-" ("LLaMA" of "LLaMA-2"): a short string,
            // stored inline, where `split` made an array per name.
            if TopicsExtractor.languageModelFamilies.contains(name)
                || name.firstIndex(of: "-").map({ TopicsExtractor.languageModelFamilies.contains(String(name[..<$0])) }) == true {
                hint += 0.5
            }
        }
        return min(hint, 1.5)
    }
}
