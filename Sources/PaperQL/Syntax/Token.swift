// The tokens the lexer hands the parser. Words are not split into keywords here: whether `count`
// is a keyword or a field name depends on where it stands, so the parser decides (the way
// SQLite's grammar lets a keyword fall back to an identifier).

/// A comparison operator, as written in a predicate.
enum ComparisonOperator: String, Sendable, Hashable {
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    /// The operator that holds with its operands swapped (`3 < x` is `x > 3`).
    var flipped: ComparisonOperator {
        switch self {
        case .equal, .notEqual: return self
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        }
    }

    func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .equal: return a == b
        case .notEqual: return a != b
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        }
    }
}

/// What a number literal was written with: `10B`, `55.8%`, `4.7x` or plain `12`.
enum NumberUnit: Sendable, Hashable {
    case plain, magnitude, percent, multiplier
}

struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// An identifier or keyword; the spelling is in `text`.
        case word
        case number(Double, NumberUnit)
        case string(String)
        case regex(pattern: String, flags: String)
        case date(CalendarDate)
        case leftParen, rightParen, comma, semicolon, minus, star
        case comparison(ComparisonOperator)
        /// One or more line breaks; the parser decides whether they end a statement.
        case newline
        case end
    }

    let kind: Kind
    /// The source text of the token.
    let text: Substring
    let range: SourceRange

    /// Whether this is the word `keyword`, in any case.
    func isWord(_ keyword: Keyword) -> Bool {
        kind == .word && text.count == keyword.rawValue.count && text.lowercased() == keyword.rawValue
    }

    /// How a diagnostic names this token: "at 'where'" or "at end".
    var quoted: String {
        switch kind {
        case .end: return "end of input"
        case .newline: return "end of line"
        default: return "`\(text)`"
        }
    }
}
