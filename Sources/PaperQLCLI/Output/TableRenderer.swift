// Aligned tables for people: numbers right-aligned with magnitude suffixes, lists compact, long
// text cut to fit the terminal width (the widest text columns give way first), and a footer
// with the count.

import PaperQL

struct TableRenderer {
    /// Terminal width, or nil to never truncate (output to a pipe or file).
    let width: Int?
    let style: Style

    func render(_ result: QueryResult) -> String {
        if let binding = result.binding {
            return style.dim("\(binding): \(countText(result.rows.count, result.kind)) saved") + "\n"
        }
        let headers = result.columns.map(\.name)
        var cells: [[String]] = result.rows.map { row in
            zip(row, result.columns).map { CellText.singleLine(CellText.human($0, style: $1.numberStyle)) }
        }
        let numeric = result.columns.map { $0.type.scalar == .number || $0.type.scalar == .date }
        var widths = headers.map(CellText.width)
        for row in cells { for (i, c) in row.enumerated() { widths[i] = max(widths[i], CellText.width(c)) } }

        if let width {
            // Three characters of border per column (" │ "), minus one at each end.
            let available = width - (3 * widths.count - 1) - 1
            widths = TableRenderer.fit(widths, into: max(available, widths.count * 4), headers: headers, numeric: numeric)
            cells = cells.map { row in row.enumerated().map { CellText.truncate($1, to: widths[$0]) } }
        }

        var out = ""
        let header = headers.enumerated().map { i, h in pad(CellText.truncate(h, to: widths[i]), widths[i], right: numeric[i]) }
        out += TableRenderer.trimmingTrailingSpaces(" " + header.map { style.bold($0) }.joined(separator: style.dim(" │ "))) + "\n"
        out += style.dim(widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: "┼")) + "\n"
        for row in cells {
            let line = row.enumerated().map { i, c -> String in
                let padded = pad(c, widths[i], right: numeric[i])
                return numeric[i] ? style.cyan(padded) : padded
            }
            out += TableRenderer.trimmingTrailingSpaces(" " + line.joined(separator: style.dim(" │ "))) + "\n"
        }
        let footer = footer(result)
        if !footer.isEmpty { out += style.dim(footer) + "\n" }
        return out
    }

    static func trimmingTrailingSpaces(_ s: String) -> String {
        var s = Substring(s)
        while s.hasSuffix(" ") { s.removeLast() }
        return String(s)
    }

    private func footer(_ result: QueryResult) -> String {
        switch result.kind {
        case .count: return ""
        case .groups:
            return result.rows.count == result.totalCount ? "(\(result.totalCount) group\(result.totalCount == 1 ? "" : "s"))"
                : "(\(result.rows.count) of \(result.totalCount) groups)"
        case .papers where result.paperIndexes.isEmpty && !result.rows.isEmpty:
            return "(\(result.rows.count) row\(result.rows.count == 1 ? "" : "s"))"
        case .papers:
            return result.rows.count == result.totalCount ? "(\(countText(result.totalCount, .papers)))"
                : "(\(result.rows.count) of \(countText(result.totalCount, .papers)))"
        }
    }

    private func countText(_ n: Int, _ kind: QueryResult.Kind) -> String {
        "\(n) paper\(n == 1 ? "" : "s")"
    }

    private func pad(_ s: String, _ width: Int, right: Bool) -> String {
        let gap = String(repeating: " ", count: max(0, width - CellText.width(s)))
        return right ? gap + s : s + gap
    }

    /// Shrinks the widest columns until the total fits: text columns give way, short columns
    /// (ids, numbers) keep their width.
    static func fit(_ natural: [Int], into available: Int, headers: [String], numeric: [Bool]) -> [Int] {
        var widths = natural
        var total = widths.reduce(0, +)
        while total > available {
            guard let widest = widths.indices.filter({ !numeric[$0] || widths[$0] > 14 }).max(by: { widths[$0] < widths[$1] }),
                  widths[widest] > max(6, min(CellText.width(headers[widest]), 10)) else { break }
            let second = widths.enumerated().filter { $0.offset != widest }.map(\.element).max() ?? 0
            let cut = min(total - available, max(1, widths[widest] - max(second, 6)))
            widths[widest] -= cut
            total -= cut
        }
        return widths
    }
}
