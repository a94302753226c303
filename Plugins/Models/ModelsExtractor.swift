// The `models` extractor: named model families a paper mentions, normalised.
//
// Normalisation: the family's canonical spelling, then its version if one is written, joined by
// a hyphen ("LLaMA-2-70B" -> `LLaMA-2`, "Llama 3.1 8B" -> `LLaMA-3.1`, "GPT-4o" -> `GPT-4o`,
// "Qwen2.5-7B" -> `Qwen-2.5`, "YOLOv8" -> `YOLO-8`). Parameter sizes (7B, 8x7B) and size words
// (tiny, mini, small, base, large, XL) are dropped. Architecture variants that are not sizes
// stay: "ResNet-50" is `ResNet-50`. Names that are also ordinary words ("OPT", "Falcon",
// "Phi") match only in their usual capitalisation.

import PaperQL

public struct ModelsExtractor: Extractor {
    public let name = "models"
    public let version = "1.0"
    public let fields = [
        FieldDescriptor(name: "models", type: .list(.string), summary: "Named model families mentioned (LLaMA-2, GPT-4, BERT, ResNet-50)"),
    ]

    private var matcher: PhraseMatcher { ModelsExtractor.shared.matcher }
    private var owners: [Int] { ModelsExtractor.shared.owners }

    /// Built once per process, on first use.
    private static let shared: (matcher: PhraseMatcher, owners: [Int]) = {
        var phrases: [String] = []
        var owners: [Int] = []
        for (i, family) in ModelFamilies.all.enumerated() {
            for spelling in family.spellings {
                phrases.append(spelling)
                owners.append(i)
            }
        }
        return (PhraseMatcher(phrases, allowVersion: true), owners)
    }()

    public init() {}

    public func extract(from paper: ExtractionInput, into output: inout ExtractionOutput) {
        paper.forEachText { text in
            let bytes = text.utf8
            var matches = matcher.matches(in: bytes)
            // Longest match wins where matches overlap ("Code Llama" over "Llama").
            matches.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.count > $1.range.count }
            var coveredUntil = 0
            for match in matches where match.range.lowerBound >= coveredUntil {
                let family = ModelFamilies.all[owners[match.phrase]]
                if family.caseSensitive {
                    let written = TextTools.string(bytes, match.range)
                    guard family.spellings.contains(written) || family.exactForms.contains(written) else { continue }
                }
                let (version, end) = ModelFamilies.version(after: match.range.upperBound, in: bytes, family: family)
                if family.requiresVersion, version == nil { continue }
                let canonical = family.canonical + (version.map { family.joiner + $0 } ?? "")
                output.add(.string(canonical), toFieldAt: 0, evidence: text.evidence(match.range.lowerBound..<end))
                coveredUntil = end
            }
        }
    }
}

struct ModelFamily {
    let canonical: String
    /// Lowercase spellings to search for.
    let spellings: [String]
    var joiner = "-"
    /// Match only the exact capitalisations in `exactForms` (and spellings as written).
    var caseSensitive = false
    var exactForms: [String] = []
    /// Without a version the name is too ambiguous ("Phi", "Gemini" alone).
    var requiresVersion = false
    /// Whether versions are read at all (ResNet's number is kept as its variant).
    var takesVersion = true
}

