/// A cooperation area a passage or document was classified into, with why.
public struct AreaScore: Codable, Hashable, Sendable {
    public var area: String
    /// Calibrated to 0…1.
    public var score: Double
    public var evidence: [Evidence]
    /// Whose relation the area is part of: only NATO's areas are the briefings' cooperation
    /// areas; the others are kept for the relations with other powers.
    public var counterpart: Counterpart

    public init(area: String, score: Double, evidence: [Evidence], counterpart: Counterpart = .nato) {
        self.area = area
        self.score = score
        self.evidence = evidence
        self.counterpart = counterpart
    }

    enum CodingKeys: String, CodingKey { case area, score, evidence, counterpart }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        area = try c.decode(String.self, forKey: .area)
        score = try c.decode(Double.self, forKey: .score)
        evidence = try c.decode([Evidence].self, forKey: .evidence)
        // Profiles written before areas carried a counterpart knew only NATO's.
        counterpart = try c.decodeIfPresent(Counterpart.self, forKey: .counterpart) ?? .nato
    }
}

/// One piece of support for a classification or fact: the quoted text and where it stands.
public struct Evidence: Codable, Hashable, Sendable {
    public var text: String
    public var span: SourceSpan
    /// What matched: a heading, a phrase, a learned-model note (see `Signal`).
    public var signals: [Signal]
    /// The source's own notes that the quoted passage calls, so a briefing can show them.
    public var footnotes: [Footnote]
    /// For an area's evidence: whose relation the quoted text describes. Nil for facts'
    /// evidence (a date, an embassy), which belongs to no relation.
    public var counterpart: Counterpart?

    public init(
        text: String, span: SourceSpan, signals: [Signal] = [], footnotes: [Footnote] = [],
        counterpart: Counterpart? = nil
    ) {
        self.text = text
        self.span = span
        self.signals = signals
        self.footnotes = footnotes
        self.counterpart = counterpart
    }

    enum CodingKeys: String, CodingKey { case text, span, signals, footnotes, counterpart }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        span = try c.decode(SourceSpan.self, forKey: .span)
        signals = try c.decodeIfPresent([Signal].self, forKey: .signals) ?? []
        // Profiles written before notes were carried have no key: read them as none.
        footnotes = try c.decodeIfPresent([Footnote].self, forKey: .footnotes) ?? []
        counterpart = try c.decodeIfPresent(Counterpart.self, forKey: .counterpart)
    }
}
