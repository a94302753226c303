// Finds many phrases in one pass over a text: an Aho-Corasick automaton over case-folded bytes,
// compiled into a dense transition table so that scanning costs one table load per byte
// whatever the number of phrases. Extractors use it for topic phrases, model and dataset names.
//
// Matching folds ASCII case and treats `-`, `_` and space alike ("mixture-of-experts" matches
// "Mixture of Experts"), and respects word boundaries: a phrase matches only where the bytes
// around it are not letters or digits. Evidence ranges are positions in the original text,
// since folding maps each byte to one byte.

/// A set of phrases compiled for fast, case-insensitive, whole-word search.
public struct PhraseMatcher: Sendable {
    /// One occurrence of a phrase.
    public struct Match: Sendable, Hashable {
        /// The caller's identifier for the phrase (its index in the list given to `init`).
        public let phrase: Int
        /// UTF-8 offsets in the searched text.
        public let range: Range<Int>
    }

    /// Dense transitions: row + class -> the next state's row (state * classCount), negated when
    /// phrases end there. Rows rather than state numbers keep a multiply off the chain of
    /// dependent loads that a scan is. Bytes are mapped to classes first (every byte no phrase uses shares one class),
    /// which keeps the table small enough to stay in cache.
    ///
    /// The tables live in one object (`Tables`) rather than five arrays: a scan reads them
    /// through plain pointers, where five arrays cost a retain and a release each per call
    /// (a tenth of a one-shot query's time went to those).
    private let tables: Tables
    private let classCount: Int
    private let allowPlural: Bool
    private let allowVersion: Bool
    /// The longest phrase in bytes, plus one for the anchor: a scan started this far back is
    /// in the right state.
    private let maximumLength: Int
    /// Where a scan starts: as if a space came before the text.
    private let startRow: Int

