/// Joins words broken across lines by a hyphen ("govern-" + "ment"), keeping real hyphens
/// ("post-" + "Soviet", "counter-" + "terrorism", "Putin-" + "led").
///
/// Evidence first, from the document itself: if the hyphenated compound occurs elsewhere the
/// hyphen is kept; if the joined word does, it is dropped. Then the configured word lists
/// (prefixes and suffixes that form compounds), then a capital after the break (a compound of
/// names). Otherwise the break is taken as a syllable break. Every decision is recorded in
/// `Document.decisions` for `dossier normalize --explain`.
public struct Dehyphenate: DocumentStage {
    public static let id = "normalize.dehyphenate"
    public static let summary = "Rejoin words hyphenated across line ends, keeping real hyphens"
    public static let requires: Set<Artifact> = [.text]
    public static let produces: Set<Artifact> = []
    public static let mustPrecede: Set<Artifact> = [.passages]

    public struct Options: StageOptions {
        public var keepPrefixes: [String] = []
        public var keepSuffixes: [String] = []
        public static let fields = [
            OptionField("keep-prefixes", "[string]", default: "[]", "first halves that make a hyphenated compound (post, counter, …)"),
            OptionField("keep-suffixes", "[string]", default: "[]", "second halves that make a hyphenated compound (led, based, …)"),
        ]
        enum CodingKeys: String, CodingKey { case keepPrefixes = "keep-prefixes", keepSuffixes = "keep-suffixes" }
        public init() {}
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            keepPrefixes = try c.decodeIfPresent([String].self, forKey: .keepPrefixes) ?? []
            keepSuffixes = try c.decodeIfPresent([String].self, forKey: .keepSuffixes) ?? []
        }
    }

    let prefixes: Set<String>
    let suffixes: Set<String>

    public init(options: Options, context: StageContext) {
        prefixes = Set(options.keepPrefixes.map { $0.lowercased() })
        suffixes = Set(options.keepSuffixes.map { $0.lowercased() })
    }

    public func process(_ document: Document) throws -> Document {
        var d = document
        let (words, compounds) = Self.vocabulary(d.lines)
        for i in d.lines.indices.dropLast() {
            let line = d.lines[i], next = d.lines[i + 1]
            // "Franco–" + "German": a dash between words at a line end joins them without a space.
            if line.text.hasSuffix("–"), line.text.dropLast().last?.isLetter == true, next.text.first?.isLetter == true {
                d.lines[i].joinNext = .keepHyphen
                continue
            }
            guard !next.isBlank, next.role == .text, line.role == .text,
                  line.text.hasSuffix("-"), !line.text.hasSuffix("--") else { continue }
            let left = String(line.text.dropLast().reversed().prefix { $0.isLetter }.reversed())
            let right = String(next.text.prefix { $0.isLetter })
            guard !left.isEmpty, !right.isEmpty else { continue }
            let (join, why) = decide(left: left, right: right, words: words, compounds: compounds)
            d.lines[i].joinNext = join
            let shown = join == .dropHyphen ? left + right : left + "-" + right
            d.decisions.append("\(line.span.file):\(line.span.startLine): \(left)-|\(right) → \(shown) (\(why))")
        }
        return d
    }

    func decide(left: String, right: String, words: Set<String>, compounds: Set<String>) -> (Line.Join, String) {
        let l = left.lowercased(), r = right.lowercased()
        if compounds.contains(l + "-" + r) { return (.keepHyphen, "hyphenated form occurs in the document") }
        if words.contains(l + r) { return (.dropHyphen, "joined form occurs in the document") }
        if prefixes.contains(l) { return (.keepHyphen, "compound prefix '\(l)'") }
        if suffixes.contains(r) { return (.keepHyphen, "compound suffix '\(r)'") }
        if right.first?.isUppercase == true { return (.keepHyphen, "capital after the hyphen") }
        return (.dropHyphen, "syllable break")
    }

    /// Lowercased words and hyphenated compounds that occur inside lines (not at line ends).
    static func vocabulary(_ lines: [Line]) -> (Set<String>, Set<String>) {
        var words = Set<String>()
        var compounds = Set<String>()
        for line in lines {
            let body = line.text.hasSuffix("-") ? String(line.text.dropLast()) : line.text
            for chunk in body.lowercased().split(whereSeparator: { !($0.isLetter || $0 == "-") }) {
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
