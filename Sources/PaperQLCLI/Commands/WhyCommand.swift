// `paperql why ID FIELD`: each value of a field for one paper, with the sentence it came from
// and the exact span highlighted, so a user can see why a paper matches.

import ArgumentParser
import PaperQL

#if canImport(Glibc)
import Glibc
#endif

struct WhyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "why",
        abstract: "Show where each value of a field came from, for one paper.",
        discussion: "Example: paperql why 2402.17764 params")

    @OptionGroup var input: CorpusOptions

    @Argument(help: "The paper's id (see the id column of any result).")
    var id: String

    @Argument(help: "The field, e.g. params or topic.")
    var field: String

    func run() throws {
        let engine = try input.makeEngine()
        let style = Style(enabled: Terminal.wantsColor(STDOUT_FILENO))
        switch WhyReport.render(engine: engine, id: id, field: field, style: style) {
        case .success(let text):
            Output.write(text)
            Output.flush()
        case .failure(let message):
            Output.error("paperql: \(message)")
            throw ExitStatus.queryError
        }
    }
}

/// The text of a `why` answer, shared by the command and the REPL's `.why`.
enum WhyReport {
    enum Outcome {
        case success(String)
        case failure(String)
    }

    static func render(engine: Engine, id: String, field: String, style: Style) -> Outcome {
        guard let paper = engine.corpus.index(ofID: id) else {
            return .failure("no paper has id `\(id)`")
        }
        guard let descriptor = engine.schema.field(named: field) else {
            let near = Suggestions.closest(to: field, among: engine.schema.names)
            return .failure("unknown field `\(field)`" + (near.map { "; did you mean `\($0)`?" } ?? ""))
        }
        let title = engine.value(paper: paper, field: "title").string ?? ""
        var out = style.bold(title) + style.dim("  [\(id)]") + "\n"
        let values = engine.evidence(paper: paper, field: descriptor.name)
        if values.isEmpty {
            out += "  \(descriptor.name): no value (\(descriptor.provider) found nothing in this paper)\n"
            return .success(out)
        }
        for item in values {
            let shown = CellText.human(item.value, style: descriptor.numberStyle)
            guard let evidence = item.evidence else {
                out += "  \(descriptor.name) = \(style.bold(shown))  \(style.dim("(from the document)"))\n"
                continue
            }
            let text = engine.value(paper: paper, field: evidence.field).string ?? ""
            out += "  \(descriptor.name) = \(style.bold(shown))  \(style.dim("(\(evidence.field), bytes \(evidence.utf8Range.lowerBound)-\(evidence.utf8Range.upperBound))"))\n"
            out += "    " + sentence(around: evidence.utf8Range, in: text, style: style) + "\n"
        }
        return .success(out)
    }

    /// The sentence holding `range`, with the span highlighted (or bracketed without colour).
    static func sentence(around range: Range<Int>, in text: String, style: Style) -> String {
        let bytes = Array(text.utf8)
        let lo = min(range.lowerBound, bytes.count), hi = min(max(range.upperBound, lo), bytes.count)
        var start = lo
        while start > 0 {
            if start >= 2, bytes[start - 1] == 0x20, [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(bytes[start - 2]) { break }
            start -= 1
        }
        var end = hi
        while end < bytes.count {
            if [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(bytes[end]), end + 1 == bytes.count || bytes[end + 1] == 0x20 {
                end += 1
                break
            }
            end += 1
        }
        let before = String(decoding: bytes[start..<lo], as: UTF8.self)
        let span = String(decoding: bytes[lo..<hi], as: UTF8.self)
        let after = String(decoding: bytes[hi..<end], as: UTF8.self)
        let marked = style.enabled ? style.highlight(span) : "[" + span + "]"
        return before + marked + after
    }
}
