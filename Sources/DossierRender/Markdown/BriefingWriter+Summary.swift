import DossierCore

/// The analyst's summary that opens a briefing: a few sentences, each derived from the profile
/// and cited — how deep the partnership is, where it is substantive, what limits it, which way
/// it has moved, who the contact point is, and how current all of it is.
extension BriefingWriter {
    mutating func analystSummary() {
        var sentences = [depth(), substance()]
        sentences.append(
            contentsOf: [limit(), contributions(), trend(), contactAndCurrency(), otherRelations()].compactMap { $0 })
        md.heading(2, "Summary")
        md.paragraph(sentences.joined(separator: " "))
    }

    /// Frameworks counted as a reader counts them: a successor and the body it replaced are
    /// one line of the partnership (the NACC became the EAPC), and programmes are programmes.
    private mutating func depth() -> String {
        let present = Set(profile.frameworks.map(\.id))
        let replaced = Set(profile.frameworks.compactMap(\.succeeds).filter { present.contains($0) })
        let heads = profile.frameworks.filter { !replaced.contains($0.id) }
        guard !heads.isEmpty else { return "The sources name no partnership framework of \(esc(profile.country))." }
        let bodies = heads.filter { $0.kind != "programme" }.map { framework($0) }
        let programmes = heads.filter { $0.kind == "programme" }.map { framework($0) }
        var s = esc(profile.country)
        if let first = profile.frameworks.filter({ $0.year != nil }).min(by: { $0.year! < $1.year! }) {
            s += " has been a NATO partner since \(first.year!) \(cites.cite(first.evidence))"
        } else {
            s += " is a NATO partner (no join year stated)"
        }
        if !bodies.isEmpty { s += "; it takes part in " + Self.list(bodies) }
        if !programmes.isEmpty {
            s +=
                "; \(programmes.count) programme\(programmes.count == 1 ? "" : "s") or plan"
                + "\(programmes.count == 1 ? "" : "s"): " + Self.list(programmes)
        }
        return s + "."
    }

    /// "the EAPC (since 1997; successor of the NACC, 1992) [n]".
    private mutating func framework(_ f: FrameworkMembership) -> String {
        var details: [String] = []
        if let y = f.year { details.append("since \(y)") }
        if let old = f.succeeds.flatMap({ id in profile.frameworks.first { $0.id == id } }) {
            details.append("successor of the \(esc(old.abbreviation ?? old.name))\(old.year.map { " of \($0)" } ?? "")")
        }
        let name = "the " + esc(f.abbreviation ?? f.name)
        return (details.isEmpty ? name : "\(name) (\(details.joined(separator: "; ")))") + " " + cites.cite(f.evidence)
    }

    private mutating func substance() -> String {
        guard !profile.areas.isEmpty else { return "The sources document no NATO cooperation area." }
        let top = profile.areas.sorted { ($0.score, $1.area) > ($1.score, $0.area) }.prefix(2)
        let named = top.map { a in
            esc(Self.inSentence(a.label)) + (a.evidence.first.map { " " + cite($0) } ?? "")
        }
        return "NATO cooperation is documented in \(profile.areas.count) of \(taxonomy.areas.count) areas, "
            + "most substantively " + named.joined(separator: " and ") + "."
    }

    private mutating func limit() -> String? {
        // A plain negation ("does not offer units") defines a partnership more than a decline does.
        let rank: [Constraint.Kind] = [.negation, .refusal, .limit, .suspension, .decline]
        let nato = profile.constraints.filter { $0.counterpart == .nato }
        guard let c = rank.lazy.compactMap({ k in nato.first { $0.kind == k } }).first else { return nil }
        return "What limits it: “\(esc(Quote.trim(c.text, limit: 220)))” \(cites.cite(c.evidence))."
    }

    /// What the partner gives to NATO's work, from the figures NATO passages state: troops,
    /// money, items.
    private mutating func contributions() -> String? {
        let kinds: [FigureKind] = [.troops, .money, .items]
        // Per kind, the largest figure stated (the contingent at its height, not each step).
        let given = kinds.compactMap { k in
            profile.figures.filter { $0.kind == k && ($0.evidence.counterpart ?? .nato) == .nato }
                .max { $0.value < $1.value }
        }
        guard !given.isEmpty else { return nil }
        let named = given.map { f in "\(esc(f.display)) \(cites.cite(f.evidence, for: sentence(f)))" }
        return "Key figures: " + Self.list(Array(named)) + "."
    }

    private func sentence(_ f: Figure) -> String {
        Evidence.carryingSentence(of: f.evidence.text, needles: [f.written])
    }

    /// Engagement, break, re-engagement, as the dated NATO timeline and its dated declines and
    /// suspensions tell it.
    private mutating func trend() -> String? {
        let dated = profile.milestones.filter { $0.year != nil }
        guard let first = dated.first, let last = dated.last else { return nil }
        let count = dated.count
        var s =
            "Dated engagement runs from \(first.year!) \(cites.cite(first.evidence[0])) to \(last.year!) "
            + "\(cites.cite(last.evidence[0])) (\(count) dated event\(count == 1 ? "" : "s"))"
        let breaks = profile.constraints.filter {
            $0.counterpart == .nato && ($0.kind == .decline || $0.kind == .suspension) && $0.year != nil
        }
        if let b = breaks.min(by: { $0.year! < $1.year! }) {
            s += "; it was set back in \(b.year!) \(cites.cite(b.evidence))"
            if let again = dated.first(where: { $0.year! > b.year! }) {
                s += " and engaged again by \(again.year!) \(cites.cite(again.evidence[0]))"
            }
        }
        return s + "."
    }

    private mutating func contactAndCurrency() -> String? {
        var parts: [String] = []
        if let e = profile.contactPointEmbassy {
            parts.append("Contact point embassy: \(esc(e.country)) \(cites.cite(e.evidence)).")
        }
        if let nato = profile.currency.first(where: { $0.counterpart == .nato }), let event = nato.newestEvent {
            var s = "The NATO picture is as of \(event.year!), its newest reported event"
            if let stamp = nato.newestStamp { s += " (newest source stamp \(stamp.date))" }
            if let asOfYear, asOfYear - event.year! > maxAgeYears {
                s += ": \(asOfYear - event.year!) years old by content"
            }
            parts.append(s + ".")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    private func otherRelations() -> String? {
        guard !profile.relations.isEmpty else { return nil }
        let named = profile.relations.map { r in
            let n = r.areas.count
            let areas = n == 0 ? "no area with enough evidence" : "\(n) area\(n == 1 ? "" : "s")"
            return "\(esc(r.counterpart.name)) (\(areas))"
        }
        return "The sources also describe relations with " + Self.list(named)
            + ", kept apart under Relations with other powers."
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
