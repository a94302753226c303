// Tab completion that knows the language: what can come next at the cursor, judged from the
// words before it. It does not need the text to parse: a statement being typed is unfinished by
// definition, so the completer reads the last few words the way a person would.

import Foundation
import PaperQL

/// What a completion offers.
struct Completion: Equatable {
    var candidates: [String]
    /// Whether readline adds a space after a single match (not for paths or opened calls).
    var appendSpace = true
}

final class Completer: @unchecked Sendable {
    /// The engine may change (`.load`); names come and go (`let`).
    var engine: Engine
    var letNames: () -> [String]
    static let dotCommands = [".help", ".load", ".fields", ".format", ".timer", ".why", ".explain", ".let", ".save",
                              ".pager", ".functions", ".quit", ".exit"]
    static let clauseWords = ["where", "group", "select", "sort", "limit", "offset"]
    static let operators = ["=", "!=", "<", "<=", ">", ">=", "contains", "matches", "in", "not", "between", "is"]

    init(engine: Engine, letNames: @escaping () -> [String]) {
        self.engine = engine
        self.letNames = letNames
    }

    private var fieldNames: [String] { engine.schema.names }

    /// Candidates for `word`, given everything typed before it.
    func complete(before: String, word: String) -> Completion {
        let line = before.components(separatedBy: "\n").last ?? before
        if line.trimmingCharacters(in: .whitespaces).isEmpty, word.hasPrefix(".") {
            return Completion(candidates: filter(Completer.dotCommands, word))
        }
        if line.hasPrefix(".") { return dotArguments(line: line, word: word) }
        return Completion(candidates: filter(queryCandidates(before: before, word: word), word))
    }

    private func filter(_ candidates: [String], _ word: String) -> [String] {
        let lower = word.lowercased()
        var seen = Set<String>()
        return candidates.filter { $0.lowercased().hasPrefix(lower) && seen.insert($0).inserted }
    }

    private func dotArguments(line: String, word: String) -> Completion {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let command = parts.first ?? ""
        let argumentIndex = parts.count - (line.hasSuffix(" ") ? 0 : 1)
        switch command {
        case ".load", ".save":
            return Completion(candidates: Completer.paths(matching: word), appendSpace: false)
        case ".format":
            return Completion(candidates: filter(OutputFormat.allCases.map(\.rawValue), word))
        case ".timer", ".pager":
            return Completion(candidates: filter(["on", "off"], word))
        case ".fields":
            return Completion(candidates: filter(fieldNames, word))
        case ".why":
            return Completion(candidates: argumentIndex >= 2 ? filter(fieldNames, word) : [])
        case ".explain":
            let query = line.dropFirst(".explain".count)
            return Completion(candidates: filter(queryCandidates(before: String(query), word: word), word))
        default:
            return Completion(candidates: [])
        }
    }

    /// Files and folders whose path starts with `prefix` (folders end in `/`).
    static func paths(matching prefix: String) -> [String] {
        let expanded = (prefix as NSString).expandingTildeInPath
        let directory = prefix.hasSuffix("/") ? expanded : (expanded as NSString).deletingLastPathComponent
        let stem = prefix.hasSuffix("/") ? "" : (expanded as NSString).lastPathComponent
        let listing = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        let typedDirectory = prefix.hasSuffix("/") ? prefix : String(prefix.dropLast((prefix as NSString).lastPathComponent.count))
        return listing.filter { $0.hasPrefix(stem) && !$0.hasPrefix(".") || ($0.hasPrefix(stem) && stem.hasPrefix(".")) }.sorted().map { name in
            var isDirectory: ObjCBool = false
            let full = ((directory.isEmpty ? "." : directory) as NSString).appendingPathComponent(name)
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
            return typedDirectory + name + (isDirectory.boolValue ? "/" : "")
        }
    }

    // MARK: - Queries

