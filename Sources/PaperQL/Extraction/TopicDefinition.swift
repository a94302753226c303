// A topic of the taxonomy as data: its name, the phrases that signal it, and the other names a
// query may use for it. The standard taxonomy (Plugins/Topics) and user rule files
// (`--rules`) both produce these, so a user's topic is matched exactly like a built-in one.

/// One topic: what it is called and how a paper shows it is about it.
public struct TopicDefinition: Sendable, Hashable {
    /// Canonical name: lowercase, words joined by `-` (`scaling-laws`).
    public var name: String
    /// One line, for `.fields` and completion.
    public var summary: String
    /// Phrases that signal the topic. A phrase in the title is strong evidence; in the abstract,
    /// it counts more in the sentence that states the contribution ("we propose ...").
    public var phrases: [String]
    /// Phrases that hint at the topic without settling it ("compressed", "on-device"); they
    /// count half.
    public var weakPhrases: [String]
    /// Phrases that name the topic only when they state the subject: in the title, or in the
    /// sentence that states the contribution ("a benchmark" there, not "on standard benchmarks").
    public var subjectPhrases: [String]
    /// Other names accepted in queries (`lora` for `peft`).
    public var aliases: [String]
    /// Topics that absorb this one when both are found and this one's evidence is not strong:
    /// `vision` yields to `multimodal`, so a vision-language paper is filed under multimodal.
    public var yieldsTo: [String]

    public init(name: String, summary: String, phrases: [String], weakPhrases: [String] = [], subjectPhrases: [String] = [],
                aliases: [String] = [], yieldsTo: [String] = []) {
        self.yieldsTo = yieldsTo
        self.name = name
        self.summary = summary
        self.phrases = phrases
        self.weakPhrases = weakPhrases
        self.subjectPhrases = subjectPhrases
        self.aliases = aliases
    }
}
