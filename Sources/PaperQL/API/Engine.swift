// The engine: a corpus, the extractors that derive fields from it, and the functions queries may
// call. It owns the derived columns and indexes, computed on first use and kept, so a query pays
// only for what it touches and a second query pays for nothing already done.

import Synchronization

/// Queries a corpus.
///
/// ```swift
/// let engine = try Engine(corpus: corpus, extractors: [ParamsExtractor()])
/// let query = try engine.prepare("papers where params < 10B sort by params desc limit 5")
/// let result = try query.run()
/// for row in result.rows { print(row) }
/// ```
///
/// An engine is safe to share between threads; prepared queries may run concurrently.
public final class Engine: Sendable {
    /// Settings that change how queries run, never what they return.
    public struct Options: Sendable {
        /// Answer predicates from indexes where possible (on by default). Turning it off makes
        /// every predicate scan; results are the same.
        public var useIndexes = true

        public init(useIndexes: Bool = true) {
            self.useIndexes = useIndexes
        }
    }

    public let corpus: Corpus
    /// Every field a query can name.
    public let schema: Schema
    public let options: Options
    let extractors: [any Extractor]
    /// Field name -> index of the extractor providing it.
    private let providers: [String: Int]
    /// Each extractor's fields, with providers filled in.
    private let extractorFields: [[FieldDescriptor]]
    let functions: [String: QueryFunction]
    private let state = Mutex(State())
    private let extractionGate = Mutex(())

    private struct State {
        var columns: [String: Column] = [:]
        var sorted: [String: SortedNumberIndex] = [:]
        var postings: [String: PostingIndex] = [:]
        var presence: [String: RowSet] = [:]
        var extracted: Set<Int> = []
        var diagnostics: [LoadDiagnostic] = []
    }

    /// An engine over `corpus` with the given extractors and extra functions.
    ///
    /// Extractors run lazily: the first query that needs one of an extractor's fields runs it
    /// over the whole corpus; ``extractAll()`` runs them all up front.
    ///
    /// - Throws: ``EngineError`` when two extractors declare the same field, a field name is
    ///   not a valid identifier, or extractors depend on each other in a cycle.
    public init(corpus: Corpus, extractors: [any Extractor] = [], functions: [QueryFunction] = [],
                options: Options = Options()) throws(EngineError) {
        self.corpus = corpus
        self.options = options
        var fields = corpus.fields
        var providers: [String: Int] = [:]
        var extractorFields: [[FieldDescriptor]] = []
        var warnings: [LoadDiagnostic] = []
        for (i, extractor) in extractors.enumerated() {
            var own: [FieldDescriptor] = []
            for var field in extractor.fields {
                guard Engine.isIdentifier(field.name) else {
                    throw EngineError(message: "extractor \(extractor.name): `\(field.name)` is not a valid field name (use lowercase letters, digits and _)")
                }
                field.provider = .extractor(name: extractor.name, version: extractor.version)
                if let other = providers[field.name] {
                    throw EngineError(message: "extractors \(extractors[other].name) and \(extractor.name) both provide `\(field.name)`")
                }
                if let existing = fields.first(where: { $0.name == field.name }) {
                    if existing.provider == .builtin {
                        throw EngineError(message: "extractor \(extractor.name) cannot provide built-in field `\(field.name)`")
                    }
                    // The documents' own field wins; the extractor's is not used.
                    warnings.append(LoadDiagnostic(.warning, origin: "extractor \(extractor.name)",
                        message: "the documents have their own `\(field.name)` field; the extractor's is not used"))
                    own.append(field)
                    continue
                }
                providers[field.name] = i
                fields.append(field)
                own.append(field)
            }
            extractorFields.append(own)
        }
        // Inputs must exist, and must not form a cycle.
        for extractor in extractors {
            for input in extractor.inputs where !fields.contains(where: { $0.name == input }) {
                throw EngineError(message: "extractor \(extractor.name) reads `\(input)`, which no document or extractor provides")
            }
        }
        func visit(_ i: Int, _ path: [Int]) throws(EngineError) {
            if path.contains(i) {
                throw EngineError(message: "extractors depend on each other in a cycle: \((path + [i]).map { extractors[$0].name }.joined(separator: " -> "))")
            }
            for input in extractors[i].inputs { if let j = providers[input] { try visit(j, path + [i]) } }
        }
        for i in extractors.indices { try visit(i, []) }

        self.extractors = extractors
        self.providers = providers
        self.extractorFields = extractorFields
        self.schema = Schema(fields: fields)
        var table: [String: QueryFunction] = [:]
        for f in QueryFunction.builtins { table[f.name] = f }
        for f in functions { table[f.name] = f }
        self.functions = table
        state.withLock { state in
            state.columns = corpus.storage.columns
            state.diagnostics = warnings
        }
    }

