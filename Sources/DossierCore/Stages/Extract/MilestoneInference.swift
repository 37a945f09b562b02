import Foundation

/// Lends undated milestones a year from another sentence of the same document that states the
/// same event with a year: first by framework (the milestone says the country joined F, and
/// the document dates joining F), then by weighted word overlap with a dated sentence.
struct MilestoneInference {
    let rules: FactRules
    let threshold: Double
    let frameworks: FrameworkYears

    func milestones(passages: [Passage], sentences: [Sentence], memberships: [FrameworkMembership]) -> [Milestone] {
        let dated = sentences.filter { $0.passage.kind != .milestone && $0.tokens.contains { $0.year != nil } }
        let stop = Set(rules.stopwords.map { $0.lowercased() })
        let weights = inverseFrequencies(sentences.map { Set($0.tokens.map(\.lower)) })
        return passages.filter { $0.kind == .milestone }.map { p in
            // The quote keeps the year the list gives, and its span the line the year stands on.
            let own = Evidence(text: p.textWithYear, span: p.citedSpan)
            if let year = p.milestoneYear { return Milestone(year: year, text: p.text, evidence: [own]) }
            let tokens = TextTools.tokens(p.text)
            // By framework: "X joins the PARP" and a membership dated outside the milestones list.
            if frameworks.hasJoinCue(tokens) {
                for m in frameworks.frameworkMentions(tokens) {
                    let id = rules.frameworks[m.framework].id
                    if let f = memberships.first(where: { $0.id == id }), let year = f.year,
                        !passages.contains(where: { $0.kind == .milestone && $0.span == f.evidence.span })
                    {
                        return Milestone(year: year, text: p.text, yearInferred: true, evidence: [own, f.evidence])
                    }
                }
            }
            // By overlap with a dated sentence.
            let words = Set(tokens.map(\.lower)).filter { !stop.contains($0) && Token(original: $0).year == nil }
            let total = words.reduce(0) { $0 + (weights[$1] ?? 0) }
            guard total > 0 else { return Milestone(year: nil, text: p.text, evidence: [own]) }
            var best: (score: Double, sentence: Sentence, year: Int)?
            for s in dated {
                let years = s.tokens.compactMap(\.year)
                guard Set(years).count == 1, let year = years.first else { continue }
                let shared = words.intersection(s.tokens.map(\.lower))
                guard shared.count >= 2 else { continue }
                let score = shared.reduce(0) { $0 + (weights[$1] ?? 0) } / total
                if score >= threshold, score > (best?.score ?? 0) { best = (score, s, year) }
            }
            if let best {
                return Milestone(
                    year: best.year, text: p.text, yearInferred: true, evidence: [own, best.sentence.evidence])
            }
            if let (year, sentence) = byName(tokens, dated: dated, weights: weights, stop: stop) {
                return Milestone(year: year, text: p.text, yearInferred: true, evidence: [own, sentence.evidence])
            }
            return Milestone(year: nil, text: p.text, evidence: [own])
        }
    }

    /// A year by a rare name the milestone shares with dated sentences ("the events at Andijan"
    /// and "following the events in Andijan in 2005"): a capitalised word inside the item (not a
    /// month), found in at most `Self.nameReach` sentences of the document, whose dated sentences
    /// share another word of the item and all put the same year nearest to the name. A long
    /// list item shares too few words for the overlap to tell.
    private func byName(
        _ tokens: [Token], dated: [Sentence], weights: [String: Double], stop: Set<String>
    ) -> (Int, Sentence)? {
        let rarest = weights.values.max() ?? 0
        let dates = DateParser(months: rules.months)
        let content = Set(tokens.map(\.lower)).filter { !stop.contains($0) && dates.month($0) == nil }
        for t in tokens.dropFirst() where t.original.first?.isUppercase == true && content.contains(t.lower) {
            // Rare: in no more sentences than nameReach (weights are log(N/df) + 0.1).
            guard let w = weights[t.lower], w >= rarest - log(Double(Self.nameReach)) else { continue }
            var found: [(year: Int, sentence: Sentence)] = []
            for s in dated {
                guard let at = s.tokens.firstIndex(where: { $0.lower == t.lower }) else { continue }
                // The name and a word of what happened ("the events at Andijan"), not a place alone.
                guard content.subtracting([t.lower]).contains(where: { w in s.tokens.contains { $0.lower == w } })
                else { continue }
                let nearest = s.tokens.indices.filter { s.tokens[$0].year != nil }.min { abs($0 - at) < abs($1 - at) }
                if let i = nearest, let y = s.tokens[i].year { found.append((y, s)) }
            }
            if let first = found.first, found.allSatisfy({ $0.year == first.year }) { return first }
        }
        return nil
    }

    /// How many sentences a name may stand in and still identify one event.
    static let nameReach = 3

    /// log(N / df) per word: rare words say more about which event a sentence describes.
    private func inverseFrequencies(_ docs: [Set<String>]) -> [String: Double] {
        var df: [String: Int] = [:]
        for d in docs { for w in d { df[w, default: 0] += 1 } }
        let n = Double(max(docs.count, 1))
        return df.mapValues { log(n / Double($0)) + 0.1 }
    }
}
