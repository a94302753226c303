// `paperql run FILE...`: run the statements of query files (or stdin) in order, printing each
// result as it comes. Errors name file:line:column; without --keep-going the run stops at the
// first one. `paperql` with stdin not a terminal runs exactly this on `-`.

import ArgumentParser
import Foundation
import PaperQL

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run query files (or - for stdin): statements separated by ; or new lines.",
        discussion: """
            Results print in order as each statement finishes; with --format json the output is \
            one JSON array of the statements' results, with --format jsonl one line per row. \
            Exit status: 0 when every statement ran, 2 after a query error (the run stops at the \
            first one unless --keep-going), 1 when a file cannot be read.
            """)

    @OptionGroup var input: CorpusOptions
    @OptionGroup var output: OutputOptions

    @Flag(name: .long, help: "Go on after a failing statement; exit 2 at the end if any failed.")
    var keepGoing = false

    @Flag(name: .long, help: "Only parse and type-check; read no papers.")
    var check = false

    @Argument(help: "Query files; - reads stdin.")
    var files: [String] = ["-"]

    func run() throws {
        var sources: [(origin: String, text: String)] = []
        for file in files {
            if file == "-" {
                sources.append(("stdin", String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)))
            } else {
                guard let data = FileManager.default.contents(atPath: file) else {
                    Output.error("paperql: \(file): cannot read the file")
                    throw ExitStatus.inputError
                }
                sources.append((file, String(decoding: data, as: UTF8.self)))
            }
        }
        let engine = try input.makeEngine()
        var runner = ScriptRunner(engine: engine, printer: output.printer(for: engine), keepGoing: keepGoing, checkOnly: check)
        for source in sources {
            if !runner.run(source.text, origin: source.origin) { break }
        }
        runner.finish()
        LoadReport.print(engine)
        if runner.failures > 0 { throw ExitStatus.queryError }
    }
}

/// Runs scripts statement by statement against one session, printing results or errors.
struct ScriptRunner {
    var session: Session
    let printer: ResultPrinter
    let keepGoing: Bool
    let checkOnly: Bool
    private(set) var failures = 0
    /// JSON output is one array, written at the end.
    private var collected: [QueryResult] = []

    init(engine: Engine, printer: ResultPrinter, keepGoing: Bool, checkOnly: Bool) {
        session = Session(engine: engine)
        self.printer = printer
        self.keepGoing = keepGoing
        self.checkOnly = checkOnly
    }

    /// Runs one script; false when the run should stop.
    mutating func run(_ text: String, origin: String) -> Bool {
        let script = Script(text)
        // Statements and syntax errors in source order.
        enum Item { case statement(Script.Statement), error(Diagnostic) }
        var items = script.statements.map { Item.statement($0) } + script.diagnostics.map { Item.error($0) }
        items.sort { a, b in
            func start(_ item: Item) -> Int {
                switch item {
                case .statement(let s): return s.range.start.offset
                case .error(let d): return d.range.start.offset
                }
            }
            return start(a) < start(b)
        }
        var printedAny = !collected.isEmpty
        for item in items {
            switch item {
            case .error(let diagnostic):
                reportQueryError(QueryError(diagnostics: [diagnostic], source: text), origin: origin)
                failures += 1
                if !keepGoing { return false }
            case .statement(let statement):
                do {
                    if checkOnly {
                        try session.check(statement, in: script)
                        continue
                    }
                    let result = try session.run(session.prepare(statement, in: script))
                    switch printer.format {
                    case .json:
                        collected.append(result)
                    default:
                        if printedAny, printer.format == .table || printer.format == .markdown || printer.format == .csv { Output.write("\n") }
                        Output.write(printer.render(result))
                        printedAny = true
                    }
                } catch let error as QueryError {
                    reportQueryError(error, origin: origin)
                    failures += 1
                    if !keepGoing { return false }
                } catch {
                    Output.error("\(origin):\(statement.range.start.line):\(statement.range.start.column): error: \(error)")
                    failures += 1
                    if !keepGoing { return false }
                }
            }
        }
        return true
    }

    /// Writes what was held back (the JSON array).
    mutating func finish() {
        if printer.format == .json, !checkOnly {
            Output.write(printer.render(script: collected))
        }
    }
}
