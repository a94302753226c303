// The public face of a loaded corpus: papers stored column-wise, built from documents in code
// or read from files. A corpus holds only what the input says; extracted fields belong to the
// `Engine` that queries it.

import Foundation

/// An immutable, in-memory collection of papers.
///
/// ```swift
/// let corpus = try Corpus(contentsOf: URL(fileURLWithPath: "papers.jsonl"))
/// print(corpus.count, corpus.diagnostics)
/// ```
public struct Corpus: Sendable {
    let storage: CorpusStorage

    init(storage: CorpusStorage) {
        self.storage = storage
    }

    /// A corpus of `documents`, in order. Documents without an `id` get one derived from their
    /// title; duplicate ids are kept with a `~2` suffix and reported in ``diagnostics``.
    public init(documents: [Document]) {
        var builder = CorpusBuilder()
        for (i, document) in documents.enumerated() {
            builder.beginRecord(source: "documents", line: i + 1)
            for key in document.fields.keys.sorted() {
                builder.add(key, value: document.fields[key]!)
            }
            builder.endRecord()
        }
        storage = builder.build()
    }

    /// Reads papers from files and directories (searched recursively), detecting each file's
    /// format from its extension and contents, or using `format` for every file.
    ///
    /// Unreadable records are skipped and reported in ``diagnostics``; the call throws only
    /// when a path cannot be read at all.
    public init(contentsOf urls: [URL], format: InputFormat? = nil) throws(ImportError) {
        try self.init(contentsOf: urls, format: format, prefilter: nil)
    }

    /// Reads papers for one query: papers that cannot satisfy `prefilter`'s query are loaded
    /// without their abstract, which makes the extraction the query needs cheaper, and fields
    /// the query never mentions are read but left empty. The query gives the same answer as on
    /// a full load; other queries may not.
    public init(contentsOf urls: [URL], format: InputFormat? = nil, prefilter: QueryPrefilter?) throws(ImportError) {
        var builder = CorpusBuilder()
        builder.prefilter = prefilter
        _ = try Importer.load(urls, format: format, into: &builder)
        let built = builder.build()
        if let prefilter, built.fields.contains(where: { prefilter.extractedFields.contains($0.name) }) {
            // The documents bring their own field of a name the prefilter took for an
            // extractor's: its promise says nothing about their values. Read again, in full.
            try self.init(contentsOf: urls, format: format, prefilter: nil)
            return
        }
        self.init(storage: built)
    }

    /// Papers loaded without their abstract because of a ``QueryPrefilter``.
    public var abridgedCount: Int { storage.abridged?.count ?? 0 }

    /// The built-in sample corpus followed by the papers of `urls` (the REPL's `.load` when it
    /// started on the sample).
    public init(sampleAnd urls: [URL], format: InputFormat? = nil) throws(ImportError) {
        var builder = CorpusBuilder()
        SampleCorpus.load(into: &builder)
        _ = try Importer.load(urls, format: format, into: &builder)
        storage = builder.build()
    }

    /// Reads papers from one file or directory; see ``init(contentsOf:format:)-(URL],_)``.
    public init(contentsOf url: URL, format: InputFormat? = nil) throws(ImportError) {
        try self.init(contentsOf: [url], format: format)
    }

    /// The number of papers.
    public var count: Int { storage.rowCount }

    /// The fields the documents provide, with the built-in ones first.
    public var fields: [FieldDescriptor] { storage.fields }

    /// Problems met while reading: skipped records, replaced bytes, renamed duplicate ids.
    public var diagnostics: [LoadDiagnostic] { storage.diagnostics }

    /// What happened to each input file: its format, papers read, records skipped.
    public var files: [FileReport] { storage.files }

    /// The paper at `index` (`0 ..< count`) with its document fields.
    public func document(at index: Int) -> Document {
        var fields: [String: Value] = [:]
        for (name, column) in storage.columns {
            let value = column.value(of: index)
            if !value.isMissing { fields[name] = value }
        }
        return Document(fields: fields)
    }

    /// The index of the paper with id `id`.
    public func index(ofID id: String) -> Int? {
        guard case .strings(let ids)? = storage.columns["id"]?.data else { return nil }
        for row in 0..<count where ids.string(at: row) == id { return row }
        return nil
    }
}
