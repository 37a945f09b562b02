import Foundation

/// Finds framework memberships and the year each was joined.
///
/// Works on word tokens of one sentence at a time. A year is paired with a framework mention
/// when no other framework or year stands between them and a join cue ("joined", "since",
/// "acceded", "renamed") either stands between them or just before the mention with the year
/// close after it ("joined the PfP in 1994"). A milestone item's own year counts as standing at
/// the start of its sentence. Blocking cues ("second", "pause") void a pairing. Per framework,
/// the strongest pairing wins; equal ones go to the earliest year.
struct FrameworkYears {
    let rules: FactRules
    private var mentions = PhraseMatcher<Int>()
    /// Abbreviation mentions, offset by this much in the payload (so a match says which it was).
    private static let abbreviationOffset = 1_000_000
    private var cues = PhraseMatcher<Double>()
    private var blockers = PhraseMatcher<Bool>()
    /// How many tokens a cue may stand before a mention, and a year after it.
    private let reach = 6

    init(rules: FactRules) {
        self.rules = rules
        for (i, f) in rules.frameworks.enumerated() {
            mentions.add(f.name, payload: i)
            for a in f.aliases { mentions.add(a, payload: i) }
            for a in f.abbreviations { mentions.add(a, caseSensitive: true, payload: i + Self.abbreviationOffset) }
        }
        for c in rules.joinCues { cues.add(c.phrase, payload: c.weight) }
        for b in rules.blockingCues { blockers.add(b, payload: true) }
    }

    /// Framework mentions in a token list: (framework index, token range).
    func frameworkMentions(_ tokens: [Token]) -> [(framework: Int, start: Int, end: Int)] {
        mentions.longestMatches(in: tokens).map { ($0.payload % Self.abbreviationOffset, $0.start, $0.end) }
    }

    /// The frameworks a text names in full (name or alias, not abbreviation).
    func namedInFull(_ tokens: [Token]) -> Set<Int> {
        Set(mentions.longestMatches(in: tokens).filter { $0.payload < Self.abbreviationOffset }.map(\.payload))
    }

    /// Whether the tokens say something started (a join cue), for milestone inference.
    func hasJoinCue(_ tokens: [Token]) -> Bool { !cues.matches(in: tokens).isEmpty }

    func memberships(in sentences: [Sentence]) -> [FrameworkMembership] {
        var best: [Int: (score: Double, year: Int, evidence: Evidence)] = [:]
        var firstMention: [Int: Evidence] = [:]
        var inFull = Set<Int>()
        for sentence in sentences {
            // A long aside in brackets ("the EAPC (a forum that brings … together) in 1997")
            // stands between a name and its year only on paper.
            let tokens =
                Self.withoutAsides(
                    sentence.text,
                    keeping: { aside in
                        let t = TextTools.tokens(aside)
                        return t.contains { $0.year != nil } || !frameworkMentions(t).isEmpty
                    }
                ).map(TextTools.tokens) ?? sentence.tokens
            inFull.formUnion(namedInFull(tokens))
            let found = frameworkMentions(tokens)
            guard !found.isEmpty else { continue }
            for m in found where firstMention[m.framework] == nil { firstMention[m.framework] = sentence.evidence }
            var years: [(year: Int, at: Int)] = tokens.enumerated().compactMap { i, t in t.year.map { ($0, i) } }
            if sentence.passage.kind == .milestone, let y = sentence.passage.milestoneYear,
                sentence.passage.text.hasPrefix(sentence.text)
            {
                years.insert((y, -1), at: 0)
            }
            let cueHits = cues.matches(in: tokens)
            let blockHits = blockers.matches(in: tokens)
            let parenthesized = Set(years.filter { $0.at >= 0 && sentence.text.contains("(\($0.year))") }.map(\.at))
            for m in found {
                for y in years {
                    guard
                        let score = pairScore(
                            mention: m, year: y.at, tokens: tokens, mentions: found, years: years,
                            cues: cueHits, blockers: blockHits, parenthesized: parenthesized)
                    else { continue }
                    if let current = best[m.framework], (current.score, -current.year) >= (score, -y.year) { continue }
                    // A milestone's year stands beside the sentence in the source (or on the line above,
                    // which the span then takes in); the quote keeps it, marked when it is another line's.
                    let evidence =
                        y.at < 0
                        ? Evidence(text: sentence.passage.withListYear(sentence.text), span: sentence.passage.citedSpan)
                        : sentence.evidence
                    best[m.framework] = (score, y.year, evidence)
                }
            }
        }
        return rules.frameworks.indices.compactMap { i -> FrameworkMembership? in
            let f = rules.frameworks[i]
            if f.abbreviationNeedsName && !inFull.contains(i) { return nil }
            let abbreviation = f.abbreviations.first
            guard let (year, evidence) = best[i].map({ ($0.year, $0.evidence) }) ?? firstMention[i].map({ (nil, $0) })
            else { return nil }
            var m = FrameworkMembership(
                id: f.id, name: f.name, abbreviation: abbreviation, year: year, evidence: evidence)
            m.kind = rules.kind(ofFramework: f.id)
            m.succeeds = rules.frameworkSuccessors[f.id]
            return m
        }
    }

