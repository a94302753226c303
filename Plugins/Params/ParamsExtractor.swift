// The `params` extractor: every parameter count of a model that a paper states, as a number.
//
// It looks at each number in the title and abstract, reads the words around it, and keeps it
// when the context says "model size": a magnitude suffix with "parameters" or a model noun after
// it ("a 7B model", "13B and 70B variants"), a model name before it ("LLaMA-2-70B", "Mistral
// 7B"), a spelled-out count ("1.3 billion parameters"), or a plain count of parameters ("350,000
// parameters"). It drops numbers whose context says something else: tokens, images, samples,
// GPU memory, context length, money. `8x7B` is the product (56B); `2B4T` is 2B (4T is tokens).
// Numbers next to each other in a list or range ("from 125M to 13B") share their verdict.

import PaperQL

public struct ParamsExtractor: Extractor {
    public let name = "params"
    public let version = "1.0"
    public let fields = [
        FieldDescriptor(name: "params", type: .list(.number), summary: "Parameter counts of the models the paper states",
                        numberStyle: .magnitude),
    ]

    public init() {}

    public func extract(from paper: ExtractionInput, into output: inout ExtractionOutput) {
        for text in [paper.title, paper.abstract] where !text.isEmpty {
            for candidate in ParamsScanner.counts(in: text.utf8) {
                output.add(.number(candidate.value), toFieldAt: 0, evidence: text.evidence(candidate.range))
            }
        }
    }
}

/// A number that may be a parameter count.
struct SizeCandidate {
    /// `unlikely`: rejected on weak grounds (an unknown plural follows, which may be a verb);
    /// a neighbour in the same list or range can still accept it.
    enum Verdict { case accept, reject, undecided, unlikely }
    var value: Double
    var range: Range<Int>
    var verdict: Verdict
    /// Uppercase magnitude suffix (B, M, T) or a spelled scale: looks like a model size.
    var strongSuffix: Bool
}

