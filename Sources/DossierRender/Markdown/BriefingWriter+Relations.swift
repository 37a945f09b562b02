import DossierCore

/// The parts of a briefing about whose relation the sources describe: how current each
/// relation's picture is, and the relations with powers other than NATO, kept out of NATO's
/// cooperation areas.
extension BriefingWriter {
    mutating func currencySection() {
        md.heading(2, "How current the picture is")
        md.paragraph(
            "A source's stamp says when it was last touched; its newest reported event says what its text is "
                + "up to date with. Each relation is as current as the newest event reported of it.")
        md.bullets(profile.currency.map { currencyLine($0) })
    }

    private mutating func currencyLine(_ c: Currency) -> String {
        let who = c.counterpart == .nato ? "NATO relations" : "Relations with \(esc(c.counterpart.name))"
        let stamp = c.newestStamp.map { " The newest source stamp is \($0.date) \(cites.cite($0.evidence))." } ?? ""
        guard let event = c.newestEvent, let year = event.year else {
            return "\(who): no reported event is dated." + stamp
        }
        var line = "\(who): newest reported event \(year) \(cites.cite(event.evidence[0]))." + stamp
        if let asOfYear, asOfYear - year > maxAgeYears {
            line +=
                " **Dated:** \(asOfYear - year) years before \(asOfYear), more than \(maxAgeYears); "
                + "read it as the picture of \(year)."
        }
        return line
    }

    mutating func otherPowers() {
        guard
            md.section(
                "Relations with other powers", hasContent: !profile.relations.isEmpty,
                empty: "The sources describe no relation of \(esc(profile.country)) with a power other than NATO.",
                intro: "What the sources say of \(esc(profile.country))'s relations with other powers. None of it "
                    + "counts as NATO cooperation above: a passage belongs to the power it is about.")
        else { return }
        for relation in profile.relations {
            md.heading(3, relation.counterpart.name)
            md.paragraph(
                "\(relation.passageCount) passage\(relation.passageCount == 1 ? "" : "s") in "
                    + "\(relation.sources.joined(separator: ", ")); "
                    + (relation.areas.isEmpty
                        ? "no area with enough evidence."
                        : "areas: " + relation.areas.map { esc(Self.inSentence($0.label)) }.joined(separator: ", ")
                            + "."))
            var items: [String] = []
            for area in relation.areas {
                for e in area.evidence.prefix(2) {
                    items.append(
                        "\(esc(area.label)) (\(Self.strength(area.score))) — \(label(of: e.span.file)): "
                            + quoted(e))
                }
            }
            md.bullets(items)
            let dated = relation.milestones.filter { $0.year != nil }
            if !dated.isEmpty {
                md.table(
                    ["Year", "Event", "Source"],
                    dated.map { m in
                        [String(m.year!), cell(m.text), "\(label(of: m.span.file)) \(cites.cite(m.evidence[0]))"]
                    }, align: ["r", "l", "l"])
            }
        }
    }

    /// The words for an area's score.
    static func strength(_ score: Double) -> String {
        score >= 0.9 ? "strong" : score >= 0.75 ? "moderate" : "some evidence"
    }
}

extension BriefingWriter {
    /// How many constraints of a relation other than NATO's a briefing quotes.
    static let constraintsPerRelation = 5

    /// Negations, refusals, limits, declines and suspensions, NATO's first, then each other
    /// relation's: what a reader most needs beside the cooperation, and never counted as it.
    mutating func constraintsSection() {
        guard
            md.section(
                "Constraints and limits", hasContent: !profile.constraints.isEmpty,
                empty: "The sources state no negation, refusal, limit, decline or suspension of a relation.",
                intro: "What the sources say a relation does not include, or what limits, set back or stopped it. "
                    + "None of these raises an area's score.")
        else { return }
        let order = [Counterpart.nato] + profile.relations.map(\.counterpart)
        let groups = Dictionary(grouping: profile.constraints, by: \.counterpart)
        let keys = groups.keys.sorted { a, b in
            (order.firstIndex(of: a) ?? order.count, a.name) < (order.firstIndex(of: b) ?? order.count, b.name)
        }
        var items: [String] = []
        for who in keys {
            // NATO's limits in full; another relation's first few (an analysis of Moscow's ties
            // states dozens), the rest counted and kept in the data file.
            let all = groups[who]!
            let shown = who == .nato ? all : Array(all.prefix(Self.constraintsPerRelation))
            for c in shown {
                items.append(
                    "\(esc(who.name)) — \(c.kind.rawValue): “\(esc(Quote.trim(c.text, limit: 300)))” "
                        + "\(label(of: c.span.file)) \(cites.cite(c.evidence))")
            }
            if all.count > shown.count {
                items.append(
                    "\(esc(who.name)): \(all.count - shown.count) more, listed in data/\(profile.slug).json "
                        + "(`constraints`).")
            }
        }
        md.bullets(items)
    }
}

extension BriefingWriter {
    /// Troops, money, items, projects and shares the sources state, by kind, each with the
    /// relation it belongs to and its sentence.
    mutating func keyFigures() {
        guard
            md.section(
                "Key figures", hasContent: !profile.figures.isEmpty,
                empty: "The sources state no figure of troops, money, items or projects.")
        else { return }
        var rows: [[String]] = []
        for kind in FigureKind.allCases {
            for f in profile.figures where f.kind == kind {
                rows.append([
                    kind.rawValue, cell(f.display), cell((f.evidence.counterpart ?? .nato).name),
                    "\(label(of: f.evidence.span.file)) "
                        + quoted(f.evidence, needles: [f.written], limit: 200, inCell: true),
                ])
            }
        }
        md.table(["Kind", "Figure", "Relation", "Stated in"], rows)
    }
}
