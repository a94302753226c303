// Builds the columnar corpus one record at a time. Importers call `beginRecord`, add fields
// and `endRecord`; the builder grows one typed column per field name, infers each field's type
// from its values (a field that mixes kinds becomes a string field: nothing is dropped), and at
// the end assigns ids, disambiguates duplicates and chooses each string column's encoding.

struct CorpusBuilder {
    /// Fields every corpus has, in display order, with their descriptions.
    static let builtinFields: [FieldDescriptor] = [
        FieldDescriptor(name: "id", type: .string, summary: "Stable identifier: the input's id, or one derived from the title", provider: .builtin),
        FieldDescriptor(name: "title", type: .string, summary: "Title", provider: .builtin),
        FieldDescriptor(name: "abstract", type: .string, summary: "Abstract", provider: .builtin),
        FieldDescriptor(name: "text", type: .string, summary: "Title and abstract together: a condition on text holds when it holds for either", provider: .builtin),
        FieldDescriptor(name: "source", type: .string, summary: "The file the paper was read from", provider: .builtin),
        FieldDescriptor(name: "line", type: .number, summary: "The line of the file where the paper starts", provider: .builtin),
    ]

    /// Well-known document fields: their types and descriptions when an importer provides them.
    static let knownFields: [String: (FieldType, String)] = [
        "authors": (.list(.string), "Authors, in the order given"),
        "categories": (.list(.string), "Subject categories (arXiv's, such as cs.CL)"),
        "keywords": (.list(.string), "Keywords given by the authors or the library"),
        "date": (.date, "Publication or last-update date"),
        "year": (.number, "Publication year"),
        "arxiv": (.string, "arXiv identifier"),
        "doi": (.string, "DOI"),
        "url": (.string, "Link to the paper"),
        "upvotes": (.number, "Hugging Face upvotes"),
        "venue": (.string, "Journal or conference"),
    ]

    /// String fields stored as raw text: mostly unique per paper, so a dictionary would not pay.
    static let rawTextFields: Set<String> = ["id", "title", "abstract", "url", "doi", "arxiv", "journal_ref", "comments", "note"]

    private(set) var rowCount = 0
    /// When set, records that cannot satisfy the prefilter's query are kept without their abstract.
    var prefilter: QueryPrefilter?
    /// Records kept without their abstract because of `prefilter`, by row.
    private(set) var abridgedRows: [Int32] = []
    private var columns: [PendingColumn] = []
    /// Storage from an earlier part (see `reuse`), for columns not created yet.
    private var spare: [String: ColumnBuffers] = [:]
    private var columnIndex: [String: Int] = [:]
    private var inRecord = false
    /// Where each run of papers came from: (first row, file). Kept as runs rather than a value
    /// per paper, since a file holds many papers.
    private var sourceRuns: [(row: Int, path: String)] = []

    /// Positions of the built-in columns, which every builder creates first.
    static let idColumn = 0, titleColumn = 1, abstractColumn = 2, sourceColumn = 3, lineColumn = 4
    var diagnostics: [LoadDiagnostic] = []
    /// One report per input file, in load order.
    var files: [FileReport] = []

    init() {
        for field in ["id", "title", "abstract", "source"] { _ = column(field, kind: .string) }
        _ = column("line", kind: .number)
    }

    private mutating func column(_ name: String, kind: PendingColumn.Kind) -> Int {
        // Field names are short strings that compare in a word or two; a scan of the few
        // columns beats hashing the name for every value.
        if columns.count <= 24 {
            for i in columns.indices where columns[i].name == name { return i }
        } else if let i = columnIndex[name] {
            return i
        }
        let i = columns.count
        columns.append(PendingColumn(name: name, kind: kind, rowsSoFar: rowCount))
        if let storage = spare.removeValue(forKey: name) { columns[i].adopt(storage) }
        columns[i].storesValues = prefilter?.stores(name) ?? true
        columnIndex[name] = i
        return i
    }

