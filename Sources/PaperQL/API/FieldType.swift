// The type system of the query language: four scalar kinds, and lists of them. Small on purpose:
// every field a paper can have fits, and the checker can explain every mismatch in one line.

/// The type of a field: a scalar kind, or a list of one.
public struct FieldType: Sendable, Hashable, CustomStringConvertible {
    /// The kinds of scalar a field can hold.
    public enum Scalar: String, Sendable, Hashable, CaseIterable {
        case number, string, date, bool
    }

    public let scalar: Scalar
    /// Whether the field holds any number of values per paper. List fields compare
    /// existentially: `params < 10B` holds when any value does.
    public let isList: Bool

    public init(_ scalar: Scalar, isList: Bool = false) {
        self.scalar = scalar
        self.isList = isList
    }

    public static let number = FieldType(.number)
    public static let string = FieldType(.string)
    public static let date = FieldType(.date)
    public static let bool = FieldType(.bool)
    public static func list(_ scalar: Scalar) -> FieldType { FieldType(scalar, isList: true) }

    /// `number`, `string`, `list<number>`, ...
    public var description: String { isList ? "list<\(scalar.rawValue)>" : scalar.rawValue }
}

/// How the table renderer writes a number field. Machine formats (JSON, CSV) always write plain
/// numbers.
public enum NumberStyle: String, Sendable, Hashable {
    /// `2024`, `1.5`.
    case plain
    /// Magnitude suffixes: `7B`, `760M`, `1.5T`.
    case magnitude
    /// A multiplier: `4.7x`.
    case multiplier
    /// A fraction shown as a percentage: `0.558` is `55.8%`.
    case percent
}
