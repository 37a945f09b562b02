/// A constraint as a briefing cites it.
extension Constraint {
    /// The constraint as evidence: its sentence, span and counterpart.
    public var evidence: Evidence { Evidence(text: text, span: span, counterpart: counterpart) }

    /// The first year the sentence names ("declined … following the events in Andijan in 2005").
    public var year: Int? { TextTools.tokens(text).lazy.compactMap(\.year).first }
}
