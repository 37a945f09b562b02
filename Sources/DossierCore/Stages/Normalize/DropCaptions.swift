/// Removes photo captions and credits, their duplicates, the short caption lines that follow
/// them, and drop caps (a single capital letter alone on a line).
public struct DropCaptions: LineNormalizer {
    public static let id = "normalize.captions"
    public static let summary = "Drop photo captions, duplicated captions and drop caps"

    public struct Options: StageOptions {
        public var patterns: [Pattern] = []
        public var creditPatterns: [Pattern] = []
        public var followMaxWords = 20
        public var similarity = 0.8
        public static let settings: [Setting<Self>] = [
            .init("patterns", \.patterns, "lines that are captions or credits ('^left to right:')"),
            .init(
                "credit-patterns", \.creditPatterns,
                "photo credits ('(Jane Doe/AFP via Getty Images)'): like `patterns`, and also on the first line "
                    + "of a block, where a saved page runs its credit into the text"),
            .init(
                "follow-max-words", \.followMaxWords,
                "a one-line paragraph this short right after a caption is part of it"),
            .init("similarity", \.similarity, "word overlap that makes a line a duplicate of a caption"),
        ]
        public init() {}
    }

    let options: Options
    public init(options: Options, context: StageContext) { self.options = options }

    public func process(_ document: Document) throws -> Document {
        var d = document
        var drop: [Int: String] = [:]
        var captions = CaptionIndex()
        var afterCaption = false
        for block in LineBlocks(d.lines).ranges {
            guard block.count == 1 else {
                // A credit line run into the text below it ("… (Jane Doe/AFP via Getty Images)"):
                // only a block's first line, only by the credit patterns.
                let first = block.lowerBound
                if options.creditPatterns.contains(where: { $0.matches(d.lines[first].text) }) {
                    drop[first] = "photo credit"
                }
                afterCaption = false
                continue
            }
            let i = block.lowerBound
            let text = d.lines[i].text
            let words = Set(TextTools.words(text))
            if text.count == 1, text.first!.isUppercase {
                drop[i] = "drop cap"
            } else if d.lines[i].role == .caption {
                // Declared by the source, so a body sentence that resembles it is body text
                // (a news photo's caption often repeats the article's sentence): not indexed.
                drop[i] = "figure caption"
                afterCaption = false
            } else if options.patterns.contains(where: { $0.matches(text) }) {
                drop[i] = "photo caption"
                captions.add(words)
                afterCaption = true
            } else if options.creditPatterns.contains(where: { $0.matches(text) }) {
                // A caption ending in its credit often repeats the article's first sentence
                // ("MOSCOW (AP) — An unmanned Russian cargo spaceship …"): not indexed, so that
                // sentence stays.
                drop[i] = "photo caption"
                afterCaption = true
            } else if captions.bestOverlap(words) >= options.similarity {
                drop[i] = "duplicate of a caption"
                afterCaption = true
            } else if afterCaption, Self.looksLikeCaptionLine(text, maxWords: options.followMaxWords) {
                // Only the line right after a caption: captions come in ones and twos.
                drop[i] = "caption line after a caption"
                afterCaption = false
            } else {
                afterCaption = false
            }
        }
        dropInterruptingFragments(d.lines, into: &drop)
        d.removeLines(drop, stage: Self.id)
        return d
    }

    /// Text extracted from PDFs puts a float's caption where the layout placed it, often in
    /// the middle of a sentence: a short line opening a block, right before an indented line
    /// that goes on in lower case, after a block that stopped mid-sentence. That line is the
    /// caption; the sentence resumes on the indented line.
    private func dropInterruptingFragments(_ lines: [Line], into drop: inout [Int: String]) {
        let blocks = LineBlocks(lines).ranges
        for (b, block) in blocks.enumerated() where b > 0 && block.count >= 2 {
            let fragment = lines[block.lowerBound]
            let resume = lines[block.lowerBound + 1]
            guard drop[block.lowerBound] == nil, fragment.indent == 0, resume.indent > 0,
                resume.text.first?.isLowercase == true, fragment.text.wordCount <= options.followMaxWords,
                !TextTools.endsSentence(fragment.text),
                let previous = blocks[..<b].last(where: { r in r.contains { drop[$0] == nil } }),
                let before = previous.last(where: { drop[$0] == nil }), !TextTools.endsSentence(lines[before].text)
            else { continue }
            drop[block.lowerBound] = "caption fragment interrupting a sentence"
        }
    }

    /// One sentence, short, and not heading-shaped (a heading has at most a dozen words and no
    /// closing punctuation): the shape of a second caption line.
    static func looksLikeCaptionLine(_ text: String, maxWords: Int) -> Bool {
        let words = text.wordCount
        guard words <= maxWords, TextTools.sentences(text).count == 1 else { return false }
        return TextTools.endsSentence(text) || words > 12
    }

    /// The distinct word sets of the captions seen so far, indexed by word: a line is compared
    /// only with captions it shares a word with, so a long document with many captions stays
    /// linear instead of comparing every line with every caption.
    struct CaptionIndex {
        private var captions: [Set<String>] = []
        private var seen: Set<Set<String>> = []
        private var byWord: [String: [Int]] = [:]

        mutating func add(_ words: Set<String>) {
            guard !words.isEmpty, seen.insert(words).inserted else { return }
            for word in words { byWord[word, default: []].append(captions.count) }
            captions.append(words)
        }

        /// The highest overlap coefficient (shared words / the smaller set) of `words` with any
        /// caption, so a caption repeated without its "Left to right:" prefix still matches.
        func bestOverlap(_ words: Set<String>) -> Double {
            var shared: [Int: Int] = [:]
            for word in words { for id in byWord[word] ?? [] { shared[id, default: 0] += 1 } }
            return shared.map { Double($0.value) / Double(min(captions[$0.key].count, words.count)) }.max() ?? 0
        }
    }
}
