// JSON Lines and JSON documents: arXiv's metadata snapshot, the Hugging Face daily-papers API,
// and plain objects with a title and an abstract or summary. Known keys map to typed fields
// (see `FieldMapping`); unknown keys become fields typed by their values; a line or element that
// is not valid JSON, or has no title, is reported and skipped.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation

enum JSONImporter {
    /// Records larger than this are reported and skipped rather than loaded.
    static let maximumRecordBytes = 32 << 20

    /// Files larger than this are split at line breaks and parsed on every core.
    static let parallelThreshold = 8 << 20

    /// Reads JSON lines into `builder`: inputs of `parallelAbove` bytes or more in parts on
    /// every core, merged in order, with the same result as one pass (which tests compare).
    /// Read in parts, `bytes` must not be read afterwards: each part's pages are given back to
    /// the kernel once parsed, which for a mapped file only drops them from memory but leaves
    /// a buffer that is not file-backed zeroed.
    static func importLines(_ bytes: UnsafeBufferPointer<UInt8>, origin: String, into builder: inout CorpusBuilder,
                            report: inout FileReport, parallelAbove: Int = parallelThreshold) {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        guard bytes.count >= parallelAbove, workers > 1 else {
            importLines(bytes, firstLine: 1, origin: origin, into: &builder, report: &report)
            return
        }
        // Chunks end at line breaks; each is parsed into its own builder, then appended in order,
        // so papers, ids and diagnostics come out exactly as a single pass would give them.
        let chunkCount = workers * 8
        var starts = [0]
        for k in 1..<chunkCount {
            var p = max(starts.last! + 1, bytes.count * k / chunkCount)
            guard p < bytes.count, let base = bytes.baseAddress, let hit = memchr(base + p, 0x0A, bytes.count - p) else { break }
            p = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            if p < bytes.count { starts.append(p) }
        }
        let ranges = zip(starts, starts.dropFirst() + [bytes.count]).map { $0..<$1 }
        let newlines = ChunkResults<Int>(count: ranges.count)
        nonisolated(unsafe) let shared = bytes
        DispatchQueue.concurrentPerform(iterations: ranges.count) { k in
            var n = 0
            var p = ranges[k].lowerBound
            let base = shared.baseAddress!
            while p < ranges[k].upperBound, let hit = memchr(base + p, 0x0A, ranges[k].upperBound - p) {
                n += 1
                p = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            }
            newlines.store(n, at: k)
        }
        var lineStarts: [Int] = []
        var line = 1
        for k in ranges.indices {
            lineStarts.append(line)
            line += newlines.take(k)
        }
        let firstLines = lineStarts
        let prefilter = builder.prefilter
        // Parts are appended in order as soon as they and every earlier part are parsed, by
        // whichever worker is free: the copy into the final columns (mostly first touches of
        // fresh pages) then overlaps the parsing of later parts instead of following it.
        builder.reserve(forInputBytes: bytes.count)
        var reports: [FileReport] = []
        withUnsafeMutablePointer(to: &builder) { target in
            let pool = PartBufferPool(parts: ranges.count)
            let total = Double(bytes.count)
            let largestPart = ranges.map(\.count).max() ?? 0
            let merger = InOrderMerge<(CorpusBuilder, FileReport)>(count: ranges.count) { parsed, k in
                var part = parsed.0
                // A column that must grow gets room for the whole input at the rate so far (and
                // a twentieth more), so it is reallocated about once rather than once per part.
                let growth = total / Double(max(1, ranges[k].upperBound)) * 1.05
                target.pointee.append(contentsOf: part, growth: growth)
                pool.give(part.takeBuffers())
                reports.append(parsed.1)
            }
            DispatchQueue.concurrentPerform(iterations: ranges.count) { k in
                var part = CorpusBuilder()
                part.prefilter = prefilter
                if let buffers = pool.take() {
                    part.reuse(buffers)
                } else {
                    part.reserve(forInputBytes: largestPart)
                }
                var partReport = FileReport(path: origin, format: .jsonLines, papers: 0, diagnostics: [])
                let chunk = UnsafeBufferPointer(rebasing: shared[ranges[k]])
                importLines(chunk, firstLine: firstLines[k], origin: origin, into: &part, report: &partReport)
                // The chunk's pages of a mapped file are not needed again: give them back now rather
                // than holding the whole file in memory next to the columns made from it.
                JSONImporter.release(chunk)
                merger.finished((part, partReport), at: k)
            }
        }
        for partReport in reports {
            report.papers += partReport.papers
            report.diagnostics += partReport.diagnostics
        }
    }

