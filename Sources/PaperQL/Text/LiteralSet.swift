// Whether a text may contain any of a set of phrases, fast enough to run on every abstract of a
// large file while it loads. Exactness is not the goal: a "yes" may be wrong, a "no" never is.
//
// A phrase is split into runs at separators ("post training quantization": three runs); it can
// occur only where all its runs occur. One run per phrase is scanned for, the one least common
// in the sample corpus ("quantization" rather than "training"); the others are looked up only in
// texts where that key run was found. Each key run is found by an anchor, its pair of bytes
// least common in the sample corpus: the scan reads each pair of adjacent bytes of the text,
// tests one bit in an 8 KB table of anchors (every case variant set), and compares a run only
// where an anchor is, which in prose is seldom.

struct LiteralSet: Sendable {
    private struct Run: Sendable {
        let bytes: [UInt8]   // folded
        let anchor: Int      // offset of the anchor pair in `bytes`
        let pair: UInt16     // the folded anchor pair, first byte low
        /// Some phrase is this run alone: finding it settles the question.
        var completesPhrase: Bool
    }

    /// The key runs.
    private let runs: [Run]
    /// The runs again, flattened for the scan (no reference counting in the inner loop).
    /// Raw byte pair -> 1 + its group: the runs anchored on that pair are
    /// `groupRuns[groupStarts[g] ..< groupStarts[g + 1]]`.
    private let pairGroup: [UInt8]
    private let groupStarts: [Int]
    private let groupRuns: [Int]
    private let runBytes: [UInt8]
    private let runStarts: [Int]   // runs.count + 1 offsets into runBytes
    /// Per phrase: its key run, and its other runs (folded), which must also be in the text.
    private let phrases: [(key: Int, others: [[UInt8]])]
    /// One bit per raw byte pair (first byte low): whether some run's anchor may start there.
    private let anchors: [UInt64]

    /// `nil` when some phrase has no run of two or more bytes to anchor on (a lone letter
    /// would make nearly every text a candidate).
    init?(_ phrases: [String]) {
        var runs: [Run] = []
        var lists: [(key: Int, others: [[UInt8]])] = []
        for phrase in phrases {
            let parts = phrase.utf8.map(LiteralSet.fold).split(separator: 0x20).map(Array.init).filter { $0.count >= 2 }
            guard let key = parts.min(by: { a, b in
                let (ca, cb) = (LiteralSet.commonness(of: a), LiteralSet.commonness(of: b))
                return ca != cb ? ca < cb : a.count > b.count
            }) else { return nil }
            let others = parts.filter { $0 != key }
            let index: Int
            if let i = runs.firstIndex(where: { $0.bytes == key }) {
                index = i
            } else {
                let counts = LiteralSet.pairCounts
                func count(_ k: Int) -> UInt32 { counts[Int(key[k]) | Int(key[k + 1]) << 8] }
                var anchor = 0
                for k in 1..<(key.count - 1) where count(k) < count(anchor) { anchor = k }
                runs.append(Run(bytes: key, anchor: anchor, pair: UInt16(key[anchor]) | UInt16(key[anchor + 1]) << 8,
                                completesPhrase: false))
                index = runs.count - 1
            }
            if others.isEmpty { runs[index].completesPhrase = true }
            lists.append((index, others))
        }
        guard !runs.isEmpty else { return nil }
        let distinctPairs = runs.map(\.pair).reduce(into: [UInt16]()) { if !$0.contains($1) { $0.append($1) } }
        guard distinctPairs.count < 255 else { return nil }
        var bits = [UInt64](repeating: 0, count: 65536 / 64)
        var groups = [UInt8](repeating: 0, count: 65536)
        var starts = [0]
        var members: [Int] = []
        for (g, pair) in distinctPairs.enumerated() {
            members += runs.indices.filter { runs[$0].pair == pair }
            starts.append(members.count)
            for a in LiteralSet.variants(UInt8(pair & 0xFF)) {
                for b in LiteralSet.variants(UInt8(pair >> 8)) {
                    let v = Int(a) | Int(b) << 8
                    bits[v >> 6] |= 1 << UInt64(v & 63)
                    groups[v] = UInt8(g + 1)
                }
            }
        }
        self.runs = runs
        pairGroup = groups
        groupStarts = starts
        groupRuns = members
        runBytes = runs.flatMap(\.bytes)
        runStarts = runs.reduce(into: [0]) { $0.append($0.last! + $1.bytes.count) }
        self.phrases = lists
        self.anchors = bits
    }

    /// Whether some phrase may occur in `text`.
    func mayOccur(in text: UnsafeBufferPointer<UInt8>) -> Bool {
        mayOccur(in: text, UnsafeBufferPointer(start: nil, count: 0))
    }

