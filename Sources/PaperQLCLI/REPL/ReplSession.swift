// The interactive session: reads statements (continuing lines while one is unfinished), runs
// them on a task that Ctrl-C cancels, prints results (through a pager when they are longer than
// the screen), and handles the dot-commands. An error never ends the session.

import Foundation
import PaperQL
import StandardExtractors

#if canImport(Glibc)
import Glibc
#endif

struct ReplSettings {
    var format: OutputFormat = .table
    var timer = false
    var pager = true
}

final class ReplSession {
    private(set) var engine: Engine
    private var session: Session
    private var settings: ReplSettings
    private var lastResult: QueryResult?
    private var loadedPaths: [URL]
    private let startedOnSample: Bool
    let completer: Completer
    private let style: Style
    private let errorStyle: Style

    /// Builds the engine for a new corpus (`.load`), with the same rules and plugins.
    var makeEngine: (Corpus) throws -> Engine = { try Engine(corpus: $0, extractors: StandardExtractors.all) }

    init(engine: Engine, settings: ReplSettings, loadedPaths: [URL]) {
        self.engine = engine
        self.session = Session(engine: engine)
        self.settings = settings
        self.loadedPaths = loadedPaths
        self.startedOnSample = loadedPaths.isEmpty
        style = Style(enabled: Terminal.wantsColor(STDOUT_FILENO))
        errorStyle = Style(enabled: Terminal.wantsColor(STDERR_FILENO))
        completer = Completer(engine: engine, letNames: { [] })
        completer.letNames = { [unowned self] in self.session.names.map(\.name) }
    }

    var banner: String {
        let source = startedOnSample ? "the built-in sample corpus" : loadedPaths.map(\.lastPathComponent).joined(separator: ", ")
        return style.bold("PaperQL \(PaperQLVersion.current)") + " · \(engine.corpus.count) papers from \(source) · \(engine.schema.fields.count) fields\n"
            + style.dim("Type a query such as `papers where topic = \"quantization\" limit 5`, .help for help, .quit to leave.")
    }

    /// Runs the prompt loop until end of input or `.quit`.
    func loop(editor: LineEditor) async {
        Output.line(banner)
        var pending = ""
        while true {
            let prompt = pending.isEmpty ? style.bold("paperql> ") : "    ...> "
            guard let line = editor.readLine(prompt: promptForReadline(prompt), continuing: pending) else {
                if !pending.isEmpty { pending = ""; Output.line(""); continue }
                Output.line("")
                return
            }
            if pending.isEmpty, line.trimmingCharacters(in: .whitespaces).hasPrefix(".") {
                editor.remember(line)
                if await dotCommand(line.trimmingCharacters(in: .whitespaces)) == .quit { return }
                continue
            }
            pending += (pending.isEmpty ? "" : "\n") + line
            if pending.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { pending = ""; continue }
            if Script.needsMoreInput(pending) { continue }
            editor.remember(pending)
            await execute(pending, origin: "input")
            pending = ""
        }
    }

    /// readline counts escape codes as visible unless they are bracketed by \001 and \002.
    private func promptForReadline(_ prompt: String) -> String {
        prompt.replacingOccurrences(of: "\u{1B}[", with: "\u{01}\u{1B}[").replacingOccurrences(of: "m", with: "m\u{02}", options: [], range: nil)
            .replacingOccurrences(of: "paperql\u{02}>", with: "paperql>")
    }

    // MARK: - Statements

    func execute(_ text: String, origin: String) async {
        let script = Script(text)
        for diagnostic in script.diagnostics {
            reportQueryError(QueryError(diagnostics: [diagnostic], source: text), origin: origin)
        }
        guard script.diagnostics.isEmpty else { return }
        for statement in script.statements {
            let session = self.session
            let clock = ContinuousClock()
            let started = clock.now
            let work = Task.detached { () throws -> QueryResult in
                let prepared = try session.prepare(statement, in: script)
                return try prepared.run()
            }
            let watcher = Task.detached {
                while !Task.isCancelled {
                    if LineEditor.takeInterrupt() { work.cancel(); return }
                    try? await Task.sleep(for: .milliseconds(20))
                }
            }
            let outcome = await work.result
            watcher.cancel()
            let elapsed = clock.now - started
            switch outcome {
            case .success(let result):
                self.session.record(result)
                lastResult = result
                show(result)
                if settings.timer {
                    Output.line(style.dim(String(format: "time: %.1f ms", Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)))
                }
            case .failure(let error as QueryError):
                reportQueryError(error, origin: origin)
                return
            case .failure(is CancellationError):
                Output.error(errorStyle.yellow("cancelled"))
                return
            case .failure(let error):
                Output.error("error: \(error)")
                return
            }
        }
    }

