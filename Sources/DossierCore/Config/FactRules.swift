/// The domain knowledge `extract.facts` works from (facts.yaml): framework names, countries,
/// regions, and the phrasings of titles, dates, embassies and joining.
public struct FactRules: Decodable, Sendable {
    public var frameworks: [FrameworkRule]
    public var countries: [CountryRule]
    public var regions: [RegionRule]
    /// Regexes whose first group is the country or region a document is about ("Relations with (.+)").
    public var titlePatterns: [Pattern]
    /// Regexes whose first group is a last-updated date.
    public var lastUpdatedPatterns: [Pattern]
    /// Regexes whose first group is a publication year (a copyright line).
    public var publishedPatterns: [Pattern]
    /// Regexes whose first group is the member state whose embassy is the contact point.
    public var embassyPatterns: [Pattern]
    /// Words that say a country joined or started something, with how strongly.
    public var joinCues: [WeightedPhrase]
    /// Words that say a year is not the start ("second", "pause").
    public var blockingCues: [String]
    /// Month names and abbreviations → month number.
    public var months: [String: Int]
    /// What makes a number a figure, and what is never one (the `figure-*` keys).
    public var figures: FigureRules
    /// Words that carry no meaning when comparing an event with a dated sentence.
    public var stopwords: [String]
    /// Words that open a clause leaning on the one before ("…, which was agreed in 2014"): an
    /// event told in such a clause keeps the clause it leans on.
    public var relativeWords: [String]
    /// Framework id → the region a document about that framework (and no country) is about.
    public var frameworkRegions: [String: String]
    /// NATO members and their accession years: never the partner of a later document.
    public var natoMembers: [Member]
    /// Powers a partner deals with besides NATO, counted for less when choosing the subject.
    public var counterpartPowers: [String]
    public var counterpartWeight: Double
    /// What a NATO member (one that is no `counterparts:` power itself) weighs when choosing the
    /// subject: 0 makes a member never the subject unless a title names it.
    public var memberWeight: Double
    /// Singular nouns that make a region's name describe one country ("the Gulf state", "the
    /// Central Asian republic"): such a mention is of a country, not of the region.
    public var regionCountryNouns: [String]
    /// Whose relation a passage describes: NATO and the powers a partner deals with, each
    /// with the names a text uses for it.
    public var counterparts: [CounterpartRule]
    /// What each framework is (forum, partnership, programme …), by kind → framework ids.
    public var frameworkKinds: [String: [String]]
    /// Framework id → the framework it replaced (`eapc` → `nacc`).
    public var frameworkSuccessors: [String: String]
    /// Regexes whose first group names a source's author ("By Jane Doe").
    public var bylinePatterns: [Pattern]
    /// Regexes whose first group names its publisher (the holder of a © line).
    public var publisherPatterns: [Pattern]
    /// Words no byline is made of ("Executive Summary" under a title is a heading).
    public var bylineNever: [String]

    public struct Member: Decodable, Sendable, Hashable {
        public var name: String
        public var since: Int
    }

    enum CodingKeys: String, CodingKey {
        case frameworks, countries, regions, months, stopwords
        case relativeWords = "relative-words"
        case titlePatterns = "title-patterns"
        case lastUpdatedPatterns = "last-updated-patterns"
        case publishedPatterns = "published-patterns"
        case embassyPatterns = "embassy-patterns"
        case joinCues = "join-cues"
        case blockingCues = "blocking-cues"
        case frameworkRegions = "framework-regions"
        case natoMembers = "nato-members"
        case counterpartPowers = "counterpart-powers"
        case counterpartWeight = "counterpart-weight"
        case memberWeight = "member-weight"
        case regionCountryNouns = "region-country-nouns"
        case counterparts
        case frameworkKinds = "framework-kinds"
        case frameworkSuccessors = "framework-successors"
        case bylinePatterns = "byline-patterns"
        case publisherPatterns = "publisher-patterns"
        case bylineNever = "byline-never"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        frameworks = try c.decode([FrameworkRule].self, forKey: .frameworks)
        countries = try c.decode([CountryRule].self, forKey: .countries)
        regions = try c.decodeIfPresent([RegionRule].self, forKey: .regions) ?? []
        titlePatterns = try c.decodeIfPresent([Pattern].self, forKey: .titlePatterns) ?? []
        lastUpdatedPatterns = try c.decodeIfPresent([Pattern].self, forKey: .lastUpdatedPatterns) ?? []
        publishedPatterns = try c.decodeIfPresent([Pattern].self, forKey: .publishedPatterns) ?? []
        embassyPatterns = try c.decodeIfPresent([Pattern].self, forKey: .embassyPatterns) ?? []
        joinCues = try c.decodeIfPresent([WeightedPhrase].self, forKey: .joinCues) ?? []
        blockingCues = try c.decodeIfPresent([String].self, forKey: .blockingCues) ?? []
        months = try c.decodeIfPresent([String: Int].self, forKey: .months) ?? [:]
        figures = try FigureRules(from: decoder)
        stopwords = try c.decodeIfPresent([String].self, forKey: .stopwords) ?? []
        relativeWords = try c.decodeIfPresent([String].self, forKey: .relativeWords) ?? []
        frameworkRegions = try c.decodeIfPresent([String: String].self, forKey: .frameworkRegions) ?? [:]
        natoMembers = try c.decodeIfPresent([Member].self, forKey: .natoMembers) ?? []
        counterpartPowers = try c.decodeIfPresent([String].self, forKey: .counterpartPowers) ?? []
        counterpartWeight = try c.decodeIfPresent(Double.self, forKey: .counterpartWeight) ?? 1
        memberWeight = try c.decodeIfPresent(Double.self, forKey: .memberWeight) ?? 0
        regionCountryNouns = try c.decodeIfPresent([String].self, forKey: .regionCountryNouns) ?? []
        counterparts = try c.decodeIfPresent([CounterpartRule].self, forKey: .counterparts) ?? []
        frameworkKinds = try c.decodeIfPresent([String: [String]].self, forKey: .frameworkKinds) ?? [:]
        frameworkSuccessors = try c.decodeIfPresent([String: String].self, forKey: .frameworkSuccessors) ?? [:]
        bylinePatterns = try c.decodeIfPresent([Pattern].self, forKey: .bylinePatterns) ?? []
        publisherPatterns = try c.decodeIfPresent([Pattern].self, forKey: .publisherPatterns) ?? []
        bylineNever = try c.decodeIfPresent([String].self, forKey: .bylineNever) ?? []
        let named = Set((countries.map(\.name) + counterparts.map(\.name)).map { $0.lowercased() })
        for country in countries {
            for part in country.includes where !named.contains(part.lowercased()) {
                throw DecodingError.dataCorruptedError(
                    forKey: .countries, in: c,
                    debugDescription: "\(country.name) includes '\(part)', which no country or counterpart is named")
            }
        }
    }

