// The fields a query may name: the corpus's own fields followed by those its extractors declare.

/// Every field a query can use, with its type, description and provider.
public struct Schema: Sendable {
    /// In display order: built-in fields, document fields, then extracted fields.
    public let fields: [FieldDescriptor]
    private let byName: [String: Int]

    init(fields: [FieldDescriptor]) {
        self.fields = fields
        var byName: [String: Int] = [:]
        for (i, f) in fields.enumerated() where byName[f.name] == nil { byName[f.name] = i }
        self.byName = byName
    }

    /// The field called `name` (case-insensitive).
    public func field(named name: String) -> FieldDescriptor? {
        byName[name].map { fields[$0] } ?? byName[name.lowercased()].map { fields[$0] }
    }

    /// All field names, in display order.
    public var names: [String] { fields.map(\.name) }
}