    private static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            && Keyword(rawValue: name) == nil
    }

    /// How many extractors have run so far (for tests that check laziness).
    var extractedFieldCount: Int { state.withLock { $0.extracted.count } }

    /// Problems from extractors so far (plugins that failed, for example).
    public var diagnostics: [LoadDiagnostic] { state.withLock { $0.diagnostics } }

    /// The functions queries may call, by name.
    public var functionList: [QueryFunction] { functions.values.sorted { $0.name < $1.name } }

    /// Parses and checks one statement, extracts the fields it needs, and compiles it.
    ///
    /// - Throws: ``QueryError`` with every problem found, before any paper is read.
    public func prepare(_ query: String) throws(QueryError) -> PreparedQuery {
        let statement: Statement
        do {
            statement = try Parser.parseStatement(query)
        } catch {
            throw QueryError(diagnostics: [error], source: query)
        }
        return try prepare(statement, source: query, bindings: [:])
    }

    func prepare(_ statement: Statement, source: String, bindings: [String: [Int32]]) throws(QueryError) -> PreparedQuery {
        switch Resolver.resolve(statement, schema: schema, functions: functions, bindings: bindings, source: source) {
        case .failure(let error):
            throw error
        case .success(let bound):
            materialize(bound.fields)
            let context = executionContext()
            let plan = bound.filter.map { Planner.plan($0, in: context) }
            return PreparedQuery(engine: self, query: bound, plan: plan, context: context)
        }
    }

    /// Parses, prepares and runs one statement.
    public func run(_ query: String) throws -> QueryResult {
        try prepare(query).run()
    }

    /// Runs every extractor now, rather than when a query first needs its fields.
    public func extractAll() {
        materialize(Set(providers.keys))
    }

    /// Each value of `field` for the paper at `index`, with the text it was extracted from.
    public func evidence(paper index: Int, field: String) -> [EvidencedValue] {
        guard let descriptor = schema.field(named: field), index >= 0, index < corpus.count else { return [] }
        let column = self.column(descriptor.name)
        let range = column.rows.range(of: index)
        return range.map { i in EvidencedValue(value: column.element(at: i), evidence: column.evidence?.evidence(at: i)) }
    }

    /// The share of papers (0...1) that have a value for `field`.
    public func coverage(of field: String) -> Double {
        guard let descriptor = schema.field(named: field), corpus.count > 0 else { return 0 }
        if descriptor.name == "text" { return presence("title").union(presence("abstract")).count == 0 ? 0 : Double(presence("title").union(presence("abstract")).count) / Double(corpus.count) }
        return Double(presence(descriptor.name).count) / Double(corpus.count)
    }

    /// The value of `field` for the paper at `index`.
    public func value(paper index: Int, field: String) -> Value {
        guard let descriptor = schema.field(named: field), descriptor.name != "text" else {
            return field == "text" ? .string(corpus.document(at: index).title + " " + corpus.document(at: index).abstract) : .missing
        }
        return column(descriptor.name).value(of: index)
    }

    /// The distinct values of a string field, most frequent first (for completion in the REPL).
    public func distinctValues(of field: String, limit: Int = 100) -> [String] {
        guard let descriptor = schema.field(named: field), descriptor.type.scalar == .string, descriptor.name != "text" else { return [] }
        guard case .strings(let column) = self.column(descriptor.name).data,
              case .dictionary(let codes, let dictionary) = column.storage else { return [] }
        var counts = [Int](repeating: 0, count: dictionary.count)
        for code in codes { counts[Int(code)] += 1 }
        return dictionary.indices.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : dictionary[$0] < dictionary[$1] }
            .prefix(limit).map { dictionary[$0] }
    }

    // MARK: - Columns and indexes

    func executionContext() -> ExecutionContext {
        ExecutionContext(
            rowCount: corpus.count,
            column: { [self] in column($0) },
            sortedIndex: { [self] in sortedIndex($0) },
            postingIndex: { [self] in postingIndex($0) },
            presence: { [self] in presence($0) },
            useIndexes: options.useIndexes)
    }

    func column(_ name: String) -> Column {
        if let column = state.withLock({ $0.columns[name] }) { return column }
        if let extractor = providers[name] {
            runExtractor(extractor)
            if let column = state.withLock({ $0.columns[name] }) { return column }
        }
        // A field the schema knows but no paper has (a document field of an empty corpus).
        let descriptor = schema.field(named: name) ?? FieldDescriptor(name: name, type: .string, summary: "")
        let empty = RowOffsets(offsets: [Int32](repeating: 0, count: corpus.count + 1))
        let data: ColumnData = descriptor.type.scalar == .string
            ? .strings(StringColumn(rows: empty, storage: .raw(bytes: [], bounds: [0])))
            : .numbers(NumberColumn(rows: empty, values: []))
        return Column(descriptor: descriptor, data: data)
    }

    private func materialize(_ fields: Set<String>) {
        for field in fields.sorted() {
            if field == "text" {
                _ = column("title")
                _ = column("abstract")
            } else if providers[field] != nil {
                _ = column(field)
            }
        }
    }

    private func runExtractor(_ index: Int) {
        let extractor = extractors[index]
        // Inputs first, outside the gate, so dependent extractors never wait on themselves.
        var textInputs: [(name: String, column: StringColumn)] = []
        var otherInputs: [String: Column] = [:]
        for input in extractor.inputs {
            let column = column(input)
            if input == "title" || input == "abstract" || (schema.field(named: input)?.type == .string && providers[input] == nil) {
                if case .strings(let c) = column.data { textInputs.append((input, c)); continue }
            }
            otherInputs[input] = column
        }
        extractionGate.withLock { _ in
            if state.withLock({ $0.extracted.contains(index) }) { return }
            // A list, not the dictionary: an extractor reads one or two such fields per paper,
            // and comparing short names costs less than hashing them.
            let inputs = Array(otherInputs)
            let lookup: @Sendable (String, Int) -> [Value] = { field, row in
                inputs.first { $0.key == field }.map { $0.value.value(of: row).elements } ?? []
            }
            var corpusView = ExtractionCorpus(rowCount: corpus.count, textColumns: textInputs, lookup: lookup)
            corpusView.ruledOut = corpus.storage.abridged
            var diagnostics: [LoadDiagnostic] = []
            let columns = ExtractionRunner.run(extractor, fields: extractorFields[index], corpus: corpusView, diagnostics: &diagnostics)
            state.withLock { state in
                for column in columns where providers[column.descriptor.name] == index {
                    state.columns[column.descriptor.name] = column
                }
                state.extracted.insert(index)
                state.diagnostics.append(contentsOf: diagnostics)
            }
        }
    }

    func sortedIndex(_ name: String) -> SortedNumberIndex {
        if let index = state.withLock({ $0.sorted[name] }) { return index }
        guard case .numbers(let c) = column(name).data else { return SortedNumberIndex(NumberColumn(rows: RowOffsets(offsets: [0]), values: [])) }
        let index = SortedNumberIndex(c)
        state.withLock { $0.sorted[name] = index }
        return index
    }

    func postingIndex(_ name: String) -> PostingIndex {
        if let index = state.withLock({ $0.postings[name] }) { return index }
        guard case .strings(let c) = column(name).data else { return PostingIndex(StringColumn(rows: RowOffsets(offsets: [0]), storage: .raw(bytes: [], bounds: [0]))) }
        let index = PostingIndex(c)
        state.withLock { $0.postings[name] = index }
        return index
    }

    func presence(_ name: String) -> RowSet {
        if let set = state.withLock({ $0.presence[name] }) { return set }
        let set: RowSet
        if name == "text" {
            set = presence("title").union(presence("abstract"))
        } else {
            set = column(name).rows.presence()
        }
        state.withLock { $0.presence[name] = set }
        return set
    }
}

/// A problem with how an engine was set up (not with a query).
public struct EngineError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
