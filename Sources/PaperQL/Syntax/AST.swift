// The syntax tree, exactly as written: names are not resolved and literals keep their units.
// Every node carries its source range. The resolver (Semantics/Resolver.swift) reads this tree
// and builds a separate, typed one; it never rewrites this one.

/// A name as written, with where it was written.
struct Name: Sendable, Hashable {
    let text: String
    let range: SourceRange
}

struct Literal: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case number(Double, NumberUnit)
        case string(String)
        case date(CalendarDate)
        case bool(Bool)
    }
    let kind: Kind
    let range: SourceRange
}

struct Operand: Sendable, Hashable {
    indirect enum Kind: Sendable, Hashable {
        case field(Name)
        case literal(Literal)
        /// `max(params)`, `count()`, `count(*)`.
        case call(Name, [Operand])
        case star
    }
    let kind: Kind
    let range: SourceRange
}

struct Expression: Sendable, Hashable {
    indirect enum Kind: Sendable, Hashable {
        case and(Expression, Expression)
        case or(Expression, Expression)
        case not(Expression)
        case compare(Operand, ComparisonOperator, Operand)
        case inList(Operand, [Literal], negated: Bool)
        case between(Operand, Literal, Literal)
        case contains(Operand, Literal)
        case matches(Operand, pattern: String, flags: String, patternRange: SourceRange)
        case has(Name)
        case isMissing(Name, negated: Bool)
    }
    let kind: Kind
    let range: SourceRange
}

struct SelectItem: Sendable, Hashable {
    let operand: Operand
    let alias: Name?
}

struct SortKey: Sendable, Hashable {
    let operand: Operand
    let descending: Bool
}

/// `[count] source [where] [group by] [select] [sort by] [limit [offset]]`.
struct Query: Sendable, Hashable {
    enum Source: Sendable, Hashable {
        case papers(SourceRange)
        case named(Name)
    }
    var isCount = false
    var source: Source
    var filter: Expression?
    /// A field, or a function of one (`year(date)`).
    var groupBy: Operand?
    var select: [SelectItem]?
    var sort: [SortKey] = []
    var limit: Int?
    var offset: Int?
    var range: SourceRange
    /// Where each clause was written, for "misplaced clause" messages and `.explain`.
    var clauseRanges: [Keyword: SourceRange] = [:]
}

/// `[let NAME =] query`.
struct Statement: Sendable, Hashable {
    let binding: Name?
    let query: Query
    let range: SourceRange
}
