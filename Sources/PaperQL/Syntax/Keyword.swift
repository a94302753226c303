// Every keyword of the language in one table, as SQLite keeps its keywords in one place. The
// REPL's completion and the documentation tests read this table too.

/// The reserved words of the query language. Matching is case-insensitive.
enum Keyword: String, CaseIterable, Sendable {
    case `let`, count, papers, `where`, group, by, select, sort, asc, desc, limit, offset
    case and, or, not, `in`, between, contains, matches, has, `is`, missing, `true`, `false`, `as`

    /// Words that start a clause of a query, in the order a query may use them.
    static let clauseStarters: [Keyword] = [.where, .group, .select, .sort, .limit, .offset]

    /// Words that cannot end a statement: a line ending in one continues on the next line.
    static let continuing: Set<Keyword> = [
        .let, .count, .where, .group, .by, .select, .sort, .limit, .offset,
        .and, .or, .not, .in, .between, .contains, .matches, .has, .is, .as,
    ]

    /// Words that, at the start of a line, continue the statement above: a query may be laid
    /// out with one clause per line.
    static let continuationLeaders: Set<Keyword> = [.where, .group, .select, .sort, .limit, .offset, .and, .or]

    /// Keywords that can never name a field.
    static let reserved: Set<Keyword> = [.where, .group, .by, .select, .sort, .limit, .offset, .and, .or, .not,
                                         .in, .between, .contains, .matches, .is, .as, .true, .false, .let]
}