    /// The kind facts.yaml gives a framework, "other" when it lists it under none.
    public func kind(ofFramework id: String) -> String {
        frameworkKinds.keys.sorted().first { frameworkKinds[$0]!.contains(id) } ?? "other"
    }
}

public struct FrameworkRule: Decodable, Sendable, Hashable {
    public var id: String
    public var name: String
    /// Other spellings, matched case-insensitively.
    public var aliases: [String]
    /// Abbreviations, matched exactly as written ("PfP", "DEEP").
    public var abbreviations: [String]
    /// Names that identify the framework in annotations and other tools but are too generic to
    /// look for in text ("defence capacity building" is also an activity): never matched.
    public var alsoCalled: [String]
    /// The one partner a bilateral body belongs to (the NATO-Ukraine Commission: Ukraine):
    /// a document about another partner that mentions it is not in it.
    public var partner: String?
    /// The abbreviation counts only where the name is written out too ("MAP" is also a press agency).
    public var abbreviationNeedsName: Bool

    enum CodingKeys: String, CodingKey {
        case id, name, aliases, abbreviations
        case alsoCalled = "also-called"
        case partner
        case abbreviationNeedsName = "abbreviation-needs-name"
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        abbreviations = try c.decodeIfPresent([String].self, forKey: .abbreviations) ?? []
        alsoCalled = try c.decodeIfPresent([String].self, forKey: .alsoCalled) ?? []
        partner = try c.decodeIfPresent(String.self, forKey: .partner)
        abbreviationNeedsName = try c.decodeIfPresent(Bool.self, forKey: .abbreviationNeedsName) ?? false
    }
}

public struct CountryRule: Decodable, Sendable, Hashable {
    public var name: String
    public var aliases: [String]
    /// Places inside the country that stand for it in a text about it (Transnistria, Crimea):
    /// counted as mentions of the country when deciding what a document is about.
    public var places: [String]
    /// Adjectives of the country ("Venezuelan", "Filipino"), matched as written: mentions of it
    /// when deciding what a document is about, as its places are ("Venezuelan President …").
    public var demonyms: [String]
    /// Counterparts that were part of the country (the Soviet Union's Russia): in a document
    /// about it, their names ("Moscow", "the Kremlin") are its own, never another side of its
    /// relations.
    public var includes: [String]
    /// The capital, matched as written and only in a title: a headline names a state by its
    /// seat of government ("Rome says it will coordinate with EU, NATO on China"), a body names
    /// it as a place (datelines, venues), so there it is no mention.
    public var capital: String?

    enum CodingKeys: String, CodingKey { case name, aliases, places, demonyms, includes, capital }
    public init(from decoder: any Decoder) throws {
        if let plain = try? decoder.singleValueContainer().decode(String.self) {
            name = plain
            aliases = []
            places = []
            demonyms = []
            includes = []
            capital = nil
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        places = try c.decodeIfPresent([String].self, forKey: .places) ?? []
        demonyms = try c.decodeIfPresent([String].self, forKey: .demonyms) ?? []
        includes = try c.decodeIfPresent([String].self, forKey: .includes) ?? []
        capital = try c.decodeIfPresent(String.self, forKey: .capital)
    }
}

public struct RegionRule: Decodable, Sendable, Hashable {
    public var name: String
    public var aliases: [String]

    enum CodingKeys: String, CodingKey { case name, aliases }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
    }
}
