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
    private let transitions: [Int32]
    /// Byte (after folding) -> class.
    private let byteClass: [UInt8]
    private let classCount: Int
    /// The phrases ending in each state, flattened: state s owns `outputPhrases[outputStart[s] ..< outputStart[s + 1]]`.
    private let outputStart: [Int32]
    private let outputPhrases: [Int32]
    private let outputLengths: [Int32]
    private let allowPlural: Bool
    private let allowVersion: Bool
    /// The longest phrase, in bytes: a scan started this far back is in the right state.
    private let maximumLength: Int

    /// Compiles `phrases`. With `allowPlural`, a phrase also matches followed by `s` or `es`
    /// ("LLM" matches "LLMs"). With `allowVersion`, a phrase also matches when a version is
    /// glued to it ("Qwen2", "YOLOv8"): the match ends before the version.
    public init(_ phrases: [String], allowPlural: Bool = false, allowVersion: Bool = false) {
        self.allowPlural = allowPlural
        self.allowVersion = allowVersion
        maximumLength = phrases.map { $0.utf8.count }.max() ?? 0
        // Classes: one per byte some phrase uses, one (0) for all the rest. The automaton is
        // built over classes, so every table is classCount wide rather than 256.
        let folded = phrases.map { PhraseMatcher.fold(Array($0.utf8)) }
        var classes = [UInt8](repeating: 0, count: 256)
        var used = [Bool](repeating: false, count: 256)
        for phrase in folded { for byte in phrase { used[Int(byte)] = true } }
        var width = 1
        for byte in 1..<256 where used[byte] && width < 255 {
            classes[byte] = UInt8(width)
            width += 1
        }
        for byte in 0..<256 { classes[byte] = classes[Int(PhraseMatcher.fold(UInt8(byte)))] }
        byteClass = classes
        classCount = width

        // The trie, as a flat table of class transitions (-1: none yet).
        var goto = [Int32](repeating: -1, count: width)
        var outputs: [[(phrase: Int, length: Int)]] = [[]]
        for (index, phrase) in folded.enumerated() where !phrase.isEmpty {
            var state = 0
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
                order.append(Int(next))
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
        transitions = flat
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
        outputStart = start
        outputPhrases = phrasesFlat
        outputLengths = lengths
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
        forEachMatch(in: text) { found.append($0) }
        return found
    }

    /// Calls `body` for every whole-word occurrence in `text`, in order of their ends.
    ///
    /// Each step of the automaton waits on a table load, so a long text is scanned as four
    /// quarters at once: independent chains keep the processor busy. Every quarter but the
    /// first starts `maximumLength` bytes early, which puts it in the right state by its own
    /// start, and keeps only matches ending inside it; those wait until the first quarter is
    /// reported, so matches come in order.
    public func forEachMatch(in text: UnsafeBufferPointer<UInt8>, _ body: (Match) -> Void) {
        let n = text.count
        let width = classCount
        transitions.withUnsafeBufferPointer { table in
          byteClass.withUnsafeBufferPointer { classes in
            outputStart.withUnsafeBufferPointer { starts in
                outputPhrases.withUnsafeBufferPointer { phrases in
                    outputLengths.withUnsafeBufferPointer { lengths in
                        @inline(__always) func emit(_ row: Int, endingAt i: Int) {
                            let state = row / width
                            for k in Int(starts[state])..<Int(starts[state + 1]) {
                                report(Int(phrases[k]), length: Int(lengths[k]), endingAt: i, in: text, body)
                            }
                        }
                        var row = 0
                        var i = 0
                        let warm = maximumLength + 2
                        if n >= 4 * warm + 256 {
                            let quarter = n / 4
                            // Lane k reports matches ending in [bounds[k], bounds[k + 1]).
                            let b1 = quarter, b2 = 2 * quarter, b3 = 3 * quarter
                            var j1 = b1 - warm, j2 = b2 - warm, j3 = b3 - warm
                            var r1 = 0, r2 = 0, r3 = 0
                            var deferred: [(lane: Int, phrase: Int32, length: Int32, end: Int)] = []
                            @inline(__always) func hold(_ lane: Int, _ row: Int, _ end: Int) {
                                let state = row / width
                                for k in Int(starts[state])..<Int(starts[state + 1]) {
                                    deferred.append((lane, phrases[k], lengths[k], end))
                                }
                            }
                            // Lockstep over the first quarter's length; lanes 1-3 then have `warm` bytes left.
                            while i < b1 {
                                let a = Int(table[row &+ Int(classes[Int(text[i])])])
                                let b = Int(table[r1 &+ Int(classes[Int(text[j1])])])
                                let c = Int(table[r2 &+ Int(classes[Int(text[j2])])])
                                let d = Int(table[r3 &+ Int(classes[Int(text[j3])])])
                                if a >= 0 { row = a } else { row = -a; emit(row, endingAt: i) }
                                if b >= 0 { r1 = b } else { r1 = -b; if j1 >= b1 { hold(1, r1, j1) } }
                                if c >= 0 { r2 = c } else { r2 = -c; if j2 >= b2 { hold(2, r2, j2) } }
                                if d >= 0 { r3 = d } else { r3 = -d; if j3 >= b3 { hold(3, r3, j3) } }
                                i &+= 1
                                j1 &+= 1
                                j2 &+= 1
                                j3 &+= 1
                            }
                            @inline(__always) func finish(_ lane: Int, _ r: inout Int, _ j: inout Int, to end: Int) {
                                while j < end {
                                    let next = Int(table[r &+ Int(classes[Int(text[j])])])
                                    if next >= 0 { r = next } else { r = -next; hold(lane, r, j) }
                                    j &+= 1
                                }
                            }
                            finish(1, &r1, &j1, to: b2)
                            finish(2, &r2, &j2, to: b3)
                            for lane in 1...2 {
                                for match in deferred where match.lane == lane {
                                    report(Int(match.phrase), length: Int(match.length), endingAt: match.end, in: text, body)
                                }
                            }
                            // The last lane's matches so far, then it goes on to the end as the only one.
                            for match in deferred where match.lane == 3 {
                                report(Int(match.phrase), length: Int(match.length), endingAt: match.end, in: text, body)
                            }
                            row = r3
                            i = j3
                        }
                        while i < n {
                            let next = Int(table[row &+ Int(classes[Int(text[i])])])
                            if next >= 0 {
                                row = next
                            } else {
                                row = -next
                                emit(row, endingAt: i)
                            }
                            i &+= 1
                        }
                    }
                }
            }
          }
        }
    }

    /// Checks word boundaries (and plural or version suffixes) around a phrase ending at `i`.
    @inline(__always)
    private func report(_ phrase: Int, length: Int, endingAt i: Int, in text: UnsafeBufferPointer<UInt8>, _ body: (Match) -> Void) {
        let n = text.count
        let start = i + 1 - length
        if start > 0, PhraseMatcher.isWordByte(text[start - 1]), PhraseMatcher.isWordByte(text[start]) { return }
        var end = i + 1
        if end < n, PhraseMatcher.isWordByte(text[end]) {
            if allowVersion, TextTools.isDigit(text[end]) || (text[end] | 0x20 == UInt8(ascii: "v") && end + 1 < n && TextTools.isDigit(text[end + 1])) {
                body(Match(phrase: phrase, range: start..<end))
                return
            }
            guard allowPlural, PhraseMatcher.isWordByte(text[end - 1]) else { return }
            if text[end] | 0x20 == UInt8(ascii: "s"), end + 1 == n || !PhraseMatcher.isWordByte(text[end + 1]) {
                end += 1
            } else if text[end] | 0x20 == UInt8(ascii: "e"), end + 1 < n, text[end + 1] | 0x20 == UInt8(ascii: "s"),
                      end + 2 == n || !PhraseMatcher.isWordByte(text[end + 2]) {
                end += 2
            } else {
                return
            }
        }
        body(Match(phrase: phrase, range: start..<end))
    }
}
