// Each standard extractor on sentences chosen for its rules and traps. The labelled sets
// (AccuracyTests) measure them at scale; these pin down individual decisions.

import Testing
@testable import PaperQL
import StandardExtractors

@Suite struct ExtractorTests {
    /// The values `field` gets for one abstract.
    func values(_ field: String, _ abstract: String, title: String = "A Paper") throws -> [Value] {
        let engine = try Engine(corpus: Corpus(documents: [Document(id: "x", title: title, abstract: abstract)]),
                                extractors: StandardExtractors.all)
        return engine.value(paper: 0, field: field).elements
    }

    func numbers(_ field: String, _ abstract: String, title: String = "A Paper") throws -> [Double] {
        try values(field, abstract, title: title).compactMap(\.number)
    }

    @Test(arguments: [
        ("We train a 7B model.", [7e9]),
        ("It has 1.3 billion parameters.", [1.3e9]),
        ("We compare GLM-130B with LLaMA-2-70B.", [130e9, 70e9]),
        ("A compact 760M model.", [760e6]),
        ("The adapter adds less than 0.1 million parameters.", [1e5]),
        ("BitNet b1.58 2B4T is trained on 4T tokens.", [2e9]),
        ("Mixtral 8x7B routes tokens to two experts.", [56e9]),
        ("Models from 125M to 1.3B parameters.", [125e6, 1.3e9]),
        ("Each model has 350,000 parameters.", [350_000]),
        ("We release 13B and 70B variants.", [13e9, 70e9]),
        ("On Llama 3 8B and Mistral 7B, accuracy improves.", [8e9, 7e9]),
        ("We train a trillion-parameter model.", [1e12]),
        ("It uses 37B activated of 671B total parameters.", [37e9, 671e9]),
        ("Trained on 15T tokens with a 128K context.", []),
        ("We use 1M images and a 24GB GPU with 80G memory.", []),
        ("Accuracy rises to 55.8% in 2024 on 4 A100 GPUs.", []),
        ("The budget was $1M and it reached 1B users.", []),
        ("It is 4.7x faster with 3e23 FLOPs.", []),
        ("See https://github.com/org/model-7b/tree/a2a2-8383522b48d9 for code.", []),
    ])
    func params(_ abstract: String, _ expected: [Double]) throws {
        #expect(try numbers("params", abstract) == expected)
    }

    @Test func topicsWeighTheTitleAndIgnorePassingMentions() throws {
        let topics = try values("topic", "We study how to compress models for phones. Unlike quantization methods, we keep full precision.",
                                title: "Pruning Convolutional Networks for Mobile Devices").compactMap(\.string)
        #expect(topics.contains("pruning"))
        #expect(topics.contains("small-models"))
        #expect(!topics.contains("quantization"))
        let none = try values("topic", "We describe the organisation of a workshop.", title: "Notes on a Workshop")
        #expect(none.isEmpty)
    }

    @Test func codeLinksDropTrailingPunctuationAndPaperLinks() throws {
        let links = try values("code", "Code: https://github.com/a/b. Weights at huggingface.co/org/model, and the site (https://x.github.io/proj/). Paper: https://arxiv.org/abs/2401.00001 and https://doi.org/10.1000/xyz.")
        #expect(links == ["https://github.com/a/b", "huggingface.co/org/model", "https://x.github.io/proj/"])
    }

    @Test(arguments: [
        ("Weights in 4-bit and activations in INT8.", [4.0, 8]),
        ("We compare 2/3/4-bit settings.", [2, 3, 4]),
        ("At W4A16 and W8A8 the model holds.", [4, 16, 8]),
        ("A 1.58-bit model with ternary weights.", [1.58]),
        ("Binary neural networks use 1-bit weights.", [1]),
        ("FP16 and BF16 baselines.", [16]),
        ("We avoid sub-4-bit settings, 64-bit hardware and 8-bit colour images.", []),
        ("At 0.8 bits per parameter.", [0.8]),
        ("A binary classification task.", []),
    ])
    func bits(_ abstract: String, _ expected: [Double]) throws {
        #expect(try numbers("bits", abstract) == expected)
    }

    @Test(arguments: [
        ("Decoding is 4.7x faster.", [4.7]),
        ("It gives a 2.5× speedup.", [2.5]),
        ("Inference is up to three times faster.", [3]),
        ("A 3-fold reduction in latency.", [3]),
        ("Throughput is 2 to 2.5x higher than vLLM.", [2, 2.5]),
        ("The model is 4x smaller and uses 10x fewer FLOPs.", []),
        ("Mixtral 8x7B runs on 8x A100 GPUs.", []),
    ])
    func speedups(_ abstract: String, _ expected: [Double]) throws {
        #expect(try numbers("speedup", abstract) == expected)
    }

    @Test func modelsAreNormalised() throws {
        let models = try values("models", "We fine-tune LLaMA-2-70B, Llama 3.1 8B, Qwen2.5-7B, GPT-4o and Phi-3-mini (3.8B), and compare with BERT-base and ResNet-50. We opt to use OPT-1.3B.")
        #expect(models == ["LLaMA-2", "LLaMA-3.1", "Qwen-2.5", "GPT-4o", "Phi-3", "BERT", "ResNet-50", "OPT"])
    }

    @Test func datasetsFromTheDictionaryAndFromNamedPhrases() throws {
        let datasets = try values("datasets", "We evaluate on ImageNet, GSM8K and MMLU, on the WIDER FACE benchmark, and on the GazeCapture dataset and the new EyeTrack-9K dataset. We solve the math.")
        #expect(datasets == ["ImageNet", "GSM8K", "MMLU", "WIDER FACE", "GazeCapture", "EyeTrack-9K"])
    }

    @Test func evidencePointsAtTheText() throws {
        let abstract = "We quantize a 13B model to 4-bit and decode 2.1x faster."
        let engine = try Engine(corpus: Corpus(documents: [Document(id: "x", title: "T", abstract: abstract)]),
                                extractors: StandardExtractors.all)
        for (field, text) in [("params", "13B"), ("bits", "4-bit"), ("speedup", "2.1x")] {
            let evidence = try #require(engine.evidence(paper: 0, field: field).first?.evidence)
            #expect(evidence.excerpt(in: abstract) == text)
        }
    }
}
