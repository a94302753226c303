// A session runs statements in order and remembers `let` results, as the REPL and script runner
// need. `Script` splits text into statements once, keeping each one's place in the text so that
// errors point at the right line of the file.

/// Statements parsed from a script or a REPL entry.
public struct Script: Sendable {
    /// One statement of a script.
    public struct Statement: Sendable {
        let syntax: PaperQL.Statement
        /// Where the statement is in ``Script/source``.
        public var range: SourceRange { syntax.range }
        /// The name a `let` statement binds.
        public var binding: String? { syntax.binding?.text }
    }

    public let source: String
    /// The statements that parsed, in order.
    public let statements: [Statement]
    /// One diagnostic per statement that did not parse.
    public let diagnostics: [Diagnostic]

    public init(_ source: String) {
        self.source = source
        let parsed = Parser.parseScript(source)
        statements = parsed.statements.map(Statement.init(syntax:))
        diagnostics = parsed.diagnostics
    }

    /// Whether `text` is an unfinished statement (an open parenthesis, a trailing `where`,
    /// `and`, `,`...), so an interactive reader should ask for another line.
    public static func needsMoreInput(_ text: String) -> Bool {
        Parser.needsMoreInput(text)
    }

    /// The text of `statement`.
    public func text(of statement: Statement) -> String {
        let utf8 = source.utf8
        let lo = utf8.index(utf8.startIndex, offsetBy: statement.range.start.offset)
        let hi = utf8.index(utf8.startIndex, offsetBy: statement.range.end.offset)
        return String(source[lo..<hi])
    }
}

/// Runs statements against an engine, keeping the results named by `let`.
public struct Session: Sendable {
    public let engine: Engine
    private var bindings: [String: [Int32]] = [:]
    private var order: [String] = []

    public init(engine: Engine) {
        self.engine = engine
    }

    /// The `let` names defined so far, in definition order, with their paper counts.
    public var names: [(name: String, count: Int)] { order.map { ($0, bindings[$0]!.count) } }

    /// Prepares a statement of `script` in this session's context (its `let` names).
    public func prepare(_ statement: Script.Statement, in script: Script) throws(QueryError) -> PreparedQuery {
        try engine.prepare(statement.syntax, source: script.source, bindings: bindings)
    }

    /// Parses and type-checks a statement without reading any paper; a `let` name it defines is
    /// remembered (with no rows) so later statements that use it check too.
    public mutating func check(_ statement: Script.Statement, in script: Script) throws(QueryError) {
        switch Resolver.resolve(statement.syntax, schema: engine.schema, functions: engine.functions, bindings: bindings, source: script.source) {
        case .failure(let error): throw error
        case .success(let bound):
            if let name = bound.binding {
                if bindings[name] == nil { order.append(name) }
                bindings[name] = []
            }
        }
    }

    /// Runs a prepared statement, remembering its result when it is a `let`.
    public mutating func run(_ query: PreparedQuery) throws -> QueryResult {
        let result = try query.run()
        record(result)
        return result
    }

    /// Remembers the result of a `let` statement that was run outside the session (for example
    /// on another task, so it could be cancelled). Other results are ignored.
    public mutating func record(_ result: QueryResult) {
        guard let name = result.binding else { return }
        if bindings[name] == nil { order.append(name) }
        bindings[name] = result.paperIndexes.map { Int32($0) }
    }

    /// This session's names on another engine whose corpus starts with this one's papers in the
    /// same order (as after loading more files).
    public func moving(to engine: Engine) -> Session {
        var copy = Session(engine: engine)
        copy.bindings = bindings
        copy.order = order
        return copy
    }

    /// Parses and runs exactly one statement.
    public mutating func run(_ text: String) throws -> QueryResult {
        let script = Script(text)
        if let first = script.diagnostics.first { throw QueryError(diagnostics: [first], source: text) }
        guard script.statements.count == 1 else {
            let range = script.statements.count > 1 ? script.statements[1].range
                : SourceRange(start: SourceLocation(line: 1, column: 1, offset: 0), end: SourceLocation(line: 1, column: 1, offset: 0))
            throw QueryError(diagnostics: [Diagnostic(code: .syntax, message: script.statements.isEmpty ? "expected a query" : "expected one statement, found several", range: range)], source: text)
        }
        return try run(prepare(script.statements[0], in: script))
    }
}