    /// Starts a record read from line `line` of `source`.
    mutating func beginRecord(source: String, line: Int) {
        precondition(!inRecord)
        inRecord = true
        if sourceRuns.last?.path != source { sourceRuns.append((rowCount, source)) }
        columns[CorpusBuilder.lineColumn].appendNumber(Double(line), kind: .number)
    }

    /// The file of row `row`.
    func source(of row: Int) -> String? {
        var lo = 0, hi = sourceRuns.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sourceRuns[mid].row <= row { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? sourceRuns[lo - 1].path : nil
    }

    /// Ends the current record; fields not given are missing for it.
    mutating func endRecord() {
        precondition(inRecord)
        inRecord = false
        if let prefilter, prefilter.rulesOutPapers {
            let keep = columns[CorpusBuilder.titleColumn].withPendingBytes { title in
                columns[CorpusBuilder.abstractColumn].withPendingBytes { abstract in
                    prefilter.mayMatch(title: title, abstract: abstract)
                }
            }
            if !keep {
                columns[CorpusBuilder.abstractColumn].dropPendingRow()
                abridgedRows.append(Int32(rowCount))
            }
        }
        rowCount += 1
        for i in columns.indices { columns[i].endRow() }
    }

    /// Drops everything added since `beginRecord` (a record that turned out unreadable).
    mutating func abandonRecord() {
        precondition(inRecord)
        inRecord = false
        for i in columns.indices { columns[i].dropPendingRow() }
    }

    mutating func add(_ field: String, string: String) {
        var s = string
        s.withUTF8 { add(field, utf8: $0) }
    }

    mutating func add(_ field: String, utf8: UnsafeBufferPointer<UInt8>) {
        let i = column(field, kind: .string)
        columns[i].appendString(utf8)
    }

    /// Adds text to a built-in column (`titleColumn`, `abstractColumn`, `idColumn`) with its
    /// whitespace normalised on the way in: one copy, straight from the input bytes.
    mutating func addNormalizedText(column i: Int, utf8: UnsafeBufferPointer<UInt8>) {
        columns[i].appendNormalizedString(utf8)
    }

    /// Adds text to a built-in column as it is.
    mutating func addText(column i: Int, utf8: UnsafeBufferPointer<UInt8>) {
        columns[i].appendString(utf8)
    }

    /// Reserves room for about `bytes` of input: most of a paper record is its title and
    /// abstract, so their buffers grow once instead of by repeated doubling and copying.
    mutating func reserve(forInputBytes bytes: Int) {
        columns[CorpusBuilder.abstractColumn].bytes.reserveCapacity(bytes * 85 / 100)
        columns[CorpusBuilder.titleColumn].bytes.reserveCapacity(bytes / 12)
    }

    /// The storage of every column, emptied with its capacity kept, by column name: for a
    /// part whose rows have been appended elsewhere, so that the next part fills the same
    /// memory instead of fresh pages. Leaves this builder without its columns' contents.
    mutating func takeBuffers() -> [String: ColumnBuffers] {
        var taken: [String: ColumnBuffers] = [:]
        for i in columns.indices { taken[columns[i].name] = columns[i].takeBuffers() }
        return taken
    }

    /// Gives this new builder the storage of an earlier part's columns: columns that exist
    /// already take theirs now, the others when they are first created.
    mutating func reuse(_ buffers: [String: ColumnBuffers]) {
        precondition(rowCount == 0)
        spare = buffers
        for i in columns.indices {
            if let storage = spare.removeValue(forKey: columns[i].name) { columns[i].adopt(storage) }
        }
    }

    /// Whether the current record has a value in built-in column `i`.
    func has(column i: Int) -> Bool { columns[i].pendingCount > 0 }

    mutating func add(_ field: String, number: Double) {
        let i = column(field, kind: .number)
        columns[i].appendNumber(number, kind: .number)
    }

    mutating func add(_ field: String, date: CalendarDate) {
        let i = column(field, kind: .date)
        columns[i].appendNumber(Double(date.daysSinceEpoch), kind: .date)
    }

    mutating func add(_ field: String, bool: Bool) {
        let i = column(field, kind: .bool)
        columns[i].appendNumber(bool ? 1 : 0, kind: .bool)
    }

    mutating func add(_ field: String, value: Value) {
        switch value {
        case .missing: break
        case .number(let n): add(field, number: n)
        case .string(let s): add(field, string: s)
        case .date(let d): add(field, date: d)
        case .bool(let b): add(field, bool: b)
        case .list(let items):
            markList(field)
            for item in items { add(field, value: item) }
        }
    }

    /// The index of the column for `field`, created if new: for importers that add to the same
    /// field on every record (`add(column:utf8:)`), sparing a lookup by name per value.
    mutating func columnIndex(_ field: String) -> Int { column(field, kind: .undetermined) }

    /// Adds a string to the column at `i` (from `columnIndex`).
    mutating func add(column i: Int, utf8: UnsafeBufferPointer<UInt8>) {
        columns[i].appendString(utf8)
    }

    /// Whether values added to the column at `i` are kept: a one-shot query's prefilter leaves
    /// out the fields the query never mentions, so importers can skip the work of reading them.
    func storesValues(column i: Int) -> Bool { columns[i].storesValues }

    /// Declares the column at `i` a list column.
    mutating func markList(column i: Int) { columns[i].isList = true }

    /// Declares `field` a list field even when this record gives it one value or none.
    mutating func markList(_ field: String) {
        let i = column(field, kind: .undetermined)
        columns[i].isList = true
    }

    /// Whether the current record already has a value for `field`.
    func has(_ field: String) -> Bool {
        guard let i = columnIndex[field] else { return false }
        return columns[i].pendingCount > 0
    }

    // MARK: - Merging

    /// Appends the records of `other` (built from a later part of the input, on another core)
    /// after this builder's own, reconciling field types as if one builder had read both.
    ///
    /// `growth` is how much larger than what the merge needs a column grows when it must: a
    /// caller appending parts of a known share of the input asks for room for all of it at
    /// once, rather than reallocating and copying each column as the parts come in.
    mutating func append(contentsOf other: consuming CorpusBuilder, growth: Double = 1) {
        precondition(!inRecord && !other.inRecord)
        let before = rowCount
        var touched = Set<String>()
        for otherColumn in other.columns {
            let i = column(otherColumn.name, kind: otherColumn.kind)
            columns[i].append(contentsOf: otherColumn, rowsBefore: before, growth: growth)
            touched.insert(otherColumn.name)
        }
        for run in other.sourceRuns where sourceRuns.last?.path != run.path {
            sourceRuns.append((run.row + before, run.path))
        }
        for i in columns.indices where !touched.contains(columns[i].name) {
            columns[i].appendEmptyRows(other.rowCount)
        }
        rowCount += other.rowCount
        abridgedRows += other.abridgedRows.map { $0 + Int32(before) }
        diagnostics += other.diagnostics
        files += other.files
    }

    // MARK: - Finishing

    /// The finished corpus storage. `origin` names the input in diagnostics about ids.
    mutating func build() -> CorpusStorage {
        precondition(!inRecord)
        assignIDs()
        var built: [String: Column] = [:]
        var order: [FieldDescriptor] = []
        for pending in columns where pending.name != "source" {
            let column = pending.finish(descriptor: descriptor(for: pending))
            built[pending.name] = column
        }
        built["source"] = sourceColumn()
        for field in CorpusBuilder.builtinFields where field.name != "text" {
            order.append(built[field.name]!.descriptor)
        }
        let extra = columns.map(\.name).filter { built[$0]?.descriptor.provider == .document }
        for name in extra.sorted() { order.append(built[name]!.descriptor) }
        order.insert(CorpusBuilder.builtinFields[3], at: 3)
        return CorpusStorage(rowCount: rowCount, columns: built, fields: order, diagnostics: diagnostics, files: files,
                             abridged: abridgedRows.isEmpty ? nil : RowSet(universe: rowCount, rows: abridgedRows))
    }

    /// The `source` column, dictionary-encoded from the runs.
    private func sourceColumn() -> Column {
        var dictionary: [String] = []
        var codes = [UInt32](repeating: 0, count: rowCount)
        for (k, run) in sourceRuns.enumerated() {
            let code: UInt32
            if let existing = dictionary.firstIndex(of: run.path) { code = UInt32(existing) } else {
                code = UInt32(dictionary.count)
                dictionary.append(run.path)
            }
            let end = k + 1 < sourceRuns.count ? sourceRuns[k + 1].row : rowCount
            for row in run.row..<end { codes[row] = code }
        }
        let descriptor = CorpusBuilder.builtinFields.first { $0.name == "source" }!
        return Column(descriptor: descriptor, data: .strings(StringColumn(rows: .single(rowCount), storage: .dictionary(codes: codes, dictionary: dictionary))))
    }

    private func descriptor(for pending: PendingColumn) -> FieldDescriptor {
        if let builtin = CorpusBuilder.builtinFields.first(where: { $0.name == pending.name }) { return builtin }
        let scalar: FieldType.Scalar
        switch pending.kind {
        case .undetermined, .string: scalar = .string
        case .number: scalar = .number
        case .date: scalar = .date
        case .bool: scalar = .bool
        }
        let type = FieldType(scalar, isList: pending.isList)
        if let known = CorpusBuilder.knownFields[pending.name], known.0 == type {
            return FieldDescriptor(name: pending.name, type: type, summary: known.1, provider: .document)
        }
        return FieldDescriptor(name: pending.name, type: type, summary: "From the input files", provider: .document)
    }

    /// Gives every paper an id: its own, or one derived from its title; duplicates get `~2`,
    /// `~3`, ... in order, and each is reported.
    private mutating func assignIDs() {
        let idColumn = columnIndex["id"]!
        let titleColumn = columnIndex["title"]!
        if columns[idColumn].holdsOneDistinctValuePerRow(rowCount) { return }
        var ids: [String] = []
        ids.reserveCapacity(rowCount)
        let titles = columns[titleColumn]
        let given = columns[idColumn]
        for row in 0..<rowCount {
            if let id = given.firstString(of: row), !id.isEmpty {
                ids.append(id)
            } else {
                ids.append(CorpusBuilder.derivedID(title: titles.firstString(of: row) ?? "", row: row))
            }
        }
        var seen: [String: Int] = [:]
        seen.reserveCapacity(rowCount)
        let lines = columns[columnIndex["line"]!]
        for row in 0..<rowCount {
            let id = ids[row]
            if let n = seen[id] {
                var k = n + 1
                while seen["\(id)~\(k)"] != nil { k += 1 }
                let renamed = "\(id)~\(k)"
                seen[id] = k
                seen[renamed] = 1
                ids[row] = renamed
                let line = lines.firstNumber(of: row).map { Int($0) }
                let origin = source(of: row) ?? "input"
                let diagnostic = LoadDiagnostic(.warning, origin: origin, line: line, message: "duplicate id `\(id)`: kept as `\(renamed)`")
                diagnostics.append(diagnostic)
                if let file = files.lastIndex(where: { $0.path == origin }) { files[file].diagnostics.append(diagnostic) }
            } else {
                seen[id] = 1
            }
        }
        var replacement = PendingColumn(name: "id", kind: .string, rowsSoFar: 0)
        for id in ids {
            var s = id
            s.withUTF8 { replacement.appendString($0) }
            replacement.endRow()
        }
        columns[idColumn] = replacement
    }

    /// `p-` and eight hex digits of a hash of the normalised title: the same title gives the
    /// same id in every run and on every machine.
    static func derivedID(title: String, row: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var any = false
        for scalar in title.lowercased().unicodeScalars where scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            for byte in String(scalar).utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            any = true
        }
        if !any { return "row-\(row + 1)" }
        let hex = String(hash & 0xffff_ffff, radix: 16)
        return "p-" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}

/// The arrays behind a column under construction, kept for reuse (see `CorpusBuilder.takeBuffers`).
struct ColumnBuffers {
    var rowOffsets: [Int32] = []
    var numbers: [Double] = []
    var bytes: [UInt8] = []
    var bounds: [Int] = []
}

/// One column while it is being built.
private struct PendingColumn {
    enum Kind { case undetermined, number, string, date, bool }

