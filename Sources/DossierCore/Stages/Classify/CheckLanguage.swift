import Foundation

/// Warns about a document written in another language than the configuration's word lists.
///
/// The taxonomy's phrases, statements.yaml's cues and facts.yaml's patterns are English, so a
/// Spanish analysis or a German ministry page runs through the pipeline without an error and
/// comes out with next to no areas, constraints or dates: a silent gap in a briefing. Common
/// function words make up 15 % or more of every English text among this project's fixtures
/// (tables and lists of names included) and 3 % or less of the French, Spanish, German and
/// Korean ones, so their share tells the two apart without a language model. The warning
/// names the file and what to do; the document is still read, as a name or a year in it may
/// still count.
public struct CheckLanguage: DocumentStage {
    public static let id = "check.language"
    public static let summary = "Warn about a document whose words are not in the language of the word lists"
    public static let requires: Set<Artifact> = [.passages]
    public static let produces: Set<Artifact> = []

    public struct Options: StageOptions {
        public var words: [String] = []
        public var minShare = 0.08
        public var minWords = 80
        public static let settings: [Setting<Self>] = [
            .init(
                "words", \.words, type: "[string]",
                "common function words of the language the taxonomy and cue lists are written in"),
            .init("min-share", \.minShare, "share of a document's words that must be among `words`"),
            .init("min-words", \.minWords, "words a document needs before its share says anything"),
        ]
        public init() {}
    }

    let words: Set<String>
    let options: Options

    public init(options: Options, context: StageContext) throws {
        self.init(options: options)
    }

    /// The stage from options in memory (tests).
    public init(options: Options) {
        self.options = options
        words = Set(options.words.map { $0.lowercased() })
    }

    public func process(_ document: Document) throws -> Document {
        let (common, total) = share(of: document)
        guard !words.isEmpty, total >= options.minWords else {
            return document
        }
        let share = Double(common) / Double(total)
        guard share < options.minShare else { return document }
        var d = document
        let percent = (share * 1000).rounded() / 10
        d.warnings.append(
            "\(d.source): only \(percent) % of its \(total) words are common words of the language the word lists "
                + "are written in (check.language `words`), so its areas, constraints and dates will mostly be "
                + "missed; translate it, or leave it out of the inputs")
        return d
    }

    /// How many of the document's words (letters only: numbers say nothing of a language) are
    /// among `words`, and how many words it has.
    public func share(of d: Document) -> (common: Int, total: Int) {
        var common = 0
        var total = 0
        for p in d.passages {
            for t in TextTools.tokens(p.text) where t.lower.unicodeScalars.contains(where: \.properties.isAlphabetic) {
                total += 1
                if words.contains(t.lower) { common += 1 }
            }
        }
        return (common, total)
    }
}