    /// Tells the kernel the pages under `bytes` will not be read again (for mapped files).
    static func release(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        let page = Int(getpagesize())
        let start = (Int(bitPattern: base) + page - 1) / page * page
        let end = (Int(bitPattern: base) + bytes.count) / page * page
        if end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) {
            _ = madvise(pointer, end - start, Int32(MADV_DONTNEED))
        }
    }

    private static func importLines(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, origin: String, into builder: inout CorpusBuilder,
                                    report: inout FileReport) {
        // The builder moves into the reader rather than being shared with it, so that its
        // reserved (or recycled) buffers are written in place instead of copied on first write.
        var reader = RecordReader(builder: CorpusBuilder(), origin: origin)
        swap(&reader.builder, &builder)
        var lineStart = 0
        var lineNumber = firstLine - 1
        let n = bytes.count
        while lineStart < n {
            lineNumber += 1
            var lineEnd = lineStart
            if let base = bytes.baseAddress, let hit = memchr(base + lineStart, 0x0A, n - lineStart) {
                lineEnd = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            } else {
                lineEnd = n
            }
            defer { lineStart = lineEnd + 1 }
            var scanner = JSONScanner(bytes, from: lineStart, to: lineEnd)
            guard let first = scanner.peek() else { continue }  // blank line
            if lineEnd - lineStart > maximumRecordBytes {
                report.diagnostics.append(LoadDiagnostic(.error, origin: origin, line: lineNumber,
                    message: "record of \(ByteCount(lineEnd - lineStart)) is over the \(ByteCount(maximumRecordBytes)) limit; skipped"))
                continue
            }
            guard first == UInt8(ascii: "{") else {
                report.diagnostics.append(LoadDiagnostic(.error, origin: origin, line: lineNumber,
                    message: "expected a JSON object on this line; skipped"))
                continue
            }
            reader.read(&scanner, line: lineNumber, lineStart: lineStart, report: &report)
        }
        builder = reader.builder
    }

    static func importDocument(_ bytes: UnsafeBufferPointer<UInt8>, origin: String, into builder: inout CorpusBuilder,
                               report: inout FileReport) {
        var scanner = JSONScanner(bytes)
        var reader = RecordReader(builder: builder, origin: origin)
        defer { builder = reader.builder }
        let lines = LineIndex(bytes)
        guard let first = scanner.peek() else { return }
        if first == UInt8(ascii: "{") {
            // One object, or JSON lines saved with a .json name.
            var probe = scanner
            let single = (try? probe.skipValue()) != nil && probe.peek() == nil
            if single {
                reader.read(&scanner, line: 1, lineStart: 0, report: &report, lines: lines)
            } else {
                builder = reader.builder
                importLines(bytes, origin: origin, into: &builder, report: &report)
                reader.builder = builder
            }
            return
        }
        guard first == UInt8(ascii: "[") else {
            report.diagnostics.append(LoadDiagnostic(.error, origin: origin, line: lines.line(of: scanner.position),
                                                     message: "expected a JSON array or object"))
            return
        }
        scanner.position += 1
        if scanner.consume(UInt8(ascii: "]")) { return }
        while true {
            guard let b = scanner.peek() else {
                report.diagnostics.append(LoadDiagnostic(.error, origin: origin, line: lines.line(of: scanner.position),
                                                         message: "unexpected end of file: the array is not closed"))
                return
            }
            let line = lines.line(of: scanner.position)
            if b == UInt8(ascii: "{") {
                reader.read(&scanner, line: line, lineStart: scanner.position, report: &report, lines: lines)
                if reader.lastFailed {
                    // Resynchronise: skip to the start of the next element at this depth.
                    guard skipToNextElement(&scanner) else {
                        report.diagnostics.append(LoadDiagnostic(.error, origin: origin, line: lines.line(of: scanner.position),
                                                                 message: "unexpected end of file: the array is not closed"))
                        return
                    }
                    continue
                }
            } else {
                do {
                    _ = try scanner.readValue()
                    report.diagnostics.append(LoadDiagnostic(.error, origin: origin, line: line,
                                                             message: "array element is not an object; skipped"))
                } catch {
                    report.diagnostics.append(LoadDiagnostic(.error, origin: origin, line: lines.line(of: error.offset),
                                                             message: "bad JSON: \(error.message)"))
                    return
                }
            }
            if scanner.consume(UInt8(ascii: ",")) { continue }
            if scanner.consume(UInt8(ascii: "]")) { return }
            report.diagnostics.append(LoadDiagnostic(.error, origin: origin, line: lines.line(of: scanner.position),
                message: scanner.atEnd ? "unexpected end of file: the array is not closed" : "bad JSON: expected `,` or `]` between elements"))
            if !skipToNextElement(&scanner) { return }
        }
    }

    /// After a broken element: moves to the next `{` that starts a line-level element, tracking
    /// strings so braces inside them do not count. Returns false at end of input.
    private static func skipToNextElement(_ scanner: inout JSONScanner) -> Bool {
        var inString = false
        var escaped = false
        while scanner.position < scanner.end {
            let b = scanner.bytes[scanner.position]
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
            } else if b == UInt8(ascii: "\"") {
                inString = true
            } else if b == 0x0A {
                // A new line starting with `{` (after spaces) or `,{` is a plausible element start.
                var j = scanner.position + 1
                while j < scanner.end, scanner.bytes[j] == 0x20 || scanner.bytes[j] == 0x09 || scanner.bytes[j] == UInt8(ascii: ",") { j += 1 }
                if j < scanner.end, scanner.bytes[j] == UInt8(ascii: "{") {
                    scanner.position = j
                    return true
                }
            }
            scanner.position += 1
        }
        return false
    }
}

