/// Matches class and id attributes against hint words ("share*", "most-read").
///
/// An attribute is split into words at spaces, `-`, `_`, `:`, `.`, digits-to-letters and
/// camelCase boundaries ("mostReadList" → most, read, list). A hint matches a run of words:
/// each hint part equals its word, and a part ending in `*` may begin it.
struct ClassHints: Sendable {
    private let hints: [(text: String, parts: [(word: String, prefix: Bool)])]

    init(_ hints: [String]) {
        self.hints = hints.map { hint in
            let parts = hint.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " }).map { part in
                part.hasSuffix("*") ? (String(part.dropLast()), true) : (String(part), false)
            }
            return (hint, parts.filter { !$0.0.isEmpty })
        }.filter { !$0.parts.isEmpty }
    }

    /// The first hint matching `attribute`, as written in config.
    func match(_ attribute: String) -> String? { matches(attribute, all: false).first }

    /// Every hint matching some word run of `attribute` (or only the first), in config order.
    func matches(_ attribute: String, all: Bool = true) -> [String] {
        guard !attribute.isEmpty, !hints.isEmpty else { return [] }
        let words = Self.words(attribute)
        var found: [String] = []
        for hint in hints {
            let n = hint.parts.count
            guard words.count >= n else { continue }
            for start in 0...(words.count - n) {
                var ok = true
                for (k, part) in hint.parts.enumerated() {
                    let w = words[start + k]
                    if !(w == part.word || (part.prefix && w.hasPrefix(part.word))) {
                        ok = false
                        break
                    }
                }
                if ok {
                    found.append(hint.text)
                    if !all { return found }
                    break
                }
            }
        }
        return found
    }

    static func words(_ attribute: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousLower = false
        for ch in attribute {
            if ch.isLetter || ch.isNumber {
                if ch.isUppercase && previousLower, !current.isEmpty {
                    words.append(current)
                    current = ""
                }
                current += ch.lowercased()
                previousLower = ch.isLowercase
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousLower = false
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
