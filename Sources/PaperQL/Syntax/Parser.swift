// The parser: tokens in, statements out, by recursive descent over the grammar in
// docs/LANGUAGE.md. It never touches a corpus or a schema; a query that parses may still name
// unknown fields, which the resolver reports.
//
// Statements end at `;` or at a line break, except that a line continues while a parenthesis is
// open, when it ends in a word or operator that needs more (`where`, `and`, `=`, `,`), or when
// the next line starts with a clause keyword (`where`, `sort`, `and`, ...). Within a statement
// the parser stops at the first error; across a script it skips to the next statement and goes
// on, so one run of `paperql run --check` reports every broken statement.

struct Parser {
    /// Nesting deeper than this is reported, not recursed into: 10,000 `(` must not overflow the
    /// stack.
    static let maximumDepth = 128

    private var tokens: [Token]
    private var position = 0
    private var depth = 0

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// One statement, or the first error in it. Text after the statement is an error.
    static func parseStatement(_ source: String) throws(Diagnostic) -> Statement {
        let script = parseScript(source)
        if let first = script.diagnostics.first { throw first }
        guard script.statements.count == 1 else {
            let range = script.statements.count > 1
                ? script.statements[1].range
                : SourceRange(start: SourceLocation(line: 1, column: 1, offset: 0), end: SourceLocation(line: 1, column: 1, offset: 0))
            throw Diagnostic(code: .syntax, message: script.statements.isEmpty ? "expected a query" : "expected one statement, found several",
                             range: range, suggestion: script.statements.isEmpty ? "queries start with `papers`, e.g. `papers where params < 10B`" : nil)
        }
        return script.statements[0]
    }

    /// Every statement of a script, and a diagnostic for each statement that failed to parse.
    static func parseScript(_ source: String) -> (statements: [Statement], diagnostics: [Diagnostic]) {
        let tokens: [Token]
        do {
            tokens = try Lexer.tokenize(source)
        } catch {
            // Parse what precedes the bad token, so earlier statements still run with --keep-going.
            let cut = String(source.utf8.prefix(error.range.start.offset)) ?? ""
            let before = lexableStatements(cut, failingAt: error.range.start.line)
            return (before, [error])
        }
        var parser = Parser(tokens: joinContinuedLines(tokens))
        var statements: [Statement] = []
        var diagnostics: [Diagnostic] = []
        while true {
            parser.skipSeparators()
            if parser.current.kind == .end { break }
            do {
                statements.append(try parser.statement())
            } catch {
                diagnostics.append(error)
                parser.synchronize()
            }
        }
        return (statements, diagnostics)
    }

    /// Whether `source` is an unfinished statement: an open parenthesis, or a last line that ends
    /// in a word needing more. The REPL keeps reading lines while this holds.
    static func needsMoreInput(_ source: String) -> Bool {
        guard let tokens = try? Lexer.tokenize(source) else { return false }
        var parens = 0
        var last: Token?
        for token in tokens {
            switch token.kind {
            case .leftParen: parens += 1
            case .rightParen: parens -= 1
            case .semicolon: parens = 0; last = token
            case .newline, .end: continue
            default: break
            }
            last = token
        }
        if last?.kind == .semicolon { return false }
        if parens > 0 { return true }
        guard let last else { return false }
        return canNotEnd(last)
    }

    private static func lexableStatements(_ source: String, failingAt line: Int) -> [Statement] {
        // Keep only complete statements that end on a line before the failing one.
        let script = parseScript(source)
        return script.statements.filter { $0.range.end.line < line }
    }

