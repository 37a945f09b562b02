/// What a figure counts. Which words make a number a figure of each kind is configuration
/// (facts.yaml: `figure-kinds`, `figure-currencies`, `figure-percent`); the kinds are fixed
/// because a briefing groups and prints them differently (money with its currency, a share
/// as a percentage).
public enum FigureKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// Troops, soldiers, personnel, officers, experts trained or deployed.
    case troops
    case money
    /// Things counted: pieces of ordnance, weapons, vehicles, test kits.
    case items
    /// Projects, activities, courses, exercises.
    case projects
    case percent
    /// Anything else a configured unit counts (participants, people).
    case other
}

/// A number the source states about something ("about 95 personnel", "€2.5 million",
/// "between 40 and 50 troops"), with the sentence it stands in.
public struct Figure: Codable, Hashable, Sendable {
    /// The number, scale applied ("1.2 million" → 1 200 000); the upper bound of a range.
    public var value: Double
    /// The lower bound when the text gives a range ("between 40 and 50", "40–50").
    public var low: Double?
    /// The qualifier as written, lowercased: "about", "over", "more than", or "".
    public var qualifier: String
    /// The configured unit word that matched, lowercased ("personnel", "pieces"); for money
    /// the currency code, for a share "percent".
    public var unit: String
    public var kind: FigureKind
    /// ISO 4217 code for money ("EUR", "USD"), else nil.
    public var currency: String?
    /// What is counted, as written from after the number to the unit ("cooperative projects",
    /// "Australian Defence Force personnel"); nil for money and percentages.
    public var noun: String?
    /// The complement after "of" ("unexploded ordnance" in "pieces of unexploded ordnance",
    /// "its total exports" in "90 percent of its total exports"), when there is one.
    public var of: String?
    /// The words of the sentence that state the figure, as written ("some 640 000 pieces").
    public var written: String
    /// The figure as a briefing prints it, the same for every way of writing it: "about 95
    /// personnel", "€2.5 million", "640,000 pieces of unexploded ordnance", "40–50 troops".
    public var display: String
    /// The sentence and its span: every figure is cited.
    public var evidence: Evidence

    public init(
        value: Double, low: Double? = nil, qualifier: String, unit: String, kind: FigureKind = .other,
        currency: String? = nil, noun: String? = nil, of: String? = nil, written: String = "", display: String? = nil,
        evidence: Evidence
    ) {
        self.value = value
        self.low = low
        self.qualifier = qualifier
        self.unit = unit
        self.kind = kind
        self.currency = currency
        self.noun = noun
        self.of = of
        self.written = written
        self.evidence = evidence
        self.display = ""
        self.display = display ?? displayed(sign: currency)
    }

    enum CodingKeys: String, CodingKey {
        case value, low, qualifier, unit, kind, currency, noun, of, written, display, evidence
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        value = try c.decode(Double.self, forKey: .value)
        qualifier = try c.decode(String.self, forKey: .qualifier)
        unit = try c.decode(String.self, forKey: .unit)
        evidence = try c.decode(Evidence.self, forKey: .evidence)
        // Profiles written before figures had kinds know only value, qualifier and unit.
        low = try c.decodeIfPresent(Double.self, forKey: .low)
        kind = try c.decodeIfPresent(FigureKind.self, forKey: .kind) ?? .other
        currency = try c.decodeIfPresent(String.self, forKey: .currency)
        noun = try c.decodeIfPresent(String.self, forKey: .noun)
        of = try c.decodeIfPresent(String.self, forKey: .of)
        written = try c.decodeIfPresent(String.self, forKey: .written) ?? ""
        display = ""
        display = try c.decodeIfPresent(String.self, forKey: .display) ?? displayed(sign: currency)
    }
}