    let name: String
    var kind: Kind
    var isList = false
    var rowOffsets: [Int32]
    var numbers: [Double] = []
    var bytes: [UInt8] = []
    var bounds: [Int] = [0]
    /// Values added to the current record so far.
    var pendingCount = 0
    /// False for a field a query prefilter leaves out: values added to it are dropped.
    var storesValues = true

    init(name: String, kind: Kind, rowsSoFar: Int) {
        self.name = name
        self.kind = kind
        rowOffsets = [Int32](repeating: 0, count: rowsSoFar + 1)
    }

    var valueCount: Int { kind == .string ? bounds.count - 1 : numbers.count }

    mutating func appendEmptyRows(_ count: Int) {
        let last = rowOffsets.last!
        rowOffsets.append(contentsOf: repeatElement(last, count: count))
    }

    /// Appends another column's rows; `rowsBefore` is this builder's row count. Arrays that
    /// must grow get `growth` times the room they need.
    mutating func append(contentsOf other: PendingColumn, rowsBefore: Int, growth: Double = 1) {
        var other = other
        if kind == .undetermined, other.kind != .undetermined { kind = other.kind }
        if other.kind == .undetermined { other.kind = kind }
        if kind != other.kind {
            if kind != .string { convertToStrings() }
            if other.kind != .string { other.convertToStrings() }
        }
        isList = isList || other.isList
        // The other column was created with rows of its own builder before its first value.
        let base = Int32(valueCount)
        func makeRoom<T>(_ array: inout [T], for added: Int) {
            let needed = array.count + added
            if array.capacity < needed { array.reserveCapacity(Int(Double(needed) * max(1, growth))) }
        }
        // This column may have been created just now, with rowsBefore + 1 offsets.
        makeRoom(&rowOffsets, for: other.rowOffsets.count - 1)
        rowOffsets.append(contentsOf: other.rowOffsets.dropFirst().lazy.map { $0 + base })
        if kind == .string {
            let byteBase = bytes.count
            makeRoom(&bytes, for: other.bytes.count)
            let added = other.bytes.count
            bytes.withUnsafeMutableBufferPointer { buffer in
                if let base = buffer.baseAddress { PageAdvice.prepareForWriting(UnsafeMutableRawPointer(base + buffer.count), count: added) }
            }
            bytes.append(contentsOf: other.bytes)
            makeRoom(&bounds, for: other.bounds.count - 1)
            bounds.append(contentsOf: other.bounds.dropFirst().lazy.map { $0 + byteBase })
        } else {
            makeRoom(&numbers, for: other.numbers.count)
            numbers.append(contentsOf: other.numbers)
        }
    }

