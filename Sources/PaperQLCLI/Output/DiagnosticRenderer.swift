// Query errors for people: one line naming the place and the problem, then the source line
// with a caret under the spot, the way compilers do it.
//
//     query:1:14: error: unknown field `parms`; did you mean `params` (extractor params)?
//         papers where parms < 10B
//                      ^~~~~

import PaperQL

struct DiagnosticRenderer {
    let style: Style

    /// `origin` names the text: `query`, a file path, `stdin`.
    func render(_ diagnostic: Diagnostic, source: String, origin: String) -> String {
        let start = diagnostic.range.start
        var message = "\(origin):\(start.line):\(start.column): \(style.red(style.bold("error:"))) \(diagnostic.message)"
        if let suggestion = diagnostic.suggestion { message += "; " + suggestion }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard start.line >= 1, start.line <= lines.count else { return message }
        var line = String(lines[start.line - 1]).replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\r", with: "")
        var lineLength = line.unicodeScalars.count
        var column = min(start.column, lineLength + 1)
        let end = diagnostic.range.end
        var spanEnd = end.line == start.line ? max(end.column, column + 1) : lineLength + 1
        // A very long line is shown as a window around the spot, with … where it was cut.
        let window = 100
        if lineLength > window + 20 {
            let scalars = Array(line.unicodeScalars)
            let from = max(0, min(column - 1 - window / 2, lineLength - window))
            let to = min(lineLength, from + window)
            var shown = String(String.UnicodeScalarView(scalars[from..<to]))
            if from > 0 { shown = "…" + shown }
            if to < lineLength { shown += "…" }
            let shift = from - (from > 0 ? 1 : 0)
            column -= shift
            spanEnd = min(spanEnd - shift, to - shift + 1)
            line = shown
            lineLength = line.unicodeScalars.count
        }
        let caretCount = max(1, min(spanEnd, lineLength + 1) - column)
        let prefix = String(String.UnicodeScalarView(line.unicodeScalars.prefix(column - 1)))
        let indent = String(repeating: " ", count: CellText.width(prefix))
        let caret = "^" + String(repeating: "~", count: caretCount - 1)
        return message + "\n    " + line + "\n    " + indent + style.green(caret)
    }
}
