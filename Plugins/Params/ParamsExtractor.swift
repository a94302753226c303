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
        var scanner = ParamsScanner()
        paper.forEachText { text in
            for candidate in scanner.counts(in: text.utf8) {
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

/// Reads one text. Word buffers are reused between numbers, so scanning allocates almost nothing.
struct ParamsScanner {
    private var before: [Word] = []
    private var after: [Word] = []
    private var scratch: [Word] = []

    static let paramNouns = WordSet(words: ["parameters", "parameter", "params", "param", "weights"])
    static let paramAdjectives = WordSet(words: [
        "trainable", "total", "active", "activated", "learnable", "non-embedding", "tunable", "additional", "extra",
        "model", "dense", "sparse", "effective", "free", "more", "fewer", "of", "only",
    ])
    static let modelNouns = WordSet(words: [
        "model", "models", "llm", "llms", "lm", "lms", "language", "variant", "variants", "version", "versions", "network",
        "networks", "transformer", "transformers", "checkpoint", "checkpoints", "backbone", "backbones", "teacher",
        "student", "moe", "scale", "size", "sizes", "sized", "decoder", "encoder", "vlm", "vlms", "mllm", "mllms",
        "base", "instruct", "chat", "slm", "slms", "dense", "counterpart", "counterparts", "baseline", "baselines",
        "foundation", "vit", "vits", "diffusion", "parameter-scale", "model-scale", "architecture", "configuration",
        "reader", "planner", "generator", "retriever", "reranker", "proxy", "classifier", "detector", "policy", "agent",
        "judge", "verifier", "critic", "drafter", "draft", "tokenizer",
    ])
    static let otherNouns = WordSet(words: [
        "tokens", "token", "images", "image", "samples", "sample", "examples", "example", "pairs", "words", "word",
        "sentences", "documents", "hours", "steps", "videos", "video", "frames", "flops", "flop", "gpu", "gpus", "queries",
        "users", "instances", "rows", "context", "contexts", "characters", "bits", "bit", "bytes", "pixels", "clips",
        "questions", "problems", "prompts", "trajectories", "episodes", "iterations", "epochs", "records", "citations",
        "downloads", "papers", "patches", "cells", "molecules", "genes", "nodes", "edges", "triples", "entities",
        "utterances", "speakers", "languages", "lines", "files", "repositories", "functions", "articles", "posts",
        "passages", "dollars", "usd", "instructions", "conversations", "dialogues", "responses", "annotations", "labels",
        "ms", "seconds", "times", "scenes", "objects", "points", "vertices", "triangles", "voxels", "subjects",
        "participants", "patients", "sequences", "proteins", "compounds", "reactions", "tables", "programs", "solutions",
        "tasks", "demonstrations", "views", "photos", "captions", "texts", "web", "length", "window", "vocabulary",
        "resolution", "px", "updates", "cycles", "operations", "macs", "multiply-adds", "memory", "ram",
        "vram", "hbm", "wall-clock", "corpus", "dataset", "datasets", "data", "recordings", "generations",
    ])
    static let scales = WordTable<Double>([("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)])
    static let connectors = WordSet(words: ["to", "and", "or", "from", "up"])
    static let numberWords = WordTable<Double>([
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "seventy": 70, "hundred": 100, "a": 1, "an": 1,
    ].map { ($0.key, $0.value) })
    static let vagueWords = WordSet(words: ["few", "several", "hundreds", "tens", "thousands", "many", "some", "multi", "sub"])
    /// Weak words that may sit between a size and what it counts ("7B base model").
    static let weakWords = WordSet(words: ["base", "chat", "instruct", "pretrained", "pre-trained", "open", "open-source",
        "dense", "sparse", "new", "small", "large", "larger", "smaller", "distilled", "fine-tuned", "quantized", "labelled",
        "labeled", "unlabeled", "unlabelled", "high-quality", "synthetic", "training",
        "text", "public", "curated", "additional", "more", "fewer", "total", "active", "activated", "trainable", "audio",
        "multilingual", "english", "web", "raw", "generated", "annotated", "real", "human", "diverse", "long", "short"])
    static let sizeContext = WordSet(words: ["sizes", "size", "scales", "scale", "models", "parameters", "parameter", "variants",
        "ranging", "range", "llms", "checkpoints", "family", "families", "count", "counts"])
    /// Words that start a new phrase: the words after them say nothing about the number.
    static let phraseBreaks = WordSet(words: ["the", "a", "an", "on", "in", "with", "for", "by", "to", "of", "at", "from", "which",
        "that", "is", "are", "was", "were", "and", "or", "while", "but", "than", "as", "it", "its", "their", "our", "we", "this",
        "these", "when", "where", "instead"])
    /// Dataset families whose names carry a size (JFT-300M is images, LAION-5B is image-text pairs).
    static let datasetNames = WordSet(words: ["jft", "laion", "pmc", "cc", "yfcc", "webli", "datacomp", "coyo", "mmc4", "objaverse",
        "redpajama", "fineweb", "dolma", "c4", "openwebtext", "slimpajama", "refinedweb"])
    static let contextWords = WordSet(words: ["context", "window", "length", "contexts", "lengths", "sequence", "vocabulary",
        "resolution", "budget"])
    static let functionWords = WordSet(words: ["of", "to", "and", "or", "with", "than", "from", "on", "at", "by", "the", "a", "an",
        "about", "over", "under", "only", "just", "nearly", "around", "approximately", "roughly", "below", "above", "between",
        "for", "in"])
    static let articles = WordSet(words: ["a", "an", "our", "each", "one", "the"])
    static let parameterParts = WordSet(words: ["parameter", "parameters", "param", "scale", "sized", "size", "model"])
    static let tokenParts = WordSet(words: ["token", "tokens", "context"])
    static let money = WordSet(words: ["dollars", "usd"])
    static let activated = WordSet(words: ["activated", "active"])
    static let aboutSizeNeedles = ["parameter", " model", "llm", "network", "-scale", "sized", "scale"].map { Array($0.utf8) }
    static let flops = Array("flops".utf8)
    static let data = WordKey("data")
    static let of = WordKey("of")

    /// The parameter counts stated in `text`.
    mutating func counts(in text: UnsafeBufferPointer<UInt8>) -> [SizeCandidate] {
        var candidates: [SizeCandidate] = []
        let n = text.count
        // Numbers and scale words start runs of digits or letters: only those are visited;
        // `resume` skips what a candidate consumed.
        var resume = 0
        // Words matter only as URLs (which hold "/" or "www.") and scale words (million,
        // billion, trillion): without those in the text, only numbers are visited.
        let wordsMayCount = TextTools.contains(UInt8(ascii: "/"), in: text)
            || TextTools.containsIgnoringCase(text, literal: "www.") || TextTools.containsIgnoringCase(text, literal: "illion")
        var starts = RunStarts(text, letters: wordsMayCount)
        while let i = starts.next() {
            guard i >= resume else { continue }
            let b = text[i]
            if TextTools.isDigit(b) {
                // Only numbers that start a token: not the 8 of GSM8K, nor the 5 of Qwen2.5.
                if i > 0, TextTools.isLetter(text[i - 1]) || TextTools.isDigit(text[i - 1]) || text[i - 1] == UInt8(ascii: ".")
                    || text[i - 1] == UInt8(ascii: "_") || text[i - 1] >= 0x80 {
                    if let glued = ParamsScanner.gluedSize(at: i, in: text) { ParamsScanner.add(glued, to: &candidates) }
                    var k = i + 1
                    while k < n, TextTools.isDigit(text[k]) || TextTools.isLetter(text[k]) { k += 1 }
                    resume = k
                    continue
                }
                if let candidate = numberCandidate(at: i, in: text) {
                    ParamsScanner.add(candidate.0, to: &candidates)
                    resume = max(candidate.1, i + 1)
                } else {
                    var k = i + 1
                    while k < n, TextTools.isDigit(text[k]) || text[k] == UInt8(ascii: ",") || text[k] == UInt8(ascii: ".") { k += 1 }
                    resume = k
                }
                continue
            }
            guard i == 0 || !TextTools.isWordByte(text[i - 1]) else { continue }
            if ParamsScanner.startsURL(at: i, in: text) {
                var k = i
                while k < n, text[k] != 0x20 { k += 1 }
                resume = k
                continue
            }
            // Scale words ("a trillion-parameter model") start "mil", "bil" or "tri".
            if ParamsScanner.startsScaleWord(at: i, in: text), let candidate = bareScaleCandidate(at: i, in: text) {
                ParamsScanner.add(candidate, to: &candidates)
            }
        }
        if !candidates.isEmpty { propagate(&candidates, in: text) }
        candidates.removeAll { !($0.verdict == .accept && $0.value >= 1 && $0.value < 1e16) }
        return candidates
    }

    /// Appends a candidate; the first gets room for a few more (abstracts state several numbers).
    @inline(__always)
    private static func add(_ candidate: SizeCandidate, to candidates: inout [SizeCandidate]) {
        if candidates.isEmpty { candidates.reserveCapacity(8) }
        candidates.append(candidate)
    }

    /// A number at `start` and what follows it; returns the candidate and where scanning resumes.
    private mutating func numberCandidate(at start: Int, in text: UnsafeBufferPointer<UInt8>) -> (SizeCandidate, Int)? {
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
               sizeEnd < n, let s = ParamsScanner.scaleOf(text[sizeEnd]), s >= 1e6, sizeEnd + 1 >= n || !TextTools.isLetter(text[sizeEnd + 1]) {
                let candidate = SizeCandidate(value: value * size * s, range: start..<(sizeEnd + 1), verdict: .accept, strongSuffix: true)
                return (candidate, sizeEnd + 1)
            }
            return nil
        }

        if end < n, let s = ParamsScanner.scaleOf(text[end]) {
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
        } else if end + 1 < n, text[end] == 0x20, let s = ParamsScanner.scaleOf(text[end + 1]), text[end + 1] >= 65, text[end + 1] <= 90,
                  s >= 1e9, end + 2 >= n || !TextTools.isLetter(text[end + 2]) {
            scale = s  // "12 B parameters"
            suffix = text[end + 1]
            end += 2
        } else if end < n, text[end] == UInt8(ascii: "%") {
            return nil
        } else if end + 4 <= n, text[end] == UInt8(ascii: "-"), text[end + 1] | 0x20 == UInt8(ascii: "b"),
                  text[end + 2] | 0x20 == UInt8(ascii: "i"), text[end + 3] | 0x20 == UInt8(ascii: "t") {
            return nil  // 4-bit
        } else {
            TextTools.words(after: end, in: text, count: 1, into: &scratch)
            if let word = scratch.first, let s = ParamsScanner.scales[word.key] ?? ParamsScanner.scales[word.firstPart] {
                scale = s
                spelled = true
                end = word.range.lowerBound + (word.isHyphenated ? ParamsScanner.length(of: word.firstPart) : word.range.count)
            }
        }

        let startsToken = start == 0 || text[start - 1] == 0x20 || text[start - 1] == UInt8(ascii: "(")
        var sharedRange = false
        if suffix == nil && !spelled, startsToken, let shared = ParamsScanner.sharedScale(after: end, in: text) {
            sharedRange = true
            scale = shared.scale
            spelled = shared.spelled
            suffix = shared.suffix
        }
        let full = value * scale
        TextTools.words(after: end, in: text, count: 4, stopAtComma: true, into: &after)
        let precededByDollar = start > 0 && (text[start - 1] == UInt8(ascii: "$") || text[start - 1] == 0xAC /* € tail */)
        var candidate = SizeCandidate(value: full, range: start..<end, verdict: .undecided,
                                      strongSuffix: spelled || (suffix.map { $0 == UInt8(ascii: "B") || $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "M") } ?? false))

        if precededByDollar || after.first.map({ ParamsScanner.money.contains($0.key) }) == true {
            candidate.verdict = .reject
            return (candidate, end)
        }
        if suffix == nil && !spelled {
            // A plain number counts only with "parameters" right after it.
            candidate.verdict = mentionsParameters() && after.first?.key != ParamsScanner.of ? .accept : .reject
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
        if !sharedRange {
            // Only the judgement reads the words before; most numbers are settled without them.
            TextTools.words(before: start, in: text, count: 3, into: &before)
            candidate.verdict = judge(suffix: suffix, spelled: spelled, start: start, in: text)
        }
        return (candidate, end)
    }

    private static func length(of key: WordKey) -> Int { Int(key.length) }

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
        var i = numberEnd
        while i < n, text[i] == 0x20 { i += 1 }
        var k = i
        while k < n, TextTools.isLetter(text[k]) { k += 1 }
        if k > i, let s = scales[WordKey(UnsafeBufferPointer(rebasing: text[i..<k]))] {
            return (s, true, nil)
        }
        return nil
    }

    /// Whether the word at `i` starts "mil", "bil" or "tri", as million, billion and trillion do:
    /// a cheap test before reading the words around it.
    @inline(__always)
    private static func startsScaleWord(at i: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard i + 7 <= text.count else { return false }
        let first = text[i] | 0x20, second = text[i + 1] | 0x20, third = text[i + 2] | 0x20
        if first == UInt8(ascii: "t") { return second == UInt8(ascii: "r") && third == UInt8(ascii: "i") }
        return (first == UInt8(ascii: "m") || first == UInt8(ascii: "b")) && second == UInt8(ascii: "i") && third == UInt8(ascii: "l")
    }

    /// "a trillion-parameter model", "ten billion parameters": a scale word with no digits.
    private mutating func bareScaleCandidate(at start: Int, in text: UnsafeBufferPointer<UInt8>) -> SizeCandidate? {
        TextTools.words(after: start, in: text, count: 2, into: &scratch)
        guard let first = scratch.first, let scale = ParamsScanner.scales[first.firstPart], scale >= 1e6 else { return nil }
        let isParameter = first.isHyphenated ? ParamsScanner.paramNouns.contains(first.lastPart)
            : (scratch.count > 1 && ParamsScanner.paramNouns.contains(scratch[1].key))
        guard isParameter else { return nil }
        // Not after a number (handled there), nor vague ("a few hundred million").
        TextTools.words(before: start, in: text, count: 2, into: &scratch)
        var value = scale
        var begin = start
        if let previous = scratch.first {
            if previous.isNumber { return nil }
            if ParamsScanner.vagueWords.contains(previous.key) || (scratch.count > 1 && ParamsScanner.vagueWords.contains(scratch[1].key)) { return nil }
            if let multiplier = ParamsScanner.numberWords[previous.key] {
                value = multiplier * scale
                if multiplier > 1 { begin = previous.range.lowerBound }
            }
        }
        return SizeCandidate(value: value, range: begin..<(start + ParamsScanner.length(of: first.firstPart)), verdict: .accept, strongSuffix: true)
    }

    /// `http://`, `https://`, `www.`: numbers inside links are not sizes.
    private static func startsURL(at i: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let b = text[i] | 0x20
        guard b == UInt8(ascii: "h") || b == UInt8(ascii: "w") || b == UInt8(ascii: "g") else { return false }
        func has(_ s: StaticString) -> Bool {
            s.withUTF8Buffer { u in
                guard i + u.count <= text.count else { return false }
                for k in 0..<u.count where text[i + k] | 0x20 != u[k] { return false }
                return true
            }
        }
        return has("http://") || has("https://") || has("www.") || has("github.com/") || has("huggingface.co/")
    }

    private static func scaleOf(_ b: UInt8) -> Double? {
        switch b | 0x20 {
        case UInt8(ascii: "k"): return 1e3
        case UInt8(ascii: "m"): return 1e6
        case UInt8(ascii: "b"): return 1e9
        case UInt8(ascii: "t"): return 1e12
        default: return nil
        }
    }

    /// "parameters" within three words after the number, past adjectives only.
    private func mentionsParameters() -> Bool {
        for word in after.prefix(3) {
            if ParamsScanner.paramNouns.contains(word.key) { return true }
            if word.isHyphenated, word.lastPart == WordKey("parameter") || word.lastPart == WordKey("parameters") { return true }
            if !ParamsScanner.paramAdjectives.contains(word.key) { return false }
        }
        return false
    }

    private mutating func judge(suffix: UInt8?, spelled: Bool, start: Int, in text: UnsafeBufferPointer<UInt8>) -> SizeCandidate.Verdict {
        let strong = spelled || suffix.map { $0 == UInt8(ascii: "B") || $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "M") || $0 == UInt8(ascii: "b") } ?? false
        let notThousands = suffix.map { $0 | 0x20 != UInt8(ascii: "k") } ?? true
        if mentionsParameters() { return .accept }
        if let first = after.first, ParamsScanner.activated.contains(first.key) { return .accept }  // MoE: "18B activated per token"
        let joiner: UInt8? = start > 0 ? text[start - 1] : nil
        if let first = after.first, ParamsScanner.otherNouns.contains(first.key) || first.key == ParamsScanner.data { return .reject }
        if let previous = before.first, ParamsScanner.datasetNames.contains(previous.firstPart), joiner == UInt8(ascii: "-") { return .reject }
        // A model name joined to the size: LLaMA-2-70B, GLM-130B, Mamba-3B, Phi-3-mini (3.8B).
        if let joiner, joiner == UInt8(ascii: "-") || joiner == UInt8(ascii: "_") || joiner == UInt8(ascii: "("),
           let previous = before.first, !ParamsScanner.datasetNames.contains(previous.firstPart),
           ParamsScanner.looksLikeModelName(previous, joinedBy: joiner, start: start, in: text), notThousands {
            return .accept
        }
        // What the number counts: the first telling word after it, within three.
        for word in after.prefix(3) {
            if word.isHyphenated, ParamsScanner.parameterParts.contains(word.lastPart) { return .accept }
            if word.isHyphenated, ParamsScanner.tokenParts.contains(word.lastPart) { return .reject }
            if ParamsScanner.paramNouns.contains(word.key) { return .accept }
            if ParamsScanner.otherNouns.contains(word.key) || ParamsScanner.otherNouns.contains(word.lastPart)
                || TextTools.word(word, endsWith: ParamsScanner.flops, in: text) { return .reject }
            if ParamsScanner.modelNouns.contains(word.key), !ParamsScanner.weakWords.contains(word.key) { return .accept }
            if ParamsScanner.connectors.contains(word.key) || ParamsScanner.phraseBreaks.contains(word.key) || word.isNumber { break }
            if ParamsScanner.weakWords.contains(word.key) || ParamsScanner.paramAdjectives.contains(word.key) { continue }
            // An unknown plural right after the number counts something else ("15M generations").
            if word.range.count > 3, word.endsInS { return .unlikely }
            // Otherwise an unknown word is read as an adjective: "a 110M biomedical encoder".
        }
        if before.prefix(2).contains(where: { ParamsScanner.contextWords.contains($0.key) }) { return .reject }
        if strong, before.prefix(3).contains(where: { ParamsScanner.sizeContext.contains($0.key) }) { return .accept }
        // A model name before, with a space: Mistral 7B, Llama 3 8B.
        if let joiner, joiner == 0x20, let previous = before.first,
           ParamsScanner.looksLikeModelName(previous, joinedBy: joiner, start: start, in: text), notThousands {
            return .accept
        }
        // "a 13M proxy", "our 7B drafter": an article, the size, then a singular noun.
        if strong, let article = before.first, ParamsScanner.articles.contains(article.key), let noun = after.first,
           !noun.endsInS, text[noun.range.upperBound - 1] | 0x20 != UInt8(ascii: "s"),
           !ParamsScanner.phraseBreaks.contains(noun.key), !ParamsScanner.connectors.contains(noun.key), TextTools.isLetter(text[noun.range.lowerBound]) {
            return .accept
        }
        // A capitalised name right after: "the 530B MT-NLG", "a 7B LLaMA".
        if strong, let name = ParamsScanner.nextToken(after: start, in: text), text[name.lowerBound] >= 65, text[name.lowerBound] <= 90,
           text[(name.lowerBound + 1)..<name.upperBound].contains(where: { ($0 >= 65 && $0 <= 90) || TextTools.isDigit($0) || $0 == UInt8(ascii: "-") }) {
            return .accept
        }
        return .undecided
    }

    /// The range of the token after the number at `start` (skipping its suffix and one space).
    private static func nextToken(after start: Int, in text: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var i = start
        let n = text.count
        while i < n, TextTools.isWordByte(text[i]) || text[i] == UInt8(ascii: ".") { i += 1 }
        guard i < n, text[i] == 0x20 else { return nil }
        i += 1
        var j = i
        while j < n, TextTools.isWordByte(text[j]) || text[j] == UInt8(ascii: "-") { j += 1 }
        return j > i ? i..<j : nil
    }

    /// A token that names a model: starts with a letter and has a capital or a digit
    /// (LLaMA-2, GLM, Qwen2.5, Mistral, T5), and is not an ordinary lowercase word.
    private static func looksLikeModelName(_ previous: Word, joinedBy joiner: UInt8, start: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        if functionWords.contains(previous.key) { return false }
        // The previous token as written (with dots: "Qwen2.5").
        var j = start - 1
        while j >= 0, !TextTools.isWordByte(text[j]) { j -= 1 }
        let end = j + 1
        while j >= 0, TextTools.isWordByte(text[j]) || text[j] == UInt8(ascii: "-") || text[j] == UInt8(ascii: ".") { j -= 1 }
        var token = (j + 1)..<end
        // A version number between name and size: "Llama 3 8B", "Llama 3.1 8B".
        if token.count <= 4, text[token].allSatisfy({ TextTools.isDigit($0) || $0 == UInt8(ascii: ".") }), joiner == 0x20, j > 0, text[j] == 0x20 {
            var k = j
            while k > 0, TextTools.isWordByte(text[k - 1]) || text[k - 1] == UInt8(ascii: "-") { k -= 1 }
            if k < j, text[k] >= 65, text[k] <= 90 { token = k..<j }
        }
        guard !token.isEmpty, TextTools.isLetter(text[token.lowerBound]) || TextTools.isDigit(text[token.lowerBound]) else { return false }
        let first = text[token.lowerBound]
        let hasUpper = text[token].contains { $0 >= 65 && $0 <= 90 }
        let hasDigit = text[token].contains(where: TextTools.isDigit)
        if joiner == UInt8(ascii: "(") { return hasUpper || hasDigit }
        return hasUpper && (first >= 65 && first <= 90 || hasDigit) || (hasDigit && joiner == UInt8(ascii: "-"))
    }

    /// Undecided numbers take the verdict of an accepted neighbour in the same list or range
    /// ("from 125M to 13B parameters"); the rest are kept only when the sentence is about model
    /// size and the suffix is a strong one.
    private func propagate(_ candidates: inout [SizeCandidate], in text: UnsafeBufferPointer<UInt8>) {
        func linked(_ a: SizeCandidate, _ b: SizeCandidate) -> Bool {
            guard a.range.upperBound <= b.range.lowerBound, b.range.lowerBound - a.range.upperBound <= 12 else { return false }
            var i = a.range.upperBound
            while i < b.range.lowerBound {
                if TextTools.isLetter(text[i]) {
                    var j = i
                    while j < b.range.lowerBound, TextTools.isLetter(text[j]) { j += 1 }
                    if !ParamsScanner.connectors.contains(WordKey(UnsafeBufferPointer(rebasing: text[i..<j]))) { return false }
                    i = j
                } else {
                    i += 1
                }
            }
            return true
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
        guard candidates.contains(where: { $0.verdict == .undecided }) else { return }
        let sentences = TextTools.sentences(in: text)
        // A paper that states model sizes elsewhere is talking about sizes ("at 70B the speedup grows").
        let paperStatesSizes = candidates.contains { $0.verdict == .accept && $0.strongSuffix }
        for i in candidates.indices where candidates[i].verdict == .undecided {
            guard candidates[i].strongSuffix else {
                candidates[i].verdict = .reject
                continue
            }
            let sentence = sentences.first { $0.contains(candidates[i].range.lowerBound) } ?? 0..<text.count
            let slice = UnsafeBufferPointer(rebasing: text[sentence])
            let aboutSize = paperStatesSizes || ParamsScanner.aboutSizeNeedles.contains { TextTools.containsIgnoringCase(slice, bytes: $0) }
            candidates[i].verdict = aboutSize ? .accept : .reject
        }
    }
}
