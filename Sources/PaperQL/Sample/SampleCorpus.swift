// The built-in sample corpus: papers written for PaperQL, compiled into the library as a string
// so that the `paperql` binary works wherever it is copied (no resource bundle to lose).
// docs/SAMPLE.md describes what it covers.

/// Namespace for the sample data (in SampleCorpusData.swift).
enum SampleCorpus {}

extension Corpus {
    /// The built-in sample corpus: about 170 papers written for PaperQL, covering every topic,
    /// parameter counts in every written form, code links, datasets, bit-widths and speed-ups.
    public static let sample: Corpus = {
        var builder = CorpusBuilder()
        var report = FileReport(path: "sample", format: .jsonLines, papers: 0, diagnostics: [])
        var text = SampleCorpus.jsonLines
        text.withUTF8 { JSONImporter.importLines($0, origin: "sample", into: &builder, report: &report) }
        builder.diagnostics.append(contentsOf: report.diagnostics)
        return Corpus(storage: builder.build())
    }()
}
