/// "Did you mean …?" for misspelt names: the closest candidate by edit distance.
public enum Suggest {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        if word.count >= 3,
            let prefixed = candidates.sorted().first(where: { $0.lowercased().hasPrefix(word.lowercased()) })
        {
            return prefixed
        }
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return nil }
        let limit = max(2, min(word.count, best.0.count) / 3)
        return best.1 <= limit ? best.0 : nil
    }

    /// "; did you mean 'x'?" or, failing that, the list of valid names.
    public static func hint(for word: String, in candidates: [String], noun: String, plural: String? = nil) -> String {
        if let c = closest(to: word, in: candidates) { return "did you mean '\(c)'?" }
        // Nothing valid at all (a stage without options): no list to offer.
        guard !candidates.isEmpty else { return "remove it: no \(plural ?? noun + "s") are read here" }
        return "valid \(plural ?? noun + "s"): " + candidates.sorted().joined(separator: ", ")
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
