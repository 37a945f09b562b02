import Foundation

/// Decides which partner country (or region) a document is about, and what kind it is.
///
/// In order: a title pattern ("Relations with X") makes it a partner page about X; else a
/// region the title names (unless a country the title also names leads the body, or is a
/// partner the body names more often than the region); else the countries the title names
/// (partners before powers, then the most mentioned); else the body's most mentioned country if
/// it clearly leads (of partners named about as often, the one named first); else a region the
/// body names; else unknown. Countries are found by name, alias, place and demonym ("Venezuelan").
///
/// The subject is a partner first: the powers partners deal with (`counterpart-powers`: Russia,
/// China …) and NATO members (as of the document's year; `member-weight`) count for less, so
/// an analysis of Georgia that discusses Russia at length is still about Georgia, while one of
/// Norway's ties with Russia is about Norway. A member listed under facts.yaml's `counterparts:`
/// (the United States, Türkiye) counts only where the title names it and no other partner (an
/// analysis of Türkiye's ties with Russia). A title may name a state by its capital ("Rome says
/// …", facts.yaml `capital:`); a body's capitals are datelines and venues, never mentions. A title that
/// names a regional framework (the Mediterranean Dialogue) and no country gives its region.
/// A region's name before a singular country noun (facts.yaml `region-country-nouns`: "the Gulf
/// state") describes one country and is no mention of the region.
struct CountryDetector {
    private var countries = PhraseMatcher<String>()
    /// `countries` with capitals: how titles name states.
    private var titleNames = PhraseMatcher<String>()
    private var regions = PhraseMatcher<String>()
    /// facts.yaml's `region-country-nouns`, lower-cased.
    private let regionCountryNouns: Set<String>
    let rules: FactRules
    /// How far the most mentioned country must lead the next one to be taken from the body alone.
    private let lead = 1.5

    init(rules: FactRules) {
        self.rules = rules
        regionCountryNouns = Set(rules.regionCountryNouns.map { $0.lowercased() })
        for c in rules.countries {
            countries.add(c.name, payload: c.name)
            for a in c.aliases + c.places { countries.add(a, payload: c.name) }
            for d in c.demonyms { countries.add(d, caseSensitive: true, payload: c.name) }
        }
        titleNames = countries
        for c in rules.countries {
            if let capital = c.capital { titleNames.add(capital, caseSensitive: true, payload: c.name) }
        }
        for r in rules.regions {
            regions.add(r.name, payload: r.name)
            for a in r.aliases { regions.add(a, payload: r.name) }
        }
    }

    /// Whether `text` names `country`: by name, alias, place, demonym or capital (a dateline
    /// or a venue in the country says the sentence is about it).
    func names(_ country: String, in text: String) -> Bool {
        titleNames.longestMatches(in: TextTools.tokens(text)).contains { $0.payload == country }
    }

    /// The counterparts `country` included (facts.yaml's `includes:`), none for most.
    func includes(of country: String) -> [String] {
        rules.countries.first { $0.name == country }?.includes ?? []
    }

    /// Regions `text` names as regions: "the Gulf state" names a country, not the Gulf.
    private func regionMentions(in text: String) -> [String] {
        let tokens = TextTools.tokens(text)
        return regions.longestMatches(in: tokens).filter { m in
            m.end >= tokens.count || !regionCountryNouns.contains(tokens[m.end].lower)
        }.map(\.payload)
    }

    /// The first of `names` the passages name, in reading order.
    private func firstNamed(among names: Set<String>, in passages: [Passage]) -> String? {
        guard !names.isEmpty else { return nil }
        for p in passages {
            if let m = countries.longestMatches(in: TextTools.tokens(p.text)).first(where: {
                names.contains($0.payload)
            }) {
                return m.payload
            }
        }
        return nil
    }

    /// The canonical name of the first country named in `text`.
    func canonicalCountry(in text: String) -> String? {
        countries.longestMatches(in: TextTools.tokens(text)).first?.payload
    }

