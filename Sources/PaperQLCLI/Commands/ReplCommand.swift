// `paperql` and `paperql repl`: the interactive prompt on a terminal; on a pipe, the same as
// `paperql run -` (statements from stdin, no prompt, no banner, no colour).

import ArgumentParser
import Foundation
import PaperQL

#if canImport(Glibc)
import Glibc
#endif

struct ReplCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "The interactive prompt (the default command).",
        discussion: """
            Line editing, history in ~/.paperql_history (PAPERQL_HISTORY overrides), tab \
            completion of keywords, fields, topics and paths, and dot-commands (.help lists them). \
            Ctrl-C cancels a running query, Ctrl-D leaves. When stdin is not a terminal, \
            statements are read from it as by `paperql run -`.
            """)

    @OptionGroup var input: CorpusOptions

    @Option(name: .long, help: "Output format: table, json, jsonl, csv or markdown. Default: table.")
    var format: OutputFormat = .table

    func run() async throws {
        let engine = try input.makeEngine()
        guard Terminal.isTerminal(STDIN_FILENO) else {
            let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            var runner = ScriptRunner(engine: engine, printer: ResultPrinter(format: format, engine: engine), keepGoing: false, checkOnly: false)
            _ = runner.run(text, origin: "stdin")
            runner.finish()
            if runner.failures > 0 { throw ExitStatus.queryError }
            return
        }
        let urls = input.corpus.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath) }
        let repl = ReplSession(engine: engine, settings: ReplSettings(format: format), loadedPaths: urls)
        let options = input
        repl.makeEngine = { try options.makeEngine(corpus: $0) }
        let editor = LineEditor(completer: repl.completer, historyPath: ReplCommand.historyPath)
        await repl.loop(editor: editor)
        editor.save()
    }

    static var historyPath: String {
        if let path = ProcessInfo.processInfo.environment["PAPERQL_HISTORY"], !path.isEmpty {
            return (path as NSString).expandingTildeInPath
        }
        return (NSHomeDirectory() as NSString).appendingPathComponent(".paperql_history")
    }
}
