// Problems found in a query or a script. The library never prints: a diagnostic is a value that
// carries everything a renderer needs (code, message, range, hints), and the CLI or an embedder
// decides how to show it.

/// A problem in query text: a syntax error, an unknown name, a type mismatch.
///
/// Match on ``code`` rather than on the wording of ``message``, which may change.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable identifier of the kind of problem.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A character or token that cannot start anything here.
        public static let syntax = Code(rawValue: "syntax")
        /// A literal that cannot be read: `10Q`, `2024-13-01`, an unterminated string.
        public static let badLiteral = Code(rawValue: "bad-literal")
        public static let unknownField = Code(rawValue: "unknown-field")
        public static let unknownFunction = Code(rawValue: "unknown-function")
        /// A `let` name that was never defined.
        public static let unknownName = Code(rawValue: "unknown-name")
        /// A value outside a field's vocabulary (an unknown topic).
        public static let unknownValue = Code(rawValue: "unknown-value")
        public static let typeMismatch = Code(rawValue: "type-mismatch")
        /// A clause in the wrong place or combined with one it cannot follow.
        public static let misplacedClause = Code(rawValue: "misplaced-clause")
        public static let badRegex = Code(rawValue: "bad-regex")
        /// Nesting deeper than the parser accepts.
        public static let tooDeep = Code(rawValue: "too-deep")
        /// The query was cancelled while running.
        public static let cancelled = Code(rawValue: "cancelled")
    }

    public let code: Code
    /// One line, lowercase, no trailing period: `unknown field `parms``.
    public let message: String
    /// The text the problem is about.
    public let range: SourceRange
    /// A short suggestion, shown after the message: "did you mean `params` (extractor params)?".
    public let suggestion: String?
    /// Longer lists a renderer may show on request: the valid fields, the known topics.
    public let hints: [String]

    public init(code: Code, message: String, range: SourceRange, suggestion: String? = nil, hints: [String] = []) {
        self.code = code
        self.message = message
        self.range = range
        self.suggestion = suggestion
        self.hints = hints
    }

    /// `line:column: message; suggestion`.
    public var description: String {
        "\(range.start): \(message)" + (suggestion.map { "; \($0)" } ?? "")
    }
}

/// One or more diagnostics for a statement, thrown by ``Engine/prepare(_:)`` and ``Session``.
public struct QueryError: Error, Sendable, CustomStringConvertible {
    /// At least one diagnostic, in source order.
    public let diagnostics: [Diagnostic]
    /// The text the ranges refer to.
    public let source: String

    public init(diagnostics: [Diagnostic], source: String) {
        precondition(!diagnostics.isEmpty)
        self.diagnostics = diagnostics
        self.source = source
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
