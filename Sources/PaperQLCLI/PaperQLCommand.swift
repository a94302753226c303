// The `paperql` command: a REPL by default, and subcommands for one-shot queries, scripts,
// query tests, field listings, evidence, import checks and accuracy measurement. The library
// never prints; everything a user sees is written from this target.

import ArgumentParser

public struct PaperQLCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "paperql",
        abstract: "Ask precise questions of a pile of research papers.",
        discussion: """
            With no subcommand, starts the interactive prompt (or reads statements from stdin \
            when it is not a terminal). Without --corpus, the built-in sample corpus is used.

            Exit codes: 0 success (also for an empty result), 1 input or I/O error, \
            2 query error, 64 usage error; `paperql test` exits 1 when an expectation fails.
            """,
        version: PaperQLVersion.current,
        subcommands: [
            ReplCommand.self, QueryCommand.self, RunCommand.self, TestCommand.self, FieldsCommand.self, WhyCommand.self, ImportCommand.self,
            EvalCommand.self,
        ],
        defaultSubcommand: ReplCommand.self)

    public init() {}
}

enum PaperQLVersion {
    static let current = "0.1.0"
}

extension PaperQLCommand {
    /// Parses the command line and runs the command (the executable's entry point).
    public static func start() async {
        await main() as Void
    }
}
