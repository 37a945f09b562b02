import Foundation

/// What made a piece of evidence count: the kind of match, with the data it matched on.
///
/// Stages build these values and readers (the briefing's phrase highlighting, the classifier's
/// own "only a heading speaks for this area" test) match on the case, never on wording. In JSON
/// (the cache, `render.data`, `dossier analyze --format json`) each signal stays the sentence a
/// reader sees, such as `phrase 'gas'`, so the format in docs/json-format.md is unchanged;
/// decoding reads that sentence back and refuses one that does not print back the same.
public enum Signal: Hashable, Sendable {
    /// The passage's own section heading names the area through `phrase`.
    case heading(String, phrase: String)
    /// The enclosing level-1 heading names the area through `phrase`.
    case parentHeading(String, phrase: String)
    /// A section titled by the area; document-level evidence quoting its first passage.
    case sectionTitled(String, phrase: String)
    /// A taxonomy phrase found in the text (as the taxonomy spells it, `disaster*` included).
    case phrase(String)
    /// The phrase stood in a sentence that lists areas, opened by this listing cue.
    case listing(cue: String)
    /// The phrase stood in a list of threats with no word of cooperating.
    case amongThreats
    /// A sentence that names the power beside a word of relations between states ('ties',
    /// 'visit*'): `classify.areas`' `relation-cues`, counted per document.
    case relationTold(cue: String)
    /// Evidence of another area of the document that implies this one (the taxonomy's
    /// `implies`): troops in a NATO-led operation speak for security cooperation too.
    case impliedBy(area: String)
    /// The learned model's probability (rounded) and its strongest features in the passage.
    case model(probability: Double, strongest: [String])
    /// A "Last updated …" line of the source.
    case lastUpdated
    /// A copyright or "Published …" line giving the year.
    case publicationYear
    /// A line under the title that is only a date: the day the source went out.
    case dateline
    /// A date read from the page's metadata rather than its text.
    case pageMetadata(MetadataDate)
    /// The date stamp line heading a timeline event.
    case dateStamp
    /// The year line a milestone list stands under.
    case yearOfTheList
    /// The line naming the source's author (a byline, or the page's author metadata).
    case byline
    /// The line naming its publisher (a © line, or the page's site name).
    case publisherLine

    /// Which of the page's own metadata dates a `pageMetadata` signal cites.
    public enum MetadataDate: String, Hashable, Sendable {
        case modified
        case published
    }

    /// True for a heading or parent-heading match: evidence from the section title alone.
    public var isHeading: Bool {
        switch self {
        case .heading, .parentHeading: true
        default: false
        }
    }

    /// The phrase of a `phrase` signal, else nil.
    public var phrase: String? {
        if case .phrase(let text) = self { text } else { nil }
    }
}

// MARK: - Text form

extension Signal: CustomStringConvertible {
    /// The wording reports, `dossier analyze` and `dossier eval` show, and the JSON form.
    public var description: String {
        switch self {
        case .heading(let heading, let phrase): "heading '\(heading)' (\(phrase))"
        case .parentHeading(let heading, let phrase): "parent heading '\(heading)' (\(phrase))"
        case .sectionTitled(let heading, let phrase): "section titled '\(heading)' (\(phrase))"
        case .phrase(let text): "phrase '\(text)'"
        case .listing(let cue): "in a list of areas ('\(cue)')"
        case .amongThreats: "among threats"
        case .relationTold(let cue): "relation told ('\(cue)')"
        case .impliedBy(let area): "implied by area '\(area)'"
        case .model(let probability, let strongest):
            "model \(probability)" + (strongest.isEmpty ? "" : " ('\(strongest.joined(separator: "', '"))')")
        case .lastUpdated: "last updated"
        case .publicationYear: "publication year"
        case .dateline: "dateline"
        case .pageMetadata(let date): "page metadata: \(date.rawValue)"
        case .dateStamp: "date stamp"
        case .yearOfTheList: "year of the list"
        case .byline: "byline"
        case .publisherLine: "publisher line"
        }
    }

    /// Reads the text form back; nil for text that does not print back exactly as given, so a
    /// decoded signal always writes the same bytes it was read from.
    public init?(_ text: String) {
        guard let parsed = Self.parse(text), parsed.description == text else { return nil }
        self = parsed
    }

    private static let plain: [String: Signal] = Dictionary(
        uniqueKeysWithValues: [
            Signal.amongThreats, .lastUpdated, .publicationYear, .dateline, .dateStamp, .yearOfTheList, .byline,
            .publisherLine,
            .pageMetadata(.modified), .pageMetadata(.published),
        ].map { ($0.description, $0) })

    private static func parse(_ text: String) -> Signal? {
        if let signal = plain[text] { return signal }
        if let inner = between(text, "phrase '", "'") { return .phrase(inner) }
        if let inner = between(text, "in a list of areas ('", "')") { return .listing(cue: inner) }
        if let inner = between(text, "relation told ('", "')") { return .relationTold(cue: inner) }
        if let inner = between(text, "implied by area '", "'") { return .impliedBy(area: inner) }
        if let (heading, phrase) = headed(text, "heading '") { return .heading(heading, phrase: phrase) }
        if let (heading, phrase) = headed(text, "parent heading '") { return .parentHeading(heading, phrase: phrase) }
        if let (heading, phrase) = headed(text, "section titled '") { return .sectionTitled(heading, phrase: phrase) }
        if text.hasPrefix("model ") { return model(text.dropFirst(6)) }
        return nil
    }

    /// The text between a prefix and a suffix, when it has both.
    private static func between(_ text: String, _ prefix: String, _ suffix: String) -> String? {
        guard text.count >= prefix.count + suffix.count, text.hasPrefix(prefix), text.hasSuffix(suffix) else {
            return nil
        }
        return String(text.dropFirst(prefix.count).dropLast(suffix.count))
    }

    /// "PREFIX<heading>' (<phrase>)": the phrase is taken after the last "' (", as a taxonomy
    /// phrase never holds one and a heading may.
    private static func headed(_ text: String, _ prefix: String) -> (String, String)? {
        guard let inner = between(text, prefix, ")"), let cut = inner.range(of: "' (", options: .backwards) else {
            return nil
        }
        return (String(inner[..<cut.lowerBound]), String(inner[cut.upperBound...]))
    }

    /// "0.734" or "0.734 ('word', 'word')".
    private static func model(_ rest: Substring) -> Signal? {
        guard let open = rest.range(of: " ('") else {
            return Double(rest).map { .model(probability: $0, strongest: []) }
        }
        guard let probability = Double(rest[..<open.lowerBound]), rest.hasSuffix("')") else { return nil }
        let words = rest[open.upperBound...].dropLast(2)
        return .model(probability: probability, strongest: words.components(separatedBy: "', '"))
    }
}

// MARK: - JSON

extension Signal: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let signal = Signal(text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "unknown evidence signal '\(text)'"))
        }
        self = signal
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
