// The `datasets` extractor: named datasets and benchmarks a paper uses or introduces.
//
// Two sources: a dictionary of well-known names with their canonical spelling (ImageNet, GSM8K,
// MMLU, WIDER FACE, ...), and the phrase "the X dataset/benchmark/corpus" (or "X dataset") where
// X is a name: capitalised or containing a digit, not an ordinary word. Names that are also
// common words ("MATH", "ARC", "DROP") match only in capitals.

import PaperQL

public struct DatasetsExtractor: Extractor {
    public let name = "datasets"
    public let version = "1.0"
    public let fields = [
        FieldDescriptor(name: "datasets", type: .list(.string), summary: "Named datasets and benchmarks (ImageNet, GSM8K, MMLU, ...)"),
    ]

    private var matcher: PhraseMatcher { DatasetsExtractor.shared.matcher }
    private var owners: [Int] { DatasetsExtractor.shared.owners }

    /// Built once per process, on first use. One automaton finds the known names and, after
    /// them (from index `owners.count`), the nouns that may follow an unknown one.
    private static let shared: (matcher: PhraseMatcher, owners: [Int]) = {
        var phrases: [String] = []
        var owners: [Int] = []
        for (i, entry) in KnownDatasets.all.enumerated() {
            for spelling in [entry.canonical] + entry.variants {
                phrases.append(spelling.lowercased())
                owners.append(i)
            }
        }
        return (PhraseMatcher(phrases + NamedDatasetPattern.nounWords), owners)
    }()

    public init() {}

    public func extract(from paper: ExtractionInput, into output: inout ExtractionOutput) {
        paper.forEachText { text in
            let bytes = text.utf8
            let found = matcher.matches(in: bytes)
            let nounStart = owners.count
            var matches = found.filter { $0.phrase < nounStart }
            matches.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.count > $1.range.count }
            var coveredUntil = 0
            var covered: [Range<Int>] = []
            for match in matches where match.range.lowerBound >= coveredUntil {
                let entry = KnownDatasets.all[owners[match.phrase]]
                if entry.caseSensitive {
                    let written = TextTools.string(bytes, match.range)
                    guard written == entry.canonical || entry.variants.contains(written) else { continue }
                }
                output.add(.string(entry.canonical), toFieldAt: 0, evidence: text.evidence(match.range))
                coveredUntil = match.range.upperBound
                covered.append(match.range)
            }
            let nouns = found.filter { $0.phrase >= nounStart }
            for range in NamedDatasetPattern.names(in: bytes, nouns: nouns) where !covered.contains(where: { $0.overlaps(range) }) {
                output.add(.string(TextTools.string(bytes, range)), toFieldAt: 0, evidence: text.evidence(range))
            }
        }
    }
}

/// "the GazeCapture dataset", "PTMTorrent benchmark", "on the XYZ-1K corpus".
enum NamedDatasetPattern {
    static let notNames: Set<String> = ["The", "This", "Our", "A", "An", "New", "Novel", "Large", "Public", "Existing", "Each",
                                        "Standard", "Popular", "Benchmark", "Dataset", "Synthetic", "Real", "Several", "Multiple",
                                        "Evaluation", "Training", "Test", "Open", "Diverse", "Comprehensive", "Both", "These", "Such",
                                        "Challenging", "Other", "Various", "Many", "Different", "Two", "Three", "First", "Second",
                                        "English", "Chinese", "Human", "Image", "Video", "Text", "Code", "Math", "Medical", "Clinical",
                                        "NLP", "LLM", "LLMs", "ML", "AI", "CV", "RL", "QA", "NLU", "NLG", "ASR", "TTS", "GPU", "API",
                                        "SQL", "MT", "IR", "VQA", "OCR", "NER", "GNN", "CNN", "RAG", "MoE", "PEFT", "LoRA", "SOTA"]

    static let nounWords = ["dataset", "datasets", "benchmark", "benchmarks", "corpus", "corpora", "suite", "leaderboard"]
    static let nouns = WordSet(words: nounWords)

