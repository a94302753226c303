// Compiles each leaf condition into a per-paper test (`scan`) and, where an index can answer it,
// an index lookup (`lookup`). Specialised kernels cover the common shapes (a number field against
// a constant, a string field equal to or containing a constant); anything else goes through the
// general operand readers.

import Foundation

struct CompiledLeaf: Sendable {
    let predicate: BoundPredicate
    /// The condition for one paper.
    let scan: @Sendable (Int) -> Truth3
    /// Rows where the condition is true, and rows where its operand has a value (so false is
    /// the difference); nil when no index applies.
    let lookup: (@Sendable () -> (isTrue: RowSet, present: RowSet))?
    /// Relative cost of a scan per row, for ordering conjuncts.
    let scanCost: Int
    /// Every row where the condition is true, found in one pass over a whole column (a byte
    /// search for `contains`); worth it when most rows are candidates.
    var bulk: (@Sendable () -> (isTrue: RowSet, present: RowSet))? = nil
}

enum PredicateCompiler {
    static func compile(_ predicate: BoundPredicate, in context: ExecutionContext) -> CompiledLeaf {
        let (scan, cost) = scanKernel(predicate, in: context)
        let lookup = context.useIndexes ? indexLookup(predicate, in: context) : nil
        var leaf = CompiledLeaf(predicate: predicate, scan: scan, lookup: lookup, scanCost: cost)
        leaf.bulk = bulkSearch(predicate, in: context)
        return leaf
    }

    // MARK: - Scans

    private static func scanKernel(_ predicate: BoundPredicate, in context: ExecutionContext) -> (@Sendable (Int) -> Truth3, Int) {
        switch predicate.kind {
        case .has(let field):
            let presence = context.presence(field.name)
            return ({ row in Truth3(presence.contains(row)) }, 1)

        case .compare(let left, let op, let right):
            let l = OperandReader.compile(left, in: context)
            let r = OperandReader.compile(right, in: context)
            if case .numbers(let column) = l, case .constant(.number(let x)) = r {
                return (numberKernel(column) { op.holds($0, x) }, 2)
            }
            if case .strings(let columns) = l, case .constant(.string(let s)) = r, op == .equal {
                return (stringKernel(columns, matcher: StringMatcher.equal(to: s)), 4)
            }
            return ({ row in compareGeneric(l.values(row), op, r.values(row)) }, 30)

        case .inList(let operand, let values):
            let reader = OperandReader.compile(operand, in: context)
            if case .numbers(let column) = reader {
                let set = Set(values.compactMap { if case .number(let n) = $0 { return n }; return nil })
                return (numberKernel(column) { set.contains($0) }, 3)
            }
            if case .strings(let columns) = reader {
                let needles = values.compactMap { if case .string(let s) = $0 { return s }; return nil }
                return (stringKernel(columns, matcher: StringMatcher.oneOf(needles)), 5)
            }
            return ({ row in
                let vs = reader.values(row)
                if vs.isEmpty { return .unknown }
                return Truth3(vs.contains { v in values.contains { equalScalars(v, $0) } })
            }, 30)

        case .between(let operand, let low, let high):
            let reader = OperandReader.compile(operand, in: context)
            if case .numbers(let column) = reader, case .number(let lo) = low, case .number(let hi) = high {
                return (numberKernel(column) { $0 >= lo && $0 <= hi }, 2)
            }
            return ({ row in
                let vs = reader.values(row)
                if vs.isEmpty { return .unknown }
                return Truth3(vs.contains { compareScalars($0, low) >= 0 && compareScalars($0, high) <= 0 })
            }, 30)

        case .contains(let operand, let needle):
            let reader = OperandReader.compile(operand, in: context)
            if case .strings(let columns) = reader {
                return (stringKernel(columns, matcher: StringMatcher.containing(needle)), 20)
            }
            return ({ row in
                let vs = reader.values(row)
                if vs.isEmpty { return .unknown }
                return Truth3(vs.contains { if case .string(let s) = $0 { return s.lowercased().contains(needle) }; return false })
            }, 40)

        case .matches(let operand, let regex):
            let reader = OperandReader.compile(operand, in: context)
            if case .strings(let columns) = reader {
                return (stringKernel(columns, matcher: StringMatcher.matching(regex)), 60)
            }
            return ({ row in
                let vs = reader.values(row)
                if vs.isEmpty { return .unknown }
                return Truth3(vs.contains { if case .string(let s) = $0 { return regex.matches(s) }; return false })
            }, 80)
        }
    }