enum ParamsScanner {
    static let paramNouns: Set<String> = ["parameters", "parameter", "params", "param", "weights"]
    static let paramAdjectives: Set<String> = [
        "trainable", "total", "active", "activated", "learnable", "non-embedding", "tunable", "additional", "extra",
        "model", "dense", "sparse", "effective", "free", "more", "fewer", "of", "only",
    ]
    static let modelNouns: Set<String> = [
        "model", "models", "llm", "llms", "lm", "lms", "language", "variant", "variants", "version", "versions", "network",
        "networks", "transformer", "transformers", "checkpoint", "checkpoints", "backbone", "backbones", "teacher",
        "student", "moe", "scale", "size", "sizes", "sized", "decoder", "encoder", "vlm", "vlms", "mllm", "mllms",
        "base", "instruct", "chat", "slm", "slms", "dense", "counterpart", "counterparts", "baseline", "baselines",
        "foundation", "vit", "vits", "diffusion", "parameter-scale", "model-scale", "architecture", "configuration",
        "reader", "planner", "generator", "retriever", "reranker", "proxy", "classifier", "detector", "policy", "agent",
        "judge", "verifier", "critic", "drafter", "draft", "tokenizer",
    ]
    static let otherNouns: Set<String> = [
        "tokens", "token", "images", "image", "samples", "sample", "examples", "example", "pairs", "words", "word",
        "sentences", "documents", "hours", "steps", "videos", "video", "frames", "flops", "flop", "gpu", "gpus", "queries",
        "users", "instances", "rows", "context", "contexts", "characters", "bits", "bit", "bytes", "pixels", "clips",
        "questions", "problems", "prompts", "trajectories", "episodes", "iterations", "epochs", "records", "citations",
        "downloads", "papers", "patches", "cells", "molecules", "genes", "nodes", "edges", "triples", "entities",
        "utterances", "speakers", "languages", "lines", "files", "repositories", "functions", "articles", "posts",
        "passages", "dollars", "usd", "instructions", "conversations", "dialogues", "responses", "annotations", "labels",
        "hours", "ms", "seconds", "times", "scenes", "objects", "points", "vertices", "triangles", "voxels", "subjects",
        "participants", "patients", "sequences", "proteins", "compounds", "reactions", "tables", "programs", "solutions",
        "tasks", "demonstrations", "views", "photos", "captions", "texts", "web", "length", "window", "vocabulary",
        "resolution", "px", "steps", "updates", "cycles", "operations", "macs", "multiply-adds", "memory", "ram",
        "vram", "hbm", "wall-clock", "corpus", "dataset", "datasets", "data", "recordings", "generations", "hours",
    ]
    static let scales: [String: Double] = ["thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12]
    static let connectors: Set<String> = ["to", "and", "or", "-", "–", ",", "/", "from", "up"]

    /// The parameter counts stated in `text`.
    static func counts(in text: UnsafeBufferPointer<UInt8>) -> [SizeCandidate] {
        var candidates: [SizeCandidate] = []
        let n = text.count
        var i = 0
        while i < n {
            let b = text[i]
            if TextTools.isDigit(b) {
                // Only numbers that start a token: not the 8 of GSM8K, nor the 5 of Qwen2.5.
                if i > 0, TextTools.isLetter(text[i - 1]) || TextTools.isDigit(text[i - 1]) || text[i - 1] == UInt8(ascii: ".")
                    || text[i - 1] == UInt8(ascii: "_") || text[i - 1] >= 0x80 {
                    if let glued = gluedSize(at: i, in: text) { candidates.append(glued) }
                    i += 1
                    while i < n, TextTools.isDigit(text[i]) || TextTools.isLetter(text[i]) { i += 1 }
                    continue
                }
                if let candidate = numberCandidate(at: i, in: text) {
                    candidates.append(candidate.0)
                    i = max(candidate.1, i + 1)
                } else {
                    i += 1
                    while i < n, TextTools.isDigit(text[i]) || text[i] == UInt8(ascii: ",") || text[i] == UInt8(ascii: ".") { i += 1 }
                }
                continue
            }
            if TextTools.isLetter(b), i == 0 || !TextTools.isWordByte(text[i - 1]) {
                if startsURL(at: i, in: text) {
                    while i < n, text[i] != 0x20 { i += 1 }
                    continue
                }
                if let candidate = bareScaleCandidate(at: i, in: text) { candidates.append(candidate) }
                while i < n, TextTools.isLetter(text[i]) || text[i] >= 0x80 { i += 1 }
                continue
            }
            i += 1
        }
        propagate(&candidates, in: text)
        return candidates.filter { $0.verdict == .accept && $0.value >= 1 && $0.value < 1e16 }
    }

    /// A number at `start` and what follows it; returns the candidate and where scanning resumes.
    private static func numberCandidate(at start: Int, in text: UnsafeBufferPointer<UInt8>) -> (SizeCandidate, Int)? {
        guard let (value, numberEnd) = TextTools.number(at: start, in: text) else { return nil }
        let n = text.count
        var end = numberEnd
        var scale: Double = 1
        var suffix: UInt8?
        var spelled = false

        // Experts times size: 8x7B, 8×22B.
        if end < n, text[end] == UInt8(ascii: "x") || (text[end] == 0xC3 && end + 1 < n && text[end + 1] == 0x97) {
            let after = end + (text[end] == 0xC3 ? 2 : 1)
            if after < n, TextTools.isDigit(text[after]), let (size, sizeEnd) = TextTools.number(at: after, in: text),
               sizeEnd < n, let s = scaleOf(text[sizeEnd]), s >= 1e6, sizeEnd + 1 >= n || !TextTools.isLetter(text[sizeEnd + 1]) {
                let candidate = SizeCandidate(value: value * size * s, range: start..<(sizeEnd + 1), verdict: .accept, strongSuffix: true)
                return (candidate, sizeEnd + 1)
            }
            return nil
        }

        if end < n, let s = scaleOf(text[end]) {
            // A one-letter suffix, ended by a non-letter: 7B, 760M, 1.3B-parameter, 2B4T.
            if end + 1 >= n || !TextTools.isLetter(text[end + 1]) {
                scale = s
                suffix = text[end]
                end += 1
            } else if end + 1 < n, (text[end + 1] | 0x20) == UInt8(ascii: "n"), text[end] | 0x20 == UInt8(ascii: "b"),
                      end + 2 >= n || !TextTools.isLetter(text[end + 2]) {
                scale = 1e9  // "7Bn"
                suffix = UInt8(ascii: "B")
                end += 2
            } else {
                return nil  // 80GB, 24Gb, 7Bx ...
            }
        } else if end + 1 < n, text[end] == 0x20, let s = scaleOf(text[end + 1]), text[end + 1] >= 65, text[end + 1] <= 90,
                  s >= 1e9, end + 2 >= n || !TextTools.isLetter(text[end + 2]) {
            scale = s  // "12 B parameters"
            suffix = text[end + 1]
            end += 2
        } else {
            let next = TextTools.words(after: end, in: text, count: 1)
            if let word = next.first, let s = scales[word.replacingOccurrences(of: "-parameter", with: "")] ?? scales[String(word.prefix { $0 != "-" })] {
                scale = s
                spelled = true
                // Move past the scale word.
                var j = end
                while j < n, !TextTools.isLetter(text[j]) { j += 1 }
                while j < n, TextTools.isLetter(text[j]) { j += 1 }
                end = j
            } else if end < n, text[end] == UInt8(ascii: "%") || text[end] == UInt8(ascii: "-") && end + 1 < n && TextTools.isLetter(text[end + 1]) && TextTools.words(after: end, in: text, count: 1).first?.hasPrefix("bit") == true {
                return nil
            }
        }

        let startsToken = start == 0 || text[start - 1] == 0x20 || text[start - 1] == UInt8(ascii: "(")
        var sharedRange = false
        if suffix == nil && !spelled, startsToken, let shared = sharedScale(after: end, in: text) {
            sharedRange = true
            scale = shared.scale
            spelled = shared.spelled
            suffix = shared.suffix
        }
        let full = value * scale
        let before = TextTools.words(before: start, in: text, count: 3)
        let after = TextTools.words(after: end, in: text, count: 4, stopAtComma: true)
        let precededByDollar = start > 0 && (text[start - 1] == UInt8(ascii: "$") || text[start - 1] == 0xAC /* € tail */)
        var candidate = SizeCandidate(value: full, range: start..<end, verdict: .undecided,
                                      strongSuffix: spelled || (suffix.map { $0 == UInt8(ascii: "B") || $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "M") } ?? false))

        if precededByDollar || after.first == "dollars" || after.first == "usd" {
            candidate.verdict = .reject
            return (candidate, end)
        }
        if suffix == nil && !spelled {
            // A plain number counts only with "parameters" right after it.
            candidate.verdict = mentionsParameters(after) ? .accept : .reject
            if candidate.verdict == .accept, after.first == "of" { candidate.verdict = .reject }
            return (candidate, end)
        }
        // Size then tokens, run together: 2B4T (4T is tokens). Anything else glued on is not a size.
        if end < n, TextTools.isDigit(text[end]) {
            var j = end
            while j < n, TextTools.isDigit(text[j]) || text[j] == UInt8(ascii: ".") { j += 1 }
            let isSizeThenTokens = suffix == UInt8(ascii: "B") && j < n && text[j] == UInt8(ascii: "T") && (j + 1 >= n || !TextTools.isWordByte(text[j + 1]))
            candidate.verdict = isSizeThenTokens ? .accept : .reject
            while j < n, TextTools.isWordByte(text[j]) { j += 1 }
            return (candidate, j)
        }
        // One unit for a range ("5 to 500 billion tokens"): the verdict is the range end's.
        candidate.verdict = sharedRange ? .undecided : judge(before: before, after: after, suffix: suffix, spelled: spelled, start: start, in: text)
        return (candidate, end)
    }