    /// The unknown names in `text`, given where the nouns occur (whole words, found by the
    /// extractor's automaton): a name is looked for only right before a noun, not token by token.
    static func names(in text: UnsafeBufferPointer<UInt8>, nouns occurrences: [PhraseMatcher.Match]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var next: [Word] = []
        for noun in occurrences {
            // Back over what separates the noun from the token before it (words(after:) skips
            // the same bytes), to the token's last byte, which a space must follow.
            var last = noun.range.lowerBound - 1
            while last >= 0, !TextTools.isWordByte(text[last]), !isSentencePunctuation(text[last]) { last -= 1 }
            guard last >= 0, TextTools.isWordByte(text[last]), text[last + 1] == 0x20,
                  let start = tokenStart(endingAt: last, in: text) else { continue }
            // Only capitalised or numeric tokens can name a dataset.
            let first = text[start]
            guard (first >= 65 && first <= 90) || TextTools.isDigit(first) else { continue }
            let end = last + 1
            TextTools.words(after: end, in: text, count: 1, into: &next)
            if let word = next.first, word.range == noun.range, nouns.contains(word.key), isName(TextTools.string(text, start..<end)) {
                found.append(start..<end)
            }
        }
        return found
    }

    @inline(__always)
    static func isSentencePunctuation(_ b: UInt8) -> Bool {
        b == UInt8(ascii: ".") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":") || b == UInt8(ascii: "(") || b == UInt8(ascii: ")")
    }

    /// Where the token holding the word byte at `last` starts. A token is letters, digits and
    /// inner hyphens ("ImageNet-1K"), and starts at the first part of a hyphenated chain that
    /// begins with an ASCII letter or digit; nil when no part does.
    static func tokenStart(endingAt last: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var start: Int?
        var part = last
        while true {
            while part > 0, TextTools.isWordByte(text[part - 1]) { part -= 1 }
            if TextTools.isLetter(text[part]) || TextTools.isDigit(text[part]) { start = part }
            guard part >= 2, text[part - 1] == UInt8(ascii: "-"), TextTools.isWordByte(text[part - 2]) else { return start }
            part -= 2
        }
    }

    /// Capitalised inside or containing a digit (GazeCapture, WikiText-103, ImageNet-1K), and
    /// not a plain word ("Large", "Our").
    static func isName(_ token: String) -> Bool {
        guard let first = token.first, first.isUppercase || first.isNumber, !notNames.contains(token) else { return false }
        let inner = token.dropFirst()
        let hasInnerCapital = inner.contains { $0.isUppercase }
        let hasDigit = token.contains { $0.isNumber }
        return (hasInnerCapital || hasDigit) && token.count >= 3 && token.contains { $0.isLetter }
    }
}

struct KnownDataset {
    let canonical: String
    var variants: [String] = []
    var caseSensitive = false
}

