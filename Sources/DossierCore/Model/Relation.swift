/// A relation the sources describe between the country and a power other than NATO (Russia,
/// China, the United States …). It is kept apart from NATO's cooperation areas, so an analyst's
/// quotes about Russian gas never make energy a NATO area, and shown as a relation of its own.
public struct Relation: Codable, Hashable, Sendable {
    public var counterpart: Counterpart
    /// The relation's areas, strongest first, each quoting only passages about this relation.
    public var areas: [CountryArea]
    /// Events told of this relation, dated ones by year.
    public var milestones: [Milestone]
    /// Labels of the sources that describe it.
    public var sources: [String]
    /// Passages attributed to the relation across sources.
    public var passageCount: Int

    public init(
        counterpart: Counterpart, areas: [CountryArea], milestones: [Milestone], sources: [String], passageCount: Int
    ) {
        self.counterpart = counterpart
        self.areas = areas
        self.milestones = milestones
        self.sources = sources
        self.passageCount = passageCount
    }
}

/// How current the sources' picture of one relation is: the newest past event they report
/// about it (what the text is up to date with), beside the newest date stamped on a source
/// that describes it (when it was last touched). A page stamped 2016 whose newest event is
/// 2011 is a 2011 picture.
public struct Currency: Codable, Hashable, Sendable {
    public var counterpart: Counterpart
    /// The newest dated event reported of the relation; nil when none is dated.
    public var newestEvent: Milestone?
    /// The newest last-updated or publication date among the sources that describe it.
    public var newestStamp: DatedFact?

    public init(counterpart: Counterpart, newestEvent: Milestone?, newestStamp: DatedFact?) {
        self.counterpart = counterpart
        self.newestEvent = newestEvent
        self.newestStamp = newestStamp
    }
}

/// A name the source states about itself (an author, a publisher), with where it stands.
public struct NamedFact: Codable, Hashable, Sendable {
    public var value: String
    public var evidence: Evidence

    public init(value: String, evidence: Evidence) {
        self.value = value
        self.evidence = evidence
    }
}
