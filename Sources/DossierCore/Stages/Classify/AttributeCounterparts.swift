import Foundation

/// Gives every passage the counterpart of the relation it describes, before areas are
/// classified, so `classify.areas` can keep NATO's areas apart from Russia's or China's.
///
/// A passage that names counterparts (facts.yaml's `counterparts:`, metonyms included) is about
/// the one it names most; one that names none belongs to its section's most named counterpart,
/// else the document's. The document's default is NATO whenever it names NATO at all (a partner
/// page that mentions Moscow once stays NATO's), and otherwise its most named counterpart: an
/// analysis that never names NATO has no NATO material. Ties go to the counterpart facts.yaml
/// lists first. Within a passage, a sentence that names another counterpart and not the
/// passage's is that counterpart's (`Passage.sentenceCounterparts`), and one that names its own
/// side by side with others ("ties with China and Russia") is theirs too
/// (`Passage.sentenceSharedWith`).
public struct AttributeCounterparts: DocumentStage {
    public static let id = "attribute.counterparts"
    public static let summary = "Whose relation each passage describes: NATO or a named power (facts.yaml counterparts)"
    public static let requires: Set<Artifact> = [.passages]
    public static let produces: Set<Artifact> = []
    public static var mustPrecede: Set<Artifact> { [.areas] }

    public struct Options: StageOptions {
        public var rules = "facts.yaml"
        public var joiners = ["and", "or", "nor", "both", "as", "well", "s", "the"]
        public var placeWords = ["in", "from", "into", "across", "throughout", "within", "inside", "via"]
        public var countryCounterparts = "without-nato"
        public var countryPlaceWords = ["to", "through", "over", "near", "off", "toward", "towards"]
        public static let settings: [Setting<Self>] = [
            .init("rules", \.rules, type: "path", "the rules file whose `counterparts:` lists the names"),
            .init(
                "joiners", \.joiners,
                "words that may stand between counterparts named side by side, so a sentence speaks of each "
                    + "(\"China and the United States\", \"China's as well as Russia's\"; `s` is a possessive's "
                    + "tail), and between the countries of a list of destinations"),
            .init(
                "place-words", \.placeWords,
                "words that, just before such names, make them places, not partners "
                    + "(\"emigrants in Turkey and Russia\")"),
            .init(
                "country-counterparts", \.countryCounterparts,
                "whether every country facts.yaml lists (the document's subject aside) is a counterpart too: "
                    + "`never`, `without-nato` (in documents that never name NATO) or `always`",
                check: { ["never", "without-nato", "always"].contains($0) ? nil : "never, without-nato or always" }),
            .init(
                "country-place-words", \.countryPlaceWords,
                "more words that, just before a country's name, make it a place and no mention (\"troops to "
                    + "Afghanistan\", \"goods through Kyrgyzstan\"), beside `place-words`; for the powers "
                    + "configured as counterparts, \"closer to Russia\" still counts. Each opens a list: the "
                    + "countries listed after it in the sentence are places too (\"routes to Iran and "
                    + "Afghanistan, Pakistan, and India\")"),
        ]
        public init() {}
    }

    let names: CounterpartNames
    /// `names` with every listed country added, and the detector that finds the subject to
    /// leave out; nil when `country-counterparts` is `never`.
    let withCountries: (names: CounterpartNames, subject: CountryDetector, always: Bool)?
    let joiners: Set<String>
    let placeWords: Set<String>
    public let fingerprint: String

    public init(options: Options, context: StageContext) throws {
        let rules = try context.loadYAML(FactRules.self, path: options.rules)
        names = CounterpartNames(rules.counterparts)
        joiners = Set(options.joiners.map { $0.lowercased() })
        placeWords = Set(options.placeWords.map { $0.lowercased() })
        if options.countryCounterparts == "never" {
            withCountries = nil
        } else {
            var all = names
            let countryPlaceWords = Set(options.countryPlaceWords.map { $0.lowercased() })
            all.addCountries(
                rules.countries, placeWords: placeWords.union(countryPlaceWords), listOpeners: countryPlaceWords,
                joiners: joiners)
            withCountries = (all, CountryDetector(rules: rules), options.countryCounterparts == "always")
        }
        fingerprint = SHA256.hex(FileManager.default.contents(atPath: context.url(for: options.rules).path) ?? Data())
    }

    public init(names: CounterpartNames, options: Options = Options()) {
        self.names = names
        joiners = Set(options.joiners.map { $0.lowercased() })
        placeWords = Set(options.placeWords.map { $0.lowercased() })
        withCountries = nil
        fingerprint = ""
    }

