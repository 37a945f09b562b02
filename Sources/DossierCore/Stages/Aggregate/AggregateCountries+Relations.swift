/// Per-relation views of a country's documents: NATO's areas and timeline from NATO material
/// only, each other power's from its own, and how current each picture is.
extension AggregateCountries {
    /// The country's areas in one relation: an area counts when a source's document-level
    /// classification gives it to that counterpart, and its quotes are the strongest passages
    /// attributed to that counterpart (never a passage about another power).
    func areas(_ docs: [Document], label: [String: String], counterpart: Counterpart) -> [CountryArea] {
        taxonomy.areas.compactMap { area -> CountryArea? in
            let docScores = docs.compactMap { d in
                (d.areas + d.counterpartAreas).first { $0.area == area.id && $0.counterpart == counterpart }.map {
                    (d, $0)
                }
            }
            guard !docScores.isEmpty else { return nil }
            var hits: [(score: Double, source: String, evidence: Evidence)] = []
            for (d, _) in docScores {
                for p in d.passages {
                    if let a = p.areas.first(where: { $0.area == area.id && $0.counterpart == counterpart }) {
                        hits.append((a.score, label[d.source]!, a.evidence[0]))
                    }
                }
            }
            hits.sort {
                ($0.score, $1.source, $1.evidence.span.startLine) > ($1.score, $0.source, $0.evidence.span.startLine)
            }
            // A section titled by the area may be the only evidence (no passage scored on its own).
            let evidence = hits.isEmpty ? docScores.flatMap(\.1.evidence) : hits.map(\.evidence)
            return CountryArea(
                area: area.id, label: area.label, score: docScores.map(\.1.score).max()!,
                passageCount: hits.count, sources: docScores.map { label[$0.0.source]! }.sorted(),
                evidence: Array(evidence.prefix(options.evidencePerArea)))
        }
        .sorted { ($0.score, $1.area) > ($1.score, $0.area) }
    }

    /// The relations with powers other than NATO, in the order of how much the sources say of
    /// them (passages), then by name.
    func relations(_ docs: [Document], label: [String: String], events: [Milestone]) -> [Relation] {
        var passages: [Counterpart: Int] = [:]
        var sources: [Counterpart: Set<String>] = [:]
        for d in docs {
            for p in d.passages {
                for c in p.strandCounterparts {
                    passages[c, default: 0] += 1
                    sources[c, default: []].insert(label[d.source]!)
                }
            }
        }
        let others = passages.keys.filter { $0 != .nato }
        return others.sorted { (passages[$1]!, $0.name) < (passages[$0]!, $1.name) }
            .map { c in
                Relation(
                    counterpart: c, areas: areas(docs, label: label, counterpart: c),
                    milestones: events.filter { $0.counterpart == c }, sources: sources[c]!.sorted(),
                    passageCount: passages[c]!)
            }
            // A power named in passing, with no area and no dated event, is no relation to report.
            .filter { !$0.areas.isEmpty || $0.milestones.contains { $0.year != nil } }
    }

    /// NATO's currency, then each other relation's.
    func currency(_ docs: [Document], relations: [Relation], events: [Milestone]) -> [Currency] {
        ([Counterpart.nato] + relations.map(\.counterpart)).map { c in
            let describing = docs.filter { d in d.passages.contains { $0.strandCounterparts.contains(c) } }
            let stamp = describing.compactMap { $0.facts.lastUpdated ?? $0.facts.published }
                .max { ($0.date, $1.evidence.span.file) < ($1.date, $0.evidence.span.file) }
            return Currency(
                counterpart: c, newestEvent: Self.newest(events.filter { ($0.counterpart ?? .nato) == c }),
                newestStamp: stamp)
        }
    }

    /// Figures once each (a figure two sources state is one), in source order.
    static func keyFigures(_ all: [Figure]) -> [Figure] {
        var seen = Set<String>()
        return all.filter { seen.insert("\($0.display)|\($0.evidence.text)").inserted }
    }

    /// Milestones once each, dated ones by year, then undated ones, each in source order.
    static func timeline(_ all: [Milestone]) -> [Milestone] {
        var seen = Set<String>()
        return all.filter { seen.insert("\($0.year.map(String.init) ?? "-")|\($0.text.lowercased())").inserted }
            .enumerated()
            .sorted { a, b in
                switch (a.element.year, b.element.year) {
                case (let x?, let y?) where x != y: return x < y
                case (nil, _?): return false
                case (_?, nil): return true
                default: return a.offset < b.offset
                }
            }
            .map(\.element)
    }

    /// The newest dated event; the first told wins a tie, so the choice is stable.
    static func newest(_ events: [Milestone]) -> Milestone? {
        var best: Milestone? = nil
        for m in events {
            guard let y = m.year else { continue }
            if y > (best?.year ?? Int.min) { best = m }
        }
        return best
    }
}
