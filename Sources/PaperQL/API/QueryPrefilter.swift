// A one-shot query over a large file reads every paper but matches few. The prefilter, worked
// out from the query before loading, tells the loader which papers cannot match: those keep
// their title and every other field but lose their abstract, so that the extractors the query
// needs run over a fraction of the text. Only conditions the query must satisfy are used
// (`and` of requirements, `or` when both sides have one; never anything under `not`), so a
// paper the prefilter turns away fails the query with or without its abstract.

/// What a query demands of a paper's text, for loading a corpus just for that query.
///
/// ```swift
/// let prefilter = QueryPrefilter(query, extractors: extractors)
/// let corpus = try Corpus(contentsOf: urls, prefilter: prefilter)
/// let result = try Engine(corpus: corpus, extractors: extractors).run(query)
/// ```
///
/// The result is the same as without the prefilter; the corpus is meant for this query only,
/// since papers that cannot match it are loaded without their abstracts.
public struct QueryPrefilter: Sendable {
    indirect enum Condition: Sendable {
        /// One of the phrases occurs, and then `check` (when given) holds.
        case text(LiteralSet, check: (@Sendable (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Bool)?)
        case all([Condition])
        case any([Condition])

        func holds(_ title: UnsafeBufferPointer<UInt8>, _ abstract: UnsafeBufferPointer<UInt8>) -> Bool {
            switch self {
            case .text(let set, let check): return set.mayOccur(in: title, abstract) && check?(title, abstract) != false
            case .all(let parts): return parts.allSatisfy { $0.holds(title, abstract) }
            case .any(let parts): return parts.contains { $0.holds(title, abstract) }
            }
        }
    }

    let condition: Condition
    /// Extracted fields the condition relies on. If the documents bring a field of that name,
    /// it is theirs that queries see, and the prefilter does not apply.
    let extractedFields: Set<String>

    /// The prefilter for `query`, or `nil` when the query does not constrain text in a way the
    /// extractors can vouch for (or does not parse).
    public init?(_ query: String, extractors: [any Extractor]) {
        guard let statement = try? Parser.parseStatement(query), statement.binding == nil,
              case .papers = statement.query.source, let filter = statement.query.filter else { return nil }
        var used: Set<String> = []
        guard let condition = QueryPrefilter.condition(for: filter, extractors: extractors, used: &used) else { return nil }
        self.condition = condition
        self.extractedFields = used
    }

    /// Whether a paper with this title and abstract may satisfy the query.
    func mayMatch(title: UnsafeBufferPointer<UInt8>, abstract: UnsafeBufferPointer<UInt8>) -> Bool {
        condition.holds(title, abstract)
    }

    private static func condition(for expression: Expression, extractors: [any Extractor], used: inout Set<String>) -> Condition? {
        switch expression.kind {
        case .and(let a, let b):
            let left = condition(for: a, extractors: extractors, used: &used)
            let right = condition(for: b, extractors: extractors, used: &used)
            switch (left, right) {
            case (nil, nil): return nil
            case (let x?, nil), (nil, let x?): return x
            case (let x?, let y?): return .all([x, y])
            }
        case .or(let a, let b):
            var mark = used
            guard let left = condition(for: a, extractors: extractors, used: &mark),
                  let right = condition(for: b, extractors: extractors, used: &mark) else { return nil }
            used = mark
            return .any([left, right])
        case .compare(let left, .equal, let right):
            if case .field(let name) = left.kind, case .literal(let literal) = right.kind {
                return requirement(name, literal, extractors: extractors, used: &used)
            }
            if case .field(let name) = right.kind, case .literal(let literal) = left.kind {
                return requirement(name, literal, extractors: extractors, used: &used)
            }
            return nil
        case .inList(let operand, let literals, negated: false):
            guard case .field(let name) = operand.kind, !literals.isEmpty else { return nil }
            var mark = used
            var parts: [Condition] = []
            for literal in literals {
                guard let part = requirement(name, literal, extractors: extractors, used: &mark) else { return nil }
                parts.append(part)
            }
            used = mark
            return .any(parts)
        case .contains(let operand, let literal):
            // `contains` on the text itself: the needle is in the title or abstract.
            guard case .field(let name) = operand.kind, ["title", "abstract", "text"].contains(name.text.lowercased()),
                  case .string(let needle) = literal.kind, needle.utf8.allSatisfy({ $0 < 0x80 }),
                  let set = LiteralSet([needle]) else { return nil }
            return .text(set, check: nil)
        default:
            return nil
        }
    }

    private static func requirement(_ name: Name, _ literal: Literal, extractors: [any Extractor],
                                    used: inout Set<String>) -> Condition? {
        guard case .string(let value) = literal.kind else { return nil }
        let field = name.text.lowercased()
        guard let extractor = extractors.first(where: { $0.fields.contains { $0.name == field } }),
              let requirement = extractor.requirement(for: field, equalTo: value),
              let set = LiteralSet(requirement.anyOf) else { return nil }
        used.insert(field)
        return .text(set, check: requirement.check)
    }
}
