// A one-shot query over a large file reads every paper but matches few. The prefilter, worked
// out from the query before loading, tells the loader which papers cannot match: those keep
// their title and every other field but lose their abstract, and no extractor runs on them, so
// the extractors the query needs run over a fraction of the corpus. Only conditions the query
// must satisfy are used (`and` of conditions, `or` when both sides have one; never anything
// under `not`), so a paper the prefilter turns away fails the query with or without its abstract.
//
// Two kinds of condition: text an extractor promises a value needs (a scan for phrases, cheap
// enough for every paper), and a comparison on an extracted field, decided by running that
// extractor on the paper there and then. The second costs as much as the extraction itself, so
// it is used only behind the first: on the few papers a phrase scan lets through.
//
// Separately, the document fields the query never mentions (authors, categories, dates, ...)
// are read but not stored: their columns exist, so the schema and its suggestions are the same,
// but hold no values.

/// What a query demands of a paper's text, for loading a corpus just for that query.
///
/// ```swift
/// let prefilter = QueryPrefilter(query, extractors: extractors)
/// let corpus = try Corpus(contentsOf: urls, prefilter: prefilter)
/// let result = try Engine(corpus: corpus, extractors: extractors).run(query)
/// ```
///
/// The result is the same as without the prefilter; the corpus is meant for this query only,
/// since papers that cannot match it are loaded without their abstracts, and fields the query
/// never mentions are left empty.
public struct QueryPrefilter: Sendable {
    indirect enum Condition: Sendable {
        /// One of the phrases occurs (when there are phrases), and then `check` (when given) holds.
        case text(LiteralSet?, check: (@Sendable (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Bool)?)
        /// The extractor, run on the paper, gives field `field` (its index) a value passing `test`.
        case extracted(any Extractor, field: Int, test: @Sendable (Value) -> Bool)
        case all([Condition])
        case any([Condition])

        func holds(_ title: UnsafeBufferPointer<UInt8>, _ abstract: UnsafeBufferPointer<UInt8>) -> Bool {
            switch self {
            case .text(let set, let check):
                return set?.mayOccur(in: title, abstract) != false && check?(title, abstract) != false
            case .extracted(let extractor, let field, let test):
                var output = ExtractionOutput(fields: extractor.fields)
                let input = ExtractionInput(row: -1, title: TextView(field: "title", utf8: title),
                                            abstract: TextView(field: "abstract", utf8: abstract), others: [],
                                            lookup: { _, _ in [] })
                extractor.extract(from: input, into: &output)
                return output.values(at: field).contains(where: test)
            case .all(let parts): return parts.allSatisfy { $0.holds(title, abstract) }
            case .any(let parts): return parts.contains { $0.holds(title, abstract) }
            }
        }

        /// Whether a phrase scan comes first, so that the condition is cheap for most papers.
        var isGated: Bool {
            switch self {
            case .text: return true
            case .extracted: return false
            case .all(let parts): return parts.contains { $0.isGated }
            case .any(let parts): return parts.allSatisfy { $0.isGated }
            }
        }
    }

    /// What a paper's title and abstract must satisfy; `nil` when the query does not constrain
    /// text in a way the extractors can vouch for.
    let condition: Condition?
    /// Extracted fields the condition relies on. If the documents bring a field of that name,
    /// it is theirs that queries see, and the prefilter does not apply.
    let extractedFields: Set<String>
    /// The fields whose values are stored (lowercased), or `nil` for every field.
    let storedFields: Set<String>?

    /// The prefilter for `query`, or `nil` when it would change nothing: the query does not
    /// constrain text in a way the extractors can vouch for and reads every field (or does not
    /// parse).
    public init?(_ query: String, extractors: [any Extractor]) {
        guard let statement = try? Parser.parseStatement(query), statement.binding == nil,
              case .papers = statement.query.source else { return nil }
        var used: Set<String> = []
        var condition = statement.query.filter.flatMap { QueryPrefilter.condition(for: $0, extractors: extractors, used: &used) }
        if condition?.isGated != true {
            condition = nil
            used = []
        }
        let stored = MentionedFields.of(statement.query).map { mentioned in
            mentioned.union(CorpusBuilder.builtinFields.map(\.name)).union(extractors.flatMap(\.inputs).map { $0.lowercased() })
        }
        guard condition != nil || stored != nil else { return nil }
        self.condition = condition
        self.extractedFields = used
        self.storedFields = stored
    }

    /// Whether the prefilter turns papers away (rather than only leaving fields out).
    var rulesOutPapers: Bool { condition != nil }

    /// Whether a paper with this title and abstract may satisfy the query.
    func mayMatch(title: UnsafeBufferPointer<UInt8>, abstract: UnsafeBufferPointer<UInt8>) -> Bool {
        condition?.holds(title, abstract) ?? true
    }

    /// Whether values of `field` are kept.
    func stores(_ field: String) -> Bool {
        guard let storedFields else { return true }
        return storedFields.contains(field) || storedFields.contains(field.lowercased())
    }

    private static func condition(for expression: Expression, extractors: [any Extractor], used: inout Set<String>) -> Condition? {
        switch expression.kind {
        case .and(let a, let b):
            let left = condition(for: a, extractors: extractors, used: &used)
            let right = condition(for: b, extractors: extractors, used: &used)
            switch (left, right) {
            case (nil, nil): return nil
            case (let x?, nil), (nil, let x?): return x
            case (let x?, let y?):
                // Phrase scans first: the extractions behind them then run on few papers.
                return .all(y.isGated && !x.isGated ? [y, x] : [x, y])
            }
        case .or(let a, let b):
            var mark = used
            guard let left = condition(for: a, extractors: extractors, used: &mark),
                  let right = condition(for: b, extractors: extractors, used: &mark),
                  left.isGated, right.isGated else { return nil }
            used = mark
            return .any([left, right])
        case .compare(let left, let op, let right):
            if case .field(let name) = left.kind, case .literal(let literal) = right.kind {
                return comparison(name, op, literal, extractors: extractors, used: &used)
            }
            if case .field(let name) = right.kind, case .literal(let literal) = left.kind {
                return comparison(name, op.flipped, literal, extractors: extractors, used: &used)
            }
            return nil
        case .between(let operand, let low, let high):
            guard case .field(let name) = operand.kind, case .number(let a, _) = low.kind, case .number(let b, _) = high.kind,
                  let (extractor, field) = standalone(name, extractors) else { return nil }
            used.insert(name.text.lowercased())
            return .extracted(extractor, field: field) { $0.number.map { $0 >= a && $0 <= b } ?? false }
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

    /// `field op literal`: a phrase requirement for string equality when the extractor makes
    /// one, else a numeric or string comparison decided by running the extractor.
    private static func comparison(_ name: Name, _ op: ComparisonOperator, _ literal: Literal, extractors: [any Extractor],
                                   used: inout Set<String>) -> Condition? {
        if op == .equal, let condition = requirement(name, literal, extractors: extractors, used: &used) { return condition }
        guard op != .notEqual, let (extractor, field) = standalone(name, extractors) else { return nil }
        let descriptor = extractor.fields[field]
        let test: @Sendable (Value) -> Bool
        switch literal.kind {
        case .number(let n, _) where descriptor.type.scalar == .number:
            test = { value in
                guard let x = value.number else { return false }
                switch op {
                case .equal: return x == n
                case .less: return x < n
                case .lessOrEqual: return x <= n
                case .greater: return x > n
                case .greaterOrEqual: return x >= n
                case .notEqual: return false
                }
            }
        case .string(let s) where descriptor.type.scalar == .string && op == .equal:
            let wanted = descriptor.aliases[s.lowercased()]?.lowercased() ?? s.lowercased()
            test = { $0.string?.lowercased() == wanted }
        default:
            return nil
        }
        used.insert(descriptor.name)
        return .extracted(extractor, field: field, test: test)
    }

    /// The extractor providing `name` and the field's index in it, when it reads only the title
    /// and abstract (so that it can run on a paper while the paper loads).
    private static func standalone(_ name: Name, _ extractors: [any Extractor]) -> (any Extractor, Int)? {
        let field = name.text.lowercased()
        for extractor in extractors {
            guard let index = extractor.fields.firstIndex(where: { $0.name == field }) else { continue }
            guard Set(extractor.inputs).isSubset(of: ["title", "abstract"]), !(extractor is any CorpusExtractor) else { return nil }
            return (extractor, index)
        }
        return nil
    }

    private static func requirement(_ name: Name, _ literal: Literal, extractors: [any Extractor],
                                    used: inout Set<String>) -> Condition? {
        guard case .string(let value) = literal.kind else { return nil }
        let field = name.text.lowercased()
        guard let extractor = extractors.first(where: { $0.fields.contains { $0.name == field } }),
              let requirement = extractor.requirement(for: field, equalTo: value) else { return nil }
        if requirement.anyOf.isEmpty, let check = requirement.check {
            used.insert(field)
            return .text(nil, check: check)
        }
        guard let set = LiteralSet(requirement.anyOf) else { return nil }
        used.insert(field)
        return .text(set, check: requirement.check)
    }
}
