// `.explain`: how a query runs, and for each part of its `where` clause how many papers it keeps
// on its own and how many remain after it, in the order written, so a user sees at once which
// condition emptied a result.

/// What ``PreparedQuery/explain()`` reports.
public struct QueryExplanation: Sendable {
    /// One top-level condition of the `where` clause (the parts joined by `and`).
    public struct Step: Sendable, Hashable {
        /// The condition as written.
        public let condition: String
        /// Papers of the source for which this condition alone is true.
        public let keepsAlone: Int
        /// Papers still matching after this and every earlier condition.
        public let remainingAfter: Int
        /// Whether an index answers the condition.
        public let usesIndex: Bool
    }

    /// Papers the query starts from.
    public let sourceCount: Int
    /// `papers`, or the `let` name.
    public let sourceName: String
    public let steps: [Step]
    /// The evaluation order the planner chose, one line per step, indented by nesting.
    public let plan: [String]
    /// What the query yields after filtering: `papers`, `count` or `groups by topic`, with sort
    /// and limit.
    public let output: String
}

struct Explainer {
    let query: BoundQuery
    let plan: PlanNode?
    let context: ExecutionContext

    func explain() throws -> QueryExplanation {
        let rowCount = context.rowCount
        var source = RowSet(universe: rowCount, full: true)
        var sourceName = "papers"
        if case .named(let name, let rows) = query.source {
            source = RowSet(universe: rowCount, rows: rows)
            sourceName = name
        }
        var steps: [QueryExplanation.Step] = []
        var remaining = source
        for conjunct in query.conjuncts {
            let node = Planner.plan(conjunct, in: context)
            var evaluator = FilterEvaluator(rowCount: rowCount)
            let alone = try evaluator.evaluate(node, on: source).isTrue
            remaining.formIntersection(alone)
            steps.append(QueryExplanation.Step(condition: Explainer.text(of: conjunct), keepsAlone: alone.count,
                                               remainingAfter: remaining.count, usesIndex: Explainer.usesIndex(node)))
        }
        var lines: [String] = []
        if let plan { Explainer.describe(plan, depth: 0, into: &lines) }
        return QueryExplanation(sourceCount: source.count, sourceName: sourceName, steps: steps, plan: lines, output: outputDescription())
    }

    private func outputDescription() -> String {
        var parts: [String] = []
        switch query.shape {
        case .count: parts.append("count the papers")
        case .papers(let columns): parts.append("papers with columns " + columns.map(\.name).joined(separator: ", "))
        case .groups(let key, let items): parts.append("groups by \(key.text) with " + items.filter { !$0.hidden }.map(\.name).joined(separator: ", "))
        }
        if !query.sort.isEmpty { parts.append("sorted (\(query.sort.count) key\(query.sort.count == 1 ? "" : "s"))") }
        if let offset = query.offset { parts.append("skip \(offset)") }
        if let limit = query.limit { parts.append("first \(limit)") }
        return parts.joined(separator: ", ")
    }

    static func text(of expression: BoundExpression) -> String {
        switch expression {
        case .predicate(let p): return p.text
        case .not(let inner): return "not (\(text(of: inner)))"
        case .and(let parts): return parts.map { text(of: $0) }.joined(separator: " and ")
        case .or(let parts): return "(" + parts.map { text(of: $0) }.joined(separator: " or ") + ")"
        }
    }

    static func usesIndex(_ node: PlanNode) -> Bool {
        switch node {
        case .leaf(let leaf): return leaf.lookup != nil
        case .not(let inner): return usesIndex(inner)
        case .and(let parts), .or(let parts): return parts.allSatisfy(usesIndex)
        }
    }

    static func describe(_ node: PlanNode, depth: Int, into lines: inout [String]) {
        let pad = String(repeating: "  ", count: depth)
        switch node {
        case .leaf(let leaf):
            lines.append(pad + (leaf.lookup != nil ? "index  " : "scan   ") + leaf.predicate.text)
        case .not(let inner):
            lines.append(pad + "not")
            describe(inner, depth: depth + 1, into: &lines)
        case .and(let parts):
            lines.append(pad + "all of (cheapest first, each on the rows still undecided)")
            for part in parts { describe(part, depth: depth + 1, into: &lines) }
        case .or(let parts):
            lines.append(pad + "any of (cheapest first)")
            for part in parts { describe(part, depth: depth + 1, into: &lines) }
        }
    }
}
