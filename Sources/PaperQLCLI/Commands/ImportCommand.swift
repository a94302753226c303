// `paperql import --check PATH...`: what each file holds and what could not be read, without
// running a query: the format detected, papers read, records skipped with reasons, duplicate
// titles and papers without an abstract.

import ArgumentParser
import Foundation
import PaperQL

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Check corpus files: formats, papers read, records skipped and why.",
        discussion: "Exits 1 only when a path cannot be read at all or no paper is readable.")

    @Flag(name: .long, help: "Check the files and report (the only mode for now; kept explicit for scripts).")
    var check = false

    @Option(name: .customLong("format-in"), help: ArgumentHelp("Read every file as this format.", valueName: "format"))
    var formatIn: InputFormatArgument?

    @Argument(help: "Files or directories.")
    var paths: [String]

    func validate() throws {
        guard check else { throw ValidationError("use `paperql import --check PATH...`") }
    }

    func run() throws {
        let urls = paths.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath) }
        let corpus: Corpus
        do {
            corpus = try Corpus(contentsOf: urls, format: formatIn?.format)
        } catch {
            Output.error("paperql: \(error.path): \(error.reason)")
            throw ExitStatus.inputError
        }
        let engine = try Engine(corpus: corpus)
        var titlesBySource: [String: [String: [Int]]] = [:]
        var missingAbstract: [String: [Int]] = [:]
        for paper in 0..<corpus.count {
            let source = engine.value(paper: paper, field: "source").string ?? ""
            let line = engine.value(paper: paper, field: "line").number.map { Int($0) } ?? 0
            let title = (engine.value(paper: paper, field: "title").string ?? "").lowercased()
            titlesBySource[source, default: [:]][title, default: []].append(line)
            if engine.value(paper: paper, field: "abstract").isMissing { missingAbstract[source, default: []].append(line) }
        }
        var unreadable = false
        for file in corpus.files {
            Output.line(file.path)
            Output.line("  format:            \(file.format.map { "\($0)" } ?? "unknown")")
            Output.line("  papers read:       \(file.papers)")
            let rejected = file.diagnostics.filter { $0.severity == .error }
            Output.line("  records rejected:  \(rejected.count)")
            for problem in rejected { Output.line("    line \(problem.line.map(String.init) ?? "-"): \(problem.message)") }
            let notes = file.diagnostics.filter { $0.severity == .warning }
            if !notes.isEmpty {
                Output.line("  notes:             \(notes.count)")
                for note in notes { Output.line("    line \(note.line.map(String.init) ?? "-"): \(note.message)") }
            }
            let duplicates = (titlesBySource[file.path] ?? [:]).values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
            Output.line("  duplicate titles:  \(duplicates.count)")
            for lines in duplicates { Output.line("    lines \(lines.map(String.init).joined(separator: ", "))") }
            let missing = missingAbstract[file.path] ?? []
            Output.line("  missing abstract:  \(missing.count)" + (missing.isEmpty ? "" : " (lines \(missing.prefix(20).map(String.init).joined(separator: ", "))\(missing.count > 20 ? ", …" : ""))"))
            if file.format == nil && file.papers == 0 && rejected.contains(where: { $0.message.hasPrefix("cannot read") }) { unreadable = true }
        }
        let rejectedTotal = corpus.files.reduce(0) { $0 + $1.rejected }
        Output.line("total: \(corpus.count) paper\(corpus.count == 1 ? "" : "s") from \(corpus.files.count) file\(corpus.files.count == 1 ? "" : "s"), \(rejectedTotal) record\(rejectedTotal == 1 ? "" : "s") rejected")
        Output.flush()
        if unreadable || corpus.count == 0 { throw ExitStatus.inputError }
    }
}
