// JSON Lines and JSON documents: arXiv's metadata snapshot, the Hugging Face daily-papers API,
// and plain objects with a title and an abstract or summary. Known keys map to typed fields
// (see `FieldMapping`); unknown keys become fields typed by their values; a line or element that
// is not valid JSON, or has no title, is reported and skipped.

enum JSONImporter {
    /// Records larger than this are reported and skipped rather than loaded.
    static let maximumRecordBytes = 32 << 20

    /// Files larger than this are split at line breaks and parsed on every core.
    static let parallelThreshold = 8 << 20

    static func importLines(_ bytes: UnsafeBufferPointer<UInt8>, origin: String, into builder: inout CorpusBuilder,
                            report: inout FileReport) {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        guard bytes.count >= parallelThreshold, workers > 1 else {
            importLines(bytes, firstLine: 1, origin: origin, into: &builder, report: &report)
            return
        }
        // Chunks end at line breaks; each is parsed into its own builder, then appended in order,
        // so papers, ids and diagnostics come out exactly as a single pass would give them.
        let chunkCount = workers * 4
        var starts = [0]
        for k in 1..<chunkCount {
            var p = max(starts.last! + 1, bytes.count * k / chunkCount)
            guard p < bytes.count, let base = bytes.baseAddress, let hit = memchr(base + p, 0x0A, bytes.count - p) else { break }
            p = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            if p < bytes.count { starts.append(p) }
        }
        let ranges = zip(starts, starts.dropFirst() + [bytes.count]).map { $0..<$1 }
        let newlines = ChunkResults<Int>(count: ranges.count)
        let results = ChunkResults<(CorpusBuilder, FileReport)>(count: ranges.count)
        nonisolated(unsafe) let shared = bytes
        DispatchQueue.concurrentPerform(iterations: ranges.count) { k in
            var n = 0
            for b in shared[ranges[k]] where b == 0x0A { n += 1 }
            newlines.store(n, at: k)
        }
        var lineStarts: [Int] = []
        var line = 1
        for k in ranges.indices {
            lineStarts.append(line)
            line += newlines.take(k)
        }
        let firstLines = lineStarts
        DispatchQueue.concurrentPerform(iterations: ranges.count) { k in
            var part = CorpusBuilder(builtinFields: false)
            var partReport = FileReport(path: origin, format: .jsonLines, papers: 0, diagnostics: [])
            importLines(UnsafeBufferPointer(rebasing: shared[ranges[k]]), firstLine: firstLines[k], origin: origin,
                        into: &part, report: &partReport)
            results.store((part, partReport), at: k)
        }
        for k in ranges.indices {
            let (part, partReport) = results.take(k)
            builder.append(contentsOf: part)
            report.papers += partReport.papers
            report.diagnostics += partReport.diagnostics
        }
    }

    private static func importLines(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, origin: String, into builder: inout CorpusBuilder,
                                    report: inout FileReport) {
        var reader = RecordReader(builder: builder, origin: origin)
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

    init(builder: CorpusBuilder, origin: String) {
        self.builder = builder
        self.origin = origin
    }

    mutating func read(_ scanner: inout JSONScanner, line: Int, lineStart: Int, report: inout FileReport, lines: LineIndex? = nil) {
        let recordStart = scanner.position
        builder.beginRecord()
        builder.add("source", string: origin)
        builder.add("line", number: Double(line))
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
        guard builder.has("title") else {
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
        try scanner.forEachMember { (scanner, key) throws(JSONSyntaxError) in
            try self.member(key, &scanner)
        }
    }

    private mutating func member(_ key: String, _ scanner: inout JSONScanner) throws(JSONSyntaxError) {
        switch key {
        case "title", "abstract", "summary":
            let field = key == "title" ? "title" : "abstract"
            guard scanner.peek() == UInt8(ascii: "\"") else {
                let value = try scanner.readValue()
                if value != .null { addText(field, FieldMapping.text(of: value)) }
                return
            }
            scratch.removeAll(keepingCapacity: true)
            try scanner.readString(into: &scratch)
            if builder.has(field) { return }
            normalized.removeAll(keepingCapacity: true)
            scratch.withUnsafeBufferPointer { TextNormalizer.appendNormalized($0, to: &normalized) }
            if normalized.isEmpty { return }
            normalized.withUnsafeBufferPointer { builder.add(field, utf8: $0) }
        case "paper":
            // The Hugging Face daily-papers API wraps the paper in a `paper` object.
            if scanner.peek() == UInt8(ascii: "{") {
                try members(&scanner)
            } else {
                FieldMapping.add(key: key, value: try scanner.readValue(), to: &builder)
            }
        default:
            FieldMapping.add(key: key, value: try scanner.readValue(), to: &builder)
        }
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

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