/// Reads one JSON object into one corpus record, mapping keys to fields.
private struct RecordReader {
    var builder: CorpusBuilder
    let origin: String
    var scratch: [UInt8] = []
    var normalized: [UInt8] = []
    var lastFailed = false
    /// The builder's `authors` and `categories` columns, once known.
    var authorsColumn: Int?
    var categoriesColumn: Int?

    init(builder: CorpusBuilder, origin: String) {
        self.builder = builder
        self.origin = origin
    }

    mutating func read(_ scanner: inout JSONScanner, line: Int, lineStart: Int, report: inout FileReport, lines: LineIndex? = nil) {
        let recordStart = scanner.position
        builder.beginRecord(source: origin, line: line)
        scanner.sawInvalidUTF8 = false
        do {
            try members(&scanner)
        } catch {
            builder.abandonRecord()
            lastFailed = true
            let at = lines.map { $0.line(of: error.offset) } ?? line
            report.diagnostics.append(LoadDiagnostic(.error, origin: origin, line: at, message: "bad JSON: \(error.message); record skipped"))
            return
        }
        let size = scanner.position - recordStart
        if size > JSONImporter.maximumRecordBytes {
            builder.abandonRecord()
            lastFailed = false  // the record was read to its end: the next one starts cleanly
            report.diagnostics.append(LoadDiagnostic(.error, origin: origin, line: line,
                message: "record of \(ByteCount(size)) is over the \(ByteCount(JSONImporter.maximumRecordBytes)) limit; skipped"))
            return
        }
        guard builder.has(column: CorpusBuilder.titleColumn) else {
            builder.abandonRecord()
            lastFailed = true
            report.diagnostics.append(LoadDiagnostic(.error, origin: origin, line: line, message: "record has no title; skipped"))
            return
        }
        if scanner.sawInvalidUTF8 {
            report.diagnostics.append(LoadDiagnostic(.warning, origin: origin, line: line,
                                                     message: "invalid UTF-8 replaced with U+FFFD"))
        }
        builder.endRecord()
        lastFailed = false
        report.papers += 1
    }

    private mutating func members(_ scanner: inout JSONScanner) throws(JSONSyntaxError) {
        try scanner.forEachMemberKey { (scanner, key) throws(JSONSyntaxError) in
            try self.member(key, &scanner)
        }
    }

    @inline(__always)
    private static func equals(_ key: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        name.withUTF8Buffer { n in
            guard key.count == n.count else { return false }
            for i in 0..<n.count where key[i] != n[i] { return false }
            return true
        }
    }

