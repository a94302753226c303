// A set of row numbers as a bitmap: one bit per paper. Filters produce and combine these; at a
// million papers one set is 125 KB and `and`/`or` over two of them take microseconds, so the
// evaluator can afford one per predicate.

struct RowSet: Sendable, Equatable {
    private(set) var words: [UInt64]
    /// The number of rows the set ranges over (not the number of members).
    let universe: Int

    init(universe: Int, full: Bool = false) {
        self.universe = universe
        let count = (universe + 63) >> 6
        words = [UInt64](repeating: full ? ~0 : 0, count: count)
        if full { clearTail() }
    }

    init<S: Sequence>(universe: Int, rows: S) where S.Element: BinaryInteger {
        self.init(universe: universe)
        for row in rows { insert(Int(row)) }
    }

    private mutating func clearTail() {
        let extra = words.count * 64 - universe
        if extra > 0, !words.isEmpty { words[words.count - 1] &= ~0 >> UInt64(extra) }
    }

    @inline(__always)
    func contains(_ row: Int) -> Bool { words[row >> 6] & (1 << UInt64(row & 63)) != 0 }

    @inline(__always)
    mutating func insert(_ row: Int) { words[row >> 6] |= 1 << UInt64(row & 63) }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The lowest row of the universe not in the set.
    func firstAbsent() -> Int? {
        for (w, word) in words.enumerated() where word != ~0 {
            let row = w * 64 + (~word).trailingZeroBitCount
            return row < universe ? row : nil
        }
        return nil
    }
    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    func intersection(_ other: RowSet) -> RowSet { combine(other) { $0 & $1 } }
    func union(_ other: RowSet) -> RowSet { combine(other) { $0 | $1 } }
    func subtracting(_ other: RowSet) -> RowSet { combine(other) { $0 & ~$1 } }

    mutating func formIntersection(_ other: RowSet) { formCombine(other) { $0 & $1 } }
    mutating func formUnion(_ other: RowSet) { formCombine(other) { $0 | $1 } }
    mutating func subtract(_ other: RowSet) { formCombine(other) { $0 & ~$1 } }

    @inline(__always)
    private func combine(_ other: RowSet, _ op: (UInt64, UInt64) -> UInt64) -> RowSet {
        var result = self
        result.formCombine(other, op)
        return result
    }

    @inline(__always)
    private mutating func formCombine(_ other: RowSet, _ op: (UInt64, UInt64) -> UInt64) {
        precondition(universe == other.universe)
        words.withUnsafeMutableBufferPointer { mine in
            other.words.withUnsafeBufferPointer { theirs in
                for i in 0..<mine.count { mine[i] = op(mine[i], theirs[i]) }
            }
        }
    }

    /// Calls `body` with each member, in increasing order.
    @inline(__always)
    func forEach(_ body: (Int) throws -> Void) rethrows {
        try words.withUnsafeBufferPointer { words in
            for i in 0..<words.count {
                var w = words[i]
                while w != 0 {
                    let bit = w.trailingZeroBitCount
                    try body(i << 6 | bit)
                    w &= w - 1
                }
            }
        }
    }

    /// The members, in increasing order.
    var rows: [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(count)
        forEach { result.append(Int32($0)) }
        return result
    }
}

/// The outcome of a condition over a set of rows under three-valued logic: rows where it is
/// true, rows where it is false, and (implicitly) rows where it is unknown. Both sets are exact
/// within the candidate rows the condition was evaluated on and empty outside them.
struct Truth: Sendable {
    var isTrue: RowSet
    var isFalse: RowSet
}
