// `group by`: one group per value of the key field (a paper with several values counts in each;
// papers without a value form one group whose key is missing), then the selected aggregates per
// group, then the order (by default: largest groups first, ties by key).

struct Grouping {
    let context: ExecutionContext
    let key: BoundOperand
    let items: [BoundGroupItem]
    let sort: [BoundSortKey]
    let limit: Int?
    let offset: Int?

    func run(_ rows: [Int32], statistics: QueryStatistics) throws -> QueryResult {
        // Group rows by key value, in order of first appearance. Member lists are kept only
        // when an aggregate reads them; counting papers needs just a size per group.
        let needsMembers = items.contains { if case .aggregate = $0.kind { return true } else { return false } }
        var keys: [Scalar?] = []
        var members: [[Int32]] = []
        var sizes: [Int] = []
        var lastRow: [Int32] = []
        var slot: [Scalar: Int] = [:]
        var missingSlot: Int?
        let reader = OperandReader.compile(key, in: context)
        @inline(__always) func open(_ value: Scalar?, _ row: Int32) -> Int {
            keys.append(value)
            sizes.append(0)
            lastRow.append(-1)
            if needsMembers { members.append([]) }
            return keys.count - 1
        }
        @inline(__always) func join(_ s: Int, _ row: Int32) {
            guard lastRow[s] != row else { return }  // a paper counts once per group
            lastRow[s] = row
            sizes[s] += 1
            if needsMembers { members[s].append(row) }
        }
        func add(_ value: Scalar?, _ row: Int32) {
            if let value {
                if let s = slot[value] {
                    join(s, row)
                } else {
                    let s = open(value, row)
                    slot[value] = s
                    join(s, row)
                }
            } else {
                let s = missingSlot ?? open(nil, row)
                missingSlot = s
                join(s, row)
            }
        }
        switch reader {
        case .strings(let columns) where columns.count == 1 && !needsMembers:
            guard case .dictionary(let codes, let dictionary) = columns[0].storage else { fallthrough }
            if context.useIndexes, rows.count == context.rowCount, case .field(let field) = key.kind {
                // Every paper: the sizes are those of the field's posting lists.
                (keys, sizes) = Grouping.countFromPostings(context.postingIndex(field.name), presence: context.presence(field.name),
                                                            rows: columns[0].rows, codes: codes, dictionary: dictionary)
            } else {
                // Counting papers per dictionary code: one pass over plain arrays.
                (keys, sizes) = try Grouping.countByCode(rows, rows: columns[0].rows, codes: codes, dictionary: dictionary)
            }
        case .strings(let columns) where columns.count == 1:
            // Group by dictionary code: no string hashing per paper.
            let column = columns[0]
            if case .dictionary(let codes, let dictionary) = column.storage {
                var codeSlot = [Int](repeating: -1, count: dictionary.count)
                for (n, row) in rows.enumerated() {
                    if n & 0xFFFF == 0 { try Task.checkCancellation() }
                    let range = column.rows.range(of: Int(row))
                    if range.isEmpty { add(nil, row); continue }
                    for i in range {
                        let code = Int(codes[i])
                        if codeSlot[code] < 0 { codeSlot[code] = open(.string(dictionary[code]), row) }
                        join(codeSlot[code], row)
                    }
                }
            } else {
                fallthrough
            }
        default:
            for (n, row) in rows.enumerated() {
                if n & 0xFFFF == 0 { try Task.checkCancellation() }
                let values = reader.values(Int(row))
                if values.isEmpty { add(nil, row) } else { for v in values { add(v, row) } }
            }
        }

        // One output row per group.
        let aggregateReaders: [OperandReader?] = items.map { item in
            if case .aggregate(_, let argument) = item.kind { return OperandReader.compile(argument, in: context) }
            return nil
        }
        var table: [[Value]] = []
        table.reserveCapacity(keys.count)
        for (g, groupKey) in keys.enumerated() {
            var row: [Value] = []
            for (i, item) in items.enumerated() {
                switch item.kind {
                case .key:
                    row.append(groupKey.map { $0.value(as: key.type.scalar) } ?? .missing)
                case .paperCount:
                    row.append(.number(Double(sizes[g])))
                case .aggregate(let aggregate, let argument):
                    let reader = aggregateReaders[i]!
                    if aggregate == .count {
                        let n = members[g].reduce(0) { $0 + (reader.values(Int($1)).isEmpty ? 0 : 1) }
                        row.append(.number(Double(n)))
                    } else {
                        let values = members[g].flatMap { reader.values(Int($0)) }
                        row.append(OperandReader.aggregate(aggregate, values, type: argument.type.scalar)
                            .map { $0.value(as: item.type.scalar) } ?? .missing)
                    }
                }
            }
            table.append(row)
        }

        // Order, then page.
        let order = table.indices.sorted { a, b in
            for key in sort {
                guard case .column(let c) = key.target else { continue }
                let (x, y) = (table[a][c], table[b][c])
                if x.isMissing != y.isMissing { return y.isMissing }  // missing last, either way
                let cmp = Grouping.compare(x, y)
                if cmp != 0 { return key.descending ? cmp > 0 : cmp < 0 }
            }
            return a < b
        }
        let start = min(offset ?? 0, order.count)
        let end = limit.map { min(order.count, start + $0) } ?? order.count
        let visible = items.indices.filter { !items[$0].hidden }
        let rowsOut = order[start..<end].map { r in visible.map { table[r][$0] } }
        let columns = visible.map { i in
            ResultColumn(name: items[i].name, type: items[i].type, numberStyle: items[i].style,
                         field: { if case .key = items[i].kind, case .field(let f) = key.kind { return f.name }; return nil }())
        }
        return QueryResult(kind: .groups, columns: columns, rows: ResultRows(rowsOut), paperIndexes: [], binding: nil,
                           totalCount: table.count, statistics: statistics)
    }

