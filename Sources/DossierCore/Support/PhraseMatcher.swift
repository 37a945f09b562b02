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
    }

    private var patterns: [Pattern] = []
    /// Pattern indices by their first word; the ones whose first word is a prefix ("terroris*")
    /// by that prefix's first `prefixKey` characters, so a token looks up a few keys instead of
    /// trying every prefix pattern (matching stays linear in the text on long documents).
    private var byFirstWord: [String: [Int]] = [:]
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

    /// The singulars a lower-case plural may stand for ("ministries" → "ministry", "taxes" →
    /// "tax" and "taxe", "talks" → "talk"); none for words of three letters or fewer or in -ss.
    static func singulars(_ word: String) -> [String] {
        guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") else { return [] }
        var found = [String(word.dropLast())]
        if word.hasSuffix("ies") { found.append(String(word.dropLast(3)) + "y") }
        if word.hasSuffix("es") { found.append(String(word.dropLast(2))) }
        return found
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
        guard let first = words.first else { return }
        let pattern = Pattern(
            words: words, prefix: prefix, caseSensitive: caseSensitive, phrase: phrase, payload: payload)
        patterns.append(pattern)
        if prefix[0] {
            byFirstPrefix[first.prefix(Self.prefixKey), default: []].append(patterns.count - 1)
        } else {
            byFirstWord[first, default: []].append(patterns.count - 1)
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
            if let list = byFirstWord[fold(t.lower)] { check(list, at: i) }
            if plurals {
                // One-word phrases in the plural (their only word is their last).
                for singular in Self.singulars(t.lower) {
                    if let list = byFirstWord[fold(singular)] {
                        check(list.filter { patterns[$0].words.count == 1 }, at: i)
                    }
                }
            }
            // Case-sensitive patterns are stored as written, unfolded.
            if t.original != fold(t.lower), let list = byFirstWord[t.original] { check(list, at: i) }
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
                let plural = plurals && k == p.words.count - 1 && Self.singulars(t.lower).contains { fold($0) == word }
                if !plural { return false }
            }
        }
        return true
    }
}
