// The rows of a result. A paper result keeps the papers' positions and reads each row's values
// from the columns when the row is read, so a query that matches a hundred thousand papers costs
// nothing until someone looks at them (a table shows a screenful, `count` none at all).

/// The rows of a ``QueryResult``: a random-access collection of rows, each an array of values
/// in column order.
public struct ResultRows: RandomAccessCollection, Sendable, Equatable, CustomStringConvertible {
    enum Storage: Sendable {
        case values([[Value]])
        /// Row i is `readers.map { $0(paper) }` for `paper = papers[i]`.
        case lazy(papers: [Int32], readers: [@Sendable (Int) -> Value])
    }

    let storage: Storage

    init(_ values: [[Value]]) { storage = .values(values) }
    init(papers: [Int32], readers: [@Sendable (Int) -> Value]) { storage = .lazy(papers: papers, readers: readers) }

    public var startIndex: Int { 0 }
    public var endIndex: Int {
        switch storage {
        case .values(let rows): return rows.count
        case .lazy(let papers, _): return papers.count
        }
    }

    public subscript(position: Int) -> [Value] {
        switch storage {
        case .values(let rows): return rows[position]
        case .lazy(let papers, let readers):
            let paper = Int(papers[position])
            return readers.map { $0(paper) }
        }
    }

    public static func == (a: ResultRows, b: ResultRows) -> Bool { a.elementsEqual(b) }
    public static func == (a: ResultRows, b: [[Value]]) -> Bool { a.elementsEqual(b) }
    public static func != (a: ResultRows, b: [[Value]]) -> Bool { !(a == b) }

    public var description: String { Array(self).description }
}