enum KnownDatasets {
    static let all: [KnownDataset] = [
        KnownDataset(canonical: "ImageNet", variants: ["ImageNet-1K", "ImageNet-1k", "ImageNet-21K", "ILSVRC"]),
        KnownDataset(canonical: "COCO", variants: ["MS COCO", "MS-COCO", "MSCOCO"], caseSensitive: true),
        KnownDataset(canonical: "CIFAR-10", variants: ["CIFAR10"]), KnownDataset(canonical: "CIFAR-100", variants: ["CIFAR100"]),
        KnownDataset(canonical: "MNIST"), KnownDataset(canonical: "Fashion-MNIST"), KnownDataset(canonical: "SVHN"),
        KnownDataset(canonical: "CelebA"), KnownDataset(canonical: "FFHQ"), KnownDataset(canonical: "LSUN"),
        KnownDataset(canonical: "ADE20K"), KnownDataset(canonical: "Cityscapes"), KnownDataset(canonical: "Pascal VOC", variants: ["PASCAL VOC", "VOC2012"]),
        KnownDataset(canonical: "KITTI"), KnownDataset(canonical: "nuScenes"), KnownDataset(canonical: "Waymo Open Dataset"),
        KnownDataset(canonical: "Kinetics-400", variants: ["Kinetics400"]), KnownDataset(canonical: "Kinetics-700"),
        KnownDataset(canonical: "UCF101", variants: ["UCF-101"]), KnownDataset(canonical: "HMDB51"),
        KnownDataset(canonical: "Something-Something V2", variants: ["Something-Something"]),
        KnownDataset(canonical: "LAION-5B"), KnownDataset(canonical: "LAION-400M"), KnownDataset(canonical: "CC3M"), KnownDataset(canonical: "CC12M"),
        KnownDataset(canonical: "Conceptual Captions"), KnownDataset(canonical: "Visual Genome"), KnownDataset(canonical: "VQAv2", variants: ["VQA v2", "VQA-v2"]),
        KnownDataset(canonical: "GQA", caseSensitive: true), KnownDataset(canonical: "OK-VQA"), KnownDataset(canonical: "TextVQA"),
        KnownDataset(canonical: "ScienceQA"), KnownDataset(canonical: "MMMU"), KnownDataset(canonical: "MathVista"),
        KnownDataset(canonical: "Flickr30k", variants: ["Flickr30K"]), KnownDataset(canonical: "NoCaps"), KnownDataset(canonical: "RefCOCO"),
        KnownDataset(canonical: "WIDER FACE", variants: ["WIDERFACE", "WiderFace", "WIDER Face"]), KnownDataset(canonical: "GazeCapture"),
        KnownDataset(canonical: "MPIIGaze"), KnownDataset(canonical: "LibriSpeech"), KnownDataset(canonical: "Common Voice", caseSensitive: true),
        KnownDataset(canonical: "VoxCeleb", variants: ["VoxCeleb1", "VoxCeleb2"]), KnownDataset(canonical: "AudioSet"),
        KnownDataset(canonical: "LJSpeech", variants: ["LJ Speech"]), KnownDataset(canonical: "AudioCaps"), KnownDataset(canonical: "Clotho", caseSensitive: true),
        KnownDataset(canonical: "WikiText-103", variants: ["Wikitext-103", "WikiText103"]), KnownDataset(canonical: "WikiText-2", variants: ["Wikitext-2", "WikiText2"]),
        KnownDataset(canonical: "C4", caseSensitive: true), KnownDataset(canonical: "The Pile", variants: ["the Pile"], caseSensitive: true),
        KnownDataset(canonical: "RedPajama"), KnownDataset(canonical: "SlimPajama"), KnownDataset(canonical: "FineWeb", variants: ["FineWeb-Edu"]),
        KnownDataset(canonical: "Dolma", caseSensitive: true), KnownDataset(canonical: "OpenWebText"), KnownDataset(canonical: "BookCorpus"),
        KnownDataset(canonical: "GLUE", caseSensitive: true), KnownDataset(canonical: "SuperGLUE"), KnownDataset(canonical: "SQuAD", variants: ["SQuAD 2.0", "SQuAD v2"]),
        KnownDataset(canonical: "MMLU"), KnownDataset(canonical: "MMLU-Pro"), KnownDataset(canonical: "GSM8K", variants: ["GSM-8K"]),
        KnownDataset(canonical: "MATH", caseSensitive: true), KnownDataset(canonical: "MATH-500"), KnownDataset(canonical: "HumanEval", variants: ["HumanEval+"]),
        KnownDataset(canonical: "MBPP"), KnownDataset(canonical: "BIG-Bench", variants: ["BIG-bench", "BigBench"]), KnownDataset(canonical: "BIG-Bench Hard", variants: ["BBH"]),
        KnownDataset(canonical: "HellaSwag"), KnownDataset(canonical: "ARC", variants: ["ARC-Challenge", "ARC-Easy"], caseSensitive: true),
        KnownDataset(canonical: "PIQA"), KnownDataset(canonical: "WinoGrande"), KnownDataset(canonical: "BoolQ"), KnownDataset(canonical: "OpenBookQA"),
        KnownDataset(canonical: "TriviaQA"), KnownDataset(canonical: "Natural Questions"), KnownDataset(canonical: "HotpotQA"),
        KnownDataset(canonical: "MS MARCO", variants: ["MSMARCO"]), KnownDataset(canonical: "BEIR"), KnownDataset(canonical: "MTEB"),
        KnownDataset(canonical: "TruthfulQA"), KnownDataset(canonical: "AlpacaEval"), KnownDataset(canonical: "MT-Bench"),
        KnownDataset(canonical: "Chatbot Arena"), KnownDataset(canonical: "IFEval"), KnownDataset(canonical: "GPQA"),
        KnownDataset(canonical: "AIME", caseSensitive: true), KnownDataset(canonical: "LiveCodeBench"), KnownDataset(canonical: "SWE-bench", variants: ["SWE-Bench"]),
        KnownDataset(canonical: "APPS", caseSensitive: true), KnownDataset(canonical: "CodeContests"), KnownDataset(canonical: "DS-1000"),
        KnownDataset(canonical: "LongBench"), KnownDataset(canonical: "RULER", caseSensitive: true), KnownDataset(canonical: "Needle in a Haystack"),
        KnownDataset(canonical: "XSum"), KnownDataset(canonical: "CNN/DailyMail", variants: ["CNN/DM", "CNN-DailyMail"]),
        KnownDataset(canonical: "WMT", variants: ["WMT14", "WMT16", "WMT19", "WMT22"], caseSensitive: true), KnownDataset(canonical: "FLORES", variants: ["FLORES-200"]),
        KnownDataset(canonical: "Penn Treebank", variants: ["PTB"]), KnownDataset(canonical: "LAMBADA"), KnownDataset(canonical: "StoryCloze"),
        KnownDataset(canonical: "CommonsenseQA"), KnownDataset(canonical: "StrategyQA"), KnownDataset(canonical: "DROP", caseSensitive: true),
        KnownDataset(canonical: "RACE", caseSensitive: true), KnownDataset(canonical: "LogiQA"), KnownDataset(canonical: "OGB"),
        KnownDataset(canonical: "ogbn-arxiv"), KnownDataset(canonical: "ogbn-products"), KnownDataset(canonical: "Cora", caseSensitive: true),
        KnownDataset(canonical: "CiteSeer", variants: ["Citeseer"]), KnownDataset(canonical: "QM9"), KnownDataset(canonical: "ZINC", caseSensitive: true),
        KnownDataset(canonical: "ETTh1", variants: ["ETTh2", "ETTm1", "ETTm2", "ETT"]), KnownDataset(canonical: "M4", caseSensitive: true),
        KnownDataset(canonical: "MIMIC-III"), KnownDataset(canonical: "MIMIC-IV"), KnownDataset(canonical: "CheXpert"),
        KnownDataset(canonical: "BraTS"), KnownDataset(canonical: "TCGA"), KnownDataset(canonical: "GTEx"), KnownDataset(canonical: "PathVQA"),
        KnownDataset(canonical: "MedQA"), KnownDataset(canonical: "PubMedQA"), KnownDataset(canonical: "MedMCQA"),
        KnownDataset(canonical: "ScanNet"), KnownDataset(canonical: "ShapeNet"), KnownDataset(canonical: "ModelNet40"), KnownDataset(canonical: "S3DIS"),
        KnownDataset(canonical: "SemanticKITTI"), KnownDataset(canonical: "Objaverse"), KnownDataset(canonical: "Open X-Embodiment"),
        KnownDataset(canonical: "LIBERO", caseSensitive: true), KnownDataset(canonical: "CALVIN", caseSensitive: true), KnownDataset(canonical: "Meta-World"),
        KnownDataset(canonical: "D4RL"), KnownDataset(canonical: "ALFWorld"), KnownDataset(canonical: "WebShop"), KnownDataset(canonical: "WebArena"),
        KnownDataset(canonical: "Mind2Web"), KnownDataset(canonical: "ToolBench"), KnownDataset(canonical: "AgentBench"),
        KnownDataset(canonical: "ShareGPT"), KnownDataset(canonical: "UltraChat"), KnownDataset(canonical: "UltraFeedback"),
        KnownDataset(canonical: "HH-RLHF", variants: ["Anthropic HH"]), KnownDataset(canonical: "OpenAssistant", variants: ["OASST1"]),
        KnownDataset(canonical: "Super-NaturalInstructions", variants: ["Natural Instructions"]), KnownDataset(canonical: "TinyStories"),
        KnownDataset(canonical: "The Stack"), KnownDataset(canonical: "CodeSearchNet"), KnownDataset(canonical: "dolly-15k", variants: ["databricks-dolly-15k"]),
        KnownDataset(canonical: "Alpaca-52K"), KnownDataset(canonical: "FLAN Collection"), KnownDataset(canonical: "ARC-AGI"),
    ]
}