    /// A size glued to a capitalised name: "Flamingo80B". Only B and T, which name nothing
    /// else glued to a word ("GSM8K" and "papers100M" are not sizes).
    private static func gluedSize(at start: Int, in text: UnsafeBufferPointer<UInt8>) -> SizeCandidate? {
        var j = start
        while j > 0, TextTools.isLetter(text[j - 1]) { j -= 1 }
        guard start - j >= 3, text[j] >= 65, text[j] <= 90, j == 0 || !TextTools.isWordByte(text[j - 1]),
              let (value, end) = TextTools.number(at: start, in: text), end < text.count,
              text[end] == UInt8(ascii: "B") || text[end] == UInt8(ascii: "T"),
              end + 1 >= text.count || !TextTools.isWordByte(text[end + 1]) else { return nil }
        return SizeCandidate(value: value * (text[end] == UInt8(ascii: "B") ? 1e9 : 1e12), range: start..<(end + 1), verdict: .accept, strongSuffix: true)
    }

    /// The scale of the second number of a range written with one unit: "1-70 billion",
    /// "7–12B", "1 to 10B".
    private static func sharedScale(after end: Int, in text: UnsafeBufferPointer<UInt8>) -> (scale: Double, spelled: Bool, suffix: UInt8?)? {
        let n = text.count
        var j = end
        if j < n, text[j] == UInt8(ascii: "-") { j += 1 }
        else if j + 2 < n, text[j] == 0xE2, text[j + 1] == 0x80, text[j + 2] == 0x93 { j += 3 }
        else if j + 4 < n, text[j] == 0x20, text[j + 1] == UInt8(ascii: "t"), text[j + 2] == UInt8(ascii: "o"), text[j + 3] == 0x20 { j += 4 }
        else { return nil }
        guard let (_, numberEnd) = TextTools.number(at: j, in: text) else { return nil }
        if numberEnd < n, let s = scaleOf(text[numberEnd]), text[numberEnd] >= 65, text[numberEnd] <= 90,
           numberEnd + 1 >= n || !TextTools.isLetter(text[numberEnd + 1]) {
            return (s, false, text[numberEnd])
        }
        if let word = TextTools.words(after: numberEnd, in: text, count: 1).first, let s = scales[word] {
            return (s, true, nil)
        }
        return nil
    }

