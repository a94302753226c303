// The result of running a query: typed columns and rows, ready for any renderer.

/// A column of a result.
public struct ResultColumn: Sendable, Hashable {
    public let name: String
    public let type: FieldType
    /// How a table should render the column's numbers.
    public let numberStyle: NumberStyle
    /// The field the column shows, when it shows one unchanged (so evidence can be looked up).
    public let field: String?

    public init(name: String, type: FieldType, numberStyle: NumberStyle = .plain, field: String? = nil) {
        self.name = name
        self.type = type
        self.numberStyle = numberStyle
        self.field = field
    }
}

/// What a statement produced.
public struct QueryResult: Sendable {
    /// The shape of the result.
    public enum Kind: Sendable, Hashable {
        /// One row per paper.
        case papers
        /// One row with one `count` column: `count papers where …`.
        case count
        /// One row per value of the `group by` field.
        case groups
    }

    public let kind: Kind
    public let columns: [ResultColumn]
    public let rows: ResultRows
    /// For paper results, each row's position in the corpus (for evidence and `why`).
    public let paperIndexes: [Int]
    /// The name the result was bound to by `let`, if any.
    public let binding: String?
    /// Papers matching before `limit` and `offset` (for paper results), or groups.
    public let totalCount: Int
    public let statistics: QueryStatistics

    /// A result built by the caller, for example a listing rendered with the same printers.
    public init(kind: Kind = .papers, columns: [ResultColumn], rows: [[Value]]) {
        self.init(kind: kind, columns: columns, rows: ResultRows(rows), paperIndexes: [], binding: nil, totalCount: rows.count,
                  statistics: QueryStatistics())
    }

    init(kind: Kind, columns: [ResultColumn], rows: ResultRows, paperIndexes: [Int], binding: String?, totalCount: Int,
         statistics: QueryStatistics) {
        self.kind = kind
        self.columns = columns
        self.rows = rows
        self.paperIndexes = paperIndexes
        self.binding = binding
        self.totalCount = totalCount
        self.statistics = statistics
    }

    /// The number a `count` query yielded.
    public var count: Int? {
        guard kind == .count, let n = rows.first?.first?.number else { return nil }
        return Int(n)
    }

    /// The values of the column called `name`.
    public func column(_ name: String) -> [Value]? {
        guard let i = columns.firstIndex(where: { $0.name == name }) else { return nil }
        return rows.map { $0[i] }
    }
}
