/// One counterpart in facts.yaml's `counterparts:` list: its canonical name and the words a
/// text uses for it. Metonyms stand for the power they belong to ("Moscow", "the Kremlin",
/// "Gazprom" → Russia), because analysts name a capital or a state firm far more often than
/// the state.
public struct CounterpartRule: Decodable, Sendable, Hashable {
    public var name: String
    /// Other names, adjectives and metonyms, matched case-insensitively as words.
    public var aliases: [String]
    /// Abbreviations, matched exactly as written ("US" but not "us", "PfP").
    public var abbreviations: [String]

    enum CodingKeys: String, CodingKey { case name, aliases, abbreviations }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        abbreviations = try c.decodeIfPresent([String].self, forKey: .abbreviations) ?? []
    }

    public var counterpart: Counterpart { Counterpart(name) }
}

/// Finds the counterparts a text names, through every rule's name, aliases and abbreviations.
public struct CounterpartNames: Sendable {
    private var matcher = PhraseMatcher<Counterpart>()
    private var byName: [String: Counterpart] = [:]
    /// Every configured counterpart, in the order facts.yaml lists them (then countries added).
    public private(set) var known: [Counterpart]
    /// Counterparts that are countries (`addCountries`): named right after a place word ("in
    /// Afghanistan", "from France") such a name is a place, not a partner, and no mention.
    private var countries: Set<Counterpart> = []
    private var placeWords: Set<String> = []
    /// Words of direction that open a list of destinations, and the words that continue it: a
    /// list is one phrase, so each country in it has the role the opener gives the first.
    private var listOpeners: Set<String> = []
    private var listJoiners: Set<String> = []
    /// Words that, right before or after a name, make it part of another name (`partOfName`).
    private var partOfNameBefore: [[String]] = []
    private var partOfNameAfter: Set<String> = []

    public init(_ rules: [CounterpartRule]) {
        known = rules.map(\.counterpart)
        for rule in rules {
            for name in [rule.name] + rule.aliases + rule.abbreviations { byName[name.lowercased()] = rule.counterpart }
            for phrase in [rule.name] + rule.aliases { matcher.add(phrase, payload: rule.counterpart) }
            for abbreviation in rule.abbreviations {
                matcher.add(abbreviation, caseSensitive: true, payload: rule.counterpart)
            }
        }
    }

    /// Adds every country facts.yaml lists that no configured counterpart already names, as a
    /// counterpart of its own (France, Japan, India …), found by name, alias and demonym (as
    /// written); after one of `placeWords` its name is a place and does not count. After one of
    /// `listOpeners` (words of direction: "to", "through"), so is every country listed in the
    /// same sentence with only `joiners` between, as it would be right after the opener: in "gas
    /// routes to Iran and Afghanistan, Pakistan, and India" the three countries are destinations
    /// (Iran, a configured power, counts after "to" as powers do). Other place words open no
    /// list: read so, "officials from Australia, Japan, the Netherlands and Singapore" lost the
    /// partners a held-out set's annotators credit (pairs F1 0.697 → 0.635 on that set).
    public mutating func addCountries(
        _ rules: [CountryRule], placeWords: Set<String>, listOpeners: Set<String> = [], joiners: Set<String> = []
    ) {
        self.placeWords = placeWords.union(listOpeners)
        self.listOpeners = listOpeners
        listJoiners = joiners
        for rule in rules {
            let names = [rule.name] + rule.aliases
            guard names.allSatisfy({ byName[$0.lowercased()] == nil }) else { continue }
            let c = Counterpart(rule.name)
            known.append(c)
            countries.insert(c)
            for name in names {
                byName[name.lowercased()] = c
                matcher.add(name, payload: c)
            }
            for demonym in rule.demonyms { matcher.add(demonym, caseSensitive: true, payload: c) }
        }
    }

    /// The configured counterpart a name stands for ("Turkey" → Türkiye, "UN" → United Nations),
    /// or a counterpart of that name when none does: annotators write names, not ids.
    public func canonical(_ name: String) -> Counterpart {
        byName[name.lowercased()] ?? Counterpart(name)
    }

    /// How often the text names each counterpart. Overlapping names count once: "NATO-led
    /// ISAF" is two mentions of NATO, "Russian Federation" one of Russia (the longest match
    /// at a position wins and the tokens it covers are not read again).
    public func mentions(in text: String) -> [Counterpart: Int] {
        var counts: [Counterpart: Int] = [:]
        for match in names(inSentencesOf: text) { counts[match.payload, default: 0] += 1 }
        return counts
    }

