// CSV and TSV files with a header row, parsed by SwiftCSV (quoted fields, embedded newlines and
// delimiters). Header names map to fields as JSON keys do (see FieldMapping); cells that read as
// numbers become numbers, cells of list fields (`authors`, `categories`, `keywords`) are split.
// A row that breaks the quoting rules is reported and parsing resumes on the next line.

import SwiftCSV

enum CSVImporter {
    static func importTable(_ bytes: UnsafeBufferPointer<UInt8>, separator: Character, origin: String,
                            into builder: inout CorpusBuilder, report: inout FileReport) {
        var text = String(decoding: bytes, as: UTF8.self)
        if String(validating: bytes, as: UTF8.self) == nil {
            report.diagnostics.append(LoadDiagnostic(.warning, origin: origin, message: "invalid UTF-8 replaced with U+FFFD"))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let delimiter: CSVDelimiter = separator == "\t" ? .tab : .comma

        // Parse the header alone, then stream the rows; restart after a malformed row.
        var header: [String] = []
        do {
            let csv = try CSV<Enumerated>(string: text, delimiter: delimiter, loadColumns: false, rowLimit: 0)
            header = csv.header.map { FieldMapping.normalizedKey($0) }
        } catch {
            report.diagnostics.append(LoadDiagnostic(.error, origin: origin, line: 1, message: "cannot read the header row"))
            return
        }
        guard header.contains("title") else {
            report.diagnostics.append(LoadDiagnostic(.error, origin: origin, line: 1,
                message: "the header has no `title` column (columns: \(header.joined(separator: ", ")))"))
            return
        }
        var remaining = Substring(text)
        var lineOffset = 0  // physical lines before `remaining`
        var firstPass = true
        while true {
            // SwiftCSV's row callback escapes, so rows are collected first and added after.
            final class Rows { var rows: [[String]] = [] }
            let collected = Rows()
            var failed = false
            var headerLines = 0
            do {
                let body = firstPass ? String(remaining) : "\(csvHeaderLine(header, delimiter: separator))\n" + remaining
                let csv = try CSV<Enumerated>(string: body, delimiter: delimiter, loadColumns: false, rowLimit: 0)
                if firstPass { headerLines = countLines(in: csv.header) }
                try csv.enumerateAsArray(startAt: 1, rowLimit: nil) { collected.rows.append($0) }
            } catch {
                failed = true
            }
            var line = lineOffset + headerLines
            for row in collected.rows {
                let rowLine = line + 1
                line += countLines(in: row)
                addRow(row, header: header, line: rowLine, origin: origin, into: &builder, report: &report)
            }
            guard failed else { return }
            // The row starting after `line` broke the quoting rules.
            let badLine = line + 1
            report.diagnostics.append(LoadDiagnostic(.error, origin: origin, line: badLine,
                message: "malformed quoting in this row; skipped"))
            guard let restart = startOfLine(after: badLine, in: text) else { return }
            remaining = text[restart...]
            lineOffset = badLine
            firstPass = false
        }
    }

    private static func csvHeaderLine(_ header: [String], delimiter: Character) -> String {
        header.joined(separator: String(delimiter))
    }

    private static func countLines(in field: String) -> Int {
        field.reduce(0) { $0 + ($1.isNewline ? 1 : 0) }
    }

    private static func countLines(in fields: [String]) -> Int {
        fields.reduce(0) { $0 + countLines(in: $1) } + 1
    }

    /// The index where line `line + 1` (1-based) starts.
    private static func startOfLine(after line: Int, in text: String) -> String.Index? {
        var current = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index].isNewline {
                current += 1
                if current == line + 1 { return text.index(after: index) }
            }
            index = text.index(after: index)
        }
        return nil
    }

    static let listColumns: Set<String> = ["authors", "categories", "keywords", "tags"]

    private static func addRow(_ row: [String], header: [String], line: Int, origin: String,
                               into builder: inout CorpusBuilder, report: inout FileReport) {
        if row.allSatisfy({ $0.trimmingSpaces.isEmpty }) { return }
        if row.count > header.count, row[header.count...].contains(where: { !$0.trimmingSpaces.isEmpty }) {
            report.diagnostics.append(LoadDiagnostic(.error, origin: origin, line: line,
                message: "row has \(row.count) fields, the header \(header.count); skipped"))
            return
        }
        builder.beginRecord()
        builder.add("source", string: origin)
        builder.add("line", number: Double(line))
        for (key, cell) in zip(header, row) {
            let value = cell.trimmingSpaces
            if value.isEmpty { continue }
            if listColumns.contains(key) {
                let separator: Character = key == "categories" && !value.contains(",") && !value.contains(";") ? " " : (value.contains(";") ? ";" : ",")
                builder.markList(key)
                let items = key == "authors" && separator == "," ? FieldMapping.splitAuthors(value)
                    : value.split(separator: separator).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
                for item in items { builder.add(key, string: item) }
                continue
            }
            if let number = Double(value), key != "id", key != "title", key != "abstract", key != "arxiv", key != "doi" {
                FieldMapping.add(key: key, value: .number(number), to: &builder)
            } else if value == "true" || value == "false" {
                FieldMapping.add(key: key, value: .bool(value == "true"), to: &builder)
            } else {
                FieldMapping.add(key: key, value: .string(value), to: &builder)
            }
        }
        guard builder.has("title") else {
            builder.abandonRecord()
            report.diagnostics.append(LoadDiagnostic(.error, origin: origin, line: line, message: "row has no title; skipped"))
            return
        }
        builder.endRecord()
        report.papers += 1
    }
}
