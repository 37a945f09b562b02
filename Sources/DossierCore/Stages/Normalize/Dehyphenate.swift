import Foundation

/// Joins words broken across lines by a hyphen ("govern-" + "ment"), keeping real hyphens
/// ("post-" + "Soviet", "counter-" + "terrorism", "Putin-" + "led").
///
/// Evidence first, from the document itself: if the hyphenated compound occurs elsewhere the
/// hyphen is kept; if the joined word does, it is dropped. Then the configured prefixes and
/// suffixes that form compounds, a break inside a URL (slugs keep their hyphens), a capital
/// after the break (a compound of names), and the word lists: a joined form that is a word
/// is joined, two halves that are both words keep their hyphen ("eighteenth-century").
/// Otherwise the break is taken as a syllable break. Every decision is recorded in
/// `Document.decisions` for `dossier normalize --explain`.
public struct Dehyphenate: LineNormalizer {
    public static let id = "normalize.dehyphenate"
    public static let summary = "Rejoin words hyphenated across line ends, keeping real hyphens"

    public struct Options: StageOptions {
        public var keepPrefixes: [String] = []
        public var keepSuffixes: [String] = []
        public var wordLists: [String] = []
        public static let settings: [Setting<Self>] = [
            .init(
                "word-lists", \.wordLists, type: "[path]",
                "word-per-line lists (e.g. /usr/share/dict/words from Debian's wamerican)"),
            .init("keep-prefixes", \.keepPrefixes, "first halves that make a hyphenated compound (post, counter, …)"),
            .init("keep-suffixes", \.keepSuffixes, "second halves that make a hyphenated compound (led, based, …)"),
        ]
        public init() {}
    }

    let prefixes: Set<String>
    let suffixes: Set<String>
    let lexicon: Set<String>
    public let fingerprint: String

    public init(options: Options, context: StageContext) throws {
        prefixes = Set(options.keepPrefixes.map { $0.lowercased() })
        suffixes = Set(options.keepSuffixes.map { $0.lowercased() })
        var words = Set<String>()
        var hashes: [String] = []
        for path in options.wordLists {
            guard let data = FileManager.default.contents(atPath: context.url(for: path).path) else {
                throw ConfigError(
                    "word list '\(path)' of normalize.dehyphenate cannot be read",
                    at: FileLocation(file: context.configFile),
                    hint: "install it (Debian: apt-get install wamerican) or remove it from 'word-lists'")
            }
            hashes.append(SHA256.hex(data))
            for w in String(decoding: data, as: UTF8.self).split(separator: "\n") where !w.contains("'") {
                words.insert(w.lowercased())
            }
        }
        lexicon = words
        fingerprint = hashes.joined(separator: ",")
    }

    public func process(_ document: Document) throws -> Document {
        var d = document
        let (words, compounds) = Self.vocabulary(d.lines)
        for i in d.lines.indices.dropLast() {
            let line = d.lines[i]
            let next = d.lines[i + 1]
            // "Franco–" + "German": a dash between words at a line end joins them without a space.
            if line.text.hasSuffix("–"), line.text.dropLast().last?.isLetter == true, next.text.first?.isLetter == true
            {
                d.lines[i].joinNext = .keepHyphen
                continue
            }
            guard !next.isBlank, next.role == .text, line.role == .text,
                line.text.hasSuffix("-"), !line.text.hasSuffix("--")
            else { continue }
            let left = String(line.text.dropLast().reversed().prefix { $0.isLetter }.reversed())
            let right = String(next.text.prefix { $0.isLetter })
            guard !left.isEmpty, !right.isEmpty else { continue }
            // normalize.whitespace marked a soft hyphen's break: it only ever breaks a word.
            if line.joinNext == .dropHyphen {
                d.decisions.append(
                    "\(line.span.file):\(line.span.startLine): \(left)-|\(right) → \(left + right) (soft hyphen)")
                continue
            }
            let inURL =
                Self.isURLFragment(line.text.split(separator: " ").last.map(String.init) ?? "")
                || Self.isURLFragment(next.text.split(separator: " ").first.map(String.init) ?? "")
            let (join, why) =
                inURL
                ? (.keepHyphen, "inside a URL") : decide(left: left, right: right, words: words, compounds: compounds)
            d.lines[i].joinNext = join
            let shown = join == .dropHyphen ? left + right : left + "-" + right
            d.decisions.append("\(line.span.file):\(line.span.startLine): \(left)-|\(right) → \(shown) (\(why))")
        }
        return d
    }

    func decide(left: String, right: String, words: Set<String>, compounds: Set<String>) -> (Line.Join, String) {
        let l = left.lowercased()
        let r = right.lowercased()
        if compounds.contains(l + "-" + r) { return (.keepHyphen, "hyphenated form occurs in the document") }
        if words.contains(l + r) { return (.dropHyphen, "joined form occurs in the document") }
        // "ex-president", "co-operation": a prefix before a word. "ex-" + "panded" is a
        // syllable break of "expanded": the right half is no word and the whole one is.
        if prefixes.contains(l), lexicon.contains(r) || !lexicon.contains(l + r) {
            return (.keepHyphen, "compound prefix '\(l)'")
        }
        if suffixes.contains(r) { return (.keepHyphen, "compound suffix '\(r)'") }
        if right.first?.isUppercase == true { return (.keepHyphen, "capital after the hyphen") }
        if lexicon.contains(l + r) { return (.dropHyphen, "joined form is in the word list") }
        if lexicon.contains(l) && lexicon.contains(r) && l.count > 2 && r.count > 2 {
            return (.keepHyphen, "both halves are words, the joined form is not")
        }
        return (.dropHyphen, "syllable break")
    }

    /// A piece of a URL: a scheme, `www.`, a path slash or a domain-like dot inside the word.
    static func isURLFragment(_ word: String) -> Bool {
        let chars = Array(word)
        let domainDot = chars.indices.dropLast().contains { chars[$0] == "." && chars[$0 + 1].isLetter && $0 > 0 }
        return word.contains("://") || word.hasPrefix("www.") || word.contains("/")
            || (domainDot && word.first?.isLowercase == true)
    }

    /// Lowercased words and hyphenated compounds that occur inside lines (not at line ends).
    static func vocabulary(_ lines: [Line]) -> (Set<String>, Set<String>) {
        var words = Set<String>()
        var compounds = Set<String>()
        for line in lines {
            let body = line.text.hasSuffix("-") ? String(line.text.dropLast()) : line.text
            for scalars in body.lowercased().unicodeScalars.split(whereSeparator: {
                !(TextTools.isLetter($0) || $0 == "-")
            }) {
                let chunk = String(scalars)
                let parts = chunk.split(separator: "-")
                if parts.count > 1, !chunk.hasPrefix("-"), !chunk.hasSuffix("-") {
                    for k in 0..<(parts.count - 1) { compounds.insert(parts[k] + "-" + parts[k + 1]) }
                }
                for p in parts { words.insert(String(p)) }
            }
        }
        return (words, compounds)
    }
}