    private mutating func member(_ key: UnsafeBufferPointer<UInt8>, _ scanner: inout JSONScanner) throws(JSONSyntaxError) {
        let isTitle = RecordReader.equals(key, "title")
        if isTitle || RecordReader.equals(key, "abstract") || RecordReader.equals(key, "summary") {
            let column = isTitle ? CorpusBuilder.titleColumn : CorpusBuilder.abstractColumn
            guard scanner.peek() == UInt8(ascii: "\"") else {
                let value = try scanner.readValue()
                if value != .null, !builder.has(column: column) {
                    var text = FieldMapping.text(of: value)
                    text.withUTF8 { builder.addNormalizedText(column: column, utf8: $0) }
                }
                return
            }
            if let raw = try scanner.readRawString() {
                if builder.has(column: column) { return }
                if !ByteSearch.isASCII(raw), String(validating: raw, as: UTF8.self) == nil {
                    scanner.sawInvalidUTF8 = true
                    var repaired = String(decoding: raw, as: UTF8.self)
                    repaired.withUTF8 { builder.addNormalizedText(column: column, utf8: $0) }
                } else {
                    builder.addNormalizedText(column: column, utf8: raw)
                }
                return
            }
            scratch.removeAll(keepingCapacity: true)
            try scanner.readString(into: &scratch)
            if builder.has(column: column) { return }
            scratch.withUnsafeBufferPointer { builder.addNormalizedText(column: column, utf8: $0) }
            return
        }
        if RecordReader.equals(key, "paper") {
            // The Hugging Face daily-papers API wraps the paper in a `paper` object.
            if scanner.peek() == UInt8(ascii: "{") {
                try members(&scanner)
            } else {
                FieldMapping.add(key: "paper", value: try scanner.readValue(), to: &builder)
            }
            return
        }
        if RecordReader.equals(key, "categories"), scanner.peek() == UInt8(ascii: "\""), let raw = try scanner.readRawString() {
            // "cs.CL cs.LG": split on spaces without building Strings for the whole value.
            let column = categoriesColumn ?? builder.columnIndex("categories")
            categoriesColumn = column
            builder.markList(column: column)
            guard builder.storesValues(column: column) else { return }
            var start = 0
            for i in 0...raw.count where i == raw.count || raw[i] == 0x20 {
                if i > start { builder.add(column: column, utf8: UnsafeBufferPointer(rebasing: raw[start..<i])) }
                start = i + 1
            }
            return
        }
        if RecordReader.equals(key, "id"), scanner.peek() == UInt8(ascii: "\""), !builder.has(column: CorpusBuilder.idColumn),
           let raw = try scanner.readRawString() {
            var lo = 0, hi = raw.count
            while lo < hi, raw[lo] == 0x20 { lo += 1 }
            while hi > lo, raw[hi - 1] == 0x20 { hi -= 1 }
            guard hi > lo else { return }
            let id = UnsafeBufferPointer(rebasing: raw[lo..<hi])
            builder.addText(column: CorpusBuilder.idColumn, utf8: id)
            if RecordReader.looksLikeArxivID(id), !builder.has("arxiv") { builder.add("arxiv", utf8: id) }
            return
        }
        if RecordReader.equals(key, "update_date") || RecordReader.equals(key, "date") || RecordReader.equals(key, "published"),
           scanner.peek() == UInt8(ascii: "\""), let raw = try scanner.readRawString(),
           let date = CalendarDate(iso: String(decoding: UnsafeBufferPointer(rebasing: raw.prefix(10)), as: UTF8.self)), raw.count <= 32 {
            let name = String(decoding: key, as: UTF8.self)
            if !builder.has("date") { builder.add("date", date: date) }
            if name != "date" { builder.add(name, date: date) }
            return
        }
        if RecordReader.equals(key, "authors"), scanner.peek() == UInt8(ascii: "\""), !builder.has("authors"),
           let raw = try scanner.readRawString() {
            addAuthors(raw)
            return
        }
        FieldMapping.add(key: String(decoding: key, as: UTF8.self), value: try scanner.readValue(), to: &builder)
    }

    /// `2401.01234`, `2401.01234v2`, `hep-th/9901001` (FieldMapping.looksLikeArxivID on bytes).
    static func looksLikeArxivID(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        func digits(_ r: Range<Int>) -> Bool { r.allSatisfy { $0 < u.count && u[$0] >= 48 && u[$0] <= 57 } }
        if u.count >= 9, digits(0..<4), u[4] == UInt8(ascii: "."), digits(5..<9) { return true }
        if let slash = u.firstIndex(of: UInt8(ascii: "/")), slash > 0, u.count - slash == 8, digits((slash + 1)..<u.count) { return true }
        return false
    }

