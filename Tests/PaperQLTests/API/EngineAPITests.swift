// The embedding API: build a corpus in code, register a custom extractor and function, prepare
// once and run many times, run concurrently, read evidence, and get errors as values.

import Foundation
import Testing
@testable import PaperQL
import StandardExtractors
import ParamsExtractor

/// Counts words of the abstract, with the whole abstract as evidence.
struct WordCountExtractor: Extractor {
    let name = "wordcount"
    let version = "1"
    let fields = [FieldDescriptor(name: "words_in_abstract", type: .number, summary: "Words in the abstract")]

    func extract(from paper: ExtractionInput, into output: inout ExtractionOutput) {
        let text = paper.abstract
        let count = text.string.split(whereSeparator: \.isWhitespace).count
        output.add(.number(Double(count)), to: "words_in_abstract", evidence: text.evidence(0..<text.utf8.count))
    }
}

/// Reads another extractor's output: `params` must run first.
struct SizeClassExtractor: Extractor {
    let name = "sizeclass"
    let version = "1"
    let fields = [FieldDescriptor(name: "size_class", type: .string, summary: "small, medium or large")]
    let inputs = ["params"]

    func extract(from paper: ExtractionInput, into output: inout ExtractionOutput) {
        guard let largest = paper.values(of: "params").compactMap({ $0.number }).max() else { return }
        output.add(.string(largest < 1e9 ? "small" : largest < 1e11 ? "medium" : "large"), to: "size_class")
    }
}

@Suite struct EngineAPITests {
    let documents = [
        Document(id: "a", title: "Tiny", abstract: "We train a 60M model in one day."),
        Document(id: "b", title: "Huge", abstract: "A 540B model trained on 780B tokens."),
        Document(id: "c", title: "None", abstract: "No sizes here at all."),
    ]

    @Test func customExtractorsAndDependencies() throws {
        let engine = try Engine(corpus: Corpus(documents: documents),
                                extractors: [WordCountExtractor(), SizeClassExtractor(), ParamsExtractor()])
        let result = try engine.run("papers where words_in_abstract > 5 select id, size_class, words_in_abstract")
        #expect(result.rows == [["a", "small", 8], ["b", "large", 7]])
        #expect(engine.schema.field(named: "size_class")?.provider == .extractor(name: "sizeclass", version: "1"))
        let evidence = engine.evidence(paper: 1, field: "params")
        #expect(evidence.map(\.value) == [.number(540e9)])
        let span = try #require(evidence.first?.evidence)
        #expect(span.field == "abstract")
        #expect(span.excerpt(in: documents[1].abstract) == "540B")
    }

    @Test func customFunctions() throws {
        let shout = QueryFunction(name: "shout", summary: "Upper case", arguments: [.string], returns: .string) { args in
            args[0].string.map { .string($0.uppercased() + "!") } ?? .missing
        }
        let engine = try Engine(corpus: Corpus(documents: documents), functions: [shout])
        #expect(try engine.run("papers where shout(title) = \"tiny!\" select shout(title)").rows == [["TINY!"]])
        #expect(engine.functionList.contains { $0.name == "shout" })
    }

    @Test func setupErrorsAreReported() {
        #expect(throws: EngineError.self) { try Engine(corpus: Corpus(documents: documents), extractors: [ParamsExtractor(), ParamsExtractor()]) }
        #expect(throws: EngineError.self) { try Engine(corpus: Corpus(documents: documents), extractors: [SizeClassExtractor()]) }
    }

    @Test func prepareOnceRunMany() throws {
        let engine = try Engine(corpus: .sample, extractors: StandardExtractors.all)
        let query = try engine.prepare("papers where params < 10B and topic = \"quantization\" sort by params desc limit 5")
        let first = try query.run()
        for _ in 0..<5 { #expect(try query.run().rows == first.rows) }
        #expect(query.fields == ["id", "params", "title", "topic"])
        #expect(!first.rows.isEmpty)
    }

    @Test func concurrentRunsAgree() async throws {
        let engine = try Engine(corpus: .sample, extractors: StandardExtractors.all)
        let queries = ["papers where topic = \"llm\" and params > 10B", "papers where has code group by topic",
                       "count papers where title contains \"model\"", "papers sort by params desc limit 10"]
        let expected = try queries.map { Array(try engine.run($0).rows) }
        try await withThrowingTaskGroup(of: (Int, [[Value]]).self) { group in
            for round in 0..<8 {
                for (i, q) in queries.enumerated() {
                    group.addTask { (i, Array(try engine.prepare(q).run().rows)) }
                }
                _ = round
            }
            for try await (i, rows) in group { #expect(rows == expected[i]) }
        }
    }

    @Test func errorsAreValuesWithRanges() {
        let engine = try! Engine(corpus: Corpus(documents: documents))
        do {
            _ = try engine.prepare("papers where titel = \"x\"")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics[0].code == .unknownField)
            #expect(error.source == "papers where titel = \"x\"")
            #expect(error.diagnostics[0].description == "1:14: unknown field `titel`; did you mean `title` (builtin)?")
        }
    }

    @Test func cancellationStopsALongRun() async throws {
        let many = (0..<20_000).map { Document(id: "p\($0)", title: "Paper \($0)", abstract: String(repeating: "word ", count: 50)) }
        let engine = try Engine(corpus: Corpus(documents: many))
        let query = try engine.prepare("papers where abstract matches /(w|o)+rd\\s+x/")
        let task = Task { try query.run() }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test func sampleCorpusIsBuiltIn() {
        #expect(Corpus.sample.count >= 150)
        #expect(Corpus.sample.diagnostics.isEmpty)
    }
}
