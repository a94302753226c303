// What the schema knows about one field: enough to type-check a query, suggest a name, complete
// a value in the REPL and tell a user where the field comes from.

/// Where a field's values come from.
public enum FieldProvider: Sendable, Hashable, CustomStringConvertible {
    /// Part of every corpus (`id`, `title`, `abstract`, `text`, `source`, `line`).
    case builtin
    /// Read from the input files by an importer.
    case document
    /// Derived by an extractor, named with its version.
    case extractor(name: String, version: String)

    public var description: String {
        switch self {
        case .builtin: return "builtin"
        case .document: return "document"
        case .extractor(let name, _): return "extractor \(name)"
        }
    }
}

/// A field of the schema.
public struct FieldDescriptor: Sendable, Hashable {
    /// The name used in queries; lowercase letters, digits and underscores.
    public var name: String
    public var type: FieldType
    /// One line, shown by `paperql fields` and the REPL's `.fields`.
    public var summary: String
    public var provider: FieldProvider
    /// How tables render the field's numbers.
    public var numberStyle: NumberStyle
    /// For string fields with a fixed vocabulary (the topic taxonomy): every value the field can
    /// hold. A query comparing the field with another string is an error with a suggestion.
    public var vocabulary: [String]?
    /// Other spellings accepted in queries, mapped to the canonical value (`"lora": "peft"`).
    public var aliases: [String: String]

    public init(
        name: String, type: FieldType, summary: String, provider: FieldProvider = .document,
        numberStyle: NumberStyle = .plain, vocabulary: [String]? = nil, aliases: [String: String] = [:]
    ) {
        self.name = name
        self.type = type
        self.summary = summary
        self.provider = provider
        self.numberStyle = numberStyle
        self.vocabulary = vocabulary
        self.aliases = aliases
    }
}