enum ModelFamilies {
    static let all: [ModelFamily] = [
        ModelFamily(canonical: "LLaMA", spellings: ["llama"], caseSensitive: true, exactForms: ["LLaMA", "Llama", "LLAMA", "LLaMa", "llama"]),
        ModelFamily(canonical: "Code Llama", spellings: ["code llama", "codellama"]),
        ModelFamily(canonical: "TinyLlama", spellings: ["tinyllama"]),
        ModelFamily(canonical: "Vicuna", spellings: ["vicuna"]),
        ModelFamily(canonical: "Alpaca", spellings: ["alpaca"], caseSensitive: true, exactForms: ["Alpaca"]),
        ModelFamily(canonical: "Mistral", spellings: ["mistral"], caseSensitive: true, exactForms: ["Mistral"]),
        ModelFamily(canonical: "Mixtral", spellings: ["mixtral"]),
        ModelFamily(canonical: "Qwen", spellings: ["qwen"]),
        ModelFamily(canonical: "GPT", spellings: ["gpt"], caseSensitive: true, exactForms: ["GPT"], requiresVersion: true),
        ModelFamily(canonical: "GPT-J", spellings: ["gpt j"]),
        ModelFamily(canonical: "GPT-NeoX", spellings: ["gpt neox"]),
        ModelFamily(canonical: "GPT-Neo", spellings: ["gpt neo"]),
        ModelFamily(canonical: "ChatGPT", spellings: ["chatgpt"]),
        ModelFamily(canonical: "InstructGPT", spellings: ["instructgpt"]),
        ModelFamily(canonical: "BERT", spellings: ["bert"], caseSensitive: true, exactForms: ["BERT"]),
        ModelFamily(canonical: "RoBERTa", spellings: ["roberta"]),
        ModelFamily(canonical: "DeBERTa", spellings: ["deberta"]),
        ModelFamily(canonical: "DistilBERT", spellings: ["distilbert"]),
        ModelFamily(canonical: "ALBERT", spellings: ["albert"], caseSensitive: true, exactForms: ["ALBERT"]),
        ModelFamily(canonical: "ELECTRA", spellings: ["electra"], caseSensitive: true, exactForms: ["ELECTRA"]),
        ModelFamily(canonical: "XLNet", spellings: ["xlnet"]),
        ModelFamily(canonical: "T5", spellings: ["t5"], caseSensitive: true, exactForms: ["T5"], takesVersion: false),
        ModelFamily(canonical: "Flan-T5", spellings: ["flan t5"]),
        ModelFamily(canonical: "BART", spellings: ["bart"], caseSensitive: true, exactForms: ["BART"]),
        ModelFamily(canonical: "OPT", spellings: ["opt"], caseSensitive: true, exactForms: ["OPT"]),
        ModelFamily(canonical: "BLOOM", spellings: ["bloom", "bloomz"], caseSensitive: true, exactForms: ["BLOOM", "BLOOMZ"]),
        ModelFamily(canonical: "Falcon", spellings: ["falcon"], caseSensitive: true, exactForms: ["Falcon"]),
        ModelFamily(canonical: "Pythia", spellings: ["pythia"], caseSensitive: true, exactForms: ["Pythia"]),
        ModelFamily(canonical: "Gemma", spellings: ["gemma"]),
        ModelFamily(canonical: "Gemini", spellings: ["gemini"], caseSensitive: true, exactForms: ["Gemini"]),
        ModelFamily(canonical: "PaLM", spellings: ["palm"], caseSensitive: true, exactForms: ["PaLM"]),
        ModelFamily(canonical: "Chinchilla", spellings: ["chinchilla"], caseSensitive: true, exactForms: ["Chinchilla"]),
        ModelFamily(canonical: "Gopher", spellings: ["gopher"], caseSensitive: true, exactForms: ["Gopher"]),
        ModelFamily(canonical: "Claude", spellings: ["claude"], caseSensitive: true, exactForms: ["Claude"]),
        ModelFamily(canonical: "Phi", spellings: ["phi"], caseSensitive: true, exactForms: ["Phi"], requiresVersion: true),
        ModelFamily(canonical: "OLMo", spellings: ["olmo"]),
        ModelFamily(canonical: "Mamba", spellings: ["mamba"], caseSensitive: true, exactForms: ["Mamba"]),
        ModelFamily(canonical: "RWKV", spellings: ["rwkv"]),
        ModelFamily(canonical: "StarCoder", spellings: ["starcoder"]),
        ModelFamily(canonical: "DeepSeek", spellings: ["deepseek"]),
        ModelFamily(canonical: "GLM", spellings: ["glm"], caseSensitive: true, exactForms: ["GLM"]),
        ModelFamily(canonical: "ChatGLM", spellings: ["chatglm"]),
        ModelFamily(canonical: "Baichuan", spellings: ["baichuan"]),
        ModelFamily(canonical: "InternLM", spellings: ["internlm"]),
        ModelFamily(canonical: "MiniCPM", spellings: ["minicpm"]),
        ModelFamily(canonical: "SmolLM", spellings: ["smollm"]),
        ModelFamily(canonical: "OpenELM", spellings: ["openelm"]),
        ModelFamily(canonical: "StableLM", spellings: ["stablelm"]),
        ModelFamily(canonical: "BitNet", spellings: ["bitnet"]),
        ModelFamily(canonical: "Whisper", spellings: ["whisper"], caseSensitive: true, exactForms: ["Whisper"]),
        ModelFamily(canonical: "wav2vec", spellings: ["wav2vec"], takesVersion: false),
        ModelFamily(canonical: "HuBERT", spellings: ["hubert"], caseSensitive: true, exactForms: ["HuBERT"]),
        ModelFamily(canonical: "CLIP", spellings: ["clip"], caseSensitive: true, exactForms: ["CLIP"]),
        ModelFamily(canonical: "BLIP", spellings: ["blip"], caseSensitive: true, exactForms: ["BLIP"]),
        ModelFamily(canonical: "LLaVA", spellings: ["llava"]),
        ModelFamily(canonical: "Flamingo", spellings: ["flamingo"], caseSensitive: true, exactForms: ["Flamingo"]),
        ModelFamily(canonical: "SAM", spellings: ["segment anything", "sam"], caseSensitive: true, exactForms: ["SAM", "Segment Anything"]),
        ModelFamily(canonical: "DINO", spellings: ["dino"], caseSensitive: true, exactForms: ["DINO"]),
        ModelFamily(canonical: "ViT", spellings: ["vit"], caseSensitive: true, exactForms: ["ViT"], takesVersion: false),
        ModelFamily(canonical: "DeiT", spellings: ["deit"], caseSensitive: true, exactForms: ["DeiT"]),
        ModelFamily(canonical: "Swin Transformer", spellings: ["swin", "swin transformer"], caseSensitive: true, exactForms: ["Swin", "Swin Transformer"]),
        ModelFamily(canonical: "ResNet", spellings: ["resnet"], takesVersion: true),
        ModelFamily(canonical: "VGG", spellings: ["vgg"], caseSensitive: true, exactForms: ["VGG"]),
        ModelFamily(canonical: "Inception", spellings: ["inception"], caseSensitive: true, exactForms: ["Inception"]),
        ModelFamily(canonical: "EfficientNet", spellings: ["efficientnet"]),
        ModelFamily(canonical: "MobileNet", spellings: ["mobilenet"]),
        ModelFamily(canonical: "YOLO", spellings: ["yolo"], caseSensitive: true, exactForms: ["YOLO"]),
        ModelFamily(canonical: "U-Net", spellings: ["u net", "unet"], caseSensitive: true, exactForms: ["U-Net", "UNet"]),
        ModelFamily(canonical: "Stable Diffusion", spellings: ["stable diffusion"]),
        ModelFamily(canonical: "DALL-E", spellings: ["dall e", "dalle", "dall·e"]),
        ModelFamily(canonical: "Imagen", spellings: ["imagen"], caseSensitive: true, exactForms: ["Imagen"]),
        ModelFamily(canonical: "Grok", spellings: ["grok"], caseSensitive: true, exactForms: ["Grok"]),
        ModelFamily(canonical: "Janus", spellings: ["janus"], caseSensitive: true, exactForms: ["Janus"]),
        ModelFamily(canonical: "Switch Transformer", spellings: ["switch transformer"]),
        ModelFamily(canonical: "Megatron", spellings: ["megatron"]),
        ModelFamily(canonical: "Jamba", spellings: ["jamba"]),
        ModelFamily(canonical: "Nemotron", spellings: ["nemotron"]),
        ModelFamily(canonical: "Zephyr", spellings: ["zephyr"], caseSensitive: true, exactForms: ["Zephyr"]),
        ModelFamily(canonical: "Galactica", spellings: ["galactica"]),
        ModelFamily(canonical: "Codex", spellings: ["codex"], caseSensitive: true, exactForms: ["Codex"]),
        ModelFamily(canonical: "AlphaFold", spellings: ["alphafold"]),
        ModelFamily(canonical: "Transformer-XL", spellings: ["transformer xl"]),
        ModelFamily(canonical: "Granite", spellings: ["granite"], caseSensitive: true, exactForms: ["Granite"]),
        ModelFamily(canonical: "Yi", spellings: ["yi"], caseSensitive: true, exactForms: ["Yi"], requiresVersion: false),
        ModelFamily(canonical: "Orca", spellings: ["orca"], caseSensitive: true, exactForms: ["Orca"]),
        ModelFamily(canonical: "WizardLM", spellings: ["wizardlm"]),
        ModelFamily(canonical: "Dolly", spellings: ["dolly"], caseSensitive: true, exactForms: ["Dolly"]),
        ModelFamily(canonical: "NeRF", spellings: ["nerf"], caseSensitive: true, exactForms: ["NeRF"]),
        ModelFamily(canonical: "Sora", spellings: ["sora"], caseSensitive: true, exactForms: ["Sora"]),
    ]