    /// Takes the column's arrays, emptied with their capacity kept.
    mutating func takeBuffers() -> ColumnBuffers {
        var taken = ColumnBuffers()
        swap(&taken.rowOffsets, &rowOffsets)
        swap(&taken.numbers, &numbers)
        swap(&taken.bytes, &bytes)
        swap(&taken.bounds, &bounds)
        taken.rowOffsets.removeAll(keepingCapacity: true)
        taken.numbers.removeAll(keepingCapacity: true)
        taken.bytes.removeAll(keepingCapacity: true)
        taken.bounds.removeAll(keepingCapacity: true)
        return taken
    }

    /// Moves this column's contents into `storage` (emptied arrays of an earlier column) and
    /// keeps that storage from now on.
    mutating func adopt(_ storage: ColumnBuffers) {
        var storage = storage
        storage.rowOffsets.append(contentsOf: rowOffsets)
        storage.numbers.append(contentsOf: numbers)
        storage.bytes.append(contentsOf: bytes)
        storage.bounds.append(contentsOf: bounds)
        rowOffsets = storage.rowOffsets
        numbers = storage.numbers
        bytes = storage.bytes
        bounds = storage.bounds
    }

    mutating func endRow() {
        if pendingCount > 1 { isList = true }
        rowOffsets.append(Int32(valueCount))
        pendingCount = 0
    }