    /// `countByCode` over every paper, read off the posting lists: a group's size is its list's
    /// length, and its first appearance its list's first row (and the value's place in it).
    static func countFromPostings(_ index: PostingIndex, presence: RowSet, rows: RowOffsets, codes: [UInt32], dictionary: [String])
        -> (keys: [Scalar?], sizes: [Int]) {
        var groups: [(first: Int, key: Scalar?, size: Int)] = []
        for (code, postings) in index.postings.enumerated() {
            guard let row = postings.first else { continue }
            let place = rows.range(of: Int(row)).firstIndex { codes[$0] == UInt32(code) }.map { $0 - rows.range(of: Int(row)).lowerBound } ?? 0
            groups.append((Int(row) &* 4096 &+ min(place, 4095), .string(dictionary[code]), postings.count))
        }
        let missing = rows.rowCount - presence.count
        if missing > 0, let row = presence.firstAbsent() {
            groups.append((row &* 4096, nil, missing))
        }
        groups.sort { $0.first < $1.first }
        return (groups.map(\.key), groups.map(\.size))
    }

    /// Papers per value of a dictionary-encoded column, groups in order of first appearance
    /// (papers without a value form the group keyed `nil`).
    static func countByCode(_ selected: [Int32], rows: RowOffsets, codes: [UInt32], dictionary: [String]) throws
        -> (keys: [Scalar?], sizes: [Int]) {
        var counts = [Int](repeating: 0, count: dictionary.count + 1)   // the last: no value
        var firstSeen = [Int](repeating: Int.max, count: dictionary.count + 1)
        var lastRow = [Int32](repeating: -1, count: dictionary.count + 1)
        let none = dictionary.count
        try counts.withUnsafeMutableBufferPointer { counts in
          try firstSeen.withUnsafeMutableBufferPointer { firstSeen in
            try lastRow.withUnsafeMutableBufferPointer { lastRow in
              try selected.withUnsafeBufferPointer { selected in
                try rows.offsets.withUnsafeBufferPointer { offsets in
                    try codes.withUnsafeBufferPointer { codes in
                        for n in 0..<selected.count {
                            if n & 0xFFFF == 0 { try Task.checkCancellation() }
                            let row = selected[n]
                            let lo = Int(offsets[Int(row)]), hi = Int(offsets[Int(row) + 1])
                            if lo == hi {
                                counts[none] += 1
                                if firstSeen[none] == Int.max { firstSeen[none] = n &* 4096 }
                                continue
                            }
                            for i in lo..<hi {
                                let code = Int(codes[i])
                                guard lastRow[code] != row else { continue }  // a paper counts once per group
                                lastRow[code] = row
                                counts[code] &+= 1
                                if firstSeen[code] == Int.max { firstSeen[code] = n &* 4096 &+ min(i - lo, 4095) }
                            }
                        }
                    }
                }
              }
            }
          }
        }
        let order = counts.indices.filter { counts[$0] > 0 }.sorted { firstSeen[$0] < firstSeen[$1] }
        return (order.map { $0 == none ? nil : .string(dictionary[$0]) }, order.map { counts[$0] })
    }

    /// Orders two values of one column (missing is handled by the caller).
    static func compare(_ a: Value, _ b: Value) -> Int {
        switch (a, b) {
        case (.missing, .missing): return 0
        case (.missing, _): return 1
        case (_, .missing): return -1
        case (.number(let x), .number(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.date(let x), .date(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.string(let x), .string(let y)):
            let (p, q) = (x.lowercased(), y.lowercased())
            return p < q ? -1 : (p > q ? 1 : 0)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (!x ? -1 : 1)
        default: return 0
        }
    }
}
