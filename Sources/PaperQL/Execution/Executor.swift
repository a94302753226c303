// Runs a bound query: picks the source rows, filters them through the plan, then shapes the
// result (papers, a count or groups), sorts, and applies offset and limit.

struct Executor {
    let query: BoundQuery
    let plan: PlanNode?
    let context: ExecutionContext

    func run() throws -> QueryResult {
        let clock = ContinuousClock()
        let started = clock.now
        let rowCount = context.rowCount
        var evaluator = FilterEvaluator(rowCount: rowCount)

        // Candidate rows, in source order.
        var candidates: RowSet
        var sourceOrder: [Int32]?
        switch query.source {
        case .papers:
            candidates = RowSet(universe: rowCount, full: true)
        case .named(_, let rows):
            candidates = RowSet(universe: rowCount, rows: rows)
            sourceOrder = rows
        }
        if let plan {
            candidates = try evaluator.evaluate(plan, on: candidates, needFalse: false).isTrue
        }
        try Task.checkCancellation()
        var rows: [Int32]
        if let sourceOrder {
            rows = sourceOrder.filter { candidates.contains(Int($0)) }
        } else {
            rows = candidates.rows
        }

        var result: QueryResult
        switch query.shape {
        case .count:
            result = QueryResult(kind: .count, columns: [ResultColumn(name: "count", type: .number)],
                                 rows: ResultRows([[.number(Double(rows.count))]]), paperIndexes: [], binding: nil,
                                 totalCount: 1, statistics: evaluator.statistics)
        case .papers(let columns):
            let total = rows.count
            rows = try sortPapers(rows, columns: columns, members: sourceOrder == nil ? candidates : nil)
            rows = page(rows)
            let readers = columns.map { column -> @Sendable (Int) -> Value in
                if case .field(let f) = column.operand.kind, f.name != "text" {
                    let c = context.column(f.name)
                    return { c.value(of: $0) }
                }
                let reader = OperandReader.compile(column.operand, in: context)
                let type = column.operand.type
                if case .field(let f) = column.operand.kind, f.name == "text" {
                    return { row in .string(reader.values(row).compactMap { if case .string(let s) = $0 { return s }; return nil }.joined(separator: " ")) }
                }
                return { row in
                    let values = reader.values(row).map { $0.value(as: type.scalar) }
                    return type.isList ? (values.isEmpty ? .missing : .list(values)) : (values.first ?? .missing)
                }
            }
            let resultColumns = columns.map { column -> ResultColumn in
                var field: String?
                if case .field(let f) = column.operand.kind { field = f.name }
                return ResultColumn(name: column.name, type: column.operand.type, numberStyle: column.operand.style, field: field)
            }
            result = QueryResult(kind: .papers, columns: resultColumns, rows: ResultRows(papers: rows, readers: readers), paperIndexes: rows.map(Int.init),
                                 binding: query.binding, totalCount: total, statistics: evaluator.statistics)
        case .groups(let key, let items):
            result = try Grouping(context: context, key: key, items: items, sort: query.sort, limit: query.limit,
                                  offset: query.offset).run(rows, statistics: evaluator.statistics)
        }
        var statistics = result.statistics
        statistics.seconds = Double((clock.now - started).components.attoseconds) / 1e18 + Double((clock.now - started).components.seconds)
        return QueryResult(kind: result.kind, columns: result.columns, rows: result.rows, paperIndexes: result.paperIndexes,
                           binding: result.binding, totalCount: result.totalCount, statistics: statistics)
    }

    private func page(_ rows: [Int32]) -> [Int32] {
        let start = min(query.offset ?? 0, rows.count)
        let end = query.limit.map { min(rows.count, start + $0) } ?? rows.count
        return Array(rows[start..<end])
    }

    // MARK: - Sorting papers

