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
/// (`Passage.sentenceSharedWith`). A sentence that names two or more counterparts apart, not
/// NATO, and never the document's subject tells a relation between others
/// (`Passage.sentencesBetweenOthers`): it belongs to no relation of the subject's.
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
        public var partOfNameBefore: [String] = []
        public var partOfNameAfter: [String] = []
        public var betweenOthers = false
        public var subjectWords: [String] = []
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
            .init(
                "part-of-name-before", \.partOfNameBefore,
                "words or phrases that, right before a counterpart's name, make it part of another name and no "
                    + "mention (\"Lake Chad\", \"Gulf of Guinea\", \"non-NATO\")"),
            .init(
                "part-of-name-after", \.partOfNameAfter,
                "words that, right after a counterpart's name, make it part of a place's name and no mention "
                    + "(\"Niger Delta\", \"South China Sea\", \"Mexico City\")"),
            .init(
                "between-others", \.betweenOthers,
                "whether a sentence that names two or more counterparts (not side by side as one group), none "
                    + "of them NATO, and not the document's subject by name, demonym or capital tells a relation "
                    + "between others and is evidence for none (\"Biden hosted his Japanese and South Korean "
                    + "counterparts\" in an item on Vietnam)"),
            .init(
                "subject-words", \.subjectWords,
                "words that stand for the subject, alone or with a partner (\"the country\", \"the two countries\", "
                    + "\"bilateral\"): a sentence holding one is never between others"),
        ]
        public init() {}
    }

    let names: CounterpartNames
    /// `names` with every listed country added, and the detector that finds the subject to
    /// leave out; nil when `country-counterparts` is `never`.
    let withCountries: (names: CounterpartNames, subject: CountryDetector, always: Bool)?
    let joiners: Set<String>
    let placeWords: Set<String>
    let betweenOthers: Bool
    let subjectWords: PhraseMatcher<Bool>
    public let fingerprint: String

    public init(options: Options, context: StageContext) throws {
        let rules = try context.loadYAML(FactRules.self, path: options.rules)
        var names = CounterpartNames(rules.counterparts)
        names.setPartOfName(before: options.partOfNameBefore, after: options.partOfNameAfter)
        self.names = names
        joiners = Set(options.joiners.map { $0.lowercased() })
        placeWords = Set(options.placeWords.map { $0.lowercased() })
        betweenOthers = options.betweenOthers
        subjectWords = Self.matcher(options.subjectWords)
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
        var names = names
        names.setPartOfName(before: options.partOfNameBefore, after: options.partOfNameAfter)
        self.names = names
        joiners = Set(options.joiners.map { $0.lowercased() })
        placeWords = Set(options.placeWords.map { $0.lowercased() })
        betweenOthers = options.betweenOthers
        subjectWords = Self.matcher(options.subjectWords)
        withCountries = nil
        fingerprint = ""
    }

    private static func matcher(_ phrases: [String]) -> PhraseMatcher<Bool> {
        var m = PhraseMatcher<Bool>()
        for p in phrases { m.add(p, payload: true) }
        return m
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
                let strands = strands(d.sections[s].passages[p].text, passage, names)
                d.sections[s].passages[p].sentenceCounterparts = strands.own
                d.sections[s].passages[p].sentenceSharedWith = strands.shared
                d.sections[s].passages[p].sentenceNames = strands.named
                d.sections[s].passages[p].sentencesBetweenOthers = strands.others
            }
        }
        return d
    }

    /// Sentences that name another counterpart and not the passage's own belong to the one they
    /// name most; a sentence naming its own side by side with others is shared with them; one
    /// between others belongs to none.
    private func strands(
        _ text: String, _ passage: Counterpart, _ names: DocumentNames
    ) -> (own: [Int: Counterpart], shared: [Int: [Counterpart]], named: [Int: [Counterpart]], others: Set<Int>) {
        var own: [Int: Counterpart] = [:]
        var shared: [Int: [Counterpart]] = [:]
        var named: [Int: [Counterpart]] = [:]
        var between = Set<Int>()
        for (i, sentence) in TextTools.sentences(text).enumerated() {
            let counts = names.mentions(in: sentence)
            guard !counts.isEmpty else { continue }
            named[i] = names.inOrder(in: sentence)
            let beside = names.sideBySide(in: sentence, joiners: joiners, placeWords: placeWords)
            // Still attributed below, so a date or a figure it states stays with the counterpart
            // it names ("In 2019 China signed a gas deal with Russia" is China's event); only no
            // strand quotes it for an area.
            if betweenOthers, isBetweenOthers(sentence, counts, beside, names) { between.insert(i) }
            var mine = passage
            if counts[passage] == nil, let other = dominant(counts, names) {
                own[i] = other
                mine = other
            }
            let others = Set(beside.joined()).subtracting([mine])
            if !others.isEmpty { shared[i] = others.sorted() }
        }
        return (own, shared, named, between)
    }

    /// Two or more parties, not all side by side in one group ("China and the United States are
    /// both competing …" speaks of each one's ties with the subject), none NATO, the subject not
    /// named, nor stood for (`subject-words`: "its dependency on gas exports to China" in "the
    /// country", "cooperation between the two countries"): a relation between others.
    private func isBetweenOthers(
        _ sentence: String, _ counts: [Counterpart: Int], _ beside: [Set<Counterpart>], _ names: DocumentNames
    ) -> Bool {
        guard counts.count >= 2, counts[.nato] == nil, let subject = names.subjectName else { return false }
        if beside.contains(where: { $0.isSuperset(of: counts.keys) }) { return false }
        return !names.namesSubject(subject, sentence) && subjectWords.matches(in: TextTools.tokens(sentence)).isEmpty
    }

    /// The names to read `d` with: every listed country too where `country-counterparts`
    /// allows it for this document, its subject (as `extract.facts` will find it) aside.
    private func names(for d: Document) -> DocumentNames {
        guard let (all, detector, always) = withCountries else {
            return DocumentNames(names: names, subject: [], subjectName: nil, namesSubject: { _, _ in true })
        }
        let year = d.passages.lazy.flatMap { TextTools.tokens($0.text).compactMap(\.year) }.max()
        // The subject is never its own counterpart, whichever names are read: a NATO page on
        // Russia's relations is NATO's, not Russia's.
        let detected = detector.detect(title: d.title, passages: d.passages, year: year)
        let subject = detected.place
        let namesNATO = d.passages.contains { names.mentions(in: $0.text)[.nato] != nil }
        let own = subject.map { [$0] + detector.includes(of: $0) } ?? []
        return DocumentNames(
            names: always || !namesNATO ? all : names, subject: Set(own.map { all.canonical($0) }),
            // A region is named by its countries too: only a country's sentences are read for it.
            subjectName: detected.isRegion ? nil : subject, namesSubject: detector.names(_:in:))
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
    /// The subject as `extract.facts` names it, and how to tell a sentence names it
    /// (`CountryDetector.names(_:in:)`); nil where no subject was found.
    let subjectName: String?
    let namesSubject: (String, String) -> Bool

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
