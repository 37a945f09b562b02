import Foundation

/// The cooperation areas, from taxonomy.yaml. Swift holds the mechanism; this holds the domain.
///
/// ```yaml
/// areas:
///   - id: civil-emergency
///     label: Civil emergency planning
///     description: Disaster relief, rescue, civil protection.
///     headings: [civil emergency planning, disaster relief]
///     phrases:
///       - civil emergency
///       - {phrase: disaster*, weight: 2}
/// ```
public struct Taxonomy: Codable, Hashable, Sendable {
    public var areas: [Area]
    /// Spelling variants read as one word when phrases and headings are matched (`defense:
    /// defence`): the phrases are written once, in one spelling, and sources use both.
    public var spellings: [String: String]
    /// Whether a phrase's or heading's last word also matches its regular plural, so "foreign
    /// minister" finds "foreign ministers" without a second phrase.
    public var plurals: Bool

    public init(areas: [Area], spellings: [String: String] = [:], plurals: Bool = false) {
        self.areas = areas
        self.spellings = spellings
        self.plurals = plurals
    }

    enum CodingKeys: String, CodingKey { case areas, spellings, plurals }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        areas = try c.decode([Area].self, forKey: .areas)
        spellings = try c.decodeIfPresent([String: String].self, forKey: .spellings) ?? [:]
        plurals = try c.decodeIfPresent(Bool.self, forKey: .plurals) ?? false
    }

    public var ids: [String] { areas.map(\.id) }

    public func area(_ id: String) -> Area? { areas.first { $0.id == id } }

    /// Every name an annotation file may use for an area (its id and its `gold-keys`) → the id.
    public var goldKeys: [String: String] {
        var keys: [String: String] = [:]
        for a in areas { for k in [a.id] + a.goldKeys { keys[k] = a.id } }
        return keys
    }

    /// The label for an id (the id itself if unknown).
    public func label(_ id: String) -> String { area(id)?.label ?? id }

    /// `spellings` lower-cased, refused when a variant is more than one word (the matcher folds
    /// words) or a spelling is itself a variant (folding is one step, so a chain would not close).
    private func validatedSpellings(file: String) throws -> [String: String] {
        let folded = Dictionary(
            spellings.map { ($0.key.lowercased(), $0.value.lowercased()) }, uniquingKeysWith: { first, _ in first })
        for (variant, spelling) in folded.sorted(by: { $0.key < $1.key }) {
            if variant.contains(where: { !$0.isLetter }) || spelling.contains(where: { !$0.isLetter }) {
                throw ConfigError(
                    "spellings: '\(variant): \(spelling)' is not one word on each side", at: FileLocation(file: file),
                    hint: "list single words; a phrase in two spellings needs each word's variant")
            }
            if folded[spelling] != nil {
                throw ConfigError(
                    "spellings: '\(spelling)' is both a spelling and a variant", at: FileLocation(file: file),
                    hint: "map every variant straight to the one spelling phrases use")
            }
        }
        return folded
    }

    /// Two phrases the matcher reads as one (hyphens and case aside, spelling variants folded),
    /// or a phrase beside its plural when `plurals` is on, would count one mention twice.
    /// A prefix phrase beside a longer word it covers ("terroris*" and "terrorist*") is allowed:
    /// the taxonomy uses such pairs to weigh the longer word more.
    private func checkPhrasesOnce(_ area: Area, folded: [String: String], file: String) throws {
        func key(_ phrase: String) -> [String] {
            let words = TextTools.tokens(phrase).map(\.lower)
            let star = phrase.hasSuffix("*")
            return words.enumerated().map { i, w in star && i == words.count - 1 ? w + "*" : folded[w] ?? w }
        }
        var phrases = Set<[String]>()
        for p in area.phrases {
            guard phrases.insert(key(p.phrase)).inserted else {
                throw ConfigError(
                    "area '\(area.id)' lists the phrase '\(p.phrase)' twice (hyphens, case and spellings aside)",
                    at: FileLocation(file: file), hint: "keep one form of it")
            }
        }
        for p in area.phrases where plurals && !p.phrase.hasSuffix("*") {
            var words = key(p.phrase)
            guard let last = words.popLast() else { continue }
            for plural in PhraseMatcher<Int>.plurals(of: last).map({ folded[$0] ?? $0 })
            where phrases.contains(words + [plural]) {
                throw ConfigError(
                    "area '\(area.id)' lists '\(p.phrase)' beside its plural (plurals: true matches both)",
                    at: FileLocation(file: file), hint: "keep the singular only")
            }
        }
    }

    /// Rejects duplicate ids and areas with no way to be recognised.
    public func validate(file: String) throws {
        var seen = Set<String>()
        let folded = try validatedSpellings(file: file)
        for area in areas {
            guard seen.insert(area.id).inserted else {
                throw ConfigError("area id '\(area.id)' is defined twice", at: FileLocation(file: file))
            }
            try checkPhrasesOnce(area, folded: folded, file: file)
            if area.phrases.isEmpty && area.headings.isEmpty {
                throw ConfigError(
                    "area '\(area.id)' has neither phrases nor headings", at: FileLocation(file: file),
                    hint: "give it phrases that describe the area")
            }
        }
        if areas.isEmpty { throw ConfigError("the taxonomy defines no areas", at: FileLocation(file: file)) }
        // One step only: an implied area implies nothing itself, so no chain or loop needs following.
        let implying = Set(areas.filter { !$0.implies.isEmpty }.map(\.id))
        for area in areas {
            for implied in area.implies {
                let why: String
                if implied == area.id {
                    why = "itself"
                } else if !seen.contains(implied) {
                    why = "no area"
                } else if implying.contains(implied) {
                    why = "an area that implies others"
                } else {
                    continue
                }
                throw ConfigError(
                    "area '\(area.id)' implies '\(implied)', which is \(why)", at: FileLocation(file: file),
                    hint: "name another area's id, one that implies nothing")
            }
        }
    }

    public struct Area: Codable, Hashable, Sendable {
        public var id: String
        public var label: String
        public var description: String
        /// Section headings that put a passage in this area (matched as phrases).
        public var headings: [String]
        public var phrases: [WeightedPhrase]
        /// A broad area (political dialogue, security cooperation) that a section heading alone
        /// does not give to a passage a specific area claims more strongly.
        public var broad: Bool
        /// Other names annotation files use for this area (`security_cooperation`).
        public var goldKeys: [String] = []
        /// Areas a document active in this one is active in too, for the same counterpart (troops
        /// in a NATO-led operation are security cooperation with NATO, as 38 of the 43 gold
        /// documents with the one code it); one step, as an implied area may imply nothing.
        public var implies: [String] = []

        public init(
            id: String, label: String, description: String = "", headings: [String] = [],
            phrases: [WeightedPhrase] = [],
            broad: Bool = false
        ) {
            self.id = id
            self.label = label
            self.description = description
            self.headings = headings
            self.phrases = phrases
            self.broad = broad
        }

        enum CodingKeys: String, CodingKey {
            case id, label, description, headings, phrases, broad, implies
            case goldKeys = "gold-keys"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            label = try c.decodeIfPresent(String.self, forKey: .label) ?? id
            description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
            headings = try c.decodeIfPresent([String].self, forKey: .headings) ?? []
            phrases = try c.decodeIfPresent([WeightedPhrase].self, forKey: .phrases) ?? []
            broad = try c.decodeIfPresent(Bool.self, forKey: .broad) ?? false
            goldKeys = try c.decodeIfPresent([String].self, forKey: .goldKeys) ?? []
            implies = try c.decodeIfPresent([String].self, forKey: .implies) ?? []
        }
    }
}

