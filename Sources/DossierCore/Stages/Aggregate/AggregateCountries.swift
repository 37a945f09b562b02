/// Builds one profile per partner country from all its documents, and the cross-country
/// comparison. Disagreements between sources are kept as conflicts, never silently resolved.
public struct AggregateCountries: CorpusStage {
    public static let id = "aggregate.countries"
    public static let summary = "Merge documents per country (sources, frameworks, areas, milestones, conflicts)"
    public static let requires: Set<Artifact> = [.areas, .facts]
    public static let produces: Set<Artifact> = [.profiles]

    public struct Options: StageOptions {
        public var evidencePerArea = 3
        public static let settings: [Setting<Self>] = [
            .init("evidence-per-area", \.evidencePerArea, "quoted passages kept per area and country")
        ]
        public init() {}
    }

    let options: Options
    let taxonomy: Taxonomy

    public init(options: Options, context: StageContext) {
        self.options = options
        taxonomy = context.taxonomy
    }

    public func run(_ corpus: inout Corpus) throws {
        var byCountry: [String: [Document]] = [:]
        for d in corpus.documents {
            if let c = d.country, !d.countryIsRegion {
                byCountry[c, default: []].append(d)
            } else {
                corpus.unassigned.append(d.source)
            }
        }
        var slugs: [String: String] = [:]
        for country in byCountry.keys.sorted() {
            let slug = TextTools.slug(country)
            if let other = slugs[slug] {
                throw AggregateError(
                    message: "countries '\(other)' and '\(country)' both make the file name '\(slug)'",
                    hint: "give one of them an alias in the rules file so they are one country")
            }
            slugs[slug] = country
        }
        corpus.profiles = byCountry.keys.sorted().map {
            profile($0, slug: TextTools.slug($0), documents: byCountry[$0]!)
        }
        corpus.comparison = comparison(corpus.profiles)
    }

    private func profile(_ country: String, slug: String, documents: [Document]) -> CountryProfile {
        let docs = documents.sorted {
            ($0.kind == .partnerPage ? 0 : 1, $0.source) < ($1.kind == .partnerPage ? 0 : 1, $1.source)
        }
        var label: [String: String] = [:]
        var p = CountryProfile(country: country, slug: slug)
        // Each event and figure marked with whose relation it belongs to, once per document.
        let facts = docs.map(FactAttribution.facts)
        for (i, d) in docs.enumerated() {
            label[d.source] = "S\(i + 1)"
            var source = SourceSummary(
                label: "S\(i + 1)", file: d.source, title: d.title ?? d.source, kind: d.kind,
                lastUpdated: d.facts.lastUpdated, published: d.facts.published, footnoteCount: d.footnotes.count)
            source.author = d.facts.author
            source.publisher = d.facts.publisher
            source.newestEvent = Self.newest(facts[i].milestones)
            p.sources.append(source)
        }
        mergeFrameworks(docs, into: &p)
        p.areas = areas(docs, label: label, counterpart: .nato)
        let events = Self.timeline(facts.flatMap(\.milestones))
        p.milestones = events.filter { ($0.counterpart ?? .nato) == .nato }
        p.relations = relations(docs, label: label, events: events)
        p.currency = currency(docs, relations: p.relations, events: events)
        var stated = Set<String>()
        p.constraints = docs.flatMap(\.constraints).filter { stated.insert($0.text.lowercased()).inserted }
        let embassies = docs.compactMap(\.facts.contactPointEmbassy)
        p.contactPointEmbassy = embassies.first
        if Set(embassies.map(\.country)).count > 1 {
            p.conflicts.append(
                Conflict(
                    subject: "contact point embassy",
                    claims: embassies.map { .init(value: $0.country, evidence: $0.evidence) }))
        }
        p.figures = Self.keyFigures(facts.flatMap(\.figures))
        let passages = docs.flatMap(\.passages)
        p.totalPassages = passages.count
        p.unclassifiedPassages = passages.filter { $0.areas.isEmpty }.count
        for passage in passages {
            for a in passage.areas where a.counterpart == .nato { p.areaPassages[a.area, default: 0] += 1 }
        }
        return p
    }

    /// One membership per framework: the first source with a year gives it; other years are conflicts.
    private func mergeFrameworks(_ docs: [Document], into p: inout CountryProfile) {
        var order: [String] = []
        var all: [String: [FrameworkMembership]] = [:]
        for m in docs.flatMap(\.facts.frameworks) {
            if all[m.id] == nil { order.append(m.id) }
            all[m.id, default: []].append(m)
        }
        for id in order {
            let claims = all[id]!
            p.frameworks.append(claims.first { $0.year != nil } ?? claims[0])
            let years = Set(claims.compactMap(\.year))
            if years.count > 1 {
                p.conflicts.append(
                    Conflict(
                        subject: "\(claims[0].name) join year",
                        claims: claims.filter { $0.year != nil }
                            .map { .init(value: String($0.year!), evidence: $0.evidence) }))
            }
        }
        p.frameworks.sort { ($0.year ?? Int.max, $0.id) < ($1.year ?? Int.max, $1.id) }
    }

    private func comparison(_ profiles: [CountryProfile]) -> Comparison {
        var areaScores: [String: [String: Double]] = [:]
        var joinYears: [String: [String: Int?]] = [:]
        var relations: [String: [String: [String]]] = [:]
        var frameworkIDs: [String] = []
        for p in profiles {
            areaScores[p.country] = Dictionary(uniqueKeysWithValues: p.areas.map { ($0.area, $0.score) })
            joinYears[p.country] = Dictionary(uniqueKeysWithValues: p.frameworks.map { ($0.id, $0.year) })
            relations[p.country] = Dictionary(
                uniqueKeysWithValues: p.relations.map { ($0.counterpart.name, $0.areas.map(\.area)) })
            for f in p.frameworks where !frameworkIDs.contains(f.id) { frameworkIDs.append(f.id) }
        }
        // Frameworks in the order countries joined them: earliest stated year first, then by id.
        let earliest = Dictionary(grouping: profiles.flatMap(\.frameworks), by: \.id).mapValues {
            $0.compactMap(\.year).min() ?? Int.max
        }
        frameworkIDs.sort { (earliest[$0]!, $0) < (earliest[$1]!, $1) }
        var result = Comparison(
            countries: profiles.map(\.country), areaIDs: taxonomy.ids, frameworkIDs: frameworkIDs,
            areaScores: areaScores, joinYears: joinYears)
        result.relations = relations
        return result
    }
}

struct AggregateError: DossierError {
    var location: FileLocation? { nil }
    var message: String
    var hint: String?
    var exitStatus: ExitStatus { .buildFailed }
}
