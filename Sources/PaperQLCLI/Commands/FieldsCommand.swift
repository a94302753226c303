// `paperql fields`: every field a query can use, where it comes from, and how many papers have it.

import ArgumentParser
import PaperQL
import StandardExtractors

struct FieldsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fields",
        abstract: "List the fields queries can use: type, provider, coverage and description.")

    @OptionGroup var input: CorpusOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let engine = try input.makeEngine()
        let result = FieldsCommand.table(engine)
        LoadReport.print(engine)
        Output.write(output.printer(for: engine).render(result))
        Output.flush()
    }

    /// The field listing as a result, so every output format works for it.
    static func table(_ engine: Engine) -> QueryResult {
        engine.extractAll()
        let accuracy = StandardAccuracy.figures
        let columns = [
            ResultColumn(name: "field", type: .string), ResultColumn(name: "type", type: .string),
            ResultColumn(name: "provider", type: .string), ResultColumn(name: "coverage", type: .number, numberStyle: .percent),
            ResultColumn(name: "precision", type: .number, numberStyle: .percent), ResultColumn(name: "recall", type: .number, numberStyle: .percent),
            ResultColumn(name: "description", type: .string),
        ]
        let rows: [[Value]] = engine.schema.fields.map { field in
            var provider = field.provider.description
            if case .extractor(_, let version) = field.provider { provider += " \(version)" }
            let measured = accuracy[field.name]
            return [.string(field.name), .string(field.type.description), .string(provider),
                    .number(engine.coverage(of: field.name)),
                    measured.map { .number($0.precision) } ?? .missing, measured.map { .number($0.recall) } ?? .missing,
                    .string(field.summary)]
        }
        return QueryResult(columns: columns, rows: rows)
    }
}
