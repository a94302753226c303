// CSV and TSV files with a header row, parsed by SwiftCSV (quoted fields, embedded newlines and
// delimiters). Header names map to fields as JSON keys do (see FieldMapping); cells that read as
// numbers become numbers, cells of list fields (`authors`, `categories`, `keywords`) are split.
// A row that breaks the quoting rules is reported and parsing resumes on the next line.

import SwiftCSV

enum CSVImporter {
    static func importTable(_ bytes: UnsafeBufferPointer<UInt8>, separator: Character, origin: String,
                            into builder: inout CorpusBuilder, report: inout FileReport) {
        let checked = LongLines.blanked(bytes, origin: origin, report: &report)
        var text = checked.map { String(decoding: $0, as: UTF8.self) } ?? String(decoding: bytes, as: UTF8.self)
        if let line = LongLines.firstInvalidUTF8Line(bytes) {
            report.diagnostics.append(LoadDiagnostic(.warning, origin: origin, line: line, message: "invalid UTF-8 replaced with U+FFFD"))
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
                message: "the header has no `title` column (columns: \(header.prefix(12).map { String($0.prefix(40)) }.joined(separator: ", "))\(header.count > 12 ? ", …" : ""))"))
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
            // A quote that never closes would swallow the rest of the file: parse up to the row
            // that opens it, report that row, and go on after its first line.
            let unclosed = unclosedQuoteLine(in: remaining, delimiter: separator)
            var segment = remaining
            if let unclosed { segment = remaining[..<(startOfLine(after: unclosed - 1, in: remaining) ?? remaining.endIndex)] }
            do {
                let body = firstPass ? String(segment) : "\(csvHeaderLine(header, delimiter: separator))\n" + segment
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
            if !failed, let unclosed {
                let badLine = lineOffset + unclosed
                report.diagnostics.append(LoadDiagnostic(.error, origin: origin, line: badLine,
                    message: "a quoted field opened in this row never closes; row skipped"))
                guard let restart = startOfLine(after: unclosed, in: remaining) else { return }
                remaining = remaining[restart...]
                lineOffset = badLine
                firstPass = false
                continue
            }
            guard failed else { return }
            // The row starting after `line` broke the quoting rules.
            let badLine = line + 1
            report.diagnostics.append(LoadDiagnostic(.error, origin: origin, line: badLine,
                message: "malformed quoting in this row; skipped"))
            guard let restart = startOfLine(after: badLine - lineOffset, in: remaining) else { return }
            remaining = remaining[restart...]
            lineOffset = badLine
            firstPass = false
        }
    }

    private static func csvHeaderLine(_ header: [String], delimiter: Character) -> String {
        header.joined(separator: String(delimiter))
    }

    /// Line breaks are LF, CRLF and a lone CR, read as bytes: iterating Characters here and in
    /// `unclosedQuoteLine` took over a quarter of the import time.
    private static func countLines(in field: String) -> Int {
        var lines = 0
        var previous: UInt8 = 0
        for byte in field.utf8 {
            if byte == 0x0A || previous == 0x0D { lines += 1 }
            previous = byte
        }
        return previous == 0x0D ? lines + 1 : lines
    }

    private static func countLines(in fields: [String]) -> Int {
        fields.reduce(0) { $0 + countLines(in: $1) } + 1
    }

    /// The index where line `line + 1` (1-based, counted within `text`) starts.
    private static func startOfLine(after line: Int, in text: Substring) -> String.Index? {
        if line <= 0 { return text.startIndex }
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

    /// The 1-based line (within `text`) of a row whose quoted field is still open at the end.
    static func unclosedQuoteLine(in text: Substring, delimiter: Character) -> Int? {
        let quote = UInt8(ascii: "\""), separator = delimiter.asciiValue ?? UInt8(ascii: ",")
        let utf8 = text.utf8
        var line = 1
        var rowStart = 1
        var inQuote = false
        var atFieldStart = true
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            utf8.formIndex(after: &index)
            let next: UInt8? = index < utf8.endIndex ? utf8[index] : nil
            let lineBreak = byte == 0x0A || (byte == 0x0D && next != 0x0A)
            if inQuote {
                if byte == quote {
                    if next == quote { utf8.formIndex(after: &index); continue }  // escaped quote
                    inQuote = false
                } else if lineBreak {
                    line += 1
                }
                continue
            }
            if lineBreak {
                line += 1
                rowStart = line
                atFieldStart = true
            } else if byte == separator {
                atFieldStart = true
            } else if byte == quote, atFieldStart {
                inQuote = true
                atFieldStart = false
            } else if byte != 0x20, byte != 0x09, byte != 0x0D {
                atFieldStart = false
            }
        }
        return inQuote ? rowStart : nil
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
        builder.beginRecord(source: origin, line: line)
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