/// A phrase and how much it says: `civil emergency`, or `{phrase: terroris*, weight: 2}`.
/// Matching is case-insensitive on word boundaries; a trailing `*` matches any word ending.
public struct WeightedPhrase: Codable, Hashable, Sendable {
    public var phrase: String
    public var weight: Double
    /// Words that, standing within a few words of the phrase, say it is not about the area
    /// ("human rights" beside "values" is a statement of shared values, not cooperation).
    public var notNear: [String]
    /// Counts only for a relation with a power other than NATO: the plain words of bilateral
    /// relations ("relations with", "ties") are what an analysis says of Moscow or Beijing,
    /// while every NATO partner page uses them of itself, in its title.
    public var otherPowers: Bool

    public init(_ phrase: String, weight: Double = 1, notNear: [String] = [], otherPowers: Bool = false) {
        self.phrase = phrase
        self.weight = weight
        self.notNear = notNear
        self.otherPowers = otherPowers
    }

    enum CodingKeys: String, CodingKey {
        case phrase, weight
        case notNear = "not-near"
        case otherPowers = "other-powers"
    }

    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self.init(text)
        } else {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                try c.decode(String.self, forKey: .phrase),
                weight: try c.decodeIfPresent(Double.self, forKey: .weight) ?? 1,
                notNear: try c.decodeIfPresent([String].self, forKey: .notNear) ?? [],
                otherPowers: try c.decodeIfPresent(Bool.self, forKey: .otherPowers) ?? false)
        }
    }
}
