// Columnar storage: one typed array per field. Every column is multi-valued (a scalar field is a
// list that holds zero or one value per paper), so one representation, and one evaluator, serves
// `title` and `params` alike:
//
//     rowOffsets[r] ..< rowOffsets[r + 1]   the positions of paper r's values
//
// Numbers (and dates as day numbers, and booleans as 0/1) live in one `[Double]`. Strings are
// either raw UTF-8 (long, mostly unique text: titles, abstracts, ids) or dictionary-encoded
// (short, repeating values: topics, authors, categories), where a predicate is decided once per
// distinct value rather than once per paper.

/// Where each row's values start and end.
struct RowOffsets: Sendable {
    /// `count + 1` entries, starting at 0.
    let offsets: [Int32]

    var rowCount: Int { offsets.count - 1 }

    @inline(__always)
    func range(of row: Int) -> Range<Int> { Int(offsets[row])..<Int(offsets[row + 1]) }

    @inline(__always)
    func isEmpty(row: Int) -> Bool { offsets[row] == offsets[row + 1] }

    /// Rows with at least one value.
    func presence() -> RowSet {
        var set = RowSet(universe: rowCount)
        offsets.withUnsafeBufferPointer { o in
            for row in 0..<(o.count - 1) where o[row] != o[row + 1] { set.insert(row) }
        }
        return set
    }

    /// Every row holding exactly one value: `0, 1, 2, ...`.
    static func single(_ count: Int) -> RowOffsets {
        RowOffsets(offsets: (0...count).map { Int32($0) })
    }
}

struct NumberColumn: Sendable {
    let rows: RowOffsets
    let values: [Double]
}

struct StringColumn: Sendable {
    enum Storage: Sendable {
        /// Value i is `bytes[bounds[i] ..< bounds[i + 1]]`.
        case raw(bytes: [UInt8], bounds: [Int])
        /// Value i is `dictionary[codes[i]]`.
        case dictionary(codes: [UInt32], dictionary: [String])
    }

    let rows: RowOffsets
    let storage: Storage

    var valueCount: Int {
        switch storage {
        case .raw(_, let bounds): return bounds.count - 1
        case .dictionary(let codes, _): return codes.count
        }
    }

    func string(at index: Int) -> String {
        switch storage {
        case .raw(let bytes, let bounds):
            return String(decoding: bytes[bounds[index]..<bounds[index + 1]], as: UTF8.self)
        case .dictionary(let codes, let dictionary):
            return dictionary[Int(codes[index])]
        }
    }

    func strings(of row: Int) -> [String] { rows.range(of: row).map(string(at:)) }

    /// Calls `body` with the UTF-8 bytes of value `index`.
    @inline(__always)
    func withBytes<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch storage {
        case .raw(let bytes, let bounds):
            return try bytes.withUnsafeBufferPointer { all in
                try body(UnsafeBufferPointer(rebasing: all[bounds[index]..<bounds[index + 1]]))
            }
        case .dictionary(let codes, let dictionary):
            var s = dictionary[Int(codes[index])]
            return try s.withUTF8(body)
        }
    }
}

enum ColumnData: Sendable {
    case numbers(NumberColumn)
    case strings(StringColumn)

    var rows: RowOffsets {
        switch self {
        case .numbers(let c): return c.rows
        case .strings(let c): return c.rows
        }
    }
}

/// A field's data, with its description and, for extracted fields, where each value came from.
struct Column: Sendable {
    let descriptor: FieldDescriptor
    let data: ColumnData
    /// Parallel to the values, for extracted fields.
    let evidence: EvidenceColumn?

    init(descriptor: FieldDescriptor, data: ColumnData, evidence: EvidenceColumn? = nil) {
        self.descriptor = descriptor
        self.data = data
        self.evidence = evidence
    }

    var rows: RowOffsets { data.rows }

    /// The value of `row` as the API presents it: a scalar, a list, or missing.
    func value(of row: Int) -> Value {
        let range = rows.range(of: row)
        var items: [Value] = []
        items.reserveCapacity(range.count)
        for i in range { items.append(element(at: i)) }
        if descriptor.type.isList { return items.isEmpty ? .missing : .list(items) }
        return items.first ?? .missing
    }

    func element(at index: Int) -> Value {
        switch data {
        case .numbers(let c):
            let n = c.values[index]
            switch descriptor.type.scalar {
            case .date: return .date(CalendarDate(daysSinceEpoch: Int(n)))
            case .bool: return .bool(n != 0)
            default: return .number(n)
            }
        case .strings(let c):
            return .string(c.string(at: index))
        }
    }
}

/// Where each value of an extracted column was read: parallel arrays, one entry per value.
struct EvidenceColumn: Sendable {
    /// Index into `sourceFields` per value.
    let field: [UInt8]
    /// UTF-8 offsets within that field's text.
    let start: [Int32]
    let end: [Int32]
    /// The names of the fields evidence points into (`title`, `abstract`).
    let sourceFields: [String]

    func evidence(at index: Int) -> Evidence? {
        guard index < field.count, field[index] != UInt8.max else { return nil }
        return Evidence(field: sourceFields[Int(field[index])], utf8Range: Int(start[index])..<Int(end[index]))
    }
}