    /// Existential test over a number column: unknown without values, true when any passes.
    private static func numberKernel(_ column: NumberColumn, _ test: @escaping @Sendable (Double) -> Bool) -> @Sendable (Int) -> Truth3 {
        let offsets = column.rows.offsets
        let values = column.values
        return { row in
            let lo = Int(offsets[row]), hi = Int(offsets[row + 1])
            if lo == hi { return .unknown }
            for i in lo..<hi where test(values[i]) { return .yes }
            return .no
        }
    }

    /// Existential test over string columns (one, or two for `text`).
    private static func stringKernel(_ columns: [StringColumn], matcher: StringMatcher) -> @Sendable (Int) -> Truth3 {
        let tests = columns.map { matcher.test(for: $0) }
        return { row in
            var any = false
            for (column, test) in zip(columns, tests) {
                let range = column.rows.range(of: row)
                if range.isEmpty { continue }
                any = true
                for i in range where test(i) { return .yes }
            }
            return any ? .no : .unknown
        }
    }

    // MARK: - Whole-column search

    /// `contains` on raw text: search the column's bytes once, then map matches to rows.
    private static func bulkSearch(_ predicate: BoundPredicate, in context: ExecutionContext)
        -> (@Sendable () -> (isTrue: RowSet, present: RowSet))? {
        guard case .contains(let operand, let needle) = predicate.kind, case .field(let field) = operand.kind,
              field.type.scalar == .string else { return nil }
        let bytes = Array(needle.utf8)
        guard !bytes.isEmpty, ByteSearch.isASCII(bytes) else { return nil }
        let columns = context.stringColumns(field.name)
        guard columns.allSatisfy({ if case .raw = $0.storage { return true }; return false }) else { return nil }
        let rowCount = context.rowCount
        let name = field.name
        return {
            var found = RowSet(universe: rowCount)
            for column in columns {
                guard case .raw(let text, let bounds) = column.storage else { continue }
                let valueRows = ValueRows(column.rows)
                for value in matchingValues(text, bounds, bytes) { found.insert(valueRows.row(of: Int(value))) }
            }
            return (found, context.presence(name))
        }
    }

    /// The values of a raw column containing `needle`, searched on every core: the bytes are cut
    /// at value boundaries into parts, and each part is searched on its own.
    static func matchingValues(_ text: [UInt8], _ bounds: [Int], _ needle: [UInt8], parts: Int? = nil) -> [Int32] {
        let valueCount = bounds.count - 1
        guard valueCount > 0 else { return [] }
        let parts = parts ?? (text.count < 4 << 20 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 2)
        // First value of each part: the one holding byte text.count * k / parts.
        let firstValues = (0..<parts).map { k -> Int in
            let target = text.count * k / parts
            var lo = 0, hi = valueCount
            while lo < hi {
                let mid = (lo + hi) / 2
                if bounds[mid + 1] <= target { lo = mid + 1 } else { hi = mid }
            }
            return lo
        } + [valueCount]
        let results = ChunkResults<[Int32]>(count: parts)
        text.withUnsafeBufferPointer { buffer in
            bounds.withUnsafeBufferPointer { b in
                nonisolated(unsafe) let (buffer, b) = (buffer, b)
                DispatchQueue.concurrentPerform(iterations: parts) { k in
                    var matched: [Int32] = []
                    var value = firstValues[k]
                    let end = firstValues[k + 1]
                    guard value < end else { results.store([], at: k); return }
                    let base = b[value]
                    let part = UnsafeBufferPointer(rebasing: buffer[base..<b[end]])
                    ByteSearch.forEachMatchFolded(part, needle) { offset in
                        let start = base + offset
                        while value + 1 < end, b[value + 1] <= start { value += 1 }
                        // A match that runs past its value's end spans two values: not a match.
                        guard start + needle.count <= b[value + 1], matched.last != Int32(value) else { return }
                        matched.append(Int32(value))
                    }
                    results.store(matched, at: k)
                }
            }
        }
        return (0..<parts).flatMap { results.take($0) }
    }

    // MARK: - Index lookups

