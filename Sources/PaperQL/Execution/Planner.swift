// The planner turns a bound condition into a tree of compiled leaves and decides the order in
// which a conjunction's (or disjunction's) parts run: index lookups first, smallest result
// first, then scans from cheapest to dearest. Each later part only examines the rows the
// earlier parts left undecided, so a selective indexed predicate shrinks every scan after it.
// The order changes the work, never the rows: three-valued logic is exact on every part.

indirect enum PlanNode: Sendable {
    case and([PlanNode])
    case or([PlanNode])
    case not(PlanNode)
    case leaf(CompiledLeaf)

    /// Rough cost, for ordering siblings.
    var cost: Int {
        switch self {
        case .leaf(let leaf): return leaf.lookup != nil ? 0 : leaf.scanCost
        case .not(let inner): return inner.cost
        case .and(let xs), .or(let xs): return xs.reduce(0) { $0 + $1.cost }
        }
    }
}

enum Planner {
    static func plan(_ expression: BoundExpression, in context: ExecutionContext) -> PlanNode {
        switch expression {
        case .predicate(let p):
            return .leaf(PredicateCompiler.compile(p, in: context))
        case .not(let inner):
            return .not(plan(inner, in: context))
        case .and(let parts):
            return .and(order(parts.map { plan($0, in: context) }))
        case .or(let parts):
            return .or(order(parts.map { plan($0, in: context) }))
        }
    }

    /// Cheapest first; a stable sort keeps the written order among equals.
    private static func order(_ nodes: [PlanNode]) -> [PlanNode] {
        nodes.enumerated().sorted { a, b in
            a.element.cost != b.element.cost ? a.element.cost < b.element.cost : a.offset < b.offset
        }.map(\.element)
    }
}

/// Evaluates a plan over a set of candidate rows.
struct FilterEvaluator {
    let rowCount: Int
    var statistics = QueryStatistics()

    init(rowCount: Int) {
        self.rowCount = rowCount
    }

    /// The truth of `node` on `candidates`; exact on the candidates, empty elsewhere. When the
    /// caller needs only the true rows (`needFalse` off, as for a `where` clause not under `not`),
    /// a conjunction also drops the rows that are unknown so far, and `isFalse` is not kept.
    mutating func evaluate(_ node: PlanNode, on candidates: RowSet, needFalse: Bool = true) throws -> Truth {
        switch node {
        case .leaf(let leaf):
            return try evaluate(leaf, on: candidates)
        case .not(let inner):
            let t = try evaluate(inner, on: candidates, needFalse: true)
            return Truth(isTrue: t.isFalse, isFalse: t.isTrue)
        case .and(let parts):
            var remaining = candidates
            var isFalse = RowSet(universe: rowCount)
            var isTrue = candidates
            for part in parts {
                let t = try evaluate(part, on: remaining, needFalse: needFalse)
                isTrue.formIntersection(t.isTrue)
                if needFalse {
                    isFalse.formUnion(t.isFalse)
                    remaining.subtract(t.isFalse)
                } else {
                    remaining = isTrue
                }
                if remaining.isEmpty { break }
            }
            return Truth(isTrue: isTrue.subtracting(isFalse), isFalse: isFalse)
        case .or(let parts):
            var remaining = candidates
            var isTrue = RowSet(universe: rowCount)
            var isFalse = candidates
            for part in parts {
                let t = try evaluate(part, on: remaining, needFalse: needFalse)
                isTrue.formUnion(t.isTrue)
                if needFalse { isFalse.formIntersection(t.isFalse) }
                remaining.subtract(t.isTrue)
                if remaining.isEmpty { break }
            }
            return Truth(isTrue: isTrue, isFalse: needFalse ? isFalse.subtracting(isTrue) : RowSet(universe: rowCount))
        }
    }

    private mutating func evaluate(_ leaf: CompiledLeaf, on candidates: RowSet) throws -> Truth {
        if let lookup = leaf.lookup {
            statistics.indexedPredicates += 1
            let (isTrue, present) = lookup()
            return Truth(isTrue: isTrue.intersection(candidates), isFalse: present.subtracting(isTrue).intersection(candidates))
        }
        statistics.scannedPredicates += 1
        if let bulk = leaf.bulk, rowCount >= 4096, candidates.count * 8 >= rowCount {
            let (isTrue, present) = bulk()
            let hits = isTrue.intersection(candidates)
            return Truth(isTrue: hits, isFalse: present.intersection(candidates).subtracting(hits))
        }
        var isTrue = RowSet(universe: rowCount)
        var isFalse = RowSet(universe: rowCount)
        var scanned = 0
        let scan = leaf.scan
        try candidates.forEach { row in
            scanned += 1
            if scanned & 0x3F == 0, Task.isCancelled { throw CancellationError() }
            switch scan(row) {
            case .yes: isTrue.insert(row)
            case .no: isFalse.insert(row)
            case .unknown: break
            }
        }
        statistics.rowsScanned += scanned
        return Truth(isTrue: isTrue, isFalse: isFalse)
    }
}
