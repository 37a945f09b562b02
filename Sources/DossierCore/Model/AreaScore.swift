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
    /// True when the sentence a quote shows (`carryingSentence`) qualifies its claim
    /// ("reportedly", "unconfirmed"): it still counts, but whoever quotes it must say it is
    /// hedged. A hedge elsewhere in the passage does not mark a quote that does not show it.
    public var hedged: Bool

    public init(
        text: String, span: SourceSpan, signals: [Signal] = [], footnotes: [Footnote] = [],
        counterpart: Counterpart? = nil, hedged: Bool = false
    ) {
        self.text = text
        self.span = span
        self.signals = signals
        self.footnotes = footnotes
        self.counterpart = counterpart
        self.hedged = hedged
    }

    enum CodingKeys: String, CodingKey { case text, span, signals, footnotes, counterpart, hedged }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        span = try c.decode(SourceSpan.self, forKey: .span)
        signals = try c.decodeIfPresent([Signal].self, forKey: .signals) ?? []
        // Profiles written before notes were carried have no key: read them as none.
        footnotes = try c.decodeIfPresent([Footnote].self, forKey: .footnotes) ?? []
        counterpart = try c.decodeIfPresent(Counterpart.self, forKey: .counterpart)
        // Evidence written before hedges were marked is read as not hedged.
        hedged = try c.decodeIfPresent(Bool.self, forKey: .hedged) ?? false
    }

    /// `hedged` is written only when true, so the data files of unhedged evidence keep their bytes.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(span, forKey: .span)
        try c.encode(signals, forKey: .signals)
        try c.encode(footnotes, forKey: .footnotes)
        try c.encodeIfPresent(counterpart, forKey: .counterpart)
        if hedged { try c.encode(true, forKey: .hedged) }
    }
}

extension Evidence {
    /// The sentence of `text` that carries the evidence, the one a quote shows: the sentence
    /// holding most of its taxonomy phrases, else the first.
    public var carryingSentence: String {
        Self.carryingSentence(of: text, needles: signals.compactMap(\.phrase))
    }

    /// The sentence of `text` that contains most of `needles` (phrases, `*` ignored), else the
    /// first sentence.
    public static func carryingSentence(of text: String, needles: [String]) -> String {
        let sentences = TextTools.sentences(text)
        let lowered = needles.map { String($0.lowercased().filter { $0 != "*" }) }
        // Each sentence is counted once; the first of the most hit wins, as `max` kept it.
        var best: (sentence: String, hits: Int)?
        for s in sentences {
            let l = s.lowercased()
            let hits = lowered.filter { l.contains($0) }.count
            if hits > (best?.hits ?? 0) { best = (s, hits) }
        }
        return best?.sentence ?? sentences.first ?? text
    }
}