    /// "a trillion-parameter model", "billion-parameter LLMs": a scale word with no number.
    private static func bareScaleCandidate(at start: Int, in text: UnsafeBufferPointer<UInt8>) -> SizeCandidate? {
        let words = TextTools.words(after: start, in: text, count: 2)
        guard let first = words.first else { return nil }
        let parts = first.split(separator: "-").map(String.init)
        guard let scaleWord = parts.first, let scale = scales[scaleWord], scale >= 1e6 else { return nil }
        let isParameter = parts.count > 1 ? paramNouns.contains(parts[1]) : (words.count > 1 && paramNouns.contains(words[1]))
        guard isParameter else { return nil }
        // Not after a number (handled there), nor vague ("a few hundred million").
        let before = TextTools.words(before: start, in: text, count: 2)
        var value = scale
        var begin = start
        if let previous = before.first {
            if previous.first.map({ $0.isNumber }) == true { return nil }
            if vagueWords.contains(previous) || before.dropFirst().first.map(vagueWords.contains) == true { return nil }
            if let multiplier = numberWords[previous] {
                value = multiplier * scale
                if multiplier > 1 {
                    var j = start - 1
                    while j > 0, !TextTools.isLetter(text[j]) { j -= 1 }
                    while j > 0, TextTools.isLetter(text[j - 1]) { j -= 1 }
                    begin = j
                }
            }
        }
        let end = start + scaleWord.utf8.count
        return SizeCandidate(value: value, range: begin..<end, verdict: .accept, strongSuffix: true)
    }

