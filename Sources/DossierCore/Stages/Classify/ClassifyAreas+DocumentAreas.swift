import Foundation

extension ClassifyAreas {
    /// Document areas per relation: NATO's from NATO material only, so an analyst's quotes about
    /// Russian gas never make energy a NATO area; every other counterpart's from its own
    /// passages, by the same rules. The evidence a relation must give grows with the number of
    /// passages that speak of it first (those where some sentence is first its counterpart's;
    /// a sentence that lists it beside that power does not count): China’s gas in three
    /// paragraphs of a 60-paragraph analysis of Russia's ties is judged as on a three-paragraph
    /// page, not drowned by the length of the Russian story around it.
    func relationAreas(
        _ passages: [Passage], titled: [String: Evidence]
    ) -> (nato: [AreaScore], others: [AreaScore]) {
        var share: [Counterpart: Int] = [:]
        for passage in passages { for c in passage.ownStrandCounterparts { share[c, default: 0] += 1 } }
        let nato = implied(documentAreas(passages, length: share[.nato] ?? 0, titled: titled, counterpart: .nato))
        var others: [AreaScore] = []
        for (counterpart, length) in share.sorted(by: { $0.key < $1.key }) where counterpart != .nato {
            others += implied(documentAreas(passages, length: length, titled: titled, counterpart: counterpart))
        }
        return (nato, others)
    }

    /// One relation's areas with those they imply (the taxonomy's `implies`) that it lacks: at
    /// the implying area's score, quoting its evidence marked `implied by area '…'`.
    func implied(_ areas: [AreaScore]) -> [AreaScore] {
        var result = areas
        for area in areas {
            for id in implies[area.area] ?? [] where !result.contains(where: { $0.area == id }) {
                var evidence = area.evidence
                for i in evidence.indices { evidence[i].signals.append(.impliedBy(area: area.area)) }
                result.append(AreaScore(area: id, score: area.score, evidence: evidence, counterpart: area.counterpart))
            }
        }
        return result.count == areas.count ? areas : result.sorted(by: Self.strongestFirst)
    }

    /// Marks a passage's areas and their evidence with the passage's counterpart.
    static func attribute(_ areas: inout [AreaScore], to counterpart: Counterpart) {
        for i in areas.indices {
            areas[i].counterpart = counterpart
            for e in areas[i].evidence.indices { areas[i].evidence[e].counterpart = counterpart }
        }
    }

    /// Document areas: summed passage evidence, squashed; the strongest passages are the evidence.
    /// A section titled by an area is the document's own statement that it covers the area,
    /// whichever area its passages lean to: it makes the area active at `dedicated-section-score`.
    private func documentAreas(
        _ passages: [Passage], length: Int, titled: [String: Evidence], counterpart: Counterpart
    ) -> [AreaScore] {
        var result: [AreaScore] = []
        let minScore =
            counterpart == .nato
            ? options.documentMinScore : options.otherPowersDocumentMinScore ?? options.documentMinScore
        for id in areaIDs {
            let hits = passages.compactMap { p in p.areas.first { $0.area == id && $0.counterpart == counterpart } }
            if hits.isEmpty, let evidence = titled[id], evidence.counterpart == counterpart {
                result.append(
                    AreaScore(
                        area: id, score: Self.round(options.dedicatedSectionScore), evidence: [evidence],
                        counterpart: counterpart))
                continue
            }
            let total = hits.reduce(0) { $0 + $1.score }
            // A relation told at length must say more before an area is its own: the evidence
            // it needs grows with the passages that speak of it, so one passing mention among 60
            // NATO paragraphs is not a NATO area, while one sentence naming it on a ten-line
            // page, or in the two paragraphs an analysis gives NATO, is.
            let needed = options.documentEvidencePerPassage * Double(length)
            var score = 1 - exp(-max(0, total - needed) / options.documentScale)
            // A section of its own about the area is substantive even when it is one paragraph.
            if let dedicated = hits.filter({
                $0.evidence.contains { $0.signals.contains { if case .heading = $0 { true } else { false } } }
            }).map(\.score).max(),
                dedicated >= options.dedicatedSectionScore
            {
                score = max(score, dedicated)
            }
            guard score >= minScore else { continue }
            let best = hits.sorted(by: Self.strongestFirst).prefix(3).flatMap(\.evidence)
            result.append(AreaScore(area: id, score: Self.round(score), evidence: best, counterpart: counterpart))
        }
        return result.sorted(by: Self.strongestFirst)
    }

}
