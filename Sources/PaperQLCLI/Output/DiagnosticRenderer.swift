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
        let line = String(lines[start.line - 1]).replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\r", with: "")
        let lineLength = line.unicodeScalars.count
        let column = min(start.column, lineLength + 1)
        let end = diagnostic.range.end
        let spanEnd = end.line == start.line ? max(end.column, column + 1) : lineLength + 1
        let caretCount = max(1, min(spanEnd, lineLength + 1) - column)
        let prefix = String(String.UnicodeScalarView(line.unicodeScalars.prefix(column - 1)))
        let indent = String(repeating: " ", count: CellText.width(prefix))
        let caret = "^" + String(repeating: "~", count: caretCount - 1)
        return message + "\n    " + line + "\n    " + indent + style.green(caret)
    }
}