    private static func indexLookup(_ predicate: BoundPredicate, in context: ExecutionContext)
        -> (@Sendable () -> (isTrue: RowSet, present: RowSet))? {
        let rowCount = context.rowCount
        func fieldOf(_ operand: BoundOperand) -> FieldDescriptor? {
            if case .field(let f) = operand.kind, f.name != "text" { return f }
            return nil
        }
        switch predicate.kind {
        case .has(let field):
            // Never unknown: every row has a value or not.
            return { (context.presence(field.name), RowSet(universe: rowCount, full: true)) }

        case .compare(let left, let op, let right):
            guard let field = fieldOf(left), case .constant(let constant) = right.kind else { return nil }
            if field.type.scalar != .string, case .number(let x) = constant {
                guard context.numberColumn(field.name) != nil else { return nil }
                return {
                    let index = context.sortedIndex(field.name)
                    let range: Range<Int>
                    switch op {
                    case .equal: range = index.positions(low: x, lowInclusive: true, high: x, highInclusive: true)
                    case .less: range = index.positions(low: nil, lowInclusive: true, high: x, highInclusive: false)
                    case .lessOrEqual: range = index.positions(low: nil, lowInclusive: true, high: x, highInclusive: true)
                    case .greater: range = index.positions(low: x, lowInclusive: false, high: nil, highInclusive: true)
                    case .greaterOrEqual: range = index.positions(low: x, lowInclusive: true, high: nil, highInclusive: true)
                    case .notEqual: range = 0..<0
                    }
                    return (rowSet(index.rows[range], rowCount), context.presence(field.name))
                }
            }
            if field.type.scalar == .string, op == .equal, case .string(let s) = constant {
                return postingsLookup(field: field.name, matcher: StringMatcher.equal(to: s), context: context)
            }
            return nil

        case .inList(let operand, let values):
            guard let field = fieldOf(operand) else { return nil }
            if field.type.scalar == .string {
                let needles = values.compactMap { if case .string(let s) = $0 { return s }; return nil }
                return postingsLookup(field: field.name, matcher: StringMatcher.oneOf(needles), context: context)
            }
            let numbers = values.compactMap { if case .number(let n) = $0 { return n }; return nil }
            guard context.numberColumn(field.name) != nil else { return nil }
            return {
                let index = context.sortedIndex(field.name)
                var set = RowSet(universe: rowCount)
                for x in numbers {
                    for row in index.rows[index.positions(low: x, lowInclusive: true, high: x, highInclusive: true)] {
                        set.insert(Int(row))
                    }
                }
                return (set, context.presence(field.name))
            }

        case .between(let operand, let low, let high):
            guard let field = fieldOf(operand), field.type.scalar != .string,
                  case .number(let lo) = low, case .number(let hi) = high,
                  context.numberColumn(field.name) != nil else { return nil }
            return {
                let index = context.sortedIndex(field.name)
                let range = index.positions(low: lo, lowInclusive: true, high: hi, highInclusive: true)
                return (rowSet(index.rows[range], rowCount), context.presence(field.name))
            }

        case .contains, .matches:
            return nil
        }
    }

    private static func postingsLookup(field: String, matcher: StringMatcher, context: ExecutionContext)
        -> (@Sendable () -> (isTrue: RowSet, present: RowSet))? {
        guard let column = context.stringColumns(field).first, case .dictionary(_, let dictionary) = column.storage else { return nil }
        let rowCount = context.rowCount
        return {
            let postings = context.postingIndex(field)
            var set = RowSet(universe: rowCount)
            for (code, value) in dictionary.enumerated() where matcher.matches(value) {
                for row in postings.postings[code] { set.insert(Int(row)) }
            }
            return (set, context.presence(field))
        }
    }

    private static func rowSet(_ rows: ArraySlice<Int32>, _ universe: Int) -> RowSet {
        var set = RowSet(universe: universe)
        for row in rows { set.insert(Int(row)) }
        return set
    }

    // MARK: - General comparisons

