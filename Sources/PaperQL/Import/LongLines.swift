// Guards shared by the text importers that parse a whole file at once (CSV, BibTeX): a line
// too long to be part of a paper record is blanked out and reported before parsing, so one
// 200 MB line cannot stall the parser or take the rest of the file with it; and the first line
// with invalid UTF-8 is found for the report.

enum LongLines {
    /// Lines longer than this are not paper records.
    static let maximumLineBytes = 16 << 20

    /// A copy of `bytes` with over-long lines emptied (line numbers unchanged), or nil when
    /// every line is short enough.
    static func blanked(_ bytes: UnsafeBufferPointer<UInt8>, origin: String, report: inout FileReport) -> [UInt8]? {
        var long: [(start: Int, end: Int, line: Int)] = []
        var start = 0
        var line = 1
        let n = bytes.count
        while start < n {
            var end = start
            if let base = bytes.baseAddress, let hit = memchr(base + start, 0x0A, n - start) {
                end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            } else {
                end = n
            }
            if end - start > maximumLineBytes { long.append((start, end, line)) }
            start = end + 1
            line += 1
        }
        guard !long.isEmpty else { return nil }
        var copy: [UInt8] = []
        copy.reserveCapacity(n)
        var previous = 0
        for item in long {
            copy.append(contentsOf: bytes[previous..<item.start])
            previous = item.end
            report.diagnostics.append(LoadDiagnostic(.error, origin: origin, line: item.line,
                message: "line of \(ByteCount(item.end - item.start)) is too long to hold a paper record; skipped"))
        }
        copy.append(contentsOf: bytes[previous..<n])
        return copy
    }

    /// The 1-based line of the first byte sequence that is not valid UTF-8.
    static func firstInvalidUTF8Line(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard String(validating: bytes, as: UTF8.self) == nil else { return nil }
        var line = 1
        var lineStart = 0
        for i in 0...bytes.count {
            if i == bytes.count || bytes[i] == 0x0A {
                if String(validating: UnsafeBufferPointer(rebasing: bytes[lineStart..<i]), as: UTF8.self) == nil { return line }
                line += 1
                lineStart = i + 1
            }
        }
        return nil
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
