// What the compiler and evaluator need from the engine: columns (extracted on first use),
// indexes (built on first use), and whether indexes may be used at all.

struct ExecutionContext: Sendable {
    let rowCount: Int
    /// The column of a field; extracted fields are materialised by the first call.
    let column: @Sendable (String) -> Column
    let sortedIndex: @Sendable (String) -> SortedNumberIndex
    let postingIndex: @Sendable (String) -> PostingIndex
    let presence: @Sendable (String) -> RowSet
    /// False to answer every predicate by scanning (for tests that compare both ways).
    let useIndexes: Bool

    /// The string columns behind a string field: two for `text` (title and abstract).
    func stringColumns(_ field: String) -> [StringColumn] {
        let names = field == "text" ? ["title", "abstract"] : [field]
        return names.compactMap {
            if case .strings(let c) = column($0).data { return c }
            return nil
        }
    }

    func numberColumn(_ field: String) -> NumberColumn? {
        if case .numbers(let c) = column(field).data { return c }
        return nil
    }
}

/// A condition's value for one paper under three-valued logic.
enum Truth3: UInt8 {
    case no = 0, yes = 1, unknown = 2

    init(_ b: Bool) { self = b ? .yes : .no }
}

/// Counters a query reports about its own execution, so tests can check that an index was
/// used and `.explain` can show where the work went.
public struct QueryStatistics: Sendable, Hashable {
    /// Predicates answered from an index.
    public internal(set) var indexedPredicates = 0
    /// Predicates answered by scanning rows.
    public internal(set) var scannedPredicates = 0
    /// Rows examined by scans, summed over predicates.
    public internal(set) var rowsScanned = 0
    /// Wall-clock time of the run, in seconds.
    public internal(set) var seconds: Double = 0
}
