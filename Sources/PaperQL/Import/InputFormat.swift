// The input formats PaperQL reads, and how a file's format is recognised: by extension first,
// then by its first bytes.

import Foundation

/// A kind of input file.
public enum InputFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A Hugging Face paper-listing page saved as text: titles and abstracts, one per line.
    case listing = "txt"
    /// One JSON object per line.
    case jsonLines = "jsonl"
    /// A JSON array of objects (or one object).
    case json
    case csv
    case tsv
    case bibtex = "bib"

    public var description: String {
        switch self {
        case .listing: return "paper listing (text)"
        case .jsonLines: return "JSON lines"
        case .json: return "JSON"
        case .csv: return "CSV"
        case .tsv: return "TSV"
        case .bibtex: return "BibTeX"
        }
    }

    /// The format a file extension implies, if any.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "txt", "text": self = .listing
        case "jsonl", "ndjson", "jsonlines": self = .jsonLines
        case "json": self = .json
        case "csv": self = .csv
        case "tsv", "tab": self = .tsv
        case "bib", "bibtex": self = .bibtex
        default: return nil
        }
    }

    /// The format suggested by the first bytes of a file.
    static func sniff(_ prefix: UnsafeBufferPointer<UInt8>) -> InputFormat {
        var i = 0
        if prefix.count >= 3, prefix[0] == 0xEF, prefix[1] == 0xBB, prefix[2] == 0xBF { i = 3 }
        while i < prefix.count, prefix[i] == 0x20 || prefix[i] == 0x0A || prefix[i] == 0x0D || prefix[i] == 0x09 { i += 1 }
        guard i < prefix.count else { return .listing }
        switch prefix[i] {
        case UInt8(ascii: "{"): return .jsonLines
        case UInt8(ascii: "["): return .json
        case UInt8(ascii: "@"), UInt8(ascii: "%"): return .bibtex
        default: break
        }
        // A header row: the first line has tabs or commas and is short.
        var lineEnd = i
        while lineEnd < prefix.count, prefix[lineEnd] != 0x0A { lineEnd += 1 }
        let firstLine = prefix[i..<lineEnd]
        if firstLine.count < 400 {
            let lower = String(decoding: UnsafeBufferPointer(rebasing: firstLine), as: UTF8.self).lowercased()
            if lower.contains("title") {
                if firstLine.contains(0x09) { return .tsv }
                if firstLine.contains(UInt8(ascii: ",")) { return .csv }
            }
        }
        return .listing
    }
}

/// What happened to one input file.
public struct FileReport: Sendable, Hashable {
    public let path: String
    public let format: InputFormat?
    /// Papers loaded from this file.
    public var papers: Int
    /// Records that could not be read, and other problems, as `path:line: reason`.
    public var diagnostics: [LoadDiagnostic]

    /// Records skipped (the error diagnostics).
    public var rejected: Int { diagnostics.filter { $0.severity == .error }.count }
}

/// A path that could not be read at all.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String { "\(path): \(reason)" }
}