    /// Compiles `phrases`. With `allowPlural`, a phrase also matches followed by `s` or `es`
    /// ("LLM" matches "LLMs"). With `allowVersion`, a phrase also matches when a version is
    /// glued to it ("Qwen2", "YOLOv8"): the match ends before the version.
    public init(_ phrases: [String], allowPlural: Bool = false, allowVersion: Bool = false) {
        self.allowPlural = allowPlural
        self.allowVersion = allowVersion
        let folded = phrases.map { PhraseMatcher.fold(Array($0.utf8)) }
        // Anchored: every phrase hangs below one state, reached by reading any byte that is not
        // part of a word, so the automaton itself demands a word start before a phrase. Inside
        // words it then stays near the root, and the scan never stops for a phrase buried in a
        // longer word ("rag" in "storage"), which was most of the stops. Phrases that start
        // with punctuation or a space (none of the standard ones) turn anchoring off.
        let anchored = folded.allSatisfy { $0.isEmpty || PhraseMatcher.isWordByte($0[0]) }
        maximumLength = (phrases.map { $0.utf8.count }.max() ?? 0) + (anchored ? 1 : 0)
        // Classes: one per byte some phrase uses, one (0) for all other bytes outside words and
        // one (1) for all other bytes inside words. The automaton is built over classes, so every
        // table is classCount wide rather than 256.
        var classes = [UInt8](repeating: 0, count: 256)
        var used = [Bool](repeating: false, count: 256)
        for phrase in folded { for byte in phrase { used[Int(byte)] = true } }
        var width = 2
        for byte in 0..<256 {
            if used[byte], width < 255 {
                classes[byte] = UInt8(width)
                width += 1
            } else if PhraseMatcher.isWordByte(UInt8(byte)) {
                classes[byte] = 1
            }
        }
        for byte in 0..<256 { classes[byte] = classes[Int(PhraseMatcher.fold(UInt8(byte)))] }
        classCount = width
        var isBoundary = [Bool](repeating: false, count: width)
        for byte in 0..<256 where !PhraseMatcher.isWordByte(UInt8(byte)) { isBoundary[Int(classes[byte])] = true }

        // The trie, as a flat table of class transitions (-1: none yet).
        var goto = [Int32](repeating: -1, count: width)
        var outputs: [[(phrase: Int, length: Int)]] = [[]]
        var phraseRoot = 0
        if anchored {
            phraseRoot = 1
            goto.append(contentsOf: repeatElement(-1, count: width))
            outputs.append([])
            for c in 0..<width where isBoundary[c] { goto[c] = 1 }
        }
        for (index, phrase) in folded.enumerated() where !phrase.isEmpty {
            var state = phraseRoot
            for byte in phrase {
                let c = Int(classes[Int(byte)])
                let next = goto[state * width + c]
                if next >= 0 {
                    state = Int(next)
                } else {
                    let created = outputs.count
                    goto.append(contentsOf: repeatElement(-1, count: width))
                    outputs.append([])
                    goto[state * width + c] = Int32(created)
                    state = created
                }
            }
            outputs[state].append((index, phrase.count))
        }
        let stateCount = outputs.count
        // Breadth-first: failure links folded into a complete table; the visiting order is also
        // the new numbering, so the shallow states a scan lives in sit together in memory.
        var fail = [Int](repeating: 0, count: stateCount)
        var order = [0]
        order.reserveCapacity(stateCount)
        for c in 0..<width {
            let next = goto[c]
            if next >= 0 {
                fail[Int(next)] = 0
                if !order.contains(Int(next)) { order.append(Int(next)) }  // the anchor has many edges in
            } else {
                goto[c] = 0
            }
        }
        var head = 1
        while head < order.count {
            let state = order[head]
            head += 1
            outputs[state] += outputs[fail[state]]
            for c in 0..<width {
                let next = goto[state * width + c]
                if next >= 0 {
                    fail[Int(next)] = Int(goto[fail[state] * width + c])
                    order.append(Int(next))
                } else {
                    goto[state * width + c] = goto[fail[state] * width + c]
                }
            }
        }
        var rank = [Int32](repeating: 0, count: stateCount)
        for (newState, state) in order.enumerated() { rank[state] = Int32(newState) }
        // A negative entry marks a target state where phrases end, so the scan loop tests one
        // sign instead of loading an output list per byte.
        var flat = [Int32](repeating: 0, count: stateCount * width)
        for (newState, state) in order.enumerated() {
            for c in 0..<width {
                let target = Int(goto[state * width + c])
                let renumbered = rank[target]
                let row = renumbered * Int32(width)
                flat[newState * width + c] = outputs[target].isEmpty ? row : -row
            }
        }
        startRow = Int(rank[phraseRoot]) * width
        var start: [Int32] = [0]
        var phrasesFlat: [Int32] = []
        var lengths: [Int32] = []
        for state in order {
            for (phrase, length) in outputs[state] {
                phrasesFlat.append(Int32(phrase))
                lengths.append(Int32(length))
            }
            start.append(Int32(phrasesFlat.count))
        }
        tables = Tables(transitions: flat, byteClass: classes, outputStart: start, outputPhrases: phrasesFlat, outputLengths: lengths)
    }

    /// Lowercases ASCII letters and maps `-`, `_` and tabs to a space.
    @inline(__always)
    static func fold(_ b: UInt8) -> UInt8 {
        if b >= 65 && b <= 90 { return b | 0x20 }
        if b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == 0x09 { return 0x20 }
        return b
    }

