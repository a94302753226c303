// The options every command that reads papers shares, and the one place that turns them into
// an engine: the corpus (or the built-in sample), the standard extractors, user rules and
// external plugins. Load problems are reported here, on stderr, as `file:line: reason`.

import ArgumentParser
import Foundation
import PaperQL
import StandardExtractors

struct CorpusOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A file or directory of papers (repeatable). Default: the built-in sample corpus.", valueName: "path"))
    var corpus: [String] = []

    @Option(name: .customLong("format-in"), help: ArgumentHelp("Read every corpus file as this format: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var formatIn: InputFormatArgument?

    @Flag(name: .shortAndLong, help: "Do not report skipped records and other load problems.")
    var quiet = false

    /// The corpus, with load problems reported on stderr.
    func loadCorpus() throws -> Corpus {
        guard !corpus.isEmpty else { return Corpus.sample }
        let urls = corpus.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath) }
        let loaded: Corpus
        do {
            loaded = try Corpus(contentsOf: urls, format: formatIn?.format)
        } catch {
            Output.error("paperql: \(error.path): \(error.reason)")
            throw ExitStatus.inputError
        }
        if !quiet { LoadReport.print(loaded) }
        if loaded.count == 0 {
            Output.error("paperql: no papers could be read from \(corpus.joined(separator: ", "))")
            throw ExitStatus.inputError
        }
        return loaded
    }

    /// An engine over the corpus with the standard extractors.
    func makeEngine(useIndexes: Bool = true) throws -> Engine {
        let corpus = try loadCorpus()
        do {
            return try Engine(corpus: corpus, extractors: StandardExtractors.all, options: Engine.Options(useIndexes: useIndexes))
        } catch {
            Output.error("paperql: \(error.message)")
            throw ExitStatus.inputError
        }
    }
}

struct InputFormatArgument: ExpressibleByArgument {
    let format: InputFormat

    init?(argument: String) {
        guard let format = InputFormat(rawValue: argument.lowercased()) ?? InputFormat(fileExtension: argument) else { return nil }
        self.format = format
    }

    static var allValueStrings: [String] { InputFormat.allCases.map(\.rawValue) }
}

enum LoadReport {
    /// Every load problem on stderr, then a one-line summary when anything went wrong.
    static func print(_ corpus: Corpus) {
        let problems = corpus.diagnostics
        guard !problems.isEmpty else { return }
        for problem in problems.prefix(50) {
            Output.error("paperql: \(problem.severity == .error ? "skipped" : "note"): \(problem)")
        }
        if problems.count > 50 { Output.error("paperql: … and \(problems.count - 50) more (see `paperql import --check`)") }
        let skipped = problems.filter { $0.severity == .error }.count
        Output.error("paperql: loaded \(corpus.count) paper\(corpus.count == 1 ? "" : "s"); \(skipped) record\(skipped == 1 ? "" : "s") skipped, \(problems.count - skipped) note\(problems.count - skipped == 1 ? "" : "s")")
    }

    /// Engine problems (plugins that failed), on stderr.
    static func print(_ engine: Engine) {
        for problem in engine.diagnostics {
            Output.error("paperql: \(problem.severity == .error ? "error" : "note"): \(problem)")
        }
    }
}
