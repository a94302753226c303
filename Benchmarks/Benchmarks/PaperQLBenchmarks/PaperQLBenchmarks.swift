// Import, extraction and query benchmarks over the synthetic corpora in Benchmarks/data (made by
// Scripts/generate_corpus.py and Scripts/convert_corpus.py; see README.md). Each size whose
// files exist is measured; a missing size is skipped, so a quick run needs only the 10K file.
//
//   swift package benchmark                                   every benchmark, every size present
//   swift package benchmark --filter 'query.*1M'              the warm queries at 1M
//
// Warm queries run on an engine whose fields were all extracted beforehand (in setup): they
// measure the query, not the extraction. "one-shot" runs what `paperql query` does for one query
// (prefiltered load, the extractors the query needs, the query) inside this process.

import Benchmark
import Foundation
import PaperQL
import StandardExtractors

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident],
        timeUnits: .milliseconds,
        warmupIterations: 0,
        maxDuration: .seconds(20),
        maxIterations: 5)

    for size in CorpusSize.available {
        let slow = Benchmark.Configuration(maxDuration: .seconds(60), maxIterations: size.papers >= 1_000_000 ? 1 : 3)

        for format in size.formats {
            Benchmark("import \(format.name) \(size.label)", configuration: slow) { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try Corpus(contentsOf: format.url))
                }
            }
        }

        for field in ["params", "topic", "code", "models", "datasets", "bits", "speedup"] {
            Benchmark("extract \(field) \(size.label)", configuration: slow) { benchmark in
                let corpus = try Fixtures.shared.corpus(size)
                for _ in benchmark.scaledIterations {
                    let engine = try Engine(corpus: corpus, extractors: StandardExtractors.all)
                    benchmark.startMeasurement()
                    blackHole(try engine.run("count papers where has \(field)"))
                    benchmark.stopMeasurement()
                }
            }
        }

        Benchmark("extract all \(size.label)", configuration: slow) { benchmark in
            let corpus = try Fixtures.shared.corpus(size)
            for _ in benchmark.scaledIterations {
                let engine = try Engine(corpus: corpus, extractors: StandardExtractors.all)
                benchmark.startMeasurement()
                engine.extractAll()
                benchmark.stopMeasurement()
            }
        }

        Benchmark("load and extract all \(size.label)", configuration: slow) { benchmark in
            for _ in benchmark.scaledIterations {
                let engine = try Engine(corpus: Corpus(contentsOf: size.jsonl), extractors: StandardExtractors.all)
                engine.extractAll()
                blackHole(engine)
            }
        }

        Benchmark("one-shot \(size.label)", configuration: slow) { benchmark in
            let query = #"count papers where params < 10B and topic = "quantization""#
            for _ in benchmark.scaledIterations {
                let extractors = StandardExtractors.all
                let corpus = try Corpus(contentsOf: [size.jsonl], prefilter: QueryPrefilter(query, extractors: extractors))
                blackHole(try Engine(corpus: corpus, extractors: extractors).run(query))
            }
        }

        for (name, query) in Queries.warm {
            Benchmark("query \(name) \(size.label)",
                      configuration: .init(metrics: [.wallClock], timeUnits: .microseconds, warmupIterations: 1,
                                           maxDuration: .seconds(5), maxIterations: 50)) { benchmark in
                let engine = try Fixtures.shared.extractedEngine(size)
                for _ in benchmark.scaledIterations {
                    blackHole(try engine.prepare(query).run())
                }
            }
        }
    }
}

/// The typical queries of issue 6, on a corpus whose fields are all extracted.
enum Queries {
    static let warm: [(String, String)] = [
        ("selective numeric", "count papers where params > 100B"),
        ("topic", #"count papers where topic = "quantization""#),
        ("params and topic", #"count papers where params < 10B and topic = "quantization""#),
        ("title contains", #"count papers where title contains "sparse""#),
        ("abstract contains", #"count papers where abstract contains "low-rank""#),
        ("matches", #"count papers where title matches /(sparse|prun)\w+/i"#),
        ("count", "count papers"),
        ("group by topic", "papers group by topic"),
        ("top 10 by params", "papers where has params select id, params sort by params desc limit 10"),
    ]
}

/// A corpus size and its files in Benchmarks/data.
struct CorpusSize: Sendable {
    let label: String
    let papers: Int

    static let data = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("data")

    var stem: String { "papers-\(label.lowercased())-seed42" }
    var jsonl: URL { CorpusSize.data.appendingPathComponent(stem + ".jsonl") }

    /// JSON lines, and the CSV and BibTeX conversions when they were made.
    var formats: [(name: String, url: URL)] {
        [("jsonl", jsonl), ("csv", CorpusSize.data.appendingPathComponent(stem + ".csv")),
         ("bibtex", CorpusSize.data.appendingPathComponent(stem + ".bib"))]
            .filter { FileManager.default.fileExists(atPath: $0.1.path) }
    }

    static let all = [CorpusSize(label: "10K", papers: 10_000), CorpusSize(label: "100K", papers: 100_000),
                      CorpusSize(label: "1M", papers: 1_000_000)]

    static var available: [CorpusSize] { all.filter { FileManager.default.fileExists(atPath: $0.jsonl.path) } }
}

/// Corpora and fully extracted engines, made once per size and shared by the benchmarks.
final class Fixtures: @unchecked Sendable {
    static let shared = Fixtures()
    private let lock = NSLock()
    private var corpora: [String: Corpus] = [:]
    private var engines: [String: Engine] = [:]

    func corpus(_ size: CorpusSize) throws -> Corpus {
        lock.lock()
        defer { lock.unlock() }
        if let corpus = corpora[size.label] { return corpus }
        let corpus = try Corpus(contentsOf: size.jsonl)
        corpora[size.label] = corpus
        return corpus
    }

    func extractedEngine(_ size: CorpusSize) throws -> Engine {
        let corpus = try self.corpus(size)
        lock.lock()
        defer { lock.unlock() }
        if let engine = engines[size.label] { return engine }
        let engine = try Engine(corpus: corpus, extractors: StandardExtractors.all)
        engine.extractAll()
        engines[size.label] = engine
        return engine
    }
}