    /// The counterparts the text names, each once, in the order first named.
    public func inOrder(in text: String) -> [Counterpart] {
        var seen = Set<Counterpart>()
        return names(inSentencesOf: text).map(\.payload).filter { seen.insert($0).inserted }
    }

    /// The counterparts named side by side, with only `joiners` between one name and the next
    /// ("China and Russia", "Russia, China and Iran", "China’s as well as Russia’s"): each run
    /// that names two or more. A sentence so written speaks of each of them alike, unless the
    /// word before the run makes them places ("dissidents in Turkey and Russia"): `placeWords`.
    public func sideBySide(in text: String, joiners: Set<String>, placeWords: Set<String>) -> [Set<Counterpart>] {
        let tokens = TextTools.tokens(text)
        var runs: [Set<Counterpart>] = []
        var run: Set<Counterpart> = []
        var place = false
        var end = -1
        for match in names(in: tokens) {
            let joined = end >= 0 && tokens[end..<match.start].allSatisfy { joiners.contains($0.lower) }
            if !joined {
                if run.count > 1 && !place { runs.append(run) }
                run = []
                place = match.start > 0 && placeWords.contains(tokens[match.start - 1].lower)
            }
            run.insert(match.payload)
            end = match.end
        }
        if run.count > 1 && !place { runs.append(run) }
        return runs
    }

    /// The names in `text`, sentence by sentence where lists of destinations are read: tokens
    /// carry no punctuation, so such a list must not run on into the next sentence ("… to Iran.
    /// India signed"). Without lists (no countries added) the split would be wasted work.
    private func names(inSentencesOf text: String) -> [PhraseMatcher<Counterpart>.Match] {
        guard !listOpeners.isEmpty else { return names(in: TextTools.tokens(text)) }
        return TextTools.sentences(text).flatMap { names(in: TextTools.tokens($0)) }
    }

    /// Words that, right before or after any counterpart's name, make it part of another name
    /// and no mention: a place ("Niger Delta", "South China Sea", "Lake Chad", "Gulf of Guinea")
    /// or a negation ("non-NATO"). `before` holds phrases ("gulf of"); a word after counts only
    /// capitalised, as in a place's name ("the Chinese city of Xiamen" names China).
    public mutating func setPartOfName(before: [String], after: [String]) {
        partOfNameBefore = before.map { $0.lowercased().split(separator: " ").map(String.init) }.filter { !$0.isEmpty }
        partOfNameAfter = Set(after.map { $0.lowercased() })
    }

    private func isPartOfAnotherName(_ match: PhraseMatcher<Counterpart>.Match, in tokens: [Token]) -> Bool {
        // Capitalised, as a place's name is ("Niger Delta"): "a Chinese city" names China.
        if match.end < tokens.count, partOfNameAfter.contains(tokens[match.end].lower),
            tokens[match.end].original.first?.isUppercase == true
        {
            return true
        }
        return partOfNameBefore.contains { phrase in
            match.start >= phrase.count
                && zip(tokens[(match.start - phrase.count)..<match.start], phrase).allSatisfy { $0.lower == $1 }
        }
    }

    /// The names in `tokens`, in order, overlapping ones once (the longest at a position).
    private func names(in tokens: [Token]) -> [PhraseMatcher<Counterpart>.Match] {
        var next = 0
        var kept: [PhraseMatcher<Counterpart>.Match] = []
        let found = matcher.matches(in: tokens).sorted { ($0.start, $1.end) < ($1.start, $0.end) }
        var listEnd: Int?
        for match in found where match.start >= next {
            next = match.end
            let before = match.start > 0 ? tokens[match.start - 1].lower : ""
            let listed = listEnd.map { tokens[$0..<match.start].allSatisfy { listJoiners.contains($0.lower) } } ?? false
            listEnd = listed || listOpeners.contains(before) ? match.end : nil
            if countries.contains(match.payload), listed || placeWords.contains(before) { continue }
            if isPartOfAnotherName(match, in: tokens) { continue }
            kept.append(match)
        }
        return kept
    }

    /// The counterparts the text names, most named first (ties in facts.yaml order).
    public func named(in text: String) -> [Counterpart] {
        let counts = mentions(in: text)
        return known.filter { counts[$0] != nil }.enumerated()
            .sorted { (counts[$1.element]!, $0.offset) < (counts[$0.element]!, $1.offset) }
            .map(\.element)
    }
}
