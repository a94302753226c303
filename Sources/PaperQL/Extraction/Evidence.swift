// Evidence: where in a paper's text an extracted value was read, so that a user can always ask
// "why does this paper match?".

/// The span of text a value was extracted from.
public struct Evidence: Sendable, Hashable {
    /// The field the text belongs to, usually `title` or `abstract`.
    public let field: String
    /// Offsets in the UTF-8 bytes of that field's text.
    public let utf8Range: Range<Int>

    public init(field: String, utf8Range: Range<Int>) {
        self.field = field
        self.utf8Range = utf8Range
    }

    /// The evidence text within `text`, the full text of ``field``.
    public func excerpt(in text: String) -> Substring {
        let utf8 = text.utf8
        let lo = utf8.index(utf8.startIndex, offsetBy: min(utf8Range.lowerBound, utf8.count))
        let hi = utf8.index(utf8.startIndex, offsetBy: min(utf8Range.upperBound, utf8.count))
        return text[lo..<hi]
    }
}

/// A value of a paper's field together with the text it came from.
public struct EvidencedValue: Sendable, Hashable {
    public let value: Value
    /// `nil` for values that were read from a document rather than extracted.
    public let evidence: Evidence?

    public init(value: Value, evidence: Evidence?) {
        self.value = value
        self.evidence = evidence
    }
}

/// A problem met while loading a corpus or running an extractor. Loading goes on: the record
/// or the plugin concerned is skipped and everything else is kept.
public struct LoadDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        /// Something was kept but changed or disambiguated (a duplicate id, replaced bytes).
        case warning
        /// Something was not loaded (a record, a plugin's values).
        case error
    }

    public let severity: Severity
    /// A file path, or the name of a plugin.
    public let origin: String
    /// The 1-based line in `origin`, when it is a file.
    public let line: Int?
    public let message: String

    public init(_ severity: Severity, origin: String, line: Int? = nil, message: String) {
        self.severity = severity
        self.origin = origin
        self.line = line
        self.message = message
    }

    /// `origin:line: message`.
    public var description: String {
        "\(origin)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
