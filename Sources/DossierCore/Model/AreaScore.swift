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
    /// What matched: a phrase, "heading: …", a learned-model note.
    public var signals: [String]

    public init(text: String, span: SourceSpan, signals: [String] = []) {
        self.text = text
        self.span = span
        self.signals = signals
    }
}
