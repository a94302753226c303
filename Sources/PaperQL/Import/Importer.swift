// Reads input paths into a corpus builder: expands directories (recursively, in sorted order, so
// a load is deterministic), recognises each file's format, refuses binary files, and hands the
// bytes to the importer for that format. Each file gets a `FileReport`; nothing here prints.

import Foundation

enum Importer {
    /// Loads every file under `urls` into `builder`; throws only for a path that cannot be read.
    static func load(_ urls: [URL], format: InputFormat?, into builder: inout CorpusBuilder) throws(ImportError) -> [FileReport] {
        var reports: [FileReport] = []
        for url in urls {
            for file in try expand(url) {
                let report = loadFile(file, format: format, explicit: file == url, into: &builder)
                reports.append(report)
                builder.diagnostics.append(contentsOf: report.diagnostics)
                builder.files.append(report)
            }
        }
        return reports
    }

    /// The files a path stands for: itself, or every visible file beneath a directory.
    static func expand(_ url: URL) throws(ImportError) -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ImportError(path: url.path, reason: "no such file or directory")
        }
        guard isDirectory.boolValue else {
            guard FileManager.default.isReadableFile(atPath: url.path) else {
                throw ImportError(path: url.path, reason: "permission denied")
            }
            return [url]
        }
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else {
            throw ImportError(path: url.path, reason: "cannot list the directory")
        }
        var files: [URL] = []
        for case let file as URL in walker {
            if (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true { files.append(file) }
        }
        return files.sorted { $0.path < $1.path }
    }

    static func loadFile(_ url: URL, format forced: InputFormat?, explicit: Bool, into builder: inout CorpusBuilder) -> FileReport {
        let path = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            return FileReport(path: path, format: nil, papers: 0,
                              diagnostics: [LoadDiagnostic(.error, origin: path, message: "cannot read the file: \(error.localizedDescription)")])
        }
        return data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return load(bytes, path: path, fileExtension: url.pathExtension, format: forced, into: &builder)
        }
    }

    /// Imports one file's bytes.
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, path: String, fileExtension: String, format forced: InputFormat?,
                     into builder: inout CorpusBuilder) -> FileReport {
        if bytes.isEmpty {
            return FileReport(path: path, format: forced ?? InputFormat(fileExtension: fileExtension), papers: 0,
                              diagnostics: [LoadDiagnostic(.warning, origin: path, message: "empty file")])
        }
        if isBinary(bytes) {
            return FileReport(path: path, format: nil, papers: 0,
                              diagnostics: [LoadDiagnostic(.error, origin: path, message: "binary file (not text); skipped")])
        }
        let prefix = UnsafeBufferPointer(rebasing: bytes[0..<min(bytes.count, 8192)])
        let format = forced ?? InputFormat(fileExtension: fileExtension) ?? InputFormat.sniff(prefix)
        var report = FileReport(path: path, format: format, papers: 0, diagnostics: [])
        // A byte-order mark is not part of the first record.
        var body = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            body = UnsafeBufferPointer(rebasing: bytes[3...])
        }
        switch format {
        case .jsonLines: JSONImporter.importLines(body, origin: path, into: &builder, report: &report)
        case .json: JSONImporter.importDocument(body, origin: path, into: &builder, report: &report)
        case .listing: ListingImporter.importListing(body, origin: path, into: &builder, report: &report)
        case .csv, .tsv: CSVImporter.importTable(body, separator: format == .tsv ? "\t" : ",", origin: path, into: &builder, report: &report)
        case .bibtex: BibTeXImporter.importBibliography(body, origin: path, into: &builder, report: &report)
        }
        if report.papers == 0, !report.diagnostics.contains(where: { $0.severity == .error }) {
            report.diagnostics.append(LoadDiagnostic(.warning, origin: path, message: "no papers found (read as \(format))"))
        }
        return report
    }

    /// A file with NUL bytes in its first 8 KB, or mostly control bytes, is not text.
    static func isBinary(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let sample = bytes.prefix(8192)
        var control = 0
        for b in sample {
            if b == 0 { return true }
            if b < 0x09 || (b > 0x0D && b < 0x20) { control += 1 }
        }
        return control * 10 > sample.count
    }
}
