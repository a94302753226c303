// Output choices shared by the commands that print results.

import ArgumentParser
import PaperQL

#if canImport(Glibc)
import Glibc
#endif

struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json, jsonl, csv or markdown. Default: table.")
    var format: OutputFormat = .table

    @Flag(name: .long, help: "With --format json or jsonl: include the text each extracted value came from.")
    var evidence = false

    func printer(for engine: Engine) -> ResultPrinter {
        ResultPrinter(format: format, engine: engine, evidence: evidence,
                      width: Terminal.isTerminal(STDOUT_FILENO) ? Terminal.width() : nil,
                      style: Style(enabled: Terminal.wantsColor(STDOUT_FILENO)))
    }
}

/// Renders a query error on stderr.
func reportQueryError(_ error: QueryError, origin: String) {
    let renderer = DiagnosticRenderer(style: Style(enabled: Terminal.wantsColor(STDERR_FILENO)))
    for diagnostic in error.diagnostics {
        Output.error(renderer.render(diagnostic, source: error.source, origin: origin))
    }
}
