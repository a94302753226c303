// `paperql eval LABELS`: precision, recall and F1 of the extractors on labelled papers.

import ArgumentParser
import Foundation
import PaperQL
import StandardExtractors

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure the extractors against labelled papers: precision, recall and F1 per field.",
        discussion: """
            LABELS is JSON lines. Entries that carry a title and abstract are scored on their own; \
            entries with an `id` or `line` refer to papers of --corpus (default: the sample corpus). \
            Tests/Labels/GUIDELINES.md says how papers are labelled.
            """)

    @OptionGroup var input: CorpusOptions
    @OptionGroup var output: OutputOptions

    @Flag(name: .long, help: "List each paper's extra and missed values.")
    var mistakes = false

    @Argument(help: "A labels file (JSON lines).")
    var labels: String

    func run() throws {
        let set: LabelledSet
        do {
            set = try LabelledSet(contentsOf: URL(fileURLWithPath: labels))
        } catch {
            Output.error("paperql: \(error)")
            throw ExitStatus.inputError
        }
        let engine: Engine
        if let embedded = set.embeddedCorpus {
            engine = try Engine(corpus: embedded, extractors: StandardExtractors.all)
        } else {
            engine = try input.makeEngine()
        }
        let scores = set.score(engine)
        let columns = [
            ResultColumn(name: "field", type: .string), ResultColumn(name: "precision", type: .number),
            ResultColumn(name: "recall", type: .number), ResultColumn(name: "f1", type: .number),
            ResultColumn(name: "tp", type: .number), ResultColumn(name: "fp", type: .number), ResultColumn(name: "fn", type: .number),
        ]
        let rows: [[Value]] = scores.map { s in
            [.string(s.field), .number((s.precision * 1000).rounded() / 1000), .number((s.recall * 1000).rounded() / 1000),
             .number((s.f1 * 1000).rounded() / 1000), .number(Double(s.truePositives)), .number(Double(s.falsePositives)),
             .number(Double(s.falseNegatives))]
        }
        Output.write(output.printer(for: engine).render(QueryResult(columns: columns, rows: rows)))
        if mistakes {
            for score in scores where !score.mistakes.isEmpty {
                Output.line("\n\(score.field):")
                for m in score.mistakes {
                    let extra = m.extra.map { CellText.human($0, style: .plain) }.joined(separator: ", ")
                    let missed = m.missed.map { CellText.human($0, style: .plain) }.joined(separator: ", ")
                    Output.line("  \(m.paper): " + (extra.isEmpty ? "" : "extra [\(extra)] ") + (missed.isEmpty ? "" : "missed [\(missed)]"))
                }
            }
        }
        if let missing = scores.first(where: { $0.missingPapers > 0 }) {
            Output.error("paperql: \(missing.missingPapers) labelled papers were not found in the corpus")
        }
    }
}