    static func fold(_ bytes: [UInt8]) -> [UInt8] { bytes.map(fold) }

    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b | 0x20 >= 97 && b | 0x20 <= 122) || b >= 0x80
    }

    /// Every whole-word occurrence in `text`, in order of their ends.
    public func matches(in text: UnsafeBufferPointer<UInt8>) -> [Match] {
        var found: [Match] = []
        appendMatches(in: text, to: &found)
        return found
    }

    /// Calls `body` for every whole-word occurrence in `text`, in order of their ends.
    public func forEachMatch(in text: UnsafeBufferPointer<UInt8>, _ body: (Match) -> Void) {
        for match in matches(in: text) { body(match) }
    }

    /// Appends every whole-word occurrence in `text` to `found`, in order of their ends.
    ///
    /// The scan first notes where the automaton reaches a state where phrases end, with no
    /// call in its loop (so its state stays in a register), then checks each of those places.
    public func appendMatches(in text: UnsafeBufferPointer<UInt8>, to found: inout [Match]) {
        let n = text.count
        guard n > 0, let base = text.baseAddress else { return }
        let warm = maximumLength + 2
        let lanes = n >= 4 * warm + 256 ? 4 : 1
        // Each lane notes its hits in its own region, in text order, so the regions read one
        // after the other are in order too.
        // A phrase can end at every byte, so a region holds a hit per byte its lane reads.
        let region = lanes == 4 ? (n + 3 * warm) / 4 + 8 : n + 8
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: lanes * region) { hits in
            let t = tables
            let count = lanes == 4
                ? PhraseMatcher.scanQuarters(base, n, warm, startRow, t.transitions, t.byteClass, hits.baseAddress!, region: region)
                : PhraseMatcher.scan(base, 0, n, startRow, t.transitions, t.byteClass, hits.baseAddress!, lane: 0, count: 0).count
            // Room for every place noted (most are matches), so a long list grows once.
            if count > 2 { found.reserveCapacity(found.count + count) }
            for k in 0..<count {
                let hit = hits[k]
                let state = Int(hit & 0xFFFF_FFFF) / classCount
                let end = Int(hit >> 34)
                for o in Int(t.outputStart[state])..<Int(t.outputStart[state + 1]) {
                    if let match = check(Int(t.outputPhrases[o]), length: Int(t.outputLengths[o]), endingAt: end, in: text) { found.append(match) }
                }
            }
        }
    }

    /// Runs the automaton over `text[from..<to]` from `row`, appending to `hits` each position
    /// where phrases end, as `position << 34 | lane << 32 | row`.
    @inline(__always)
    private static func scan(_ text: UnsafePointer<UInt8>, _ from: Int, _ to: Int, _ row: Int, _ table: UnsafePointer<Int32>,
                             _ classes: UnsafePointer<UInt8>, _ hits: UnsafeMutablePointer<UInt64>, lane: UInt64, count: Int) -> (row: Int, count: Int) {
        var row = row
        var count = count
        var i = from
        while i < to {
            step(&row, text[i], i, lane, table, classes, hits, &count)
            i &+= 1
        }
        return (row, count)
    }

    /// One byte: the next state, and a hit when phrases end there.
    @inline(__always)
    private static func step(_ row: inout Int, _ byte: UInt8, _ position: Int, _ lane: UInt64, _ table: UnsafePointer<Int32>,
                             _ classes: UnsafePointer<UInt8>, _ hits: UnsafeMutablePointer<UInt64>, _ count: inout Int) {
        let next = Int(table[row &+ Int(classes[Int(byte)])])
        if next < 0 {
            row = -next
            hits[count] = UInt64(position) << 34 | lane << 32 | UInt64(row)
            count &+= 1
        } else {
            row = next
        }
    }

    /// Four parts of a long text at once: each step waits on a table load, and four
    /// independent chains keep the processor busy. Lanes 1-3 start `warm` bytes before their
    /// part, which puts them in the right state by its start; all four lanes read the same
    /// number of bytes, so the whole scan runs in lockstep (no lane reads its warm-up alone
    /// afterwards). Lane k notes hits from `hits + k * region`; what a lane found while warming
    /// up is dropped, and the lanes' hits are gathered at the start of `hits`, in order.
    /// Returns their number.
    private static func scanQuarters(_ text: UnsafePointer<UInt8>, _ n: Int, _ warm: Int, _ startRow: Int, _ table: UnsafePointer<Int32>,
                                     _ classes: UnsafePointer<UInt8>, _ hits: UnsafeMutablePointer<UInt64>, region: Int) -> Int {
        let length = (n + 3 * warm) / 4
        let s1 = length - warm, s2 = 2 * (length - warm), s3 = 3 * (length - warm)
        let t1 = text + s1, t2 = text + s2, t3 = text + s3
        let h1 = hits + region, h2 = hits + 2 * region, h3 = hits + 3 * region
        var r0 = startRow, r1 = 0, r2 = 0, r3 = 0
        var c0 = 0, c1 = 0, c2 = 0, c3 = 0
        var i = 0
        while i < length {
            step(&r0, text[i], i, 0, table, classes, hits, &c0)
            step(&r1, t1[i], s1 + i, 1, table, classes, h1, &c1)
            step(&r2, t2[i], s2 + i, 2, table, classes, h2, &c2)
            step(&r3, t3[i], s3 + i, 3, table, classes, h3, &c3)
            i &+= 1
        }
        // The last few bytes (the lengths round down).
        c3 = scan(text, s3 + length, n, r3, table, classes, h3, lane: 3, count: c3).count
        var count = c0
        func gather(_ keepFrom: Int, _ laneHits: UnsafeMutablePointer<UInt64>, _ laneCount: Int) {
            for k in 0..<laneCount where Int(laneHits[k] >> 34) >= keepFrom {
                hits[count] = laneHits[k]
                count += 1
            }
        }
        gather(s1 + warm, h1, c1)
        gather(s2 + warm, h2, c2)
        gather(s3 + warm, h3, c3)
        return count
    }

    /// The match of a phrase ending at `i`, if the word boundaries (and plural or version
    /// suffixes) around it allow one.
    @inline(__always)
    private func check(_ phrase: Int, length: Int, endingAt i: Int, in text: UnsafeBufferPointer<UInt8>) -> Match? {
        let n = text.count
        let start = i + 1 - length
        if start > 0, PhraseMatcher.isWordByte(text[start - 1]), PhraseMatcher.isWordByte(text[start]) { return nil }
        var end = i + 1
        if end < n, PhraseMatcher.isWordByte(text[end]) {
            if allowVersion, TextTools.isDigit(text[end]) || (text[end] | 0x20 == UInt8(ascii: "v") && end + 1 < n && TextTools.isDigit(text[end + 1])) {
                return Match(phrase: phrase, range: start..<end)
            }
            guard allowPlural, PhraseMatcher.isWordByte(text[end - 1]) else { return nil }
            if text[end] | 0x20 == UInt8(ascii: "s"), end + 1 == n || !PhraseMatcher.isWordByte(text[end + 1]) {
                end += 1
            } else if text[end] | 0x20 == UInt8(ascii: "e"), end + 1 < n, text[end + 1] | 0x20 == UInt8(ascii: "s"),
                      end + 2 == n || !PhraseMatcher.isWordByte(text[end + 2]) {
                end += 2
            } else {
                return nil
            }
        }
        return Match(phrase: phrase, range: start..<end)
    }
}

