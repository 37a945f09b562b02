import Foundation

/// Extracts the document's facts: title country and kind, last-updated date, contact point
/// embassy, framework memberships with join years, milestones (inferring a missing year only
/// from another sentence of the same document), and stated figures. All rules come from the
/// rules file (facts.yaml); every fact keeps the span it came from.
public struct ExtractFacts: DocumentStage {
    public static let id = "extract.facts"
    public static let summary = "Frameworks and join years, milestones, last-updated date, embassy, country, figures"
    public static let requires: Set<Artifact> = [.passages]
    public static let produces: Set<Artifact> = [.facts]

    public struct Options: StageOptions {
        public var rules = "facts.yaml"
        public var inferenceThreshold = 0.5
        public static let settings: [Setting<Self>] = [
            .init("rules", \.rules, type: "path", "the rules file: frameworks, countries, patterns"),
            .init(
                "inference-threshold", \.inferenceThreshold,
                "how closely a dated sentence must match an undated milestone to lend it its year"),
        ]
        public init() {}
    }

    public let rules: FactRules
    /// Framework id → the one partner a bilateral body belongs to (`partner` in the rules).
    let partnerOf: [String: String]
    let options: Options
    let frameworks: FrameworkYears
    let places: CountryDetector
    public let fingerprint: String

    public init(options: Options, context: StageContext) throws {
        self.options = options
        rules = try context.loadYAML(FactRules.self, path: options.rules)
        fingerprint = SHA256.hex(FileManager.default.contents(atPath: context.url(for: options.rules).path) ?? Data())
        frameworks = FrameworkYears(rules: rules)
        places = CountryDetector(rules: rules)
        partnerOf = Dictionary(
            rules.frameworks.compactMap { f in f.partner.map { (f.id, $0) } }, uniquingKeysWith: { a, _ in a })
    }

    public func process(_ document: Document) throws -> Document {
        var d = document
        let sentences = Self.sentences(of: d)
        var facts = DocumentFacts()
        facts.lastUpdated =
            lastUpdated(d) ?? Self.metadataDate(d, \.modified, \.modifiedLine, signal: .pageMetadata(.modified))
        // The document's year, for which countries were NATO members when it was written.
        let year = facts.lastUpdated?.year ?? sentences.flatMap { $0.tokens.compactMap(\.year) }.max()
        let (place, isRegion, kind) = places.detect(title: d.title, passages: d.passages, year: year) {
            [frameworks, rules] text in
            frameworks.frameworkMentions(TextTools.tokens(text)).map { rules.frameworks[$0.framework].id }
        }
        d.country = place
        d.countryIsRegion = isRegion
        d.kind = kind
        facts.published =
            dateline(d) ?? published(d)
            ?? Self.metadataDate(d, \.published, \.publishedLine, signal: .pageMetadata(.published))
        facts.contactPointEmbassy = embassy(sentences)
        let byline = SourceByline(rules: rules)
        facts.author = byline.author(d)
        facts.publisher = byline.publisher(d)
        // A bilateral body (the NATO-Ukraine Commission) is only its own partner's framework.
        facts.frameworks = frameworks.memberships(in: sentences).filter { m in
            partnerOf[m.id].map { $0 == place } ?? true
        }
        facts.milestones = MilestoneInference(
            rules: rules, threshold: options.inferenceThreshold, frameworks: frameworks
        )
        .milestones(passages: d.passages, sentences: sentences, memberships: facts.frameworks)
        facts.milestones += ProseEvents(rules: rules).events(sentences: sentences, list: facts.milestones)
        facts.figures = FigureFinder(rules: rules).figures(in: sentences)
        d.facts = facts
        return d
    }

    /// Every sentence of the body, with the passage it came from.
    static func sentences(of d: Document) -> [Sentence] {
        d.passages.flatMap { p in
            let future = p.futureClauses
            return TextTools.sentences(p.text).enumerated().map { i, text in
                let pieces = TextTools.clauses(text)
                let clauses = (future[i] ?? []).filter(pieces.indices.contains).map { pieces[$0] }
                let years = clauses.flatMap { TextTools.tokens($0).compactMap(\.year) }
                return Sentence(text: text, passage: p, futureYears: Set(years))
            }
        }
    }

    /// The page's own "Last updated" line (kept out of the body as metadata), else nil.
    private func lastUpdated(_ d: Document) -> DatedFact? {
        let candidates = d.removed.map { ($0.text, $0.span) } + d.lines.map { ($0.text, $0.span) }
        for (text, span) in candidates.sorted(by: { $0.1 < $1.1 }) {
            for pattern in rules.lastUpdatedPatterns {
                if let groups = pattern.firstMatch(in: text), let raw = groups.dropFirst().first ?? nil,
                    let date = DateParser(months: rules.months).isoDate(raw)
                {
                    return DatedFact(date: date, evidence: Evidence(text: text, span: span, signals: [.lastUpdated]))
                }
            }
        }
        return nil
    }

    /// The day of the date line under the title (`normalize.structure` keeps it out of the body
    /// as the source's dateline): the day the source went out, more precise than a © year.
    private func dateline(_ d: Document) -> DatedFact? {
        let parser = DateParser(months: rules.months)
        for r in d.removed where r.stage == BuildSections.id && r.reason == BuildSections.datelineReason {
            // A day where the line gives one, else its year ("March 2023").
            guard
                let date = parser.isoDate(r.text)
                    ?? TextTools.tokens(r.text).lazy.compactMap(\.year).first.map(String.init)
            else { continue }
            return DatedFact(date: date, evidence: Evidence(text: r.text, span: r.span, signals: [.dateline]))
        }
        return nil
    }

