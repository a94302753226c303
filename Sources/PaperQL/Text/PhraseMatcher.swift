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

    /// Dense transitions: state * classCount + class -> next state, negated when phrases end
    /// there. Bytes are mapped to classes first (every byte no phrase uses shares one class),
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
        var goto: [[Int32]] = [[Int32](repeating: -1, count: 256)]
        var outputs: [[(phrase: Int, length: Int)]] = [[]]
        for (index, phrase) in phrases.enumerated() {
            let folded = PhraseMatcher.fold(Array(phrase.utf8))
            guard !folded.isEmpty else { continue }
            var state = 0
            for byte in folded {
                let next = goto[state][Int(byte)]
                if next >= 0 {
                    state = Int(next)
                } else {
                    goto.append([Int32](repeating: -1, count: 256))
                    outputs.append([])
                    goto[state][Int(byte)] = Int32(goto.count - 1)
                    state = goto.count - 1
                }
            }
            outputs[state].append((index, folded.count))
        }
        // Breadth-first: failure links, folded into a complete transition table.
        var fail = [Int](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for byte in 0..<256 {
            let next = goto[0][byte]
            if next >= 0 {
                fail[Int(next)] = 0
                queue.append(Int(next))
            } else {
                goto[0][byte] = 0
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            outputs[state] += outputs[fail[state]]
            for byte in 0..<256 {
                let next = goto[state][byte]
                if next >= 0 {
                    fail[Int(next)] = Int(goto[fail[state]][byte])
                    queue.append(Int(next))
                } else {
                    goto[state][byte] = goto[fail[state]][byte]
                }
            }
        }
        // Classes: one per byte some phrase uses, one for all the rest (byte 0's class, 0).
        var classes = [UInt8](repeating: 0, count: 256)
        var used = Set<UInt8>()
        for phrase in phrases { for byte in PhraseMatcher.fold(Array(phrase.utf8)) { used.insert(byte) } }
        var next: UInt8 = 1
        var representative: [Int] = [0]
        for byte in used.sorted() where next < 255 {
            classes[Int(byte)] = next
            representative.append(Int(byte))
            next += 1
        }
        for byte in 0..<256 { classes[byte] = classes[Int(PhraseMatcher.fold(UInt8(byte)))] }
        byteClass = classes
        classCount = representative.count
        // Number states breadth-first: the shallow states a scan spends most of its time in then
        // sit together at the start of the table, and stay in cache.
        var order = [0]
        var rank = [Int32](repeating: -1, count: goto.count)
        rank[0] = 0
        var cursor = 0
        while cursor < order.count {
            let state = order[cursor]
            cursor += 1
            for byte in representative {
                let target = Int(goto[state][byte])
                if rank[target] < 0 {
                    rank[target] = Int32(order.count)
                    order.append(target)
                }
            }
        }
        // Unreachable states (none in practice) keep a number after the reachable ones.
        for state in goto.indices where rank[state] < 0 {
            rank[state] = Int32(order.count)
            order.append(state)
        }
        // A negative entry marks a target state where phrases end, so the scan loop tests one
        // sign instead of loading an output list per byte. Class 0 is any byte no phrase uses,
        // which leads where such a byte leads (byte 0 is never in a phrase).
        var flat = [Int32](repeating: 0, count: goto.count * representative.count)
        for (newState, state) in order.enumerated() {
            for (c, byte) in representative.enumerated() {
                let target = Int(goto[state][byte])
                let renumbered = rank[target]
                flat[newState * representative.count + c] = outputs[target].isEmpty ? renumbered : -renumbered
            }
        }
        transitions = flat
        outputs = order.map { outputs[$0] }
        var start: [Int32] = [0]
        var phrasesFlat: [Int32] = []
        var lengths: [Int32] = []
        for list in outputs {
            for (phrase, length) in list {
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
    /// Each step of the automaton waits on a table load, so a long text is scanned as two
    /// halves at once: two independent chains keep the processor busy. The second half starts
    /// `maximumLength` bytes early, which puts it in the right state by the midpoint, and reports
    /// only matches ending past it.
    public func forEachMatch(in text: UnsafeBufferPointer<UInt8>, _ body: (Match) -> Void) {
        let n = text.count
        let width = classCount
        transitions.withUnsafeBufferPointer { table in
          byteClass.withUnsafeBufferPointer { classes in
            outputStart.withUnsafeBufferPointer { starts in
                outputPhrases.withUnsafeBufferPointer { phrases in
                    outputLengths.withUnsafeBufferPointer { lengths in
                        var state = 0
                        var i = 0
                        if n >= 256 {
                            let middle = n / 2
                            let warm = max(0, middle - maximumLength - 2)
                            var second = 0
                            var j = warm
                            var deferred: [(phrase: Int, length: Int, end: Int)] = []
                            // Lockstep: i runs over [0, middle), j over [warm, n).
                            while i < middle, j < n {
                                let a = Int(table[state &* width &+ Int(classes[Int(text[i])])])
                                let b = Int(table[second &* width &+ Int(classes[Int(text[j])])])
                                if a >= 0 { state = a } else {
                                    state = -a
                                    for k in Int(starts[state])..<Int(starts[state + 1]) {
                                        report(Int(phrases[k]), length: Int(lengths[k]), endingAt: i, in: text, body)
                                    }
                                }
                                if b >= 0 { second = b } else {
                                    second = -b
                                    if j >= middle {
                                        for k in Int(starts[second])..<Int(starts[second + 1]) {
                                            deferred.append((Int(phrases[k]), Int(lengths[k]), j))
                                        }
                                    }
                                }
                                i += 1
                                j += 1
                            }
                            // Finish the first half, report the second half's matches so far, then go on.
                            while i < middle {
                                let a = Int(table[state &* width &+ Int(classes[Int(text[i])])])
                                if a >= 0 { state = a } else {
                                    state = -a
                                    for k in Int(starts[state])..<Int(starts[state + 1]) {
                                        report(Int(phrases[k]), length: Int(lengths[k]), endingAt: i, in: text, body)
                                    }
                                }
                                i += 1
                            }
                            for match in deferred { report(match.phrase, length: match.length, endingAt: match.end, in: text, body) }
                            state = second
                            i = j
                        }
                        while i < n {
                            let next = Int(table[state &* width &+ Int(classes[Int(text[i])])])
                            if next >= 0 {
                                state = next
                            } else {
                                state = -next
                                for k in Int(starts[state])..<Int(starts[state + 1]) {
                                    report(Int(phrases[k]), length: Int(lengths[k]), endingAt: i, in: text, body)
                                }
                            }
                            i += 1
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