    /// Drops the line breaks that do not end a statement (see the file comment).
    private static func joinContinuedLines(_ tokens: [Token]) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        var parens = 0
        for (i, token) in tokens.enumerated() {
            switch token.kind {
            case .leftParen: parens += 1
            case .rightParen: parens = max(0, parens - 1)
            case .semicolon: parens = 0
            case .newline:
                let previous = result.last
                let next = i + 1 < tokens.count ? tokens[i + 1] : nil
                if previous == nil || previous?.kind == .semicolon || previous?.kind == .newline { continue }
                if parens > 0 { continue }
                if let previous, canNotEnd(previous) { continue }
                if let next, next.kind == .word, Keyword.continuationLeaders.contains(where: { next.isWord($0) }) { continue }
                if let next, next.kind == .comma || next.kind == .rightParen { continue }
            default: break
            }
            result.append(token)
        }
        return result
    }

    private static func canNotEnd(_ token: Token) -> Bool {
        switch token.kind {
        case .word: return Keyword.continuing.contains { token.isWord($0) }
        case .comparison, .comma, .minus, .leftParen: return true
        default: return false
        }
    }

    // MARK: - Token access

    private var current: Token { tokens[position] }
    private var previous: Token { tokens[max(0, position - 1)] }

    private mutating func advance() {
        if current.kind != .end { position += 1 }
    }

    private func check(_ keyword: Keyword) -> Bool { current.isWord(keyword) }

    private mutating func match(_ keyword: Keyword) -> Bool {
        guard check(keyword) else { return false }
        advance()
        return true
    }

    private mutating func expect(_ keyword: Keyword, _ context: String) throws(Diagnostic) -> Token {
        guard check(keyword) else { throw error("expected `\(keyword.rawValue)` \(context), found \(current.quoted)") }
        let token = current
        advance()
        return token
    }

    private func error(_ message: String, at token: Token? = nil, suggestion: String? = nil,
                       code: Diagnostic.Code = .syntax) -> Diagnostic {
        Diagnostic(code: code, message: message, range: (token ?? current).range, suggestion: suggestion)
    }

    private func isStatementEnd(_ token: Token) -> Bool {
        switch token.kind {
        case .semicolon, .newline, .end: return true
        default: return false
        }
    }

    private mutating func skipSeparators() {
        while current.kind == .semicolon || current.kind == .newline { advance() }
    }

    /// After an error: skip to the start of the next statement.
    private mutating func synchronize() {
        while !isStatementEnd(current) { advance() }
    }

    private func range(from start: SourceRange) -> SourceRange {
        SourceRange(start: start.start, end: max(previous.range.end, start.end))
    }

    // MARK: - Statements and queries

    private mutating func statement() throws(Diagnostic) -> Statement {
        let start = current.range
        var binding: Name?
        if check(.let) {
            advance()
            guard current.kind == .word, !isReserved(current) else {
                throw error("expected a name after `let`, found \(current.quoted)", suggestion: "write `let small = papers where params < 1B`")
            }
            binding = Name(text: String(current.text), range: current.range)
            advance()
            guard current.kind == .comparison(.equal) else {
                throw error("expected `=` after `let \(binding!.text)`, found \(current.quoted)")
            }
            advance()
        }
        let query = try query()
        guard isStatementEnd(current) else { throw trailingError() }
        return Statement(binding: binding, query: query, range: range(from: start))
    }

    private func trailingError() -> Diagnostic {
        var suggestion: String?
        if current.kind == .word {
            let word = current.text.lowercased()
            if word == "order" { suggestion = "did you mean `sort by`?" }
            else if word == "filter" { suggestion = "did you mean `where`?" }
            else if let near = Suggestions.closest(to: word, among: Keyword.clauseStarters.map(\.rawValue)) {
                suggestion = "did you mean `\(near)`?"
            }
        } else if current.kind == .rightParen {
            return error("unbalanced `)`: no `(` is open here")
        }
        return error("unexpected \(current.quoted) after the query", suggestion: suggestion ?? "clauses are where, group by, select, sort by, limit, offset; end a statement with `;` or a new line")
    }

    private mutating func query() throws(Diagnostic) -> Query {
        let start = current.range
        let isCount = match(.count)
        let source: Query.Source
        if check(.papers) {
            source = .papers(current.range)
            advance()
        } else if current.kind == .word, !isReserved(current) {
            source = .named(Name(text: String(current.text), range: current.range))
            advance()
        } else {
            throw error("expected `papers` or a `let` name, found \(current.quoted)",
                        suggestion: "queries start with `papers`, e.g. `papers where params < 10B`")
        }
        var query = Query(isCount: isCount, source: source, range: start)

        // Clauses may each appear once, in the grammar's order.
        var lastRank = -1
        var lastKeyword: Keyword?
        while let keyword = Keyword.clauseStarters.first(where: { check($0) }) {
            let rank = Keyword.clauseStarters.firstIndex(of: keyword)!
            let clauseToken = current
            if query.clauseRanges[keyword] != nil {
                throw error("`\(keyword.rawValue)` appears twice", at: clauseToken, code: .misplacedClause)
            }
            if rank < lastRank, let lastKeyword {
                throw error("misplaced `\(keyword.rawValue)`: it must come before `\(lastKeyword.rawValue)`", at: clauseToken,
                            suggestion: "clauses go in this order: where, group by, select, sort by, limit, offset",
                            code: .misplacedClause)
            }
            if keyword == .offset, query.limit == nil {
                throw error("`offset` needs a `limit` before it", at: clauseToken, suggestion: "write `limit 10 offset 20`",
                            code: .misplacedClause)
            }
            advance()
            switch keyword {
            case .where:
                if isStatementEnd(current) { throw error("expected a condition after `where`, found \(current.quoted)") }
                query.filter = try expression()
            case .group:
                _ = try expect(.by, "after `group`")
                query.groupBy = try operand(context: "after `group by`")
            case .select:
                query.select = try selectItems()
            case .sort:
                _ = try expect(.by, "after `sort`")
                query.sort = try sortKeys()
            case .limit:
                query.limit = try count(after: "limit")
            case .offset:
                query.offset = try count(after: "offset")
            default:
                break
            }
            query.clauseRanges[keyword] = range(from: clauseToken.range)
            lastRank = rank
            lastKeyword = keyword
        }
        query.range = range(from: start)
        return query
    }

    private func isReserved(_ token: Token) -> Bool {
        Keyword.reserved.contains { token.isWord($0) }
    }

    private mutating func fieldName(after context: String) throws(Diagnostic) -> Name {
        guard current.kind == .word, !isReserved(current) else {
            throw error("expected a field name after \(context), found \(current.quoted)")
        }
        let name = Name(text: String(current.text), range: current.range)
        advance()
        return name
    }

    private mutating func count(after keyword: String) throws(Diagnostic) -> Int {
        let token = current
        var negative = false
        if token.kind == .minus {
            negative = true
            advance()
        }
        guard case .number(let value, let unit) = current.kind else {
            throw error("expected a number after `\(keyword)`, found \(current.quoted)")
        }
        guard !negative, unit == .plain || unit == .magnitude, value == value.rounded(), value < 1e15 else {
            throw error("`\(keyword)` takes a whole number of papers, 0 or more", at: current, code: .badLiteral)
        }
        advance()
        return Int(value)
    }

    private mutating func selectItems() throws(Diagnostic) -> [SelectItem] {
        var items: [SelectItem] = []
        repeat {
            if current.kind == .star {
                items.append(SelectItem(operand: Operand(kind: .star, range: current.range), alias: nil))
                advance()
                continue
            }
            let operand = try operand(context: "in `select`")
            var alias: Name?
            if match(.as) {
                alias = try fieldName(after: "`as`")
            }
            items.append(SelectItem(operand: operand, alias: alias))
        } while matchComma()
        return items
    }

    private mutating func sortKeys() throws(Diagnostic) -> [SortKey] {
        var keys: [SortKey] = []
        repeat {
            let operand = try operand(context: "after `sort by`")
            var descending = false
            if match(.desc) { descending = true } else { _ = match(.asc) }
            keys.append(SortKey(operand: operand, descending: descending))
        } while matchComma()
        return keys
    }

    private mutating func matchComma() -> Bool {
        guard current.kind == .comma else { return false }
        advance()
        return true
    }

    // MARK: - Expressions

    private mutating func nest() throws(Diagnostic) {
        depth += 1
        if depth > Parser.maximumDepth {
            throw error("the condition nests too deeply (more than \(Parser.maximumDepth) levels)", code: .tooDeep)
        }
    }

    private mutating func expression() throws(Diagnostic) -> Expression {
        try nest()
        defer { depth -= 1 }
        var left = try conjunction()
        while match(.or) {
            let right = try conjunction()
            left = Expression(kind: .or(left, right), range: left.range.union(right.range))
        }
        return left
    }

    private mutating func conjunction() throws(Diagnostic) -> Expression {
        var left = try negation()
        while match(.and) {
            let right = try negation()
            left = Expression(kind: .and(left, right), range: left.range.union(right.range))
        }
        return left
    }

    private mutating func negation() throws(Diagnostic) -> Expression {
        if check(.not) {
            let start = current.range
            advance()
            try nest()
            defer { depth -= 1 }
            let inner = try negation()
            return Expression(kind: .not(inner), range: start.union(inner.range))
        }
        return try primary()
    }

    private mutating func primary() throws(Diagnostic) -> Expression {
        let start = current
        if current.kind == .leftParen {
            advance()
            let inner = try expression()
            guard current.kind == .rightParen else {
                throw error("expected `)` to close the `(` at \(start.range.start), found \(current.quoted)",
                            suggestion: "parentheses must balance")
            }
            advance()
            return Expression(kind: inner.kind, range: range(from: start.range))
        }
        if check(.has) {
            advance()
            let field = try fieldName(after: "`has`")
            return Expression(kind: .has(field), range: range(from: start.range))
        }
        if current.kind == .rightParen {
            throw error("unbalanced `)`: no `(` is open here")
        }
        return try predicate()
    }

    private mutating func predicate() throws(Diagnostic) -> Expression {
        let left = try operand(context: "in the condition")
        let start = left.range
        if case .comparison(let op) = current.kind {
            advance()
            let right = try operand(context: "after `\(op.rawValue)`")
            return Expression(kind: .compare(left, op, right), range: range(from: start))
        }
        if check(.is) {
            advance()
            let negated = match(.not)
            _ = try expect(.missing, negated ? "after `is not`" : "after `is`")
            guard case .field(let name) = left.kind else {
                throw error("`is missing` applies to a field", at: tokenAt(start), code: .syntax)
            }
            return Expression(kind: .isMissing(name, negated: negated), range: range(from: start))
        }
        var negated = false
        if check(.not) {
            advance()
            negated = true
            guard check(.in) else {
                throw error("expected `in` after `not`, found \(current.quoted)", suggestion: "write `topic not in (\"llm\", \"vision\")` or `not (…)`")
            }
        }
        if match(.in) {
            let open = current
            guard open.kind == .leftParen else { throw error("expected `(` after `in`, found \(current.quoted)") }
            advance()
            var values: [Literal] = []
            repeat {
                values.append(try literal(context: "in the `in` list"))
            } while matchComma()
            guard current.kind == .rightParen else {
                throw error("expected `,` or `)` in the `in` list, found \(current.quoted)")
            }
            advance()
            return Expression(kind: .inList(left, values, negated: negated), range: range(from: start))
        }
        if match(.between) {
            let low = try literal(context: "after `between`")
            _ = try expect(.and, "between the bounds of `between`")
            let high = try literal(context: "after `and`")
            return Expression(kind: .between(left, low, high), range: range(from: start))
        }
        if match(.contains) {
            guard case .string = current.kind else {
                throw error("expected a string after `contains`, found \(current.quoted)", suggestion: "write `title contains \"sparse\"`")
            }
            let text = try literal(context: "after `contains`")
            return Expression(kind: .contains(left, text), range: range(from: start))
        }
        if match(.matches) {
            guard case .regex(let pattern, let flags) = current.kind else {
                var hint = "write `title matches /sparse|prun/i`"
                if case .string(let s) = current.kind { hint = "regexes are written between slashes: /\(s)/" }
                throw error("expected a /regex/ after `matches`, found \(current.quoted)", suggestion: hint)
            }
            let patternRange = current.range
            advance()
            return Expression(kind: .matches(left, pattern: pattern, flags: flags, patternRange: patternRange), range: range(from: start))
        }
        var suggestion = "compare with =, !=, <, <=, >, >=, or use in, between, contains, matches, is missing"
        if case .field(let name) = left.kind, current.kind == .word || isStatementEnd(current) {
            if current.kind == .word, let near = Suggestions.closest(to: current.text.lowercased(),
                                                                  among: ["contains", "matches", "between", "in", "is", "and", "or"]) {
                suggestion = "did you mean `\(near)`?"
            } else if !isStatementEnd(current) {
                suggestion = "did you mean `\(name.text) = \(current.text)`?"
            }
        }
        throw error("expected a comparison after \(describe(left)), found \(current.quoted)", suggestion: suggestion)
    }

    private func describe(_ operand: Operand) -> String {
        switch operand.kind {
        case .field(let name): return "`\(name.text)`"
        case .call(let name, _): return "`\(name.text)(…)`"
        case .literal: return "the value"
        case .star: return "`*`"
        }
    }

    private func tokenAt(_ range: SourceRange) -> Token {
        Token(kind: .word, text: "", range: range)
    }

    private mutating func operand(context: String) throws(Diagnostic) -> Operand {
        let token = current
        switch token.kind {
        case .word:
            if token.isWord(.true) || token.isWord(.false) {
                advance()
                return Operand(kind: .literal(Literal(kind: .bool(token.isWord(.true)), range: token.range)), range: token.range)
            }
            if isReserved(token) {
                throw error("expected a field, a value or a function \(context), found \(token.quoted)")
            }
            advance()
            let name = Name(text: String(token.text), range: token.range)
            if current.kind == .leftParen {
                let open = current
                advance()
                var args: [Operand] = []
                if current.kind == .star {
                    args.append(Operand(kind: .star, range: current.range))
                    advance()
                } else if current.kind != .rightParen {
                    try nest()
                    defer { depth -= 1 }
                    repeat {
                        args.append(try operand(context: "as an argument of `\(name.text)`"))
                    } while matchComma()
                }
                guard current.kind == .rightParen else {
                    throw error("expected `)` to close the `(` at \(open.range.start), found \(current.quoted)")
                }
                advance()
                return Operand(kind: .call(name, args), range: range(from: token.range))
            }
            return Operand(kind: .field(name), range: token.range)
        case .number, .string, .date, .minus:
            let lit = try literal(context: context)
            return Operand(kind: .literal(lit), range: lit.range)
        case .regex:
            throw error("a /regex/ can only follow `matches`", suggestion: "write `title matches /…/`")
        default:
            throw error("expected a field, a value or a function \(context), found \(token.quoted)")
        }
    }

    private mutating func literal(context: String) throws(Diagnostic) -> Literal {
        let token = current
        switch token.kind {
        case .number(let value, let unit):
            advance()
            return Literal(kind: .number(value, unit), range: token.range)
        case .minus:
            advance()
            guard case .number(let value, let unit) = current.kind else {
                throw error("expected a number after `-`, found \(current.quoted)")
            }
            advance()
            return Literal(kind: .number(-value, unit), range: range(from: token.range))
        case .string(let s):
            advance()
            return Literal(kind: .string(s), range: token.range)
        case .date(let d):
            advance()
            return Literal(kind: .date(d), range: token.range)
        case .word where token.isWord(.true) || token.isWord(.false):
            advance()
            return Literal(kind: .bool(token.isWord(.true)), range: token.range)
        case .word:
            throw error("expected a value \(context), found \(token.quoted)",
                        suggestion: "strings are quoted: \"\(token.text)\"")
        default:
            throw error("expected a value \(context), found \(token.quoted)")
        }
    }
}