    private func printer() -> ResultPrinter {
        var printer = ResultPrinter(format: settings.format, engine: engine)
        printer.width = Terminal.width()
        printer.style = style
        return printer
    }

    private func show(_ result: QueryResult) {
        let text = printer().render(result)
        Pager.show(text, enabled: settings.pager)
    }

    // MARK: - Dot-commands

    enum Outcome { case `continue`, quit }

    static let help: [(String, String)] = [
        (".help", "this list"),
        (".load PATH", "add the papers of a file or folder to the corpus"),
        (".fields [FIELD]", "list the fields, or describe one (with its values for topic)"),
        (".format FORMAT", "table, json, jsonl, csv or markdown"),
        (".timer on|off", "print each query's time"),
        (".pager on|off", "page results longer than the screen (uses $PAGER, default less)"),
        (".why ID FIELD", "each value of FIELD for paper ID, with the sentence it came from"),
        (".explain QUERY", "the plan, and how many papers each part of the where clause keeps"),
        (".let", "the results saved with `let`"),
        (".save FILE", "write the last result; the format follows the extension (.csv, .json, .md, ...)"),
        (".functions", "the functions queries can call"),
        (".quit", "leave (or Ctrl-D)"),
    ]

    func dotCommand(_ line: String) async -> Outcome {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        let command = parts[0].lowercased()
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch command {
        case ".quit", ".exit", ".q":
            return .quit
        case ".help", ".h", ".?":
            let width = ReplSession.help.map(\.0.count).max() ?? 0
            for (name, text) in ReplSession.help {
                Output.line("  " + style.bold(name.padding(toLength: width, withPad: " ", startingAt: 0)) + "  " + text)
            }
            Output.line(style.dim("  Statements end at ; or at the end of a line; an unfinished one continues on the next line."))
            Output.line(style.dim("  Ctrl-C cancels a running query or clears the line. docs/LANGUAGE.md is the reference."))
        case ".format":
            guard let format = OutputFormat(rawValue: argument.lowercased()) else {
                Output.error("usage: .format table|json|jsonl|csv|markdown")
                break
            }
            settings.format = format
        case ".timer", ".pager":
            guard argument == "on" || argument == "off" else {
                Output.error("usage: \(command) on|off")
                break
            }
            if command == ".timer" { settings.timer = argument == "on" } else { settings.pager = argument == "on" }
        case ".fields":
            if argument.isEmpty {
                show(FieldsCommand.table(engine))
            } else if let field = engine.schema.field(named: argument) {
                Output.line(style.bold(field.name) + "  \(field.type)  \(field.provider)\n  \(field.summary)")
                if let vocabulary = field.vocabulary { Output.line("  values: " + vocabulary.joined(separator: ", ")) }
                if !field.aliases.isEmpty {
                    Output.line("  also accepted: " + field.aliases.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value)" }.joined(separator: ", "))
                }
                Output.line(String(format: "  coverage: %.0f%% of papers", engine.coverage(of: field.name) * 100))
            } else {
                Output.error("unknown field `\(argument)`" + (Suggestions.closest(to: argument, among: engine.schema.names).map { "; did you mean `\($0)`?" } ?? ""))
            }
        case ".functions":
            for function in engine.functionList {
                Output.line("  " + style.bold(function.name) + "  " + function.summary)
            }
        case ".why":
            let words = argument.split(separator: " ").map(String.init)
            guard words.count == 2 else {
                Output.error("usage: .why ID FIELD")
                break
            }
            switch WhyReport.render(engine: engine, id: words[0], field: words[1], style: style) {
            case .success(let text): Output.write(text)
            case .failure(let message): Output.error(message)
            }
        case ".explain":
            explain(argument)
        case ".let":
            if session.names.isEmpty { Output.line(style.dim("no results saved yet; save one with `let name = papers where …`")) }
            for (name, count) in session.names { Output.line("  \(style.bold(name))  \(count) paper\(count == 1 ? "" : "s")") }
        case ".save":
            save(to: argument)
        case ".load":
            await load(argument)
        default:
            let near = Suggestions.closest(to: command, among: Completer.dotCommands)
            Output.error("unknown command `\(command)`" + (near.map { "; did you mean `\($0)`?" } ?? "; .help lists the commands"))
        }
        return .continue
    }