    private func pairScore(
        mention m: (framework: Int, start: Int, end: Int), year: Int, tokens: [Token],
        mentions: [(framework: Int, start: Int, end: Int)], years: [(year: Int, at: Int)],
        cues: [PhraseMatcher<Double>.Match], blockers: [PhraseMatcher<Bool>.Match],
        parenthesized: Set<Int>
    ) -> Double? {
        let (lo, hi) = year < m.start ? (year + 1, m.start) : (m.end, year)
        guard lo <= hi else { return nil }
        let between = lo..<hi
        // Another framework between them takes the year, unless the two are coordinated
        // ("joined the PfP and the EAPC in 2006"): names joined by "and", "or" and articles only.
        let others = mentions.filter {
            $0.start != m.start && $0.framework != m.framework && between.contains($0.start)
        }
        if !others.isEmpty && !coordinated(m, others, tokens: tokens) { return nil }
        if years.contains(where: { between.contains($0.at) }) { return nil }
        // "joined the PfP in 2006 and was invited to join the MAP in 2010": a year right after
        // another framework's name is that framework's.
        if year < m.start, mentions.contains(where: { $0.start != m.start && $0.end <= year && year - $0.end <= 2 }) {
            return nil
        }
        if blockers.contains(where: { between.contains($0.start) || (m.start - 3..<m.start).contains($0.start) }) {
            return nil
        }
        // "the Partnership for Peace programme (1994)", after a join cue earlier in the sentence.
        if year == m.end, parenthesized.contains(year),
            let before = cues.filter({ $0.start < m.start }).map(\.payload).max()
        {
            return before + closeness(0)
        }
        // A cue between them speaks for the pair when they stand within one clause's reach.
        let inside = cues.filter { between.contains($0.start) }.map(\.payload).max()
        let distance = between.count - others.reduce(0) { $0 + $1.end - $1.start }
        // English dates the verb after it ("launched at the summit in Istanbul in June 2004"),
        // so a year after the name reaches further than one before it.
        if let inside, distance <= (year > m.start ? laterYearReach : clauseReach) {
            return inside + closeness(between.count)
        }
        // "joined the Partnership for Peace in 1994": the cue before the mention, the year right
        // after; the cue may stand before a list of such pairs ("joined the PfP in 1994 and the
        // EAPC in 1997").
        if year > m.start, between.count <= 3,
            let before = cues.filter({
                $0.start < m.start
                    && (m.start - $0.start <= reach || onlyPairsBetween($0.end, m.start, tokens, mentions))
            })
            .map(\.payload).max()
        {
            return before * 0.75 + closeness(between.count)
        }
        // "Since March 2012, work has gone through an IPCP": the cue just before the year, the
        // mention after it in the same clause.
        if year < m.start, distance <= clauseReach,
            let before = cues.filter({ (year - 3..<year).contains($0.start) }).map(\.payload).max()
        {
            return before * 0.75 + closeness(between.count)
        }
        return nil
    }

    /// How far apart (in tokens) a year and a framework may stand and still be paired by a cue.
    private let clauseReach = 10
    private let laterYearReach = 14

    /// Whether tokens `lo..<hi` hold only framework names, years and the words that list them.
    private func onlyPairsBetween(
        _ lo: Int, _ hi: Int, _ tokens: [Token], _ mentions: [(framework: Int, start: Int, end: Int)]
    ) -> Bool {
        guard lo <= hi else { return false }
        let links: Set<String> = ["and", "the", "in", "its", "programme", "program", "council", "then", "later"]
        var i = lo
        while i < hi {
            if let m = mentions.first(where: { $0.start == i }) {
                i = m.end
                continue
            }
            guard tokens[i].year != nil || links.contains(tokens[i].lower) else { return false }
            i += 1
        }
        return true
    }

    /// Whether the mentions between `m` and the year are listed together with `m`: every gap
    /// between neighbouring names holds only "and", "or" and articles.
    private func coordinated(
        _ m: (framework: Int, start: Int, end: Int), _ others: [(framework: Int, start: Int, end: Int)],
        tokens: [Token]
    ) -> Bool {
        let links: Set<String> = ["and", "or", "the", "its", "nato's", "nato’s", "programme", "program", "council"]
        let group = (others + [m]).sorted { $0.start < $1.start }
        for (a, b) in zip(group, group.dropFirst()) {
            guard a.end <= b.start, tokens[a.end..<b.start].allSatisfy({ links.contains($0.lower) }) else {
                return false
            }
        }
        return true
    }

    /// The sentence without bracketed asides of more than three words that `keeping` does not
    /// keep (one naming a framework or a year stays); nil when nothing was taken out.
    static func withoutAsides(_ text: String, keeping: (String) -> Bool) -> String? {
        guard text.contains("(") else { return nil }
        var out = ""
        var aside = ""
        var depth = 0
        var changed = false
        for ch in text {
            if ch == "(" {
                depth += 1
                if depth == 1 {
                    aside = ""
                    continue
                }
            }
            if ch == ")" && depth > 0 {
                depth -= 1
                if depth == 0 {
                    if aside.split(separator: " ").count > 3 && !keeping(aside) {
                        changed = true
                    } else {
                        out += "(" + aside + ")"
                    }
                    continue
                }
            }
            if depth > 0 { aside.append(ch) } else { out.append(ch) }
        }
        if depth > 0 { out += "(" + aside }
        return changed ? out : nil
    }

    /// A small bonus for nearness, so the closest of two otherwise equal pairings wins.
    private func closeness(_ gap: Int) -> Double { 1.0 / Double(gap + 2) }
}