    /// "A. Smith, B. Jones and C. Wu" at the byte level: FieldMapping.splitAuthors without
    /// building Strings (the separators are ASCII, so UTF-8 names split the same way).
    private mutating func addAuthors(_ raw: UnsafeBufferPointer<UInt8>) {
        let column = authorsColumn ?? builder.columnIndex("authors")
        authorsColumn = column
        builder.markList(column: column)
        guard builder.storesValues(column: column) else { return }
        // Two passes over the names, the first only counting them: "Quill, Ada" (two pieces,
        // not both whole names with a space or a dot) is one name written last name first.
        var count = 0
        var wholeNames = true
        RecordReader.forEachAuthor(in: raw) { piece in
            count += 1
            if !piece.contains(0x20), !piece.contains(UInt8(ascii: ".")) { wholeNames = false }
        }
        if count == 2, !wholeNames {
            var pieces: [String] = []
            RecordReader.forEachAuthor(in: raw) { pieces.append(String(decoding: $0, as: UTF8.self)) }
            FieldMapping.add(key: "authors", value: .array([.string(pieces[1] + " " + pieces[0])]), to: &builder)
            return
        }
        RecordReader.forEachAuthor(in: raw) { piece in
            normalized.removeAll(keepingCapacity: true)
            TextNormalizer.appendNormalized(piece, to: &normalized)
            normalized.withUnsafeBufferPointer { builder.add(column: column, utf8: $0) }
        }
    }

    /// Each name of an author list, trimmed: split at `,`, `;` and ` and `.
    private static func forEachAuthor(in raw: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var start = 0
        var i = 0
        let n = raw.count
        func cut(_ end: Int, next: Int) {
            var lo = start, hi = end
            while lo < hi, raw[lo] == 0x20 { lo += 1 }
            while hi > lo, raw[hi - 1] == 0x20 { hi -= 1 }
            if hi > lo { body(UnsafeBufferPointer(rebasing: raw[lo..<hi])) }
            start = next
        }
        while i < n {
            let b = raw[i]
            if b == UInt8(ascii: ",") || b == UInt8(ascii: ";") {
                cut(i, next: i + 1)
            } else if b == 0x20, i + 4 < n, raw[i + 1] == UInt8(ascii: "a"), raw[i + 2] == UInt8(ascii: "n"), raw[i + 3] == UInt8(ascii: "d"), raw[i + 4] == 0x20 {
                cut(i, next: i + 5)
                i += 5
                continue
            }
            i += 1
        }
        cut(n, next: n)
    }

    private mutating func addText(_ field: String, _ text: String) {
        guard !builder.has(field) else { return }
        let normal = TextNormalizer.normalized(text)
        if !normal.isEmpty { builder.add(field, string: normal) }
    }
}

/// Line numbers for byte offsets, for diagnostics in multi-line JSON documents.
struct LineIndex {
    private let starts: [Int]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var starts = [0]
        for i in 0..<bytes.count where bytes[i] == 0x0A { starts.append(i + 1) }
        self.starts = starts
    }

    /// The 1-based line holding byte `offset`.
    func line(of offset: Int) -> Int {
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// A byte count written for people: `200 MB`.
struct ByteCount: CustomStringConvertible {
    let bytes: Int
    init(_ bytes: Int) { self.bytes = bytes }
    var description: String {
        if bytes >= 1 << 20 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 10 { return "\(bytes >> 10) KB" }
        return "\(bytes) bytes"
    }
}

/// Column storage of parsed parts, kept for the parts still to be parsed: every byte of a
/// fresh buffer costs a page fault and a zeroed page on first touch, which was most of a
/// load's system time, while a recycled buffer has been touched already. Storage comes back
/// once its part is merged; when no part is left to parse it is freed instead.
private final class PartBufferPool: @unchecked Sendable {
    private var free: [[String: ColumnBuffers]] = []
    /// Parts that have not asked for buffers yet.
    private var partsToStart: Int
    private let lock = NSLockLike()

    init(parts: Int) { partsToStart = parts }

    /// Buffers for a part about to be parsed, if one has been given back.
    func take() -> [String: ColumnBuffers]? {
        lock.withLock {
            partsToStart -= 1
            return free.popLast()
        }
    }

    func give(_ buffers: [String: ColumnBuffers]) {
        lock.withLock {
            if free.count < partsToStart { free.append(buffers) }
        }
    }
}
