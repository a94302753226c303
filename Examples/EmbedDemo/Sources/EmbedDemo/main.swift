// EmbedDemo: PaperQL inside another program. It builds a corpus from papers held in memory,
// registers one standard extractor and one written here, runs two queries and prints the rows.

import PaperQL
import ParamsExtractor

/// A custom extractor: how many words each abstract has, with the abstract as evidence.
struct WordCount: Extractor {
    let name = "wordcount"
    let version = "1.0"
    let fields = [FieldDescriptor(name: "words", type: .number, summary: "Words in the abstract")]

    func extract(from paper: ExtractionInput, into output: inout ExtractionOutput) {
        let abstract = paper.abstract
        let words = abstract.string.split(whereSeparator: { $0.isWhitespace }).count
        output.add(.number(Double(words)), to: "words", evidence: abstract.evidence(0..<abstract.utf8.count))
    }
}

let corpus = Corpus(documents: [
    Document(id: "lab-1", title: "A 7B Model for Lab Notes",
             abstract: "We fine-tune a 7B model on ten years of laboratory notebooks and release it."),
    Document(id: "lab-2", title: "Sorting Microscope Images",
             abstract: "A convolutional network with 25M parameters sorts microscope images into twelve classes."),
    Document(id: "lab-3", title: "Notes on Pipetting", abstract: "We describe how our lab calibrates pipettes."),
])

do {
    let engine = try Engine(corpus: corpus, extractors: [ParamsExtractor(), WordCount()])
    for text in ["papers where has params select id, params, words sort by params desc",
                 "papers where words < 12 select id, title, words"] {
        let query = try engine.prepare(text)
        let result = try query.run()
        print("> \(text)")
        print(result.columns.map(\.name).joined(separator: " | "))
        for row in result.rows {
            print(row.map(\.description).joined(separator: " | "))
        }
        print()
    }
} catch let error as QueryError {
    for diagnostic in error.diagnostics { print("error at \(diagnostic)") }
} catch {
    print("error: \(error)")
}
