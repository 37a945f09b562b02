import Foundation

/// Decides which partner country (or region) a document is about, and what kind it is.
///
/// In order: a title pattern ("Relations with X") makes it a partner page about X; else the
/// countries the title names (the most mentioned of them); else the body's most mentioned
/// country if it clearly leads; else a region the title or body names; else unknown.
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
        if let best = named.max(by: { (counts[$0] ?? 0, $1) < (counts[$1] ?? 0, $0) }) {
            return (best, false, .analysis)
        }
        let ranked = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        // Salient: named often and well ahead of the next; in a short item that names no
        // other country, twice is enough.
        if let top = ranked.first, top.value >= 3 || (top.value >= 2 && ranked.count == 1),
           Double(top.value) >= lead * Double(ranked.dropFirst().first?.value ?? 0) {
            return (top.key, false, .analysis)
        }
        if let region = regions.longestMatches(in: TextTools.tokens(title)).first?.payload { return (region, true, .analysis) }
        var regionCounts: [String: Int] = [:]
        for p in passages {
            for m in regions.longestMatches(in: TextTools.tokens(p.text)) { regionCounts[m.payload, default: 0] += 1 }
        }
        if let r = regionCounts.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).first { return (r.key, true, .analysis) }
        return (nil, false, .unknown)
    }
}

/// Numbers the text states about something, with their unit: "about 95 personnel",
/// "grant awards for over 50 projects", "up to 90 percent".
struct FigureFinder {
    let rules: FactRules

    func figures(in sentences: [Sentence]) -> [Figure] {
        let qualifiers = rules.figureQualifiers.map { TextTools.words($0) }.sorted { $0.count > $1.count }
        let units = Set(rules.figureUnits.map { $0.lowercased() })
        var found: [Figure] = []
        for s in sentences {
            let raw = s.text.split(separator: " ").map(String.init)
            for (i, word) in raw.enumerated() {
                let number = word.replacingOccurrences(of: ",", with: "")
                guard let value = Double(number), Token(original: number).year == nil || i + 1 < raw.count && units.contains(Self.bare(raw[i + 1])),
                      i + 1 < raw.count else { continue }
                var unitIndex = i + 1
                var multiplier = 1.0
                if ["million", "thousand"].contains(Self.bare(raw[unitIndex])), unitIndex + 1 < raw.count {
                    multiplier = Self.bare(raw[unitIndex]) == "million" ? 1e6 : 1e3
                    unitIndex += 1
                }
                let unit = Self.bare(raw[unitIndex])
                guard units.contains(unit) else { continue }
                let before = raw[..<i].map { Self.bare($0) }
                let qualifier = qualifiers.first { q in before.suffix(q.count).elementsEqual(q) }?.joined(separator: " ") ?? ""
                found.append(Figure(value: value * multiplier, qualifier: qualifier, unit: unit, evidence: s.evidence))
            }
        }
        return found
    }

    static func bare(_ word: String) -> String {
        word.lowercased().trimmingCharacters(in: CharacterSet.letters.inverted)
    }
}
