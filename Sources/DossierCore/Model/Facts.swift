/// What `extract.facts` found in one document. Every fact carries the span(s) it came from.
public struct DocumentFacts: Codable, Hashable, Sendable {
    public var frameworks: [FrameworkMembership] = []
    public var milestones: [Milestone] = []
    public var lastUpdated: DatedFact?
    /// When the source went out: its dateline's day, else a copyright or "Published" year, for
    /// sources with no last-updated date.
    public var published: DatedFact?
    public var contactPointEmbassy: EmbassyFact?
    public var figures: [Figure] = []
    /// A byline and a publisher the source states about itself (analyses; page metadata).
    public var author: NamedFact?
    public var publisher: NamedFact?

    public init() {}
}

/// The country is in a partnership framework, joined in `year` if the text says so.
public struct FrameworkMembership: Codable, Hashable, Sendable {
    /// The framework id from config (`pfp`, `eapc`, …).
    public var id: String
    public var name: String
    /// The usual abbreviation ("PfP"), if the rules give one.
    public var abbreviation: String?
    public var year: Int?
    /// The sentence that gives the year (or, without one, the first mention).
    public var evidence: Evidence
    /// What it is, from facts.yaml `framework-kinds`: forum, partnership, programme, membership,
    /// charter or other; nil in profiles written before kinds were kept.
    public var kind: String?
    /// The framework it replaced (`nacc` for the EAPC), so a summary counts the two as one.
    public var succeeds: String?

    public init(id: String, name: String, abbreviation: String? = nil, year: Int?, evidence: Evidence) {
        self.id = id
        self.name = name
        self.abbreviation = abbreviation
        self.year = year
        self.evidence = evidence
    }

    /// "Partnership for Peace (PfP)".
    public var displayName: String { abbreviation.map { "\(name) (\($0))" } ?? name }
}

/// A dated (or undated) event: an item of a milestones list, or a dated sentence of prose.
public struct Milestone: Codable, Hashable, Sendable {
    public var year: Int?
    public var text: String
    /// True when the list gave no year and another sentence of the document supplied it.
    public var yearInferred: Bool
    /// True for an event told in a sentence of prose rather than listed as a milestone.
    public var fromProse: Bool
    /// The list item, then (when inferred) the sentence the year came from; for prose, the sentence.
    public var evidence: [Evidence]
    /// Whose relation the event belongs to (its passage's counterpart); nil reads as NATO.
    public var counterpart: Counterpart?

    public init(year: Int?, text: String, yearInferred: Bool = false, fromProse: Bool = false, evidence: [Evidence]) {
        self.year = year
        self.text = text
        self.yearInferred = yearInferred
        self.fromProse = fromProse
        self.evidence = evidence
    }

    public var span: SourceSpan { evidence[0].span }
}

/// A calendar date stated by the source ("Last updated: 07 Apr. 2016").
public struct DatedFact: Codable, Hashable, Sendable {
    /// ISO 8601 (`2016-04-07`), or just the year (`2024`) when that is all the source gives.
    public var date: String
    public var evidence: Evidence

    public init(date: String, evidence: Evidence) {
        self.date = date
        self.evidence = evidence
    }

    /// The year part of `date`.
    public var year: Int? { Int(date.prefix(4)) }
}

/// The NATO member whose embassy is the contact point in the partner country.
public struct EmbassyFact: Codable, Hashable, Sendable {
    public var country: String
    public var evidence: Evidence

    public init(country: String, evidence: Evidence) {
        self.country = country
        self.evidence = evidence
    }
}
