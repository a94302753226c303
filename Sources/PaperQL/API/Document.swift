// A paper as a caller supplies it: a bag of named values. The corpus stores papers column-wise;
// `Document` is the row-shaped form used to build a corpus in code and to read one paper back.

/// One paper: its fields by name.
public struct Document: Sendable, Hashable {
    /// Field values by name. `title` and `abstract` are strings; other names become document
    /// fields typed by their values.
    public var fields: [String: Value]

    public init(fields: [String: Value]) {
        self.fields = fields
    }

    /// A paper with the usual fields. Without an `id`, one is derived from the title.
    public init(id: String? = nil, title: String, abstract: String, fields: [String: Value] = [:]) {
        var all = fields
        all["title"] = .string(title)
        all["abstract"] = .string(abstract)
        if let id { all["id"] = .string(id) }
        self.fields = all
    }

    public subscript(field: String) -> Value {
        get { fields[field] ?? .missing }
        set { fields[field] = newValue }
    }

    public var id: String? { fields["id"]?.string }
    public var title: String { fields["title"]?.string ?? "" }
    public var abstract: String { fields["abstract"]?.string ?? "" }
}