    /// Words of the current statement (after the last `;`), lowercased, with strings and
    /// symbols as tokens.
    static func words(_ text: String) -> [String] {
        let statement = text.components(separatedBy: ";").last ?? text
        var words: [String] = []
        var current = ""
        var inQuote: Character?
        func flush() {
            if !current.isEmpty { words.append(current.lowercased()) }
            current = ""
        }
        for ch in statement {
            if let q = inQuote {
                current.append(ch)
                if ch == q { inQuote = nil; flush() }
                continue
            }
            if ch == "\"" || ch == "'" { flush(); current.append(ch); inQuote = ch; continue }
            if ch.isWhitespace { flush(); continue }
            if "(),".contains(ch) { flush(); words.append(String(ch)); continue }
            if "=<>!".contains(ch) {
                if let last = current.last, "=<>!".contains(last) { current.append(ch) } else { flush(); current.append(ch) }
                continue
            }
            if let last = current.last, "=<>!".contains(last) { flush() }
            current.append(ch)
        }
        if inQuote != nil { words.append(current.lowercased() + "\u{0}") } else { flush() }  // \0 marks an open quote
        return words
    }

    private func queryCandidates(before: String, word: String) -> [String] {
        let words = Completer.words(before)
        let names = letNames()
        let functions = engine.functionList.map { $0.name + "(" }
        guard let last = words.last else { return ["papers", "count", "let"] + names }
        // Inside an open quote: values of the field being compared.
        if last.hasSuffix("\u{0}") || (word.hasPrefix("\"")) {
            return valueCandidates(words: Array(words.dropLast(last.hasSuffix("\u{0}") ? 1 : 0)), quoted: true)
        }
        let clause = currentClause(words)
        switch last {
        case "count": return ["papers"] + names
        case "let": return []
        case "where", "and", "or", "(": return fieldNames + ["not", "has"] + functions
        case "not":
            if words.dropLast().last == "is" { return ["missing"] }
            return fieldNames + ["has", "in"]
        case "has", "by": return fieldNames
        case "is": return ["missing", "not"]
        case "group", "sort": return ["by"]
        case "select", ",":
            if clause == "select" || clause == "sort" { return fieldNames + functions + (clause == "select" ? ["*"] : []) }
            return valueCandidates(words: words, quoted: false)
        case "papers": return Completer.clauseWords
        case "=", "!=", "<>":
            return valueCandidates(words: words, quoted: false)
        case "<", "<=", ">", ">=", "contains", "matches", "between", "in", "limit", "offset":
            return []
        case "missing", ")", "asc", "desc":
            return clause == "sort" ? ["limit"] : ["and", "or"] + Completer.clauseWords.filter { $0 != "where" }
        default:
            break
        }
        if names.map({ $0.lowercased() }).contains(last), words.count == 1 || words.dropLast().last == "count" {
            return Completer.clauseWords
        }
        if fieldNames.contains(last) {
            switch clause {
            case "where": return Completer.operators
            case "sort": return ["asc", "desc", "limit"]
            case "group": return ["select", "sort", "limit"]
            case "select": return ["as", "sort", "limit"]
            default: return Completer.clauseWords
            }
        }
        // After a value or a finished predicate.
        if clause == "where" { return ["and", "or"] + Completer.clauseWords.filter { $0 != "where" } }
        return Completer.clauseWords + fieldNames
    }

    /// The clause the cursor is in: the last clause keyword seen.
    private func currentClause(_ words: [String]) -> String? {
        words.last { ["where", "group", "select", "sort", "limit", "offset"].contains($0) }
    }

    /// Values of the field compared just before: `topic = "`, `venue in ("a", `.
    private func valueCandidates(words: [String], quoted: Bool) -> [String] {
        // Find the field: the word before the operator (skipping an `in (` list).
        var i = words.count - 1
        while i >= 0, ["=", "!=", "<>", ",", "(", "in", "not"].contains(words[i]) || words[i].hasPrefix("\"") || words[i].hasPrefix("'") { i -= 1 }
        guard i >= 0, let field = engine.schema.field(named: words[i]), field.type.scalar == .string else { return [] }
        let values = field.vocabulary ?? engine.distinctValues(of: field.name, limit: 200)
        guard field.vocabulary != nil || values.count < 200 else { return [] }
        return values.map { quoted ? $0 : "\"" + $0 + "\"" }
    }
}
