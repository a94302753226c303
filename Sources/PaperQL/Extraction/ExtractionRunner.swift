// Runs one extractor over the whole corpus: papers are split into chunks, chunks run in parallel
// on every core, and each chunk's values are merged in chunk order, so the result (and every
// value's position) is the same whatever the scheduling.

import Dispatch

/// Extractors that process the whole corpus at once rather than paper by paper (external
/// programs, which stream every paper through one process).
protocol CorpusExtractor: Extractor {
    /// Values for every paper, or a diagnostic when the extractor failed as a whole.
    func extractCorpus(_ corpus: ExtractionCorpus) -> ([ExtractedRow], [LoadDiagnostic])
}

/// One paper's extracted values, per declared field, with evidence.
struct ExtractedRow: Sendable {
    var values: [[Value]]
    var evidence: [[Evidence?]]
}

/// Read access to the text of every paper, for extractors.
struct ExtractionCorpus: Sendable {
    let rowCount: Int
    let textColumns: [(name: String, column: StringColumn)]
    let lookup: @Sendable (String, Int) -> [Value]
    /// Papers a query prefilter ruled out while loading (see QueryPrefilter): they get no
    /// values (per-paper extractors do not even run on them).
    var ruledOut: RowSet? = nil

    /// The text of `field` for `row`, as a String.
    func text(_ field: String, row: Int) -> String {
        guard let column = textColumns.first(where: { $0.name == field })?.column else { return "" }
        return column.strings(of: row).joined(separator: " ")
    }
}

enum ExtractionRunner {
    static let chunkSize = 1024

    /// The columns of `extractor`'s fields, in the order it declares them.
    static func run(_ extractor: any Extractor, fields: [FieldDescriptor], corpus: ExtractionCorpus,
                    diagnostics: inout [LoadDiagnostic]) -> [Column] {
        if let whole = extractor as? any CorpusExtractor {
            let (rows, problems) = whole.extractCorpus(corpus)
            diagnostics.append(contentsOf: problems)
            var merged = ColumnAccumulator(fields: fields, textFields: corpus.textColumns.map(\.name))
            for row in 0..<corpus.rowCount {
                if row < rows.count, corpus.ruledOut?.contains(row) != true {
                    var output = ExtractionOutput(fields: fields)
                    for (f, values) in rows[row].values.enumerated() where f < fields.count {
                        for (v, value) in values.enumerated() {
                            output.add(value, toFieldAt: f, evidence: rows[row].evidence[f].indices.contains(v) ? rows[row].evidence[f][v] : nil)
                        }
                    }
                    merged.append(output)
                } else {
                    merged.append(ExtractionOutput(fields: fields))
                }
            }
            return merged.columns()
        }

        let chunkCount = (corpus.rowCount + chunkSize - 1) / chunkSize
        // Chunks are merged in order as they finish, by whichever worker completes the run, so
        // the merge overlaps the extraction of later chunks instead of following all of them
        // on one core.
        var merged = ColumnAccumulator(fields: fields, textFields: corpus.textColumns.map(\.name))
        withUnsafeMutablePointer(to: &merged) { target in
            let merge = InOrderMerge<ColumnAccumulator>(count: chunkCount) { accumulator, _ in target.pointee.absorb(accumulator) }
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let start = chunk * chunkSize
                let end = min(corpus.rowCount, start + chunkSize)
                var accumulator = ColumnAccumulator(fields: fields, textFields: corpus.textColumns.map(\.name))
                var output = ExtractionOutput(fields: fields)
                let empty = TextView(field: "", utf8: UnsafeBufferPointer(start: nil, count: 0))
                // One input for the chunk, refilled per paper: building one per paper retained and
                // released its closure and arrays every time.
                var input = ExtractionInput(row: start, title: empty, abstract: empty, others: [], lookup: corpus.lookup)
                withTextViews(corpus) { views in
                    for row in start..<end {
                        if corpus.ruledOut?.contains(row) == true {
                            accumulator.appendEmptyRow()
                            continue
                        }
                        output.reset()
                        input.row = row
                        input.title = empty
                        input.abstract = empty
                        if !input.others.isEmpty { input.others.removeAll(keepingCapacity: true) }
                        views(row) { view in
                            if view.field == "title" { input.title = view } else if view.field == "abstract" { input.abstract = view } else { input.others.append(view) }
                        }
                        extractor.extract(from: input, into: &output)
                        accumulator.append(output)
                    }
                }
                merge.finished(accumulator, at: chunk)
            }
        }
        return merged.columns()
    }

    /// Gives `body` a function that calls back with each text view of a row (its first value
    /// per text field), valid for the call.
    private static func withTextViews(_ corpus: ExtractionCorpus, _ body: ((Int, (TextView) -> Void) -> Void) -> Void) {
        // Raw columns are read in place; a dictionary-encoded one is laid out flat once, with
        // `codes` mapping its values to entries.
        let sources: [(name: String, rows: RowOffsets, bytes: [UInt8], bounds: [Int], codes: [UInt32]?)] = corpus.textColumns.map { name, column in
            switch column.storage {
            case .raw(let bytes, let bounds):
                return (name, column.rows, bytes, bounds, nil)
            case .dictionary(let codes, let dictionary):
                var bytes: [UInt8] = []
                var bounds = [0]
                for entry in dictionary {
                    bytes.append(contentsOf: entry.utf8)
                    bounds.append(bytes.count)
                }
                return (name, column.rows, bytes, bounds, codes)
            }
        }
        func nest(_ index: Int, _ buffers: [UnsafeBufferPointer<UInt8>]) {
            guard index == sources.count else {
                sources[index].bytes.withUnsafeBufferPointer { nest(index + 1, buffers + [$0]) }
                return
            }
            body { row, visit in
                for (k, source) in sources.enumerated() {
                    let range = source.rows.range(of: row)
                    guard let first = range.first else { continue }
                    let entry = source.codes.map { Int($0[first]) } ?? first
                    visit(TextView(field: source.name,
                                   utf8: UnsafeBufferPointer(rebasing: buffers[k][source.bounds[entry]..<source.bounds[entry + 1]])))
                }
            }
        }
        nest(0, [])
    }
}