    /// `http://`, `https://`, `www.`: numbers inside links are not sizes.
    private static func startsURL(at i: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        func has(_ s: String) -> Bool {
            let u = Array(s.utf8)
            guard i + u.count <= text.count else { return false }
            for k in 0..<u.count where text[i + k] | 0x20 != u[k] { return false }
            return true
        }
        return has("http://") || has("https://") || has("www.") || has("github.com/") || has("huggingface.co/")
    }

    static let numberWords: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "seventy": 70, "hundred": 100, "a": 1, "an": 1,
    ]
    static let vagueWords: Set<String> = ["few", "several", "hundreds", "tens", "thousands", "many", "some", "multi", "sub"]

    private static func scaleOf(_ b: UInt8) -> Double? {
        switch b | 0x20 {
        case UInt8(ascii: "k"): return 1e3
        case UInt8(ascii: "m"): return 1e6
        case UInt8(ascii: "b"): return 1e9
        case UInt8(ascii: "t"): return 1e12
        default: return nil
        }
    }

    private static func mentionsParameters(_ after: [String]) -> Bool {
        for word in after.prefix(3) {
            let base = word.hasPrefix("-") ? String(word.dropFirst()) : word
            if paramNouns.contains(base) || base.hasSuffix("-parameter") || base.hasSuffix("-parameters") { return true }
            if !paramAdjectives.contains(base) { return false }
        }
        return false
    }

    /// Weak words that may sit between a size and what it counts ("7B base model").
    static let weakWords: Set<String> = ["base", "chat", "instruct", "pretrained", "pre-trained", "open", "open-source",
        "dense", "sparse", "new", "small", "large", "larger", "smaller", "distilled", "fine-tuned", "quantized", "labelled", "labeled", "unlabeled", "unlabelled", "high-quality", "synthetic", "training",
        "text", "public", "curated", "additional", "more", "fewer", "total", "active", "activated", "trainable", "audio",
        "multilingual", "english", "web", "raw", "generated", "annotated", "real", "human", "diverse", "long", "short"]
    static let sizeContext: Set<String> = ["sizes", "size", "scales", "scale", "models", "parameters", "parameter", "variants",
        "ranging", "range", "llms", "checkpoints", "family", "families", "count", "counts"]

    /// Words that start a new phrase: the words after them say nothing about the number.
    static let phraseBreaks: Set<String> = ["the", "a", "an", "on", "in", "with", "for", "by", "to", "of", "at", "from", "which",
                                            "that", "is", "are", "was", "were", "and", "or", "while", "but", "than", "as", "it",
                                            "its", "their", "our", "we", "this", "these", "when", "where", "instead"]
    /// Dataset families whose names carry a size (JFT-300M is images, LAION-5B is image-text pairs).
    static let datasetNames: Set<String> = ["jft", "laion", "pmc", "cc", "yfcc", "webli", "datacomp", "coyo", "mmc4", "objaverse",
                                            "redpajama", "fineweb", "dolma", "c4", "the pile", "openwebtext", "slimpajama", "refinedweb"]

    private static func judge(before: [String], after: [String], suffix: UInt8?, spelled: Bool, start: Int,
                              in text: UnsafeBufferPointer<UInt8>) -> SizeCandidate.Verdict {
        let strong = spelled || suffix.map { $0 == UInt8(ascii: "B") || $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "M") || $0 == UInt8(ascii: "b") } ?? false
        if mentionsParameters(after) { return .accept }
        if let first = after.first, first == "activated" || first == "active" { return .accept }  // MoE: "18B activated per token"
        let joiner: UInt8? = start > 0 ? text[start - 1] : nil
        if let first = after.first, otherNouns.contains(first) || first == "data" { return .reject }
        if let previous = before.first, datasetNames.contains(String(previous.split(separator: "-").first ?? "")),
           joiner == UInt8(ascii: "-") { return .reject }
        // A model name joined to the size: LLaMA-2-70B, GLM-130B, Mamba-3B, Phi-3-mini (3.8B).
        if let joiner, joiner == UInt8(ascii: "-") || joiner == UInt8(ascii: "_") || joiner == UInt8(ascii: "("),
           let previous = before.first, !datasetNames.contains(String(previous.split(separator: "-").first ?? "")),
           looksLikeModelName(previous, joinedBy: joiner, start: start, in: text), suffix.map({ $0 | 0x20 != UInt8(ascii: "k") }) ?? true {
            return .accept
        }
        // What the number counts: the first telling word after it, within three.
        for (k, word) in after.prefix(3).enumerated() {
            let base = word.split(separator: "-").last.map(String.init) ?? word
            if word.hasSuffix("-parameter") || word.hasSuffix("-param") || word.hasSuffix("-scale") || word.hasSuffix("-sized")
                || word.hasSuffix("-size") || word.hasSuffix("-model") { return .accept }
            if word.hasSuffix("-token") || word.hasSuffix("-tokens") || word.hasSuffix("-context") { return .reject }
            if paramNouns.contains(word) { return .accept }
            if otherNouns.contains(word) || otherNouns.contains(base) || base.hasSuffix("flops") { return .reject }
            if modelNouns.contains(word), !weakWords.contains(word) { return .accept }
            if connectors.contains(word) || phraseBreaks.contains(word) || word.first.map({ $0.isNumber }) == true { break }
            if weakWords.contains(word) || paramAdjectives.contains(word) { continue }
            // An unknown plural right after the number counts something else ("15M generations").
            if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") { return .unlikely }
            // Otherwise an unknown word is read as an adjective: "a 110M biomedical encoder".
        }
        if before.prefix(2).contains(where: { ["context", "window", "length", "contexts", "lengths", "sequence", "vocabulary", "resolution", "budget"].contains($0) }) {
            return .reject
        }
        if strong, before.prefix(3).contains(where: sizeContext.contains) { return .accept }
        // A model name before, with a space: Mistral 7B, Llama 3 8B.
        if let joiner, joiner == 0x20, let previous = before.first, looksLikeModelName(previous, joinedBy: joiner, start: start, in: text),
           suffix.map({ $0 | 0x20 != UInt8(ascii: "k") }) ?? true {
            return .accept
        }
        // "a 13M proxy", "our 7B drafter": an article, the size, then a singular noun.
        if strong, let article = before.first, ["a", "an", "our", "each", "one", "the"].contains(article), let noun = after.first,
           !noun.hasSuffix("s"), !phraseBreaks.contains(noun), !connectors.contains(noun), noun.first.map({ $0.isLetter }) == true {
            return .accept
        }
        // A capitalised name right after: "the 530B MT-NLG", "a 7B LLaMA".
        if strong, let name = nextToken(after: start, in: text), name.first.map({ $0 >= 65 && $0 <= 90 }) == true,
           name.dropFirst().contains(where: { ($0 >= 65 && $0 <= 90) || TextTools.isDigit($0) || $0 == UInt8(ascii: "-") }) {
            return .accept
        }
        return .undecided
    }

    /// The bytes of the token after the number at `start` (skipping its suffix and one space).
    private static func nextToken(after start: Int, in text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var i = start
        let n = text.count
        while i < n, TextTools.isWordByte(text[i]) || text[i] == UInt8(ascii: ".") { i += 1 }
        guard i < n, text[i] == 0x20 else { return nil }
        i += 1
        var j = i
        while j < n, TextTools.isWordByte(text[j]) || text[j] == UInt8(ascii: "-") { j += 1 }
        return j > i ? Array(text[i..<j]) : nil
    }

    /// A token that names a model: starts with a letter and has a capital or a digit
    /// (LLaMA-2, GLM, Qwen2.5, Mistral, T5), and is not an ordinary lowercase word.
    private static func looksLikeModelName(_ lowered: String, joinedBy joiner: UInt8, start: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        // Find the original spelling of the previous token.
        var j = start - 1
        while j >= 0, !TextTools.isWordByte(text[j]) { j -= 1 }
        let end = j + 1
        while j >= 0, TextTools.isWordByte(text[j]) || text[j] == UInt8(ascii: "-") || text[j] == UInt8(ascii: ".") { j -= 1 }
        var token = Array(text[(j + 1)..<end])
        // A version number between name and size: "Llama 3 8B", "Llama 3.1 8B".
        if token.count <= 4, token.allSatisfy({ TextTools.isDigit($0) || $0 == UInt8(ascii: ".") }), joiner == 0x20, j > 0, text[j] == 0x20 {
            var k = j
            while k > 0, TextTools.isWordByte(text[k - 1]) || text[k - 1] == UInt8(ascii: "-") { k -= 1 }
            let name = Array(text[k..<j])
            if let first = name.first, first >= 65, first <= 90 { token = name }
        }
        guard let first = token.first, TextTools.isLetter(first) || TextTools.isDigit(first) else { return false }
        let hasUpper = token.contains { $0 >= 65 && $0 <= 90 }
        let hasDigit = token.contains(where: TextTools.isDigit)
        if ["of", "to", "and", "or", "with", "than", "from", "on", "at", "by", "the", "a", "an", "about", "over", "under",
            "only", "just", "nearly", "around", "approximately", "roughly", "over", "below", "above", "between", "for", "in"].contains(lowered) {
            return false
        }
        if joiner == UInt8(ascii: "(") { return hasUpper || hasDigit }
        return hasUpper && (first >= 65 && first <= 90 || hasDigit) || (hasDigit && joiner == UInt8(ascii: "-"))
    }

    /// Undecided numbers take the verdict of an accepted neighbour in the same list or range
    /// ("from 125M to 13B parameters"); the rest are kept only when the sentence is about model
    /// size and the suffix is a strong one.
    private static func propagate(_ candidates: inout [SizeCandidate], in text: UnsafeBufferPointer<UInt8>) {
        guard !candidates.isEmpty else { return }
        func linked(_ a: SizeCandidate, _ b: SizeCandidate) -> Bool {
            guard a.range.upperBound <= b.range.lowerBound else { return false }
            let gap = String(decoding: text[a.range.upperBound..<b.range.lowerBound], as: UTF8.self).lowercased()
            let words = gap.split(whereSeparator: { !$0.isLetter }).map(String.init)
            return gap.count <= 12 && words.allSatisfy(connectors.contains)
        }
        func settle() {
            var changed = true
            while changed {
                changed = false
                for i in candidates.indices where candidates[i].verdict == .undecided || candidates[i].verdict == .unlikely {
                    let neighbours = [i - 1, i + 1].filter { candidates.indices.contains($0) }
                    for j in neighbours where candidates[j].verdict == .accept || candidates[j].verdict == .reject && candidates[i].verdict == .undecided {
                        let (a, b) = j < i ? (candidates[j], candidates[i]) : (candidates[i], candidates[j])
                        if linked(a, b), candidates[j].strongSuffix == candidates[i].strongSuffix || candidates[j].verdict == .reject {
                            candidates[i].verdict = candidates[j].verdict
                            changed = true
                            break
                        }
                    }
                }
            }
        }
        settle()
        for i in candidates.indices where candidates[i].verdict == .unlikely { candidates[i].verdict = .reject }
        settle()
        let sentences = TextTools.sentences(in: text)
        // A paper that states model sizes elsewhere is talking about sizes ("at 70B the speedup grows").
        let paperStatesSizes = candidates.contains { $0.verdict == .accept && $0.strongSuffix }
        for i in candidates.indices where candidates[i].verdict == .undecided {
            guard candidates[i].strongSuffix else {
                candidates[i].verdict = .reject
                continue
            }
            let sentence = sentences.first { $0.contains(candidates[i].range.lowerBound) } ?? 0..<text.count
            let lower = String(decoding: text[sentence], as: UTF8.self).lowercased()
            let aboutSize = paperStatesSizes || ["parameter", " model", "llm", "network", "-scale", "sized", "scale"].contains { lower.contains($0) }
            candidates[i].verdict = aboutSize ? .accept : .reject
        }
    }
}