    static func compareScalars(_ a: Scalar, _ b: Scalar) -> Int {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.string(let x), .string(let y)):
            let (p, q) = (x.lowercased(), y.lowercased())
            return p < q ? -1 : (p > q ? 1 : 0)
        case (.number, .string): return -1
        case (.string, .number): return 1
        }
    }

    static func equalScalars(_ a: Scalar, _ b: Scalar) -> Bool { compareScalars(a, b) == 0 }

    /// Existential comparison of two value lists: unknown if either is empty.
    static func compareGeneric(_ a: [Scalar], _ op: ComparisonOperator, _ b: [Scalar]) -> Truth3 {
        if a.isEmpty || b.isEmpty { return .unknown }
        for x in a {
            for y in b {
                let c = compareScalars(x, y)
                if op.holds(c, 0) { return .yes }
            }
        }
        return .no
    }
}

/// A test on string values, decided per distinct value for dictionary columns and per value
/// (on raw bytes, ASCII case folded) for raw ones.
struct StringMatcher: Sendable {
    /// The test on a whole string (Unicode-aware).
    let matches: @Sendable (String) -> Bool
    /// The test on raw UTF-8 bytes, when it can be done without building a String.
    let bytesTest: (@Sendable (UnsafeBufferPointer<UInt8>) -> Bool)?

    static func equal(to needle: String) -> StringMatcher {
        let lower = needle.lowercased()
        let bytes = Array(lower.utf8)
        var bytesTest: (@Sendable (UnsafeBufferPointer<UInt8>) -> Bool)?
        if ByteSearch.isASCII(bytes) {
            bytesTest = { value in bytes.withUnsafeBufferPointer { ByteSearch.equalsFolded(value, $0) } }
        }
        return StringMatcher(matches: { $0.lowercased() == lower }, bytesTest: bytesTest)
    }

    static func oneOf(_ needles: [String]) -> StringMatcher {
        let lowered = Set(needles.map { $0.lowercased() })
        return StringMatcher(matches: { lowered.contains($0.lowercased()) }, bytesTest: nil)
    }

    static func containing(_ needle: String) -> StringMatcher {
        let lower = needle.lowercased()
        let bytes = Array(lower.utf8)
        var bytesTest: (@Sendable (UnsafeBufferPointer<UInt8>) -> Bool)?
        if ByteSearch.isASCII(bytes) {
            bytesTest = { value in ByteSearch.containsFolded(value, bytes) }
        }
        return StringMatcher(matches: { $0.lowercased().contains(lower) }, bytesTest: bytesTest)
    }

    static func matching(_ regex: CompiledRegex) -> StringMatcher {
        let literals = regex.requiredLiterals
        let alternatives = regex.requiredAlternatives
        return StringMatcher(
            matches: { regex.matches($0) },
            bytesTest: { value in
                for literal in literals where !ByteSearch.containsFolded(value, literal) { return false }
                for group in alternatives where !group.contains(where: { ByteSearch.containsFolded(value, $0) }) { return false }
                return regex.matches(String(decoding: value, as: UTF8.self))
            })
    }

    /// A test by value position in `column`.
    func test(for column: StringColumn) -> @Sendable (Int) -> Bool {
        switch column.storage {
        case .dictionary(let codes, let dictionary):
            let hits = dictionary.map(matches)
            return { hits[Int(codes[$0])] }
        case .raw(let bytes, let bounds):
            if let bytesTest {
                return { i in
                    bytes.withUnsafeBufferPointer { all in bytesTest(UnsafeBufferPointer(rebasing: all[bounds[i]..<bounds[i + 1]])) }
                }
            }
            let matches = self.matches
            return { i in matches(String(decoding: bytes[bounds[i]..<bounds[i + 1]], as: UTF8.self)) }
        }
    }
}

/// The row of each value of a column, for mapping positions in the values back to papers.
struct ValueRows {
    private let rowOf: [Int32]?

    init(_ rows: RowOffsets) {
        // Single-valued columns (titles, abstracts) map value i to row i when no row is empty.
        if rows.offsets.count - 1 == Int(rows.offsets.last ?? 0), zip(rows.offsets, rows.offsets.dropFirst()).allSatisfy({ $1 - $0 == 1 }) {
            rowOf = nil
        } else {
            var map = [Int32](repeating: 0, count: Int(rows.offsets.last ?? 0))
            for row in 0..<(rows.offsets.count - 1) {
                for i in Int(rows.offsets[row])..<Int(rows.offsets[row + 1]) { map[i] = Int32(row) }
            }
            rowOf = map
        }
    }

    func row(of value: Int) -> Int { rowOf.map { Int($0[value]) } ?? value }
}
