import Foundation

/// Decides which partner country (or region) a document is about, and what kind it is.
///
/// In order: a title pattern ("Relations with X") makes it a partner page about X; else a
/// region the title names (unless a country the title also names leads the body); else the
/// countries the title names (the most mentioned of them); else the body's most mentioned
/// country if it clearly leads; else a region the body names; else unknown.
struct CountryDetector {
    private var countries = PhraseMatcher<String>()
    private var regions = PhraseMatcher<String>()
    let rules: FactRules
    /// How far the most mentioned country must lead the next one to be taken from the body alone.
    private let lead = 1.5

    init(rules: FactRules) {
        self.rules = rules
        for c in rules.countries {
            countries.add(c.name, payload: c.name)
            for a in c.aliases { countries.add(a, payload: c.name) }
        }
        for r in rules.regions {
            regions.add(r.name, payload: r.name)
            for a in r.aliases { regions.add(a, payload: r.name) }
        }
    }

    /// The canonical name of the first country named in `text`.
    func canonicalCountry(in text: String) -> String? {
        countries.longestMatches(in: TextTools.tokens(text)).first?.payload
    }

    func detect(title: String?, passages: [Passage]) -> (place: String?, isRegion: Bool, kind: DocumentKind) {
        let title = title ?? ""
        for pattern in rules.titlePatterns {
            if let groups = pattern.firstMatch(in: title), let raw = groups.dropFirst().first ?? nil {
                if let country = canonicalCountry(in: raw) { return (country, false, .partnerPage) }
                if let region = regions.longestMatches(in: TextTools.tokens(raw)).first?.payload { return (region, true, .partnerPage) }
                return (raw.trimmingCharacters(in: .whitespaces), false, .partnerPage)
            }
        }
        var counts: [String: Int] = [:]
        for p in passages {
            for m in countries.longestMatches(in: TextTools.tokens(p.text)) { counts[m.payload, default: 0] += 1 }
        }
        let named = Set(countries.longestMatches(in: TextTools.tokens(title)).map(\.payload))
        let ranked = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        // Salient: named often and well ahead of the next; in a short item that names no
        // other country, twice is enough.
        var salient: String?
        if let top = ranked.first, top.value >= 3 || (top.value >= 2 && ranked.count == 1),
           Double(top.value) >= lead * Double(ranked.dropFirst().first?.value ?? 0) {
            salient = top.key
        }
        // A title that names a region ("NATO and Central Asia after Afghanistan") is about the
        // region, unless a country it also names is the one the body is about.
        if let region = regions.longestMatches(in: TextTools.tokens(title)).first?.payload {
            if let salient, named.contains(salient) { return (salient, false, .analysis) }
            return (region, true, .analysis)
        }
        if let best = named.max(by: { (counts[$0] ?? 0, $1) < (counts[$1] ?? 0, $0) }) {
            return (best, false, .analysis)
        }
        if let salient { return (salient, false, .analysis) }
        var regionCounts: [String: Int] = [:]
        for p in passages {
            for m in regions.longestMatches(in: TextTools.tokens(p.text)) { regionCounts[m.payload, default: 0] += 1 }
        }
        if let r = regionCounts.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).first { return (r.key, true, .analysis) }
        return (nil, false, .unknown)
    }
}
