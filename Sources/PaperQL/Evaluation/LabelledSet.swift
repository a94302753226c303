// Labelled papers for measuring extractors: the expected values of some fields per paper, and
// the precision, recall and F1 an engine's extractors reach on them.
//
// A labels file is JSON lines. Each line either carries its paper (`title`, `abstract`, and the
// labels under `labels`), or points at a paper of a corpus by `id` or by `line` (for a listing
// whose text may not be copied), with the labels as top-level keys.

import Foundation

/// Expected field values for a set of papers.
public struct LabelledSet: Sendable {
    /// One labelled paper.
    public struct Entry: Sendable {
        /// How the entry finds its paper.
        public enum Reference: Sendable, Hashable {
            case embedded(index: Int)
            case id(String)
            case line(Int)
        }
        public let reference: Reference
        /// Expected values by field name (`topics` in a file is the `topic` field).
        public let labels: [String: [Value]]
    }

    public let entries: [Entry]
    /// Papers carried by the file itself, when entries embed them.
    public let embeddedCorpus: Corpus?

    /// Label keys and the fields they measure.
    static let fieldNames = ["params": "params", "topics": "topic", "topic": "topic", "code": "code", "bits": "bits",
                             "speedup": "speedup", "models": "models", "datasets": "datasets"]

    public init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        var entries: [Entry] = []
        var documents: [Document] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw LabelError(message: "\(url.path):\(number + 1): not a JSON object")
            }
            var labelSource = object
            let reference: Entry.Reference
            if let title = object["title"] as? String {
                var fields: [String: Value] = [:]
                if let id = object["id"] as? String { fields["id"] = .string(id) }
                documents.append(Document(id: object["id"] as? String, title: title, abstract: object["abstract"] as? String ?? "", fields: fields))
                reference = .embedded(index: documents.count - 1)
                labelSource = object["labels"] as? [String: Any] ?? [:]
            } else if let id = object["id"] as? String {
                reference = .id(id)
            } else if let line = object["line"] as? Int {
                reference = .line(line)
            } else {
                throw LabelError(message: "\(url.path):\(number + 1): an entry needs a title, an id or a line")
            }
            var labels: [String: [Value]] = [:]
            for (key, raw) in labelSource {
                guard let field = LabelledSet.fieldNames[key], let items = raw as? [Any] else { continue }
                labels[field] = items.compactMap { item in
                    if let n = item as? NSNumber { return .number(n.doubleValue) }
                    if let s = item as? String { return .string(s) }
                    return nil
                }
            }
            entries.append(Entry(reference: reference, labels: labels))
        }
        self.entries = entries
        embeddedCorpus = documents.isEmpty ? nil : Corpus(documents: documents)
    }

    /// Precision, recall and F1 per labelled field, for the extractors of `engine`. The engine's
    /// corpus must be ``embeddedCorpus`` for embedded entries, or hold the referenced papers.
    public func score(_ engine: Engine) -> [FieldScore] {
        let corpus = engine.corpus
        var byLine: [Int: Int] = [:]
        var byID: [String: Int] = [:]
        for row in 0..<corpus.count {
            if let line = engine.value(paper: row, field: "line").number { byLine[Int(line)] = row }
            if let id = engine.value(paper: row, field: "id").string { byID[id] = row }
        }
        var fields = Set<String>()
        for entry in entries { fields.formUnion(entry.labels.keys) }
        var scores: [FieldScore] = []
        for field in fields.sorted() where engine.schema.field(named: field) != nil {
            var score = FieldScore(field: field)
            for entry in entries {
                guard let expected = entry.labels[field] else { continue }
                let row: Int?
                switch entry.reference {
                case .embedded(let index): row = index
                case .id(let id): row = byID[id]
                case .line(let line): row = byLine[line]
                }
                guard let row else {
                    score.missingPapers += 1
                    continue
                }
                let found = engine.value(paper: row, field: field).elements
                score.add(expected: expected, found: found, paper: engine.value(paper: row, field: "id").string ?? "\(row)")
            }
            scores.append(score)
        }
        return scores
    }
}

/// How well one field's extracted values match the labels.
public struct FieldScore: Sendable {
    public let field: String
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0
    /// Labelled papers that were not found in the corpus.
    public var missingPapers = 0
    /// Per paper: values found but not expected, and expected but not found.
    public var mistakes: [(paper: String, extra: [Value], missed: [Value])] = []

    init(field: String) { self.field = field }

    public var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
    public var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    mutating func add(expected: [Value], found: [Value], paper: String) {
        var unmatched = expected
        var extra: [Value] = []
        for value in found {
            if let i = unmatched.firstIndex(where: { FieldScore.same($0, value) }) {
                unmatched.remove(at: i)
                truePositives += 1
            } else {
                extra.append(value)
                falsePositives += 1
            }
        }
        falseNegatives += unmatched.count
        if !extra.isEmpty || !unmatched.isEmpty { mistakes.append((paper, extra, unmatched)) }
    }

    /// Numbers equal to a relative 1e-6; strings equal ignoring case and a trailing slash.
    static func same(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return abs(x - y) <= 1e-6 * max(abs(x), abs(y), 1)
        case (.string(let x), .string(let y)):
            func norm(_ s: String) -> String { var t = s.lowercased(); while t.hasSuffix("/") { t.removeLast() }; return t }
            return norm(x) == norm(y)
        default: return a == b
        }
    }
}

struct LabelError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