/// Slots written by parallel workers, one each, then read in order.
final class ChunkResults<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLockLike()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: T, at index: Int) {
        lock.withLock { slots[index] = value }
    }

    func take(_ index: Int) -> T {
        lock.withLock {
            let value = slots[index]!
            slots[index] = nil
            return value
        }
    }
}

/// Hands parts finished in any order to `merge` in index order, each as soon as it and every
/// earlier part are in, on the thread that completes the run; `merge` is never called twice at
/// once. Parallel work merged this way needs no serial pass at the end.
final class InOrderMerge<Part>: @unchecked Sendable {
    private var ready: [Part?]
    private var next = 0
    private var busy = false
    private let lock = NSLockLike()
    private let merge: (Part, Int) -> Void

    init(count: Int, merge: @escaping (Part, Int) -> Void) {
        ready = Array(repeating: nil, count: count)
        self.merge = merge
    }

    func finished(_ part: Part, at index: Int) {
        lock.withLock { ready[index] = part }
        while true {
            // Take the next part if it is ready and nobody else is merging.
            let taken: (Part, Int)? = lock.withLock {
                guard !busy, next < ready.count, let part = ready[next] else { return nil }
                ready[next] = nil
                next += 1
                busy = true
                return (part, next - 1)
            }
            guard let (part, index) = taken else { return }
            merge(part, index)
            lock.withLock { busy = false }
        }
    }
}

/// A tiny lock over pthread, so this file needs no Foundation.
final class NSLockLike: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}

/// Extracted values for a run of papers, column by column. Strings are dictionary-encoded and
/// evidence fields numbered as values arrive, on the core that extracted them, so merging the
/// chunks in order only appends integers and renumbers small dictionaries.
struct ColumnAccumulator {
    let fields: [FieldDescriptor]
    var rowOffsets: [[Int32]]
    var numbers: [[Double]]
    /// Per string field: a code per value, into `dictionary`, in order of first appearance.
    var codes: [[UInt32]]
    var dictionary: [[String]]
    var lookup: [[String: UInt32]]
    /// The text fields evidence points into; an evidence field code indexes this list.
    var sources: [String]
    var evidenceField: [[UInt8]]
    var evidenceStart: [[Int32]]
    var evidenceEnd: [[Int32]]

