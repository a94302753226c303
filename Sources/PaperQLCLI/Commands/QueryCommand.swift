// `paperql query`: one query, its result on stdout, nothing else.

import ArgumentParser
import PaperQL

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run one query and print its result.",
        discussion: """
            Examples:
              paperql query 'papers where params < 10B and topic = "quantization" sort by params desc limit 10'
              paperql query --corpus papers.jsonl --format json 'count papers where has code'
            """)

    @OptionGroup var input: CorpusOptions
    @OptionGroup var output: OutputOptions

    @Flag(name: .customLong("no-index"), help: .hidden)
    var noIndex = false

    // Read every abstract even when the query shows most cannot match (for measuring).
    @Flag(name: .customLong("no-prefilter"), help: .hidden)
    var noPrefilter = false

    @Argument(help: "The query, e.g. 'papers where topic = \"moe\"'.")
    var query: String

    func run() throws {
        let engine = try input.makeEngine(forQuery: query, useIndexes: !noIndex, prefilter: !noPrefilter)
        let result: QueryResult
        do {
            result = try engine.prepare(query).run()
        } catch let error as QueryError {
            reportQueryError(error, origin: "query")
            throw ExitStatus.queryError
        }
        LoadReport.print(engine)
        Output.write(output.printer(for: engine).render(result))
        Output.flush()
    }
}
