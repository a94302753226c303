// A query prefilter may only make loading cheaper: the query must answer exactly as it does on a
// full load. These tests compare the two on the labelled evaluation set (110 papers with real
// abstracts) and on every example of the language reference.

import Foundation
import Testing
@testable import PaperQL
import StandardExtractors

@Suite struct PrefilterTests {
    static let evalSet = TestSupport.packageRoot.appendingPathComponent("Tests/Labels/eval-set.jsonl")
    static let extractors = StandardExtractors.all

    /// The query's result on a full load and on a prefiltered one, and how many papers the
    /// prefilter abridged.
    func bothWays(_ query: String, corpus url: URL = evalSet) throws -> (full: QueryResult?, filtered: QueryResult?, abridged: Int) {
        let full = try Engine(corpus: Corpus(contentsOf: url), extractors: Self.extractors)
        let corpus = try Corpus(contentsOf: [url], prefilter: QueryPrefilter(query, extractors: Self.extractors))
        let filtered = try Engine(corpus: corpus, extractors: Self.extractors)
        return (try? full.run(query), try? filtered.run(query), corpus.abridgedCount)
    }

    static let queries = [
        #"papers where topic = "quantization""#,
        #"papers where topic = "Quantisation" and params < 10B sort by params desc"#,
        #"count papers where topic in ("pruning", "moe")"#,
        #"papers where topic = "speech" or topic = "agents" select id, topic"#,
        #"papers where abstract contains "low-rank" select id"#,
        #"papers where title contains "sparse" or text contains "mixture of experts""#,
        #"papers where topic = "distillation" and not (bits < 8)"#,
        #"papers where topic = "diffusion" group by topic"#,
        #"papers where params < 10B and topic = "quantization" sort by params desc"#,
        #"papers where topic = "quantization" and bits <= 4 select id, bits"#,
        #"papers where topic = "moe" and params between 1B and 100B"#,
        #"papers where 2 < speedup and topic = "efficient-inference""#,
        #"papers where topic in ("peft", "pruning") and models = "LLaMA-2-7B""#,
    ]

    @Test(arguments: queries)
    func prefilteredLoadsAnswerTheSame(_ query: String) throws {
        let (full, filtered, abridged) = try bothWays(query)
        let a = try #require(full), b = try #require(filtered)
        #expect(a.rows == b.rows)
        #expect(a.totalCount == b.totalCount)
        #expect(abridged > 0, "the prefilter should have ruled some papers out for `\(query)`")
    }

    @Test(arguments: DocumentationTests.examples)
    func documentedQueriesAnswerTheSame(_ example: DocumentationTests.Example) throws {
        let (full, filtered, _) = try bothWays(example.query, corpus: TestSupport.docsCorpusURL)
        #expect(full?.rows == filtered?.rows)
        #expect((full == nil) == (filtered == nil))
    }

    @Test func onlyWhatTheQueryRequiresIsUsed() {
        func rulesOut(_ query: String) -> Bool {
            QueryPrefilter(query, extractors: Self.extractors)?.rulesOutPapers == true
        }
        #expect(rulesOut(#"papers where topic = "moe""#))
        #expect(!rulesOut(#"papers where not (topic = "moe")"#))
        #expect(!rulesOut(#"papers where topic = "moe" or params > 1B"#))
        #expect(!rulesOut(#"papers where topic != "moe""#))
        #expect(!rulesOut(#"papers where topic = "no-such-topic""#))
        #expect(!rulesOut(#"count papers"#))
        // `llm` also follows from sizes and model names, which say nothing about the text.
        #expect(!rulesOut(#"papers where topic = "llm""#))
        #expect(rulesOut(#"papers where topic = "llm" and topic = "moe""#))
        // Comparisons on extracted fields run the extractor while loading: only behind a phrase scan.
        #expect(!rulesOut(#"papers where params < 10B"#))
        #expect(rulesOut(#"papers where params < 10B and topic = "moe""#))
        // A query that may read every field and rules nothing out needs no prefilter at all.
        #expect(QueryPrefilter(#"papers select *"#, extractors: Self.extractors) == nil)
    }

    @Test func fieldsTheQueryNeverMentionsAreReadButNotStored() throws {
        let url = TestSupport.docsCorpusURL
        func load(for query: String?) throws -> Corpus {
            try Corpus(contentsOf: [url], prefilter: query.flatMap { QueryPrefilter($0, extractors: Self.extractors) })
        }
        func count(_ query: String, in corpus: Corpus) throws -> [[Value]] {
            Array(try Engine(corpus: corpus, extractors: Self.extractors).run(query).rows)
        }
        let full = try load(for: nil)
        let withAuthors = try count("count papers where has authors", in: full)
        #expect(withAuthors != [[.number(0)]])

        let projected = try load(for: #"count papers where has code and year(date) >= 2023"#)
        // Still in the schema, so a misspelt name gets the same suggestion, but empty.
        #expect(projected.fields.map(\.name) == full.fields.map(\.name))
        #expect(try count("count papers where has authors", in: projected) == [[.number(0)]])
        #expect(try count("count papers where has date", in: projected) == (try count("count papers where has date", in: full)))
        #expect(projected.count == full.count)

        // A field mentioned anywhere, here only in `select`, keeps its values; `count(*)` reads
        // no field; `select *` reads them all.
        #expect(try count("count papers where has authors", in: load(for: "papers where has code select id, authors")) == withAuthors)
        #expect(try count("count papers where has authors", in: load(for: "papers group by year(date) select count(*)")) == [[.number(0)]])
        #expect(QueryPrefilter("papers where has code select *", extractors: Self.extractors) == nil)
    }

    @Test func extractedComparisonsNarrowTheLoadFurther() throws {
        let url = Self.evalSet
        let topicOnly = try Corpus(contentsOf: [url], prefilter: QueryPrefilter(#"papers where topic = "quantization""#, extractors: Self.extractors))
        let both = try Corpus(contentsOf: [url], prefilter: QueryPrefilter(#"papers where topic = "quantization" and params > 100B"#, extractors: Self.extractors))
        #expect(both.abridgedCount > topicOnly.abridgedCount)
    }

    @Test func documentsWithTheirOwnFieldAreReadInFull() throws {
        let directory = try TestSupport.makeTemporaryDirectory("prefilter")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("own.jsonl")
        try """
            {"id": "a", "title": "Nothing about experts", "abstract": "Plain text.", "topic": "moe"}
            {"id": "b", "title": "Another one", "abstract": "More plain text.", "topic": "vision"}

            """.write(to: file, atomically: true, encoding: .utf8)
        let query = #"papers where topic = "moe" select id"#
        let corpus = try Corpus(contentsOf: [file], prefilter: QueryPrefilter(query, extractors: Self.extractors))
        #expect(corpus.abridgedCount == 0)
        let result = try Engine(corpus: corpus, extractors: Self.extractors).run(query)
        #expect(result.rows == [[.string("a")]])
    }

    @Test func literalSetsNeverMissAPhrase() throws {
        let set = try #require(LiteralSet(["post training quantization", "w4a16", "kv cache"]))
        func check(_ text: String) -> Bool {
            var t = text
            return t.withUTF8 { set.mayOccur(in: $0) }
        }
        #expect(check("We study Post-Training Quantization of LLMs"))
        #expect(check("weights in W4A16"))
        #expect(check("the KV_cache grows"))
        #expect(!check("training a model after the post office closed"))   // "quantization" is missing
        #expect(!check("cache only"))
        #expect(!check(""))
        // A lone letter cannot anchor a scan: no set, rather than one that matches everything.
        #expect(LiteralSet(["x"]) == nil)
    }
}
