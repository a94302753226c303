// Shared helpers: where the package and the built binary are, fixture corpora, and a way to run
// the `paperql` executable as a subprocess.

import Foundation
import Testing
@testable import PaperQL
import StandardExtractors

enum TestSupport {
    /// The package root (two levels above this file's folder).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ path: String) -> URL {
        packageRoot.appendingPathComponent("Tests/PaperQLTests/Fixtures").appendingPathComponent(path)
    }

    /// The `paperql` executable built next to the test bundle.
    static var binary: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("paperql")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/paperql")
    }

    /// The twelve papers the language reference runs its examples on.
    static let docsCorpusURL = packageRoot.appendingPathComponent("docs/examples/papers.jsonl")

    /// The query files in `Examples/queries`, in name order.
    static var exampleQueryFiles: [URL] {
        let folder = packageRoot.appendingPathComponent("Examples/queries")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".pql") }.sorted().map { folder.appendingPathComponent($0) }
    }

    static let docsEngine: Engine = {
        let corpus = try! Corpus(contentsOf: docsCorpusURL)
        return try! Engine(corpus: corpus, extractors: StandardExtractors.all)
    }()

    /// A small corpus with hand-set fields, for semantics tests that must not depend on what
    /// the extractors find.
    static let handCorpus: Corpus = Corpus(documents: [
        Document(id: "h1", title: "Alpha Sparse Models", abstract: "About sparse models.", fields: [
            "params": [7e9, 13e9], "topic": ["llm", "sparsity"], "year": 2023, "date": .date(CalendarDate(iso: "2023-05-01")!),
            "open": true, "venue": "NeurIPS"]),
        Document(id: "h2", title: "Beta Pruning", abstract: "Pruning convolutional networks.", fields: [
            "params": [25e6], "topic": ["pruning", "vision"], "year": 2021, "date": .date(CalendarDate(iso: "2021-02-10")!),
            "open": false, "venue": "ICML"]),
        Document(id: "h3", title: "Gamma Without Sizes", abstract: "No sizes are given here.", fields: [
            "topic": ["theory"], "year": 2022, "venue": "neurips"]),
        Document(id: "h4", title: "Delta Giant Model", abstract: "A very large model.", fields: [
            "params": [1.5e12], "topic": ["llm", "moe"], "year": 2024, "date": .date(CalendarDate(iso: "2024-12-31")!),
            "open": true]),
        Document(id: "h5", title: "Epsilon Untitled Topics", abstract: "", fields: ["year": 2024]),
    ])

    static func handEngine(useIndexes: Bool = true) -> Engine {
        try! Engine(corpus: handCorpus, options: Engine.Options(useIndexes: useIndexes))
    }

    /// Runs a query and returns the ids of the papers, in order.
    static func ids(_ query: String, _ engine: Engine) throws -> [String] {
        let result = try engine.run(query)
        return result.paperIndexes.map { engine.value(paper: $0, field: "id").string ?? "?" }
    }

    /// The diagnostics a query fails with (fails the test if it succeeds).
    static func diagnostics(_ query: String, _ engine: Engine, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
        do {
            _ = try engine.prepare(query)
            Issue.record("expected `\(query)` to fail", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.diagnostics
        }
    }

    struct ProcessResult {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// A fresh directory under the system's temporary folder, named after `label`.
    static func makeTemporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("paperql-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs the built `paperql` with `arguments`, feeding `input` to stdin.
    @discardableResult
    static func paperql(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }
}