    /// Whether some phrase may occur in `first` or `second` (a phrase's runs may be split
    /// between them: the answer errs towards yes).
    func mayOccur(in first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: runs.count) { found in
            found.initialize(repeating: false)
            if scan(first, marking: found) || scan(second, marking: found) { return true }
            return phrases.contains { phrase in
                found[phrase.key] && phrase.others.allSatisfy { other in
                    other.withUnsafeBufferPointer { ByteSearch.containsFolded(first, $0) || ByteSearch.containsFolded(second, $0) }
                }
            }
        }
    }

    /// Marks the runs found in `text`; true as soon as a run that is a whole phrase is found.
    private func scan(_ text: UnsafeBufferPointer<UInt8>, marking found: UnsafeMutableBufferPointer<Bool>) -> Bool {
        guard text.count >= 2, let base = text.baseAddress else { return false }
        return anchors.withUnsafeBufferPointer { bits in
            let end = text.count - 1
            var i = LiteralSet.nextAnchor(UnsafeRawPointer(base), from: 0, to: end, bits.baseAddress!)
            while i < end {
                let v = Int(UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt16.self).littleEndian)
                if mark(at: i, pair: v, in: text, found) { return true }
                i = LiteralSet.nextAnchor(UnsafeRawPointer(base), from: i + 1, to: end, bits.baseAddress!)
            }
            return false
        }
    }

    /// The first position in `from ..< end` where an anchor may start, or `end`. Kept apart
    /// from the comparing so that the loop stays in registers.
    @inline(never)
    private static func nextAnchor(_ base: UnsafeRawPointer, from: Int, to end: Int, _ bits: UnsafePointer<UInt64>) -> Int {
        var i = from
        while i &+ 8 <= end &+ 1 {  // the load reads 8 bytes; pairs start at i ..< i + 4
            let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian
            let v0 = Int(truncatingIfNeeded: w & 0xFFFF)
            let v1 = Int(truncatingIfNeeded: (w &>> 8) & 0xFFFF)
            let v2 = Int(truncatingIfNeeded: (w &>> 16) & 0xFFFF)
            let v3 = Int(truncatingIfNeeded: (w &>> 24) & 0xFFFF)
            let hit0 = bits[v0 &>> 6] & (1 &<< UInt64(v0 & 63))
            let hit1 = bits[v1 &>> 6] & (1 &<< UInt64(v1 & 63))
            let hit2 = bits[v2 &>> 6] & (1 &<< UInt64(v2 & 63))
            let hit3 = bits[v3 &>> 6] & (1 &<< UInt64(v3 & 63))
            if hit0 | hit1 | hit2 | hit3 != 0 {
                if hit0 != 0 { return i }
                if hit1 != 0 { return i &+ 1 }
                if hit2 != 0 { return i &+ 2 }
                return i &+ 3
            }
            i &+= 4
        }
        while i < end {
            let v = Int(base.loadUnaligned(fromByteOffset: i, as: UInt16.self).littleEndian)
            if bits[v &>> 6] & (1 &<< UInt64(v & 63)) != 0 { return i }
            i &+= 1
        }
        return end
    }

    private func mark(at i: Int, pair: Int, in text: UnsafeBufferPointer<UInt8>, _ found: UnsafeMutableBufferPointer<Bool>) -> Bool {
        let g = Int(pairGroup[pair]) - 1
        for k in groupStarts[g]..<groupStarts[g + 1] {
            let r = groupRuns[k]
            if found[r] { continue }
            let run = runStarts[r]..<runStarts[r + 1]
            let start = i - runs[r].anchor
            guard start >= 0, start + run.count <= text.count else { continue }
            var j = 0
            while j < run.count, LiteralSet.fold(text[start + j]) == runBytes[run.lowerBound + j] { j += 1 }
            if j == run.count {
                found[r] = true
                if runs[r].completesPhrase { return true }
            }
        }
        return false
    }

    /// How many times `run` occurs in the built-in sample corpus, ignoring case.
    private static func commonness(of run: [UInt8]) -> Int {
        var count = 0
        var text = SampleCorpus.jsonLines
        text.withUTF8 { ByteSearch.forEachMatchFolded($0, run) { _ in count += 1 } }
        return count
    }

    /// ASCII lowercase, and `-` and `_` as space: the folding PhraseMatcher uses.
    @inline(__always)
    static func fold(_ b: UInt8) -> UInt8 {
        if b >= 65 && b <= 90 { return b | 0x20 }
        if b == UInt8(ascii: "-") || b == UInt8(ascii: "_") { return 0x20 }
        return b
    }

    private static func variants(_ b: UInt8) -> [UInt8] {
        b >= 97 && b <= 122 ? [b, b - 32] : [b]
    }

    /// How often each folded byte pair occurs in the built-in sample corpus (ML prose of our
    /// own): the rarer an anchor, the fewer places the scan stops to compare.
    static let pairCounts: [UInt32] = {
        var counts = [UInt32](repeating: 0, count: 65536)
        var text = SampleCorpus.jsonLines
        text.withUTF8 { bytes in
            guard bytes.count >= 2 else { return }
            for i in 0..<(bytes.count - 1) { counts[Int(fold(bytes[i])) | Int(fold(bytes[i + 1])) << 8] &+= 1 }
        }
        return counts
    }()
}
