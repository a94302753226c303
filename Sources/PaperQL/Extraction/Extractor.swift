// The extractor plugin API. An extractor declares the fields it provides and fills them for one
// paper at a time; the engine runs it over the corpus in parallel chunks when a query first
// needs one of its fields, and keeps the result as columns with evidence.

/// Derives fields from a paper's text.
///
/// ```swift
/// struct WordCount: Extractor {
///     let name = "wordcount"
///     let version = "1.0"
///     let fields = [FieldDescriptor(name: "words", type: .number, summary: "Words in the abstract")]
///     func extract(from paper: ExtractionInput, into output: inout ExtractionOutput) {
///         let words = paper.abstract.string.split(whereSeparator: \.isWhitespace).count
///         output.add(.number(Double(words)), to: "words")
///     }
/// }
/// ```
///
/// `extract` is called concurrently for different papers, so it must not mutate shared state.
public protocol Extractor: Sendable {
    /// A short lowercase name, shown as the provider of its fields.
    var name: String { get }
    /// Changes whenever the extractor's output may change; cached results are keyed by it.
    var version: String { get }
    /// The fields this extractor provides. Their `provider` is filled in by the engine.
    var fields: [FieldDescriptor] { get }
    /// The fields it reads. Text fields are read as text; fields of other extractors make those
    /// run first. Defaults to `title` and `abstract`.
    var inputs: [String] { get }

    /// Adds the values of one paper to `output`.
    func extract(from paper: ExtractionInput, into output: inout ExtractionOutput)

    /// The text a paper needs for `field` to hold `value` (compared ignoring case), or `nil` when
    /// the extractor makes no such promise (the default). Lets a one-shot query skip, while
    /// loading, the abstracts of papers that cannot match.
    func requirement(for field: String, equalTo value: String) -> TextRequirement?
}

extension Extractor {
    public var inputs: [String] { ["title", "abstract"] }
}

/// A view of one field's text during extraction. Valid only inside
/// ``Extractor/extract(from:into:)``; copy what you keep.
public struct TextView {
    /// The field this text belongs to; evidence points into it.
    public let field: String
    /// The UTF-8 bytes of the text.
    public let utf8: UnsafeBufferPointer<UInt8>

    public init(field: String, utf8: UnsafeBufferPointer<UInt8>) {
        self.field = field
        self.utf8 = utf8
    }

    /// The text as a `String` (a copy).
    public var string: String { String(decoding: utf8, as: UTF8.self) }

    public var isEmpty: Bool { utf8.isEmpty }

    /// Evidence for `range` of this text.
    public func evidence(_ range: Range<Int>) -> Evidence { Evidence(field: field, utf8Range: range) }

    /// Evidence for a range of `string`.
    public func evidence(_ range: Range<String.Index>, in string: String) -> Evidence {
        let start = string.utf8.distance(from: string.startIndex, to: range.lowerBound)
        let end = string.utf8.distance(from: string.startIndex, to: range.upperBound)
        return Evidence(field: field, utf8Range: start..<end)
    }
}

/// What an extractor sees of one paper.
public struct ExtractionInput {
    /// The paper's position in the corpus.
    public internal(set) var row: Int
    /// The title (empty when the extractor does not read it).
    public internal(set) var title: TextView
    /// The abstract (empty when the extractor does not read it).
    public internal(set) var abstract: TextView
    var others: [TextView]
    let lookup: (String, Int) -> [Value]

    init(row: Int, title: TextView, abstract: TextView, others: [TextView], lookup: @escaping (String, Int) -> [Value]) {
        self.row = row
        self.title = title
        self.abstract = abstract
        self.others = others
        self.lookup = lookup
    }

    /// The text of a field the extractor declared as input (empty when the paper has none).
    public func text(_ field: String) -> TextView {
        if field == "title" { return title }
        if field == "abstract" { return abstract }
        return others.first { $0.field == field } ?? TextView(field: field, utf8: UnsafeBufferPointer(start: nil, count: 0))
    }

    /// Calls `body` with the title, then the abstract, skipping empty ones.
    @inline(__always)
    public func forEachText(_ body: (TextView) -> Void) {
        if !title.isEmpty { body(title) }
        if !abstract.isEmpty { body(abstract) }
    }

    /// The values of a non-text input field, such as another extractor's output.
    public func values(of field: String) -> [Value] { lookup(field, row) }
}

/// Collects the values an extractor finds, field by field, with their evidence.
public struct ExtractionOutput {
    let fieldNames: [String]
    let isNumeric: [Bool]
    var numbers: [[Double]]
    var strings: [[String]]
    var evidence: [[Evidence?]]

    init(fields: [FieldDescriptor]) {
        fieldNames = fields.map(\.name)
        isNumeric = fields.map { $0.type.scalar != .string }
        numbers = Array(repeating: [], count: fields.count)
        strings = Array(repeating: [], count: fields.count)
        evidence = Array(repeating: [], count: fields.count)
    }

    /// Adds `value` to the field named `field`. A value of the wrong kind for the field (a
    /// string for a number field) is ignored. Duplicates within one paper are kept once.
    public mutating func add(_ value: Value, to field: String, evidence: Evidence? = nil) {
        guard let index = fieldNames.firstIndex(of: field) else { return }
        add(value, toFieldAt: index, evidence: evidence)
    }

    /// Adds `value` to the field at `index` in the extractor's ``Extractor/fields``.
    public mutating func add(_ value: Value, toFieldAt index: Int, evidence: Evidence? = nil) {
        guard fieldNames.indices.contains(index) else { return }
        switch value {
        case .string where isNumeric[index], .number where !isNumeric[index], .date where !isNumeric[index],
             .bool where !isNumeric[index]:
            return
        case .number(let n):
            numbers[index].append(n)
        case .string(let s):
            strings[index].append(s)
        case .date(let d):
            numbers[index].append(Double(d.daysSinceEpoch))
        case .bool(let b):
            numbers[index].append(b ? 1 : 0)
        case .list(let items):
            for item in items { add(item, toFieldAt: index, evidence: evidence) }
            return
        case .missing:
            return
        }
        self.evidence[index].append(evidence)
    }

    /// The values added to the field at `index`, typed as the field is.
    func values(at index: Int) -> [Value] {
        isNumeric[index] ? numbers[index].map(Value.number) : strings[index].map(Value.string)
    }

    mutating func reset() {
        for i in fieldNames.indices {
            numbers[i].removeAll(keepingCapacity: true)
            strings[i].removeAll(keepingCapacity: true)
            evidence[i].removeAll(keepingCapacity: true)
        }
    }
}