    public func process(_ document: Document) throws -> Document {
        let names = self.names(for: document)
        var d = document
        let whole = total(
            d.sections.map { section in
                total(
                    [names.mentions(in: section.heading ?? "")] + section.passages.map { names.mentions(in: $0.text) })
            } + [names.mentions(in: d.title ?? "")])
        let fallback: Counterpart = whole[.nato] != nil ? .nato : dominant(whole, names) ?? .nato
        for s in d.sections.indices {
            let own = d.sections[s].passages.map { names.mentions(in: $0.text) }
            let section = dominant(total(own + [names.mentions(in: d.sections[s].heading ?? "")]), names) ?? fallback
            for p in d.sections[s].passages.indices {
                let passage = dominant(own[p], names) ?? section
                d.sections[s].passages[p].counterpart = passage
                let (own, shared, named) = strands(d.sections[s].passages[p].text, passage, names)
                d.sections[s].passages[p].sentenceCounterparts = own
                d.sections[s].passages[p].sentenceSharedWith = shared
                d.sections[s].passages[p].sentenceNames = named
            }
        }
        return d
    }

    /// Sentences that name another counterpart and not the passage's own belong to the one they
    /// name most; a sentence naming its own side by side with others is shared with them.
    private func strands(
        _ text: String, _ passage: Counterpart, _ names: DocumentNames
    ) -> (own: [Int: Counterpart], shared: [Int: [Counterpart]], named: [Int: [Counterpart]]) {
        var own: [Int: Counterpart] = [:]
        var shared: [Int: [Counterpart]] = [:]
        var named: [Int: [Counterpart]] = [:]
        for (i, sentence) in TextTools.sentences(text).enumerated() {
            let counts = names.mentions(in: sentence)
            guard !counts.isEmpty else { continue }
            named[i] = names.inOrder(in: sentence)
            var mine = passage
            if counts[passage] == nil, let other = dominant(counts, names) {
                own[i] = other
                mine = other
            }
            let beside = names.sideBySide(in: sentence, joiners: joiners, placeWords: placeWords)
            let others = Set(beside.joined()).subtracting([mine])
            if !others.isEmpty { shared[i] = others.sorted() }
        }
        return (own, shared, named)
    }

    /// The names to read `d` with: every listed country too where `country-counterparts`
    /// allows it for this document, its subject (as `extract.facts` will find it) aside.
    private func names(for d: Document) -> DocumentNames {
        guard let (all, detector, always) = withCountries else { return DocumentNames(names: names, subject: []) }
        let year = d.passages.lazy.flatMap { TextTools.tokens($0.text).compactMap(\.year) }.max()
        // The subject is never its own counterpart, whichever names are read: a NATO page on
        // Russia's relations is NATO's, not Russia's.
        let subject = detector.detect(title: d.title, passages: d.passages, year: year).place
        let namesNATO = d.passages.contains { names.mentions(in: $0.text)[.nato] != nil }
        let own = subject.map { [$0] + detector.includes(of: $0) } ?? []
        return DocumentNames(names: always || !namesNATO ? all : names, subject: Set(own.map { all.canonical($0) }))
    }

    private func total(_ counts: [[Counterpart: Int]]) -> [Counterpart: Int] {
        counts.reduce(into: [:]) { sum, c in sum.merge(c, uniquingKeysWith: +) }
    }

    /// The most named counterpart; ties in facts.yaml order.
    private func dominant(_ counts: [Counterpart: Int], _ names: DocumentNames) -> Counterpart? {
        var best: (counterpart: Counterpart, count: Int)? = nil
        for c in names.known {
            guard let n = counts[c], n > (best?.count ?? 0) else { continue }
            best = (c, n)
        }
        return best?.counterpart ?? counts.keys.sorted().first
    }
}

/// The names one document is read with (`AttributeCounterparts.names(for:)`): its subject, and
/// what it included (the Soviet Union's Russia), is never a counterpart of its own relations.
struct DocumentNames {
    let names: CounterpartNames
    let subject: Set<Counterpart>

    var known: [Counterpart] { names.known }

    func mentions(in text: String) -> [Counterpart: Int] {
        names.mentions(in: text).filter { !subject.contains($0.key) }
    }

    func inOrder(in text: String) -> [Counterpart] {
        names.inOrder(in: text).filter { !subject.contains($0) }
    }

    func sideBySide(in text: String, joiners: Set<String>, placeWords: Set<String>) -> [Set<Counterpart>] {
        names.sideBySide(in: text, joiners: joiners, placeWords: placeWords)
            .map { $0.subtracting(subject) }
            .filter { $0.count > 1 }
    }
}
