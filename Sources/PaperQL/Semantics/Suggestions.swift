// "Did you mean …?": the nearest name by edit distance, for unknown fields, functions, topics,
// `let` names, clause keywords and REPL dot-commands.

/// Nearest-name suggestions. Public because the CLI suggests dot-commands with the same rule.
public enum Suggestions {
    /// The candidate closest to `word`, if one is close enough to be a likely typo: within a third
    /// of the word's length (at least 1, at most 3 edits), or one that starts with it.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        guard !target.isEmpty else { return nil }
        let budget = min(3, max(1, target.count / 3))
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let c = Array(candidate.lowercased().unicodeScalars)
            let d = distance(target, c, limit: budget)
            if d <= budget, best == nil || d < best!.distance {
                best = (candidate, d)
            }
        }
        if let best { return best.name }
        if target.count >= 3 {
            return candidates.first { $0.lowercased().hasPrefix(word.lowercased()) }
        }
        return nil
    }

    /// Damerau-Levenshtein distance (adjacent transpositions count as one edit), giving up early
    /// once every path exceeds `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
