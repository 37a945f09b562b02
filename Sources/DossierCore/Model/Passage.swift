/// A unit of body text: what gets classified, quoted and cited.
public struct Passage: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable {
        case paragraph
        case listItem
        /// An item of a milestones list; `milestoneYear` holds the year written beside it, if any.
        case milestone
        /// A table row, its cells joined by " | " (`Line.Role.tableRow`).
        case tableRow
    }

    public var kind: Kind
    public var text: String
    public var span: SourceSpan
    /// For milestones: the year the list gives the item (nil in lists that lost their years).
    public var milestoneYear: Int?
    /// For a milestone whose year stands on another line (a year alone above its events, or
    /// the "YEAR event" line a continuation sits under): that line, so citations show the year.
    public var listYear: Evidence?
    /// The lines a citation of this passage points at: its own, and the line its year stands
    /// on when that is another one.
    public var citedSpan: SourceSpan { listYear.map { $0.span.union(span) } ?? span }
    /// The passage quoted with its list year: as written when the year opens the passage's own
    /// line ("1994 The country joins …"), in brackets when it stands on another line ("[2005] …"),
    /// so a quote never joins words from two lines without saying so.
    public var textWithYear: String { withListYear(text) }

    /// `sentence` (of this passage) with the list year before it, marked as `textWithYear` is.
    public func withListYear(_ sentence: String) -> String {
        guard let year = milestoneYear else { return sentence }
        return listYear == nil ? "\(year) \(sentence)" : "[\(year)] \(sentence)"
    }
    /// Footnote numbers called from this passage (their notes are in `Document.footnotes`).
    public var footnoteCalls: [Int]
    /// Areas this passage was classified into, best first.
    public var areas: [AreaScore]
    /// Whose relation the passage describes (`attribute.counterparts`); nil when no stage
    /// attributed it, which classification reads as NATO.
    public var counterpart: Counterpart?
    /// Sentences (by index in `TextTools.sentences(text)`) about another relation than the
    /// passage's: one that names Russia and not the passage's own counterpart is Russia's,
    /// so a NATO paragraph's aside on Moscow never counts as NATO cooperation.
    public var sentenceCounterparts: [Int: Counterpart] = [:]
    /// Sentences (by index) that speak of other relations beside their own: one naming powers
    /// side by side with it ("ties with China and Russia") is evidence for each of them. Holds
    /// the others only; facts a sentence dates stay with its own counterpart.
    public var sentenceSharedWith: [Int: [Counterpart]] = [:]
    /// For each sentence that names counterparts (by index), those it names in the order first
    /// named, the document's subject aside: a constraint belongs to the first ("Ankara will veto
    /// Cyprus' accession" is Türkiye's), as `attribute.counterparts` read the names.
    public var sentenceNames: [Int: [Counterpart]] = [:]
    /// Sentences (by index) that tell a relation between others: they name two or more
    /// counterparts apart, not NATO, and not the document's subject ("Biden hosted his Japanese
    /// and South Korean counterparts" in an item on Vietnam). They are evidence for no relation.
    public var sentencesBetweenOthers: Set<Int> = []
    /// Its sentences that are constraints, future or conditional, or hedged
    /// (`classify.statements`), by sentence index; empty when no stage marked them.
    public var statements: [StatementMark] = []

    public init(
        kind: Kind, text: String, span: SourceSpan, milestoneYear: Int? = nil, listYear: Evidence? = nil,
        footnoteCalls: [Int] = [], areas: [AreaScore] = []
    ) {
        self.kind = kind
        self.text = text
        self.span = span
        self.milestoneYear = milestoneYear
        self.listYear = listYear
        self.footnoteCalls = footnoteCalls
        self.areas = areas
    }
}

/// A heading and the passages under it, up to the next heading.
///
/// Sections are kept flat in document order; `level` (1 = top) rebuilds the tree when needed.
public struct Section: Codable, Hashable, Sendable {
    public var heading: String?
    public var level: Int
    public var headingSpan: SourceSpan?
    public var passages: [Passage]

    public init(heading: String?, level: Int, headingSpan: SourceSpan? = nil, passages: [Passage] = []) {
        self.heading = heading
        self.level = level
        self.headingSpan = headingSpan
        self.passages = passages
    }
}

/// A numbered note separated from the body text.
public struct Footnote: Codable, Hashable, Sendable {
    public var number: Int
    public var text: String
    public var urls: [String]
    public var span: SourceSpan

    public init(number: Int, text: String, urls: [String], span: SourceSpan) {
        self.number = number
        self.text = text
        self.urls = urls
        self.span = span
    }
}

/// Text a normalizer took out of the body, with the reason, so `--explain` can show it.
public struct RemovedText: Codable, Hashable, Sendable {
    public var text: String
    public var span: SourceSpan
    /// The stage that removed it.
    public var stage: String
    public var reason: String

    public init(text: String, span: SourceSpan, stage: String, reason: String) {
        self.text = text
        self.span = span
        self.stage = stage
        self.reason = reason
    }
}
