// A value as the engine hands it to callers: one cell of a result row, one field of a document.
// Storage inside the engine is columnar and typed (see Corpus/Column.swift); `Value` exists at the
// edges, where a caller reads or supplies a single field.

/// A typed value of a paper field or a result cell.
///
/// List fields (such as `params` or `topic`) hold ``list(_:)`` values; a field with no value is
/// ``missing``. Numbers are plain `Double`s: `7B` in a query is `7_000_000_000`.
public enum Value: Sendable, Hashable {
    /// No value: the field is absent, or a list field has no elements.
    case missing
    case number(Double)
    case string(String)
    case date(CalendarDate)
    case bool(Bool)
    case list([Value])

    /// The number inside, if this is a number.
    public var number: Double? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// The string inside, if this is a string.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The elements of a list, a one-element array for a scalar, and an empty array for
    /// ``missing``: the view the query language takes of every field.
    public var elements: [Value] {
        switch self {
        case .missing: return []
        case .list(let items): return items
        default: return [self]
        }
    }

    /// Whether this is ``missing`` or an empty list.
    public var isMissing: Bool { elements.isEmpty }
}

extension Value: CustomStringConvertible {
    /// A plain rendering for debugging and logs; renderers in the CLI format values properly.
    public var description: String {
        switch self {
        case .missing: return "null"
        case .number(let n): return NumberFormatting.plain(n)
        case .string(let s): return s
        case .date(let d): return d.description
        case .bool(let b): return b ? "true" : "false"
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        }
    }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
}
