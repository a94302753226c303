// Writes results in the format the user chose. One statement's result is written as itself; a
// script's results follow each other (tables and CSV separated by a blank line, JSON as one
// array of the statements' results, JSON lines as one line per row).

import ArgumentParser
import PaperQL

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, jsonl, csv, markdown

    /// The format a file name implies (`.save results.csv`).
    init?(fileName: String) {
        let ext = fileName.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonl
        case "csv": self = .csv
        case "md", "markdown": self = .markdown
        case "txt", "table": self = .table
        default: return nil
        }
    }
}

struct ResultPrinter {
    let format: OutputFormat
    let engine: Engine
    /// Include extracted values' evidence in JSON output.
    var evidence = false
    var width: Int?
    var style = Style(enabled: false)

    /// The text of one result.
    func render(_ result: QueryResult) -> String {
        switch format {
        case .table: return TableRenderer(width: width, style: style).render(result)
        case .json: return json(result) + "\n"
        case .jsonl: return jsonLines(result)
        case .csv: return csv(result)
        case .markdown: return markdown(result)
        }
    }

    /// The text of a script's results, in order.
    func render(script results: [QueryResult]) -> String {
        switch format {
        case .json: return "[" + results.map(json).joined(separator: ",\n") + "]\n"
        case .jsonl: return results.map(jsonLines).joined()
        default: return results.map(render).joined(separator: "\n")
        }
    }

    // MARK: - JSON

    func json(_ result: QueryResult) -> String {
        if let binding = result.binding {
            return JSONWriter.object([("let", JSONWriter.string(binding)), ("count", String(result.rows.count))])
        }
        if result.kind == .count { return JSONWriter.object([("count", String(result.count ?? 0))]) }
        return "[" + rowObjects(result).joined(separator: ",\n") + "]"
    }

    func jsonLines(_ result: QueryResult) -> String {
        if result.binding != nil || result.kind == .count { return json(result) + "\n" }
        return rowObjects(result).map { $0 + "\n" }.joined()
    }

    private func rowObjects(_ result: QueryResult) -> [String] {
        result.rows.enumerated().map { r, row in
            var pairs = zip(result.columns, row).map { ($0.name, JSONWriter.value($1)) }
            if evidence, result.kind == .papers, r < result.paperIndexes.count {
                let paper = result.paperIndexes[r]
                var fields: [(String, String)] = []
                for column in result.columns {
                    guard let field = column.field, engine.schema.field(named: field).map({ if case .extractor = $0.provider { return true }; return false }) == true else { continue }
                    let items = engine.evidence(paper: paper, field: field).map { item -> String in
                        var entry: [(String, String)] = [("value", JSONWriter.value(item.value))]
                        if let e = item.evidence {
                            let text = engine.value(paper: paper, field: e.field).string ?? ""
                            entry += [("field", JSONWriter.string(e.field)), ("start", String(e.utf8Range.lowerBound)),
                                      ("end", String(e.utf8Range.upperBound)), ("text", JSONWriter.string(String(e.excerpt(in: text))))]
                        }
                        return JSONWriter.object(entry)
                    }
                    fields.append((field, "[" + items.joined(separator: ",") + "]"))
                }
                pairs.append(("evidence", JSONWriter.object(fields)))
            }
            return JSONWriter.object(pairs)
        }
    }

    // MARK: - CSV and Markdown

    func csv(_ result: QueryResult) -> String {
        if let binding = result.binding { return "let,count\n\(csvField(binding)),\(result.rows.count)\n" }
        var out = result.columns.map { csvField($0.name) }.joined(separator: ",") + "\n"
        for row in result.rows {
            out += row.map { csvField(CellText.plain($0)) }.joined(separator: ",") + "\n"
        }
        return out
    }

    private func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    func markdown(_ result: QueryResult) -> String {
        if let binding = result.binding { return "`\(binding)`: \(result.rows.count) papers\n" }
        func cell(_ s: String) -> String {
            CellText.singleLine(s).replacingOccurrences(of: "|", with: "\\|")
        }
        var out = "| " + result.columns.map { cell($0.name) }.joined(separator: " | ") + " |\n"
        out += "|" + result.columns.map { $0.type.scalar == .number ? " ---: |" : " --- |" }.joined() + "\n"
        for row in result.rows {
            out += "| " + zip(row, result.columns).map { cell(CellText.human($0, style: $1.numberStyle)) }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}

import Foundation
