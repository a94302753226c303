// The typed tree the resolver builds from the syntax tree: every name is a field descriptor or a
// function, every literal a typed scalar in the field's terms (dates as day numbers, topic
// aliases as canonical topics), and the sugar is gone (`a != b` is `not (a = b)`, `is missing`
// is `not has`). The planner and compiler work from this tree only.

/// A scalar in the evaluator's terms: dates are day numbers, booleans 0/1 when numeric.
enum Scalar: Sendable, Hashable, Comparable {
    case number(Double)
    case string(String)

    static func < (a: Scalar, b: Scalar) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x < y
        case (.string(let x), .string(let y)): return x.lowercased() < y.lowercased()
        case (.number, .string): return true
        case (.string, .number): return false
        }
    }
}

struct BoundOperand: Sendable {
    indirect enum Kind: Sendable {
        case field(FieldDescriptor)
        case constant(Scalar)
        case call(QueryFunction, [BoundOperand])
    }
    let kind: Kind
    let type: FieldType
    let style: NumberStyle
    let range: SourceRange
    /// The operand as written, used as a column name.
    let text: String

    /// Every field the operand reads.
    var fields: [FieldDescriptor] {
        switch kind {
        case .field(let f): return [f]
        case .constant: return []
        case .call(_, let args): return args.flatMap(\.fields)
        }
    }
}

struct BoundPredicate: Sendable {
    enum Kind: Sendable {
        /// Never `!=`: the resolver writes `not (a = b)`.
        case compare(BoundOperand, ComparisonOperator, BoundOperand)
        case inList(BoundOperand, [Scalar])
        case between(BoundOperand, Scalar, Scalar)
        /// The needle is lowercased.
        case contains(BoundOperand, String)
        case matches(BoundOperand, CompiledRegex)
        case has(FieldDescriptor)
    }
    let kind: Kind
    let range: SourceRange
    /// The condition as written, for `.explain`.
    let text: String
}

indirect enum BoundExpression: Sendable {
    case and([BoundExpression])
    case or([BoundExpression])
    case not(BoundExpression)
    case predicate(BoundPredicate)

    var fields: [FieldDescriptor] {
        switch self {
        case .and(let xs), .or(let xs): return xs.flatMap(\.fields)
        case .not(let x): return x.fields
        case .predicate(let p):
            switch p.kind {
            case .compare(let a, _, let b): return a.fields + b.fields
            case .inList(let a, _), .between(let a, _, _), .contains(let a, _), .matches(let a, _): return a.fields
            case .has(let f): return [f]
            }
        }
    }
}

/// One output column of a paper query.
struct BoundColumn: Sendable {
    let name: String
    let operand: BoundOperand
}

/// One output column of a grouped query.
struct BoundGroupItem: Sendable {
    enum Kind: Sendable {
        case key
        /// `count()`: papers in the group.
        case paperCount
        /// An aggregate over the values `argument` takes across the group's papers.
        case aggregate(QueryFunction.Aggregate, BoundOperand)
    }
    let name: String
    let kind: Kind
    let type: FieldType
    let style: NumberStyle
    /// Computed for sorting only, not shown.
    let hidden: Bool
}

struct BoundSortKey: Sendable {
    enum Target: Sendable {
        case operand(BoundOperand)
        /// An output column, by index (group queries, and select aliases).
        case column(Int)
    }
    let target: Target
    let descending: Bool
}

/// Where a query's papers come from.
enum BoundSource: Sendable {
    case papers
    /// A `let` result: its rows, in its order.
    case named(String, [Int32])
}

struct BoundQuery: Sendable {
    enum Shape: Sendable {
        case papers([BoundColumn])
        case count
        case groups(key: BoundOperand, items: [BoundGroupItem])
    }
    let shape: Shape
    let binding: String?
    let source: BoundSource
    let filter: BoundExpression?
    let sort: [BoundSortKey]
    let limit: Int?
    let offset: Int?
    /// Every field the query reads: these columns must exist (extracted) before it runs.
    let fields: Set<String>
    /// The query as written.
    let text: String
    /// The conjuncts of the `where` clause as written, for `.explain`.
    let conjuncts: [BoundExpression]
}
