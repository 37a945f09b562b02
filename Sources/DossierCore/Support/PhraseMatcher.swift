/// Finds configured phrases in token sequences.
///
/// Phrases are written as text ("civil emergency planning"); matching is on word tokens, so
/// punctuation and hyphenation do not matter ("counter-terrorism" = "counter terrorism").
/// A trailing `*` on a word matches any ending ("terroris*"). Case-sensitive phrases (for
/// abbreviations such as "PfP" or "DEEP") match only as written. Spelling variants given to
/// `init(spellings:)` are one word ("defense" = "defence"): config lists are written in one
/// spelling, and American analyses use the other.
public struct PhraseMatcher<Payload: Sendable>: Sendable {
    public struct Match: Sendable {
        public let payload: Payload
        public let phrase: String
        /// Token range `start..<end`.
        public let start: Int
        public let end: Int
    }

    private struct Pattern: Sendable {
        let words: [String]
        /// Whether each word is a prefix (`word*`).
        let prefix: [Bool]
        let caseSensitive: Bool
        let phrase: String
        let payload: Payload
        /// The plurals its last word also matches (`plurals: true`), in stored spelling.
        let lastWordPlurals: Set<String>
    }

    private var patterns: [Pattern] = []
    /// Pattern indices by their first word; the ones whose first word is a prefix ("terroris*")
    /// by that prefix's first `prefixKey` characters, so a token looks up a few keys instead of
    /// trying every prefix pattern (matching stays linear in the text on long documents).
    private var byFirstWord: [String: [Int]] = [:]
    /// One-word patterns by the plurals of their word, so a plural token is one lookup.
    private var byPlural: [String: [Int]] = [:]
    private var byFirstPrefix: [Substring: [Int]] = [:]
    private static var prefixKey: Int { 3 }
    /// Lower-case word → the spelling phrases are stored in (see the type's comment).
    private let spellings: [String: String]
    /// Whether a phrase's last word also matches its plural ("foreign minister" finds "foreign
    /// ministers"): regular English plurals only (-s, -es, -ies).
    private let plurals: Bool

    public init(spellings: [String: String] = [:], plurals: Bool = false) {
        var folded: [String: String] = [:]
        for (variant, canonical) in spellings { folded[variant.lowercased()] = canonical.lowercased() }
        self.spellings = folded
        self.plurals = plurals
    }

    /// The regular plural of a lower-case word ("talk" → talks, "tax" → taxes, "ministry" →
    /// ministries), made once per phrase when it is added, so matching a token costs one lookup.
    /// A plural in a spelling variant ("defenses") needs its own entry in `spellings`.
    static func plurals(of word: String) -> [String] {
        let consonantY = word.hasSuffix("y") && word.dropLast().last.map { !"aeiou".contains($0) } == true
        if consonantY { return [String(word.dropLast()) + "ies"] }
        if ["s", "x", "z", "ch", "sh"].contains(where: word.hasSuffix) { return [word + "es"] }
        return [word + "s"]
    }

    /// A lower-case word in the spelling phrases are stored in.
    private func fold(_ word: String) -> String { spellings.isEmpty ? word : spellings[word] ?? word }

    public mutating func add(_ phrase: String, caseSensitive: Bool = false, payload: Payload) {
        var words: [String] = []
        var prefix: [Bool] = []
        for raw in phrase.split(separator: " ") {
            let star = raw.hasSuffix("*")
            let parts = TextTools.tokens(String(raw)).map { caseSensitive ? $0.original : $0.lower }
            for (i, part) in parts.enumerated() {
                let isPrefix = star && i == parts.count - 1
                words.append(caseSensitive || isPrefix ? part : fold(part))
                prefix.append(isPrefix)
            }
        }
        guard let first = words.first, let last = words.last else { return }
        let pluralizable = plurals && !caseSensitive && !prefix[prefix.count - 1]
        let pattern = Pattern(
            words: words, prefix: prefix, caseSensitive: caseSensitive, phrase: phrase, payload: payload,
            lastWordPlurals: pluralizable ? Set(Self.plurals(of: last)) : [])
        patterns.append(pattern)
        if prefix[0] {
            byFirstPrefix[first.prefix(Self.prefixKey), default: []].append(patterns.count - 1)
        } else {
            byFirstWord[first, default: []].append(patterns.count - 1)
        }
        if words.count == 1 {
            for form in pattern.lastWordPlurals { byPlural[form, default: []].append(patterns.count - 1) }
        }
    }

    /// Every match, in token order (overlaps allowed).
    public func matches(in tokens: [Token]) -> [Match] {
        var found: [Match] = []
        func check(_ indices: [Int], at i: Int) {
            for k in indices where matches(patterns[k], tokens, at: i) {
                let p = patterns[k]
                found.append(Match(payload: p.payload, phrase: p.phrase, start: i, end: i + p.words.count))
            }
        }
        for i in tokens.indices {
            let t = tokens[i]
            let folded = fold(t.lower)
            if let list = byFirstWord[folded] { check(list, at: i) }
            if let list = byPlural[folded] { check(list, at: i) }
            // Case-sensitive patterns are stored as written, unfolded.
            if t.original != folded, let list = byFirstWord[t.original] { check(list, at: i) }
            guard !byFirstPrefix.isEmpty else { continue }
            var candidates: [Int] = []
            for length in 1...Self.prefixKey {
                let lower = t.lower.prefix(length)
                let original = t.original.prefix(length)
                candidates += byFirstPrefix[lower] ?? []
                if original != lower { candidates += byFirstPrefix[original] ?? [] }
                if length >= t.original.count { break }
            }
            // In the order the patterns were added, as when every prefix pattern was tried.
            check(candidates.sorted(), at: i)
        }
        return found
    }

    /// Matches with overlaps resolved: the longest wins, then the earliest.
    public func longestMatches(in tokens: [Token]) -> [Match] {
        let all = matches(in: tokens).sorted { ($0.end - $0.start, -$0.start) > ($1.end - $1.start, -$1.start) }
        var taken = Set<Int>()
        var kept: [Match] = []
        for m in all where !(m.start..<m.end).contains(where: taken.contains) {
            kept.append(m)
            taken.formUnion(m.start..<m.end)
        }
        return kept.sorted { $0.start < $1.start }
    }

    private func matches(_ p: Pattern, _ tokens: [Token], at i: Int) -> Bool {
        guard i + p.words.count <= tokens.count else { return false }
        for (k, word) in p.words.enumerated() {
            let t = tokens[i + k]
            if p.caseSensitive {
                if p.prefix[k] ? !t.original.hasPrefix(word) : t.original != word { return false }
            } else if p.prefix[k] {
                if !t.lower.hasPrefix(word) { return false }
            } else if fold(t.lower) != word {
                if k < p.words.count - 1 || !p.lastWordPlurals.contains(fold(t.lower)) { return false }
            }
        }
        return true
    }
}
