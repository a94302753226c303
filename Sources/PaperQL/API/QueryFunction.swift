// Functions callable in queries. The built-ins (the aggregates and a few scalar helpers) are
// defined here with the same type an embedder uses to register its own, so the checker, the
// evaluator and `.help` treat them alike.

/// A function that queries can call, such as `length(title)` or a custom `words(abstract)`.
///
/// ```swift
/// let shout = QueryFunction(name: "shout", summary: "Upper-cases a string",
///                           arguments: [.string], returns: .string) { args in
///     args[0].string.map { .string($0.uppercased()) } ?? .missing
/// }
/// let engine = try Engine(corpus: corpus, functions: [shout])
/// ```
public struct QueryFunction: Sendable {
    /// How arguments and results relate to lists.
    enum Kind: Sendable {
        /// Scalar in, scalar out; called once per paper with each argument's value.
        case scalar
        /// A list (or one value) in, one value out: `max(params)` within a paper, and across the
        /// papers of a group in `select` with `group by`.
        case aggregate(Aggregate)
    }

    enum Aggregate: String, Sendable {
        case count, min, max, sum, avg
    }

    public let name: String
    /// One line, for `.help` and `paperql functions`.
    public let summary: String
    /// The types of the arguments, in order.
    public let arguments: [FieldType]
    public let returns: FieldType
    let kind: Kind
    let body: @Sendable ([Value]) -> Value

    /// A function of scalar arguments. It receives each argument as a ``Value`` (``Value/missing``
    /// when a paper has none) and returns one value, or ``Value/missing``.
    public init(name: String, summary: String, arguments: [FieldType], returns: FieldType,
                _ body: @escaping @Sendable ([Value]) -> Value) {
        self.name = name.lowercased()
        self.summary = summary
        self.arguments = arguments
        self.returns = returns
        self.kind = .scalar
        self.body = body
    }

    init(aggregate: Aggregate, summary: String) {
        name = aggregate.rawValue
        self.summary = summary
        arguments = []
        returns = .number
        kind = .aggregate(aggregate)
        body = { _ in .missing }
    }

    var aggregate: Aggregate? {
        if case .aggregate(let a) = kind { return a }
        return nil
    }

    /// `name(type, type) -> type`.
    var signature: String {
        if let aggregate {
            switch aggregate {
            case .count: return "count(any) -> number, count() in group by"
            case .min, .max: return "\(name)(list) -> value"
            case .sum, .avg: return "\(name)(list<number>) -> number"
            }
        }
        return "\(name)(\(arguments.map(\.description).joined(separator: ", "))) -> \(returns)"
    }

    /// The functions every engine knows.
    static let builtins: [QueryFunction] = [
        QueryFunction(aggregate: .count, summary: "Number of values of a field in a paper; in `group by`, `count()` is the number of papers"),
        QueryFunction(aggregate: .min, summary: "Smallest value of a list (within a paper, or across a group)"),
        QueryFunction(aggregate: .max, summary: "Largest value of a list (within a paper, or across a group)"),
        QueryFunction(aggregate: .sum, summary: "Sum of a list of numbers"),
        QueryFunction(aggregate: .avg, summary: "Mean of a list of numbers"),
        QueryFunction(name: "length", summary: "Number of characters in a string", arguments: [.string], returns: .number) { args in
            args[0].string.map { .number(Double($0.count)) } ?? .missing
        },
        QueryFunction(name: "words", summary: "Number of words in a string", arguments: [.string], returns: .number) { args in
            args[0].string.map { .number(Double($0.split(whereSeparator: { $0.isWhitespace }).count)) } ?? .missing
        },
        QueryFunction(name: "lower", summary: "A string in lower case", arguments: [.string], returns: .string) { args in
            args[0].string.map { .string($0.lowercased()) } ?? .missing
        },
        QueryFunction(name: "upper", summary: "A string in upper case", arguments: [.string], returns: .string) { args in
            args[0].string.map { .string($0.uppercased()) } ?? .missing
        },
        QueryFunction(name: "year", summary: "The year of a date", arguments: [.date], returns: .number) { args in
            if case .date(let d) = args[0] { return .number(Double(d.year)) }
            return .missing
        },
        QueryFunction(name: "abs", summary: "Absolute value", arguments: [.number], returns: .number) { args in
            args[0].number.map { .number(abs($0)) } ?? .missing
        },
    ]
}
