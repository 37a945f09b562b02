/// A cooperation area a passage or document was classified into, with why.
public struct AreaScore: Codable, Hashable, Sendable {
    public var area: String
    /// Calibrated to 0…1.
    public var score: Double
    public var evidence: [Evidence]

    public init(area: String, score: Double, evidence: [Evidence]) {
        self.area = area
        self.score = score
        self.evidence = evidence
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

    public init(text: String, span: SourceSpan, signals: [Signal] = [], footnotes: [Footnote] = []) {
        self.text = text
        self.span = span
        self.signals = signals
        self.footnotes = footnotes
    }

    enum CodingKeys: String, CodingKey { case text, span, signals, footnotes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        span = try c.decode(SourceSpan.self, forKey: .span)
        signals = try c.decodeIfPresent([Signal].self, forKey: .signals) ?? []
        // Profiles written before notes were carried have no key: read them as none.
        footnotes = try c.decodeIfPresent([Footnote].self, forKey: .footnotes) ?? []
    }
}