    /// The bytes of the values added to the current record (one run: values are contiguous).
    func withPendingBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard kind == .string, pendingCount > 0 else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let start = bounds[bounds.count - 1 - pendingCount]
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<bytes.count])) }
    }

    mutating func dropPendingRow() {
        guard pendingCount > 0 else { return }
        let keep = Int(rowOffsets.last!)
        if kind == .string {
            bounds.removeLast(bounds.count - 1 - keep)
            bytes.removeLast(bytes.count - bounds.last!)
        } else {
            numbers.removeLast(numbers.count - keep)
        }
        pendingCount = 0
    }

    /// Appends whitespace-normalised text; text that normalises to nothing is not a value.
    mutating func appendNormalizedString(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard storesValues else { return }
        if kind != .string && kind != .undetermined { convertToStrings() }
        kind = .string
        let before = bytes.count
        TextNormalizer.appendNormalized(utf8, to: &bytes)
        guard bytes.count > before else { return }
        bounds.append(bytes.count)
        pendingCount += 1
    }

    mutating func appendString(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard storesValues else { return }
        if kind != .string && kind != .undetermined { convertToStrings() }
        kind = .string
        bytes.append(contentsOf: utf8)
        bounds.append(bytes.count)
        pendingCount += 1
    }

    mutating func appendNumber(_ n: Double, kind newKind: Kind) {
        guard storesValues else { return }
        if kind == .undetermined { kind = newKind }
        if kind == newKind {
            numbers.append(n)
        } else {
            // A field that mixes kinds keeps every value, as text.
            if kind != .string { convertToStrings() }
            var text = PendingColumn.render(n, as: newKind)
            text.withUTF8 { u in
                bytes.append(contentsOf: u)
                bounds.append(bytes.count)
            }
        }
        pendingCount += 1
    }

    fileprivate mutating func convertToStrings() {
        let old = kind
        kind = .string
        for n in numbers {
            bytes.append(contentsOf: PendingColumn.render(n, as: old).utf8)
            bounds.append(bytes.count)
        }
        numbers = []
    }

    private static func render(_ n: Double, as kind: Kind) -> String {
        switch kind {
        case .date: return CalendarDate(daysSinceEpoch: Int(n)).description
        case .bool: return n != 0 ? "true" : "false"
        default: return NumberFormatting.plain(n)
        }
    }

    /// Whether every row has exactly one value, none empty and no two alike: the usual state of
    /// an id column, checked on the bytes with a table of hashes. (Building a `String` per
    /// paper to check it in a `Dictionary` took a tenth of a one-shot query over 1M papers, on
    /// one core.)
    func holdsOneDistinctValuePerRow(_ rowCount: Int) -> Bool {
        guard kind == .string, valueCount == rowCount, rowOffsets.count == rowCount + 1 else { return false }
        for row in 0..<rowCount where rowOffsets[row + 1] - rowOffsets[row] != 1 { return false }
        var capacity = 16
        while capacity < rowCount * 2 { capacity <<= 1 }
        let mask = capacity - 1
        var hashes = [UInt64](repeating: 0, count: capacity)  // 0: empty slot
        var owners = [Int32](repeating: 0, count: capacity)
        return bytes.withUnsafeBufferPointer { bytes in
            for value in 0..<rowCount {
                let lo = bounds[value], hi = bounds[value + 1]
                guard hi > lo else { return false }
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for i in lo..<hi { hash = (hash ^ UInt64(bytes[i])) &* 0x100_0000_01b3 }
                hash |= 1
                var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
                while hashes[slot] != 0 {
                    if hashes[slot] == hash {
                        let other = Int(owners[slot])
                        let a = UnsafeBufferPointer(rebasing: bytes[lo..<hi])
                        let b = UnsafeBufferPointer(rebasing: bytes[bounds[other]..<bounds[other + 1]])
                        if a.elementsEqual(b) { return false }
                    }
                    slot = (slot + 1) & mask
                }
                hashes[slot] = hash
                owners[slot] = Int32(value)
            }
            return true
        }
    }

    func firstString(of row: Int) -> String? {
        guard kind == .string, row + 1 < rowOffsets.count else { return nil }
        let lo = Int(rowOffsets[row]), hi = Int(rowOffsets[row + 1])
        guard lo < hi else { return nil }
        return String(decoding: bytes[bounds[lo]..<bounds[lo + 1]], as: UTF8.self)
    }

    func firstNumber(of row: Int) -> Double? {
        guard kind != .string, row + 1 < rowOffsets.count else { return nil }
        let lo = Int(rowOffsets[row]), hi = Int(rowOffsets[row + 1])
        return lo < hi ? numbers[lo] : nil
    }

    func finish(descriptor: FieldDescriptor) -> Column {
        let rows = RowOffsets(offsets: rowOffsets)
        switch kind {
        case .string, .undetermined:
            if CorpusBuilder.rawTextFields.contains(name) || !worthADictionary() {
                return Column(descriptor: descriptor, data: .strings(StringColumn(rows: rows, storage: .raw(bytes: bytes, bounds: bounds))))
            }
            // Values are hashed as byte slices; a String is made once per distinct value.
            var codes: [UInt32] = []
            codes.reserveCapacity(bounds.count - 1)
            var dictionary: [String] = []
            var lookup: [ArraySlice<UInt8>: UInt32] = [:]
            for i in 0..<(bounds.count - 1) {
                let slice = bytes[bounds[i]..<bounds[i + 1]]
                if let code = lookup[slice] {
                    codes.append(code)
                } else {
                    let code = UInt32(dictionary.count)
                    dictionary.append(String(decoding: slice, as: UTF8.self))
                    lookup[slice] = code
                    codes.append(code)
                }
            }
            return Column(descriptor: descriptor, data: .strings(StringColumn(rows: rows, storage: .dictionary(codes: codes, dictionary: dictionary))))
        default:
            return Column(descriptor: descriptor, data: .numbers(NumberColumn(rows: rows, values: numbers)))
        }
    }

    /// Whether values repeat enough for dictionary encoding: judged on a sample, so that a
    /// column of unique strings is not hashed in full.
    private func worthADictionary() -> Bool {
        let count = bounds.count - 1
        guard count > 0 else { return false }
        let sample = min(count, 4096)
        var distinct = Set<ArraySlice<UInt8>>()
        var totalLength = 0
        for i in 0..<sample {
            distinct.insert(bytes[bounds[i]..<bounds[i + 1]])
            totalLength += bounds[i + 1] - bounds[i]
        }
        if totalLength / sample > 200 { return false }
        return distinct.count * 2 <= sample || count < 64
    }
}

/// The immutable result of building: columns by name, fields in display order, and what went
/// wrong while reading.
final class CorpusStorage: Sendable {
    let rowCount: Int
    let columns: [String: Column]
    let fields: [FieldDescriptor]
    let diagnostics: [LoadDiagnostic]
    let files: [FileReport]
    /// Papers loaded without their abstract by a query prefilter: extractors skip them.
    let abridged: RowSet?

    init(rowCount: Int, columns: [String: Column], fields: [FieldDescriptor], diagnostics: [LoadDiagnostic], files: [FileReport],
         abridged: RowSet? = nil) {
        self.abridged = abridged
        self.rowCount = rowCount
        self.columns = columns
        self.fields = fields
        self.diagnostics = diagnostics
        self.files = files
    }
}
