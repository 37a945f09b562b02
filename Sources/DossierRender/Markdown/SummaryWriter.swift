import DossierCore

/// The comparative summary: country × area, country × framework (join years), one timeline.
struct SummaryWriter {
    let profiles: [CountryProfile]
    let comparison: Comparison
    let taxonomy: Taxonomy
    var hasCharts = false
    var md = MarkdownBuilder()
    static let title = "Comparative summary"

    mutating func write() -> String {
        md.heading(1, Self.title)
        md.paragraph(
            "[Index](\(ReportID.index.path(.markdown))) · "
                + profiles.map { "[\(MarkdownText.escape($0.country))](\(ReportID.briefing($0).path(.markdown)))" }
                .joined(separator: " · "))
        md.paragraph(
            "\(profiles.count) countries, \(profiles.reduce(0) { $0 + $1.sources.count }) sources. "
                + "Cells give the document-level evidence score (0–1) of each cooperation area; a blank cell means "
                + "the sources have no substantive evidence for it.")
        md.heading(2, "Cooperation areas")
        if hasCharts {
            md.image("Heatmap of cooperation areas by country; the table below gives the scores", "charts/heatmap.svg")
        }
        let countries = comparison.countries
        md.table(
            ["Area"] + countries.map(MarkdownText.escapeCell),
            taxonomy.areas.map { area in
                [MarkdownText.escapeCell(area.label)]
                    + countries.map { c in
                        comparison.areaScores[c]?[area.id].map { score in String(format2(score)) } ?? ""
                    }
            }, align: ["l"] + countries.map { _ in "r" })
        relations()
        md.heading(2, "Partnership frameworks and join years")
        md.paragraph("“member” means the sources name the framework for the country but give no year.")
        if hasCharts {
            md.image(
                "Framework join years of every country on one axis; the table below gives the years",
                "charts/join-years.svg")
        }
        let names = Dictionary(
            profiles.flatMap(\.frameworks).map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        md.table(
            ["Framework"] + countries.map(MarkdownText.escapeCell),
            comparison.frameworkIDs.map { id in
                [MarkdownText.escapeCell(names[id] ?? id)]
                    + countries.map { c in
                        guard let entry = comparison.joinYears[c]?[id] else { return "" }
                        return entry.map(String.init) ?? "member"
                    }
            }, align: ["l"] + countries.map { _ in "r" })
        md.heading(2, "Combined NATO timeline")
        var rows: [(Int, String, String)] = []
        for p in profiles {
            for m in p.milestones {
                guard let y = m.year else { continue }
                rows.append((y, p.country, m.text + (m.yearInferred ? " (year inferred)" : "")))
            }
        }
        rows.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        md.table(
            ["Year", "Country", "Event"],
            rows.map { [String($0.0), MarkdownText.escapeCell($0.1), MarkdownText.escapeCell($0.2)] },
            align: ["r", "l", "l"])
        return md.text
    }

    /// Country × counterpart: the areas of each relation with a power other than NATO, which
    /// the matrix above leaves out.
    private mutating func relations() {
        md.heading(2, "Relations with other powers")
        let counterparts = Set(comparison.relations.values.flatMap(\.keys)).sorted()
        guard !counterparts.isEmpty else {
            md.paragraph("The sources describe no relation with a power other than NATO.")
            return
        }
        md.paragraph(
            "The areas of each country's relations with other powers, as its sources describe them; none of "
                + "them counts in the NATO matrix above. A blank cell: the sources describe no such relation.")
        let label = Dictionary(uniqueKeysWithValues: taxonomy.areas.map { ($0.id, $0.label) })
        md.table(
            ["Country"] + counterparts.map(MarkdownText.escapeCell),
            comparison.countries.map { c in
                [MarkdownText.escapeCell(c)]
                    + counterparts.map { who in
                        guard let areas = comparison.relations[c]?[who] else { return "" }
                        return areas.isEmpty
                            ? "named, no area"
                            : MarkdownText.escapeCell(areas.map { label[$0] ?? $0 }.joined(separator: "; "))
                    }
            })
    }
}

/// The index: one entry per country, then the comparative summary.
struct IndexWriter {
    let profiles: [CountryProfile]
    let unassigned: [String]
    let hasChanges: Bool
    var md = MarkdownBuilder()
    static let title = "Dossier reports"

    mutating func write() -> String {
        md.heading(1, Self.title)
        md.paragraph(
            "[Comparative summary](\(ReportID.summary.path(.markdown))) across \(profiles.count) countries."
                + (hasChanges ? " [Changes since the previous build](\(ReportID.changes.path(.markdown)))." : ""))
        md.heading(2, "Country briefings")
        // One card per country (the HTML groups each heading and its list into a card).
        for p in profiles {
            let fresh = p.sources.compactMap { $0.date?.date }.max() ?? "not stated"
            let content =
                p.currency.first { $0.counterpart == .nato }?.newestEvent?.year.map { "; NATO picture as of \($0)" }
                ?? ""
            md.heading(3, p.country)
            md.bullets([
                "[Briefing](\(ReportID.briefing(p).path(.markdown)))",
                "\(p.sources.count) source\(p.sources.count == 1 ? "" : "s"); freshest source date: \(fresh)\(content)",
                "\(p.frameworks.count) partnership framework\(p.frameworks.count == 1 ? "" : "s")",
                "\(p.areas.count) active cooperation area\(p.areas.count == 1 ? "" : "s")",
            ])
        }
        if !unassigned.isEmpty {
            md.paragraph("Documents not about one partner country (regional or unknown), not in any briefing:")
            md.bullets(unassigned.map { MarkdownText.escape($0) })
        }
        return md.text
    }
}

/// Two decimals, always ("0.90").
func format2(_ x: Double) -> String {
    let hundredths = Int((x * 100).rounded())
    let frac = hundredths % 100
    return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
}