    private func sortPapers(_ rows: [Int32], columns: [BoundColumn], members: RowSet?) throws -> [Int32] {
        guard !query.sort.isEmpty else { return rows }
        // Few candidates sort fast anyway; many are better not looked at one by one.
        if let members, rows.count > 4096, let top = topFromIndex(members: members, columns: columns) { return top }
        let keys: [SortKeyValues] = query.sort.map { key in
            let operand: BoundOperand
            switch key.target {
            case .operand(let o): operand = o
            case .column(let i): operand = columns[i].operand
            }
            return SortKeyValues(reader: OperandReader.compile(operand, in: context), descending: key.descending, rows: rows)
        }
        try Task.checkCancellation()
        let before: (Int, Int) -> Bool = { a, b in
            for key in keys {
                let c = key.compare(a, b)
                if c != 0 { return c < 0 }
            }
            return a < b
        }
        // With a small limit, keep only the best `wanted` rows: n log k instead of n log n.
        if let limit = query.limit {
            let wanted = limit + (query.offset ?? 0)
            if wanted < rows.count / 8 {
                var best: [Int] = []
                best.reserveCapacity(wanted + 1)
                for i in rows.indices {
                    if best.count == wanted, let last = best.last, !before(i, last) { continue }
                    var lo = 0, hi = best.count
                    while lo < hi {
                        let mid = (lo + hi) / 2
                        if before(best[mid], i) { lo = mid + 1 } else { hi = mid }
                    }
                    best.insert(i, at: lo)
                    if best.count > wanted { best.removeLast() }
                }
                return best.map { rows[$0] }
            }
        }
        let order = Array(rows.indices).sorted(by: before)
        return order.map { rows[$0] }
    }
}

extension Executor {
    /// The first `limit + offset` rows by one numeric field, read off its sorted index rather
    /// than by looking at every candidate: from the end of the index for `desc` (where a row
    /// first appears with its largest value, its sort key) or from the start for `asc`. Ties at
    /// the cut are all collected, then ordered by row as the full sort orders them. `nil` when
    /// the query does not have that shape or too few rows have a value.
    fileprivate func topFromIndex(members: RowSet, columns: [BoundColumn]) -> [Int32]? {
        guard context.useIndexes, query.sort.count == 1, let limit = query.limit else { return nil }
        let key = query.sort[0]
        let operand: BoundOperand
        switch key.target {
        case .operand(let o): operand = o
        case .column(let i): operand = columns[i].operand
        }
        guard case .field(let field) = operand.kind, field.type.scalar != .string, context.numberColumn(field.name) != nil else { return nil }
        let wanted = limit + (query.offset ?? 0)
        guard wanted > 0 else { return [] }
        let index = context.sortedIndex(field.name)
        var taken: Set<Int32> = []
        var picked: [(value: Double, row: Int32)] = []
        let positions = key.descending ? AnyCollection(index.values.indices.reversed()) : AnyCollection(index.values.indices)
        for position in positions {
            let value = index.values[position]
            if picked.count >= wanted, value != picked[wanted - 1].value { break }
            let row = index.rows[position]
            guard members.contains(Int(row)), taken.insert(row).inserted else { continue }
            picked.append((value, row))
        }
        guard picked.count >= wanted else { return nil }  // missing values would follow: the full sort
        picked.sort { $0.value != $1.value ? (key.descending ? $0.value > $1.value : $0.value < $1.value) : $0.row < $1.row }
        return picked.prefix(wanted).map(\.row)
    }
}

/// One sort key's value for each candidate row: the largest value of a list for `desc`, the
/// smallest for `asc`; missing sorts last either way.
struct SortKeyValues {
    let descending: Bool
    let values: [Scalar?]

    init(reader: OperandReader, descending: Bool, rows: [Int32]) {
        self.descending = descending
        switch reader {
        case .numbers(let column):
            let offsets = column.rows.offsets
            values = rows.map { row in
                let lo = Int(offsets[Int(row)]), hi = Int(offsets[Int(row) + 1])
                guard lo < hi else { return nil }
                var best = column.values[lo]
                for i in (lo + 1)..<hi { best = descending ? max(best, column.values[i]) : min(best, column.values[i]) }
                return .number(best)
            }
        default:
            values = rows.map { row in
                let vs = reader.values(Int(row))
                return descending ? vs.max() : vs.min()
            }
        }
    }

    /// Negative when `a` sorts first.
    func compare(_ a: Int, _ b: Int) -> Int {
        switch (values[a], values[b]) {
        case (nil, nil): return 0
        case (nil, _): return 1
        case (_, nil): return -1
        case (let x?, let y?):
            let c = PredicateCompiler.compareScalars(x, y)
            return descending ? -c : c
        }
    }
}