    init(fields: [FieldDescriptor], textFields: [String]) {
        self.fields = fields
        rowOffsets = Array(repeating: [0], count: fields.count)
        numbers = Array(repeating: [], count: fields.count)
        codes = Array(repeating: [], count: fields.count)
        dictionary = Array(repeating: [], count: fields.count)
        lookup = Array(repeating: [:], count: fields.count)
        sources = textFields
        evidenceField = Array(repeating: [], count: fields.count)
        evidenceStart = Array(repeating: [], count: fields.count)
        evidenceEnd = Array(repeating: [], count: fields.count)
    }

    private mutating func code(of string: String, field f: Int) -> UInt32 {
        if let code = lookup[f][string] { return code }
        let code = UInt32(dictionary[f].count)
        dictionary[f].append(string)
        lookup[f][string] = code
        return code
    }

    private mutating func source(_ name: String?) -> UInt8 {
        guard let name else { return UInt8.max }
        if let i = sources.firstIndex(of: name) { return UInt8(i) }
        sources.append(name)
        return UInt8(sources.count - 1)
    }

    /// Appends one paper's values, each distinct value once (the first, with its evidence).
    mutating func append(_ output: ExtractionOutput) {
        for f in fields.indices {
            let numeric = fields[f].type.scalar != .string
            let count = numeric ? output.numbers[f].count : output.strings[f].count
            var kept = 0
            for v in 0..<count {
                if numeric {
                    let x = output.numbers[f][v]
                    if x.isNaN || output.numbers[f][..<v].contains(x) { continue }
                    numbers[f].append(x)
                } else {
                    let s = output.strings[f][v]
                    if output.strings[f][..<v].contains(s) { continue }
                    codes[f].append(code(of: s, field: f))
                }
                let evidence = v < output.evidence[f].count ? output.evidence[f][v] : nil
                evidenceField[f].append(source(evidence?.field))
                evidenceStart[f].append(Int32(evidence?.utf8Range.lowerBound ?? 0))
                evidenceEnd[f].append(Int32(evidence?.utf8Range.upperBound ?? 0))
                kept += 1
            }
            rowOffsets[f].append(rowOffsets[f].last! + Int32(kept))
        }
    }

    /// Appends a paper without values (one a query prefilter ruled out).
    mutating func appendEmptyRow() {
        for f in fields.indices { rowOffsets[f].append(rowOffsets[f].last!) }
    }

    mutating func absorb(_ other: ColumnAccumulator) {
        let sourceMap = other.sources.map { source($0) }
        let sameSources = sourceMap.enumerated().allSatisfy { Int($0.element) == $0.offset }
        for f in fields.indices {
            let base = rowOffsets[f].last!
            rowOffsets[f].append(contentsOf: other.rowOffsets[f].dropFirst().map { $0 + base })
            numbers[f].append(contentsOf: other.numbers[f])
            if !other.dictionary[f].isEmpty {
                let renumbered = other.dictionary[f].map { code(of: $0, field: f) }
                codes[f].append(contentsOf: other.codes[f].map { renumbered[Int($0)] })
            }
            evidenceField[f].append(contentsOf: sameSources ? other.evidenceField[f]
                                    : other.evidenceField[f].map { $0 == UInt8.max ? $0 : sourceMap[Int($0)] })
            evidenceStart[f].append(contentsOf: other.evidenceStart[f])
            evidenceEnd[f].append(contentsOf: other.evidenceEnd[f])
        }
    }

    func columns() -> [Column] {
        fields.indices.map { f in
            let rows = RowOffsets(offsets: rowOffsets[f])
            let evidence = EvidenceColumn(field: evidenceField[f], start: evidenceStart[f], end: evidenceEnd[f], sourceFields: sources)
            let data: ColumnData = fields[f].type.scalar == .string
                ? .strings(StringColumn(rows: rows, storage: .dictionary(codes: codes[f], dictionary: dictionary[f])))
                : .numbers(NumberColumn(rows: rows, values: numbers[f]))
            return Column(descriptor: fields[f], data: data, evidence: evidence)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