    private func explain(_ text: String) {
        let script = Script(text)
        guard let statement = script.statements.first, script.diagnostics.isEmpty else {
            if let d = script.diagnostics.first { reportQueryError(QueryError(diagnostics: [d], source: text), origin: "explain") }
            else { Output.error("usage: .explain QUERY") }
            return
        }
        do {
            let prepared = try session.prepare(statement, in: script)
            let explanation = try prepared.explain()
            Output.line(style.bold("source: ") + "\(explanation.sourceName) (\(explanation.sourceCount) papers)")
            if !explanation.steps.isEmpty {
                let columns = [ResultColumn(name: "condition", type: .string), ResultColumn(name: "keeps alone", type: .number),
                               ResultColumn(name: "remaining after", type: .number), ResultColumn(name: "index", type: .string)]
                let rows: [[Value]] = explanation.steps.map {
                    [.string($0.condition), .number(Double($0.keepsAlone)), .number(Double($0.remainingAfter)), .string($0.usesIndex ? "yes" : "no")]
                }
                Output.write(TableRenderer(width: Terminal.width(), style: style).render(QueryResult(columns: columns, rows: rows)))
            }
            if !explanation.plan.isEmpty {
                Output.line(style.bold("plan:"))
                for line in explanation.plan { Output.line("  " + line) }
            }
            Output.line(style.bold("output: ") + explanation.output)
        } catch let error as QueryError {
            reportQueryError(error, origin: "explain")
        } catch {
            Output.error("error: \(error)")
        }
    }

    private func save(to path: String) {
        guard !path.isEmpty else { return Output.error("usage: .save FILE") }
        guard let result = lastResult else { return Output.error("nothing to save yet: run a query first") }
        let format = OutputFormat(fileName: path) ?? .table
        var printer = ResultPrinter(format: format, engine: engine)
        printer.width = nil
        let text = printer.render(result)
        let expanded = (path as NSString).expandingTildeInPath
        do {
            try text.write(toFile: expanded, atomically: true, encoding: .utf8)
            Output.line(style.dim("saved \(result.rows.count) row\(result.rows.count == 1 ? "" : "s") to \(path) as \(format.rawValue)"))
        } catch {
            Output.error("cannot write \(path): \(error.localizedDescription)")
        }
    }

    private func load(_ path: String) async {
        guard !path.isEmpty else { return Output.error("usage: .load PATH") }
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        let urls = loadedPaths + [url]
        let startedOnSample = self.startedOnSample
        let result = await Task.detached { () -> Result<Corpus, ImportError> in
            do throws(ImportError) {
                return .success(startedOnSample ? try Corpus(sampleAnd: urls) : try Corpus(contentsOf: urls))
            } catch {
                return .failure(error)
            }
        }.value
        switch result {
        case .failure(let error):
            Output.error("cannot load \(error.path): \(error.reason)")
        case .success(let corpus):
            LoadReport.print(corpus)
            do {
                let engine = try makeEngine(corpus)
                let added = corpus.count - self.engine.corpus.count
                self.engine = engine
                session = session.moving(to: engine)
                completer.engine = engine
                loadedPaths = urls
                Output.line(style.dim("added \(added) papers; \(corpus.count) in all"))
            } catch {
                Output.error("\(error)")
            }
        }
    }
}

/// Shows long output through a pager when it would not fit on the screen.
enum Pager {
    static func show(_ text: String, enabled: Bool) {
        let lines = text.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        guard enabled, Terminal.isTerminal(STDOUT_FILENO), let height = Terminal.height(), lines > height - 2 else {
            Output.write(text)
            return
        }
        let command = ProcessInfo.processInfo.environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -FRX"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let input = Pipe()
        process.standardInput = input
        do {
            try process.run()
            input.fileHandleForWriting.write(Data(text.utf8))
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        } catch {
            Output.write(text)
        }
    }
}
