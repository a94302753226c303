// What an extractor can promise about its input: "this field takes this value only if the text
// mentions one of these phrases". A query over a large file uses the promise while loading, to
// skip the abstracts of papers that cannot match (see QueryPrefilter).

/// Text a paper's title or abstract must contain for a field to take a value.
///
/// The phrases compare as the standard extractors match text: ASCII case is ignored, and `-`,
/// `_` and space are alike. A requirement must never be stricter than the extractor: if the
/// extractor could give the value to a paper mentioning none of the phrases, return `nil`.
public struct TextRequirement: Sendable {
    /// At least one of these occurs in the title or the abstract (no phrase test when empty).
    public let anyOf: [String]
    /// A closer test for papers that mention one of the phrases, given the title and abstract
    /// as UTF-8: false only if the value is certainly not given.
    public let check: (@Sendable (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Bool)?

    public init(anyOf: [String], check: (@Sendable (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Bool)? = nil) {
        self.anyOf = anyOf
        self.check = check
    }

    /// A test of the title and abstract alone (as UTF-8), with no phrases to look for first:
    /// false only if the value is certainly not given. For extractors whose own test is as
    /// fast as a phrase search would be.
    public init(check: @escaping @Sendable (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Bool) {
        self.anyOf = []
        self.check = check
    }
}

extension Extractor {
    /// No promise: any paper may have any value.
    public func requirement(for field: String, equalTo value: String) -> TextRequirement? { nil }
}
