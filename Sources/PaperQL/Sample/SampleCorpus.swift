// The built-in sample corpus: papers written for PaperQL, compiled into the library as a string
// so that the `paperql` binary works wherever it is copied (no resource bundle to lose).
// docs/SAMPLE.md describes what it covers.

/// Namespace for the sample data (in SampleCorpusData.swift).
enum SampleCorpus {
    /// Adds the sample papers to `builder`, with `sample` as their source.
    static func load(into builder: inout CorpusBuilder) {
        var report = FileReport(path: "sample", format: .jsonLines, papers: 0, diagnostics: [])
        var text = jsonLines
        text.withUTF8 { JSONImporter.importLines($0, origin: "sample", into: &builder, report: &report) }
        builder.diagnostics.append(contentsOf: report.diagnostics)
        builder.files.append(report)
    }
}

extension Corpus {
    /// The built-in sample corpus: 258 papers written for PaperQL, covering every topic,
    /// parameter counts in every written form, code links, datasets, bit-widths and speed-ups.
    public static let sample: Corpus = {
        var builder = CorpusBuilder()
        SampleCorpus.load(into: &builder)
        return Corpus(storage: builder.build())
    }()
}
