// Indexes over columns, built on first use and kept by the engine: a sorted copy of a number
// column for range predicates, and posting lists per distinct value for dictionary-encoded
// strings. A predicate answered from an index costs in proportion to its result, not to the
// corpus. Every query gives the same rows with and without indexes; tests check that.

/// Values of a number column in ascending order, each with its row.
struct SortedNumberIndex: Sendable {
    let values: [Double]
    let rows: [Int32]

    init(_ column: NumberColumn) {
        let offsets = column.rows.offsets
        var rowOf = [Int32](repeating: 0, count: column.values.count)
        for row in 0..<(offsets.count - 1) {
            for i in Int(offsets[row])..<Int(offsets[row + 1]) { rowOf[i] = Int32(row) }
        }
        let order = column.values.indices.sorted { column.values[$0] < column.values[$1] || (column.values[$0] == column.values[$1] && $0 < $1) }
        values = order.map { column.values[$0] }
        rows = order.map { rowOf[$0] }
    }

    /// The first position whose value is not below `x` (or above it, when `inclusive` is false).
    func lowerBound(_ x: Double, inclusive: Bool) -> Int {
        var lo = 0, hi = values.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if inclusive ? values[mid] < x : values[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Positions of values in the interval, as a range into `values`/`rows`.
    func positions(low: Double?, lowInclusive: Bool, high: Double?, highInclusive: Bool) -> Range<Int> {
        let start = low.map { lowerBound($0, inclusive: lowInclusive) } ?? 0
        let end = high.map { lowerBound($0, inclusive: !highInclusive) } ?? values.count
        return start..<max(start, end)
    }
}

/// For a dictionary-encoded string column: the rows holding each distinct value.
struct PostingIndex: Sendable {
    /// Indexed by dictionary code; rows ascending, each once.
    let postings: [[Int32]]

    init(_ column: StringColumn) {
        guard case .dictionary(let codes, let dictionary) = column.storage else {
            postings = []
            return
        }
        var postings = [[Int32]](repeating: [], count: dictionary.count)
        let offsets = column.rows.offsets
        for row in 0..<(offsets.count - 1) {
            for i in Int(offsets[row])..<Int(offsets[row + 1]) {
                let code = Int(codes[i])
                if postings[code].last != Int32(row) { postings[code].append(Int32(row)) }
            }
        }
        self.postings = postings
    }
}

/// The indexes the engine keeps for one column.
struct ColumnIndexes: Sendable {
    var sorted: SortedNumberIndex?
    var postings: PostingIndex?
    /// Rows with at least one value.
    var presence: RowSet?
}