    /// The year of a copyright or "Published …" line (often removed as page furniture, so
    /// removed text is searched too).
    private func published(_ d: Document) -> DatedFact? {
        let candidates = d.lines.map { ($0.text, $0.span) } + d.removed.map { ($0.text, $0.span) }
        for (text, span) in candidates.sorted(by: { $0.1 < $1.1 }) {
            for pattern in rules.publishedPatterns {
                if let groups = pattern.firstMatch(in: text), let year = groups.dropFirst().first ?? nil {
                    return DatedFact(
                        date: year, evidence: Evidence(text: text, span: span, signals: [.publicationYear]))
                }
            }
        }
        return nil
    }

    /// A date the source states about itself (`<meta>`, JSON-LD, `<time>`; see `SourceMetadata`),
    /// as an ISO day, cited at the line of the element it was read from. Only when the text
    /// itself gives none: what the page says in words wins.
    static func metadataDate(
        _ d: Document, _ value: KeyPath<SourceMetadata, String?>, _ line: KeyPath<SourceMetadata, Int?>,
        signal: Signal
    ) -> DatedFact? {
        guard let metadata = d.metadata, let raw = metadata[keyPath: value]?.trimmingSpaces(),
            let date = isoDay(raw)
        else { return nil }
        let span = SourceSpan(file: d.source, startLine: metadata[keyPath: line] ?? 1)
        return DatedFact(date: date, evidence: Evidence(text: raw, span: span, signals: [signal]))
    }

    /// "2016-04-07", "2016-04-07T15:10:00Z", "2016-04-07 15:10" → "2016-04-07"; a plain year
    /// ("2016") stays a year; anything else is not a date we can cite.
    static func isoDay(_ raw: String) -> String? {
        let u = Array(raw.utf8)
        func digits(_ r: Range<Int>) -> Bool {
            r.upperBound <= u.count && u[r].allSatisfy { (0x30...0x39).contains($0) }
        }
        guard digits(0..<4), let year = Int(String(decoding: u[0..<4], as: UTF8.self)), (1900...2100).contains(year)
        else { return nil }
        if u.count == 4 { return String(year) }
        guard u.count >= 10, u[4] == 0x2D, u[7] == 0x2D, digits(5..<7), digits(8..<10),
            u.count == 10 || [0x54, 0x20].contains(u[10])
        else { return nil }
        let month = Int(String(decoding: u[5..<7], as: UTF8.self))!
        let day = Int(String(decoding: u[8..<10], as: UTF8.self))!
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return String(decoding: u[0..<10], as: UTF8.self)
    }

    private func embassy(_ sentences: [Sentence]) -> EmbassyFact? {
        for s in sentences {
            for pattern in rules.embassyPatterns {
                if let groups = pattern.firstMatch(in: s.text), let raw = groups.dropFirst().first ?? nil {
                    let name = places.canonicalCountry(in: raw) ?? raw.trimmingSpaces()
                    return EmbassyFact(country: name, evidence: s.evidence)
                }
            }
        }
        return nil
    }
}

/// A sentence and the passage it stands in (for its span and milestone year).
struct Sentence {
    let text: String
    let passage: Passage
    /// Tokenized once: several extractors read them.
    let tokens: [Token]
    /// Years the sentence states inside a future or conditional statement (`classify.statements`):
    /// no event took place in them.
    let futureYears: Set<Int>

    init(text: String, passage: Passage, futureYears: Set<Int> = []) {
        self.text = text
        self.passage = passage
        self.futureYears = futureYears
        tokens = TextTools.tokens(text)
    }

    var evidence: Evidence { Evidence(text: text, span: passage.span) }
}

/// Parses the date forms pages use: "07 Apr. 2016 15:10", "7 April 2016", "April 7, 2016", "2016-04-07".
struct DateParser {
    let months: [String: Int]

    func isoDate(_ text: String) -> String? {
        let tokens = TextTools.tokens(text)
        guard let yearIndex = tokens.firstIndex(where: { $0.year != nil }), let year = tokens[yearIndex].year else {
            return nil
        }
        // ISO: 2016-04-07
        if yearIndex == 0, yearIndex + 2 < tokens.count, let m = Int(tokens[yearIndex + 1].original),
            let day = Int(tokens[yearIndex + 2].original),
            tokens[yearIndex + 1].original.count <= 2, (1...12).contains(m), (1...31).contains(day)
        {
            return format(year, m, day)
        }
        let before = tokens[..<yearIndex]
        guard let monthIndex = before.lastIndex(where: { month($0.lower) != nil }),
            let m = month(tokens[monthIndex].lower)
        else {
            return nil
        }
        // "12", or an ordinal ("12th", "1st").
        let day = before.compactMap { t -> Int? in
            let digits =
                t.lower.hasSuffix("st") || t.lower.hasSuffix("nd") || t.lower.hasSuffix("rd")
                    || t.lower.hasSuffix("th") ? String(t.original.dropLast(2)) : t.original
            return digits.count <= 2 ? Int(digits) : nil
        }.first {
            (1...31).contains($0)
        }
        guard let day else { return nil }
        return format(year, m, day)
    }

    func month(_ word: String) -> Int? {
        months[word] ?? (word.count >= 3 ? months[String(word.prefix(3))] : nil)
    }

    private func format(_ y: Int, _ m: Int, _ d: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}