    /// Size words dropped after a name ("Phi-3-mini", "BERT-base").
    static let sizeWords: Set<String> = ["tiny", "mini", "small", "base", "medium", "large", "xl", "xxl", "huge", "giant", "nano", "micro", "pro", "max", "plus", "lite", "turbo", "instruct", "chat", "it"]

    /// The version written after a family name, and where the name (with version and size)
    /// ends: "-2", " 3.1", "2.5", "v8", "-4o", "-V3", "-R1". A number followed by a size
    /// suffix ("7B") is a size, not a version.
    static func version(after position: Int, in text: UnsafeBufferPointer<UInt8>, family: ModelFamily) -> (String?, Int) {
        let n = text.count
        var i = position
        var version: String?
        if family.takesVersion {
            var j = i
            if j < n, text[j] == UInt8(ascii: "-") || text[j] == 0x20 { j += 1 }
            var prefix = ""
            if j + 1 < n, [UInt8(ascii: "v"), UInt8(ascii: "V"), UInt8(ascii: "R"), UInt8(ascii: "r")].contains(text[j]), TextTools.isDigit(text[j + 1]) {
                prefix = text[j] | 0x20 == UInt8(ascii: "v") ? "" : "R"
                if text[j] == UInt8(ascii: "V") && family.canonical == "DeepSeek" { prefix = "V" }
                j += 1
            }
            if j < n, TextTools.isDigit(text[j]) {
                var k = j
                while k < n, TextTools.isDigit(text[k]) || (text[k] == UInt8(ascii: ".") && k + 1 < n && TextTools.isDigit(text[k + 1])) { k += 1 }
                // A size, not a version: 7B, 760M, 8x7B.
                let isSize = k < n && ([UInt8(ascii: "B"), UInt8(ascii: "M"), UInt8(ascii: "T"), UInt8(ascii: "K"), UInt8(ascii: "b"), UInt8(ascii: "m")].contains(text[k]) && (k + 1 >= n || !TextTools.isLetter(text[k + 1])) || text[k] == UInt8(ascii: "x"))
                let isPercent = k < n && text[k] == UInt8(ascii: "%")
                if !isSize, !isPercent {
                    var end = k
                    // A letter glued on: GPT-4o, GPT-4V.
                    if end < n, TextTools.isLetter(text[end]), end + 1 >= n || !TextTools.isLetter(text[end + 1]) { end += 1 }
                    if end >= n || !TextTools.isLetter(text[end]) {
                        version = prefix + TextTools.string(text, j..<end)
                        i = end
                    }
                }
            }
        }
        // Skip sizes and size words: -70B, 8x7B, -mini, (3.8B).
        while i < n {
            var j = i
            if text[j] == UInt8(ascii: "-") || text[j] == 0x20 { j += 1 }
            guard j < n else { break }
            if TextTools.isDigit(text[j]) {
                var k = j
                while k < n, TextTools.isDigit(text[k]) || text[k] == UInt8(ascii: ".") || text[k] == UInt8(ascii: "x") { k += 1 }
                if k < n, [UInt8(ascii: "B"), UInt8(ascii: "M"), UInt8(ascii: "T"), UInt8(ascii: "b"), UInt8(ascii: "m")].contains(text[k]),
                   k + 1 >= n || !TextTools.isLetter(text[k + 1]) {
                    i = k + 1
                    continue
                }
                break
            }
            if TextTools.isLetter(text[j]), text[i] == UInt8(ascii: "-") {
                var k = j
                while k < n, TextTools.isLetter(text[k]) { k += 1 }
                if sizeWords.contains(TextTools.string(text, j..<k).lowercased()) {
                    i = k
                    continue
                }
            }
            break
        }
        return (version, i)
    }
}
