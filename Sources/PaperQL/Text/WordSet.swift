// Word lists for scanners. Extractors ask "is this word one of these?" for most words of every
// abstract; with `Set<WordKey>` each question seeded and finalised a SipHash, about a tenth of
// the time to extract every field. These tables hash a key with two multiplies, probe an array
// that stays in cache, and answer most questions from the word's length alone. They are
// inlinable so that plugins, which are other modules, get the lookup compiled into their loops.

/// A fixed set of words, for fast membership tests from scanners.
public struct WordSet: Sendable {
    @usableFromInline let index: WordIndex

    /// A set of words, compared ignoring ASCII case.
    public init(words: [String]) {
        index = WordIndex(words.map(WordKey.init))
    }

    /// Whether `key` is one of the words.
    @inlinable
    public func contains(_ key: WordKey) -> Bool { index.slot(of: key) >= 0 }
}

/// A fixed map from words to values, for fast lookups from scanners.
public struct WordTable<Value: Sendable>: Sendable {
    @usableFromInline let index: WordIndex
    @usableFromInline let values: [Value]

    /// A table of `entries` (later duplicates win); words compare ignoring ASCII case.
    public init(_ entries: [(String, Value)]) {
        index = WordIndex(entries.map { WordKey($0.0) })
        var values: [Value] = []
        if let filler = entries.first?.1 {
            var slots = [Value](repeating: filler, count: index.keys.count)
            for (word, value) in entries { slots[index.slot(of: WordKey(word))] = value }
            values = slots
        }
        self.values = values
    }

    /// The value of `key`, if it is in the table.
    @inlinable
    public subscript(key: WordKey) -> Value? {
        let slot = index.slot(of: key)
        return slot >= 0 ? values[slot] : nil
    }
}

/// Open addressing over word keys: the slot of each key, found by linear probing.
@usableFromInline
struct WordIndex: Sendable {
    @usableFromInline let keys: [WordKey]
    @usableFromInline let used: [Bool]
    @usableFromInline let mask: Int
    /// Bit `n` is set when some word has `n` bytes (words of 63 bytes or more share bit 63).
    @usableFromInline let lengths: UInt64

    init(_ words: [WordKey]) {
        var capacity = 8
        while capacity < words.count * 4 { capacity *= 2 }
        var keys = [WordKey](repeating: .empty, count: capacity)
        var used = [Bool](repeating: false, count: capacity)
        var lengths: UInt64 = 0
        let mask = capacity - 1
        for key in words {
            lengths |= WordIndex.lengthBit(key)
            var slot = WordIndex.hash(key) & mask
            while used[slot], keys[slot] != key { slot = (slot + 1) & mask }
            keys[slot] = key
            used[slot] = true
        }
        self.keys = keys
        self.used = used
        self.mask = mask
        self.lengths = lengths
    }

    /// The slot holding `key`, or -1.
    @inlinable @inline(__always)
    func slot(of key: WordKey) -> Int {
        guard lengths & WordIndex.lengthBit(key) != 0 else { return -1 }
        return keys.withUnsafeBufferPointer { keys in
            used.withUnsafeBufferPointer { used in
                var slot = WordIndex.hash(key) & mask
                while used[slot] {
                    if keys[slot] == key { return slot }
                    slot = (slot &+ 1) & mask
                }
                return -1
            }
        }
    }

    @inlinable @inline(__always)
    static func lengthBit(_ key: WordKey) -> UInt64 { 1 << UInt64(min(Int(key.length), 63)) }

    @inlinable @inline(__always)
    static func hash(_ key: WordKey) -> Int {
        let mixed = (key.a &* 0x9E37_79B9_7F4A_7C15) ^ (key.b &* 0xC2B2_AE3D_27D4_EB4F) ^ (key.c &* 0x1656_67B1_9E37_79F9) ^ UInt64(key.length)
        return Int(truncatingIfNeeded: ((mixed ^ (mixed >> 29)) &* 0xBF58_476D_1CE4_E5B9) >> 32)
    }
}