/// A phrase automaton's tables, allocated once and read through pointers. Immutable after
/// `init`, so sharing one between threads is safe.
private final class Tables: @unchecked Sendable {
    /// See `PhraseMatcher`: row + class -> next row, negated where phrases end.
    let transitions: UnsafePointer<Int32>
    /// Byte (after folding) -> class.
    let byteClass: UnsafePointer<UInt8>
    /// The phrases ending in each state, flattened: state s owns `outputPhrases[outputStart[s] ..< outputStart[s + 1]]`.
    let outputStart: UnsafePointer<Int32>
    let outputPhrases: UnsafePointer<Int32>
    let outputLengths: UnsafePointer<Int32>

    init(transitions: [Int32], byteClass: [UInt8], outputStart: [Int32], outputPhrases: [Int32], outputLengths: [Int32]) {
        self.transitions = Tables.copy(transitions)
        self.byteClass = Tables.copy(byteClass)
        self.outputStart = Tables.copy(outputStart)
        self.outputPhrases = Tables.copy(outputPhrases)
        self.outputLengths = Tables.copy(outputLengths)
    }

    deinit {
        transitions.deallocate()
        byteClass.deallocate()
        outputStart.deallocate()
        outputPhrases.deallocate()
        outputLengths.deallocate()
    }

    private static func copy<T>(_ array: [T]) -> UnsafePointer<T> {
        let storage = UnsafeMutablePointer<T>.allocate(capacity: max(1, array.count))
        storage.initialize(from: array, count: array.count)
        return UnsafePointer(storage)
    }
}