    func detect(
        title: String?, passages: [Passage], year: Int? = nil,
        frameworkIDs: (String) -> [String] = { _ in [] }
    ) -> (place: String?, isRegion: Bool, kind: DocumentKind) {
        let title = title ?? ""
        // Members before the document's year (every member when the year is unknown): a page
        // from the year a country joined may still be about it as a candidate.
        let members = Set(rules.natoMembers.filter { m in year.map { $0 > m.since } ?? true }.map(\.name))
        let powers = Set(rules.counterpartPowers)
        let counterparts = Set(rules.counterparts.map(\.name))
        func weight(_ name: String) -> Double {
            members.contains(name)
                ? (counterparts.contains(name) ? 0 : rules.memberWeight)
                : powers.contains(name) ? rules.counterpartWeight : 1
        }
        for pattern in rules.titlePatterns {
            if let groups = pattern.firstMatch(in: title), let raw = groups.dropFirst().first ?? nil {
                if let country = canonicalCountry(in: raw) { return (country, false, .partnerPage) }
                if let region = regions.longestMatches(in: TextTools.tokens(raw)).first?.payload {
                    return (region, true, .partnerPage)
                }
                return (raw.trimmingSpaces(), false, .partnerPage)
            }
        }
        var counts: [String: Double] = [:]
        for p in passages {
            for m in countries.longestMatches(in: TextTools.tokens(p.text)) where weight(m.payload) > 0 {
                counts[m.payload, default: 0] += weight(m.payload)
            }
        }
        // A member the title names may be the subject after all ("The Deepening Türkiye-Russia
        // Relationship", "Russia warming up to Greece"), even one listed under `counterparts:`
        // (which the body never counts); a partner the title names, counted in full, is ahead.
        let named = Set(
            titleNames.longestMatches(in: TextTools.tokens(title)).map(\.payload).filter {
                weight($0) > 0 || members.contains($0)
            })
        let ranked = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        // Salient: named often and well ahead of the next; in a short item that names no
        // other country, twice is enough.
        var salient: String?
        if let top = ranked.first, top.value >= 2 || (top.value >= 1 && ranked.count == 1) {
            if top.value >= lead * (ranked.dropFirst().first?.value ?? 0) {
                salient = top.key
            } else {
                // Partners named about as often as each other: the one the body names first,
                // as an analysis opens on its subject ("It is not just with China that
                // Bangladesh …" before eight mentions of India). "As often" is measured against
                // the most named partner when it is named at least twice: a power on top (the
                // Russia–Africa summit's host) says nothing of which partner the item is about,
                // but a partner named once beside two powers is no subject.
                let partner = ranked.first { !powers.contains($0.key) }?.value ?? 0
                let leader = partner >= 2 ? partner : top.value
                let close = Set(ranked.filter { lead * $0.value >= leader && !powers.contains($0.key) }.map(\.key))
                salient = firstNamed(among: close, in: passages)
            }
        }
        var regionCounts: [String: Int] = [:]
        for p in passages {
            for region in regionMentions(in: p.text) { regionCounts[region, default: 0] += 1 }
        }
        let topRegion = regionCounts.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).first
        // A title that names a region ("NATO and Central Asia after Afghanistan") is about the
        // region, unless a country it also names is the one the body is about: the salient one,
        // or a partner (not a power) the body names more often than the region.
        if let region = regionMentions(in: title).first {
            if let salient, named.contains(salient) { return (salient, false, .analysis) }
            let partner = named.filter { !powers.contains($0) }.max { (counts[$0] ?? 0, $1) < (counts[$1] ?? 0, $0) }
            if let partner, counts[partner] ?? 0 > Double(regionCounts[region] ?? 0) {
                return (partner, false, .analysis)
            }
            return (region, true, .analysis)
        }
        // Of the countries a title names, a partner before a power ("China, Solomon Islands sign
        // policing pact" is about the Solomon Islands), then the most mentioned.
        let partners = named.filter { !powers.contains($0) }
        if let best = (partners.isEmpty ? named : partners).max(by: { (counts[$0] ?? 0, $1) < (counts[$1] ?? 0, $0) }) {
            return (best, false, .analysis)
        }
        // "The Mediterranean Dialogue", "NATO's Istanbul Cooperation Initiative": its region.
        if let region = frameworkIDs(title).lazy.compactMap({ self.rules.frameworkRegions[$0] }).first {
            return (region, true, .partnerPage)
        }
        // A region the body names more than any one country is what a regional analysis is about;
        // a power the partners deal with is the subject only where no partner or region is named.
        let isPower = salient.map(powers.contains) ?? false
        if let salient, !isPower || topRegion == nil, Double(topRegion?.value ?? 0) < (counts[salient] ?? 0) {
            return (salient, false, .analysis)
        }
        if let r = topRegion { return (r.key, true, .analysis) }
        if let salient { return (salient, false, .analysis) }
        return (nil, false, .unknown)
    }
}
