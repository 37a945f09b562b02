import DossierCore

/// The charts Dossier draws: a country × area heatmap, each country's area strengths and
/// milestone timeline, and the framework join years of all countries on one axis.
/// Each has a table with the same numbers next to it in the reports.
enum Charts {
    static let ink = "#1d2330", muted = "#5a6272", rule = "#d7dbe3", accent = "#1f4e8c"

    /// Country × area: cell shade is the document-level evidence score.
    static func heatmap(_ profiles: [CountryProfile], taxonomy: Taxonomy) -> String {
        let labelWidth = 250.0
        let cell = 100.0
        let rowHeight = 26.0
        let top = 58.0
        let width = Int(labelWidth + cell * Double(max(profiles.count, 1)) + 20)
        let height = Int(top + rowHeight * Double(taxonomy.areas.count) + 16)
        var svg = SVG(
            width: width, height: height, title: "Cooperation areas by country",
            description:
                "Shade is the evidence score from 0 to 1; a blank cell means no substantive evidence. The table "
                + "below gives the numbers."
        )
        for (c, p) in profiles.enumerated() {
            svg.text(
                p.country, x: labelWidth + cell * (Double(c) + 0.5), y: top - 12, size: 12, anchor: .middle, bold: true)
        }
        for (r, area) in taxonomy.areas.enumerated() {
            let y = top + rowHeight * Double(r)
            svg.text(area.label, x: labelWidth - 10, y: y + rowHeight * 0.65, size: 12, anchor: .end)
            for (c, p) in profiles.enumerated() {
                let x = labelWidth + cell * Double(c)
                svg.rect(x: x + 2, y: y + 2, width: cell - 4, height: rowHeight - 4, fill: "#eef1f6")
                guard let a = p.areas.first(where: { $0.area == area.id }) else { continue }
                svg.rect(
                    x: x + 2, y: y + 2, width: cell - 4, height: rowHeight - 4, fill: accent,
                    opacity: 0.15 + 0.85 * a.score,
                    title:
                        "\(p.country) — \(area.label): \(format2(a.score)) (\(a.passageCount) "
                        + "passage\(a.passageCount == 1 ? "" : "s"))"
                )
                svg.text(
                    format2(a.score), x: x + cell / 2, y: y + rowHeight * 0.67, size: 11, anchor: .middle,
                    fill: a.score > 0.55 ? "#ffffff" : ink)
            }
        }
        return svg.document
    }

    /// One country's areas as horizontal bars, strongest first.
    static func areaBars(_ profile: CountryProfile) -> String {
        let labelWidth = 250.0
        let barWidth = 320.0
        let rowHeight = 24.0
        let top = 12.0
        let areas = profile.areas.sorted { ($0.score, $1.area) > ($1.score, $0.area) }
        var svg = SVG(
            width: Int(labelWidth + barWidth + 60), height: Int(top * 2 + rowHeight * Double(max(areas.count, 1))),
            title: "\(profile.country): cooperation areas by evidence strength",
            description:
                "Bars give the evidence score from 0 to 1 for each active area; the sections below quote the evidence.")
        if areas.isEmpty { svg.text("No area has enough evidence.", x: 10, y: top + 14, fill: muted) }
        for (i, a) in areas.enumerated() {
            let y = top + rowHeight * Double(i)
            svg.text(a.label, x: labelWidth - 10, y: y + 16, size: 12, anchor: .end)
            svg.rect(x: labelWidth, y: y + 4, width: barWidth, height: rowHeight - 8, fill: "#eef1f6")
            svg.rect(
                x: labelWidth, y: y + 4, width: barWidth * a.score, height: rowHeight - 8, fill: accent,
                title: "\(a.label): \(format2(a.score)), \(a.passageCount) passage\(a.passageCount == 1 ? "" : "s")")
            svg.text(format2(a.score), x: labelWidth + barWidth + 8, y: y + 16, size: 11, fill: muted)
        }
        return svg.document
    }

    /// Dated milestones on a year axis, stacked where a year has several; undated ones are
    /// counted in the caption, never placed.
    static func timeline(_ profile: CountryProfile) -> String {
        let dated = profile.milestones.compactMap { m in m.year.map { ($0, m) } }
        let undated = profile.milestones.count - dated.count
        let years = dated.map(\.0)
        let first = (years.min() ?? 2000) - 1
        let last = (years.max() ?? 2000) + 1
        let left = 40.0
        let right = 30.0
        let axisY = 40.0
        let width = 760.0
        let perYear = Dictionary(grouping: dated, by: \.0)
        let stack = perYear.values.map(\.count).max() ?? 1
        let height = axisY + 14 * Double(stack) + 50
        let caption =
            undated > 0
            ? "\(undated) undated milestone\(undated == 1 ? "" : "s") listed below, not placed on the axis." : ""
        var svg = SVG(
            width: Int(width), height: Int(height), title: "\(profile.country): milestones by year",
            description:
                "\(dated.count) dated milestones from \(first + 1) to \(last - 1). \(caption) The table below lists "
                + "them."
        )
        func x(_ year: Int) -> Double {
            left + (width - left - right) * Double(year - first) / Double(max(last - first, 1))
        }
        svg.line(x1: left, y1: axisY, x2: width - right, y2: axisY, stroke: muted)
        let step = max(1, (last - first) / 10)
        var tick = first + 1
        while tick < last {
            svg.line(x1: x(tick), y1: axisY - 4, x2: x(tick), y2: axisY + 4, stroke: muted)
            svg.text(String(tick), x: x(tick), y: axisY - 10, size: 11, anchor: .middle, fill: muted)
            tick += step
        }
        for year in perYear.keys.sorted() {
            for (i, entry) in perYear[year]!.enumerated() {
                svg.circle(
                    cx: x(year), cy: axisY + 12 + 14 * Double(i), r: 5, fill: entry.1.yearInferred ? "#8aa6cc" : accent,
                    title: "\(year)\(entry.1.yearInferred ? " (inferred)" : ""): \(entry.1.text)")
            }
        }
        if !caption.isEmpty { svg.text(caption, x: left, y: height - 10, size: 11, fill: muted) }
        return svg.document
    }

    /// Every country's framework join years on one axis, one row per country.
    static func joinYears(_ profiles: [CountryProfile]) -> String {
        let entries = profiles.flatMap { p in p.frameworks.compactMap { f in f.year.map { (p.country, $0, f) } } }
        let years = entries.map(\.1)
        let first = (years.min() ?? 1990) - 1
        let last = (years.max() ?? 2020) + 1
        let labelWidth = 130.0
        let right = 30.0
        let rowHeight = 34.0
        let top = 40.0
        let width = 760.0
        var svg = SVG(
            width: Int(width), height: Int(top + rowHeight * Double(max(profiles.count, 1)) + 20),
            title: "Partnership framework join years by country",
            description:
                "Each mark is a framework a country joined, at the year the sources state; the table above gives "
                + "the same years."
        )
        func x(_ year: Int) -> Double {
            labelWidth + (width - labelWidth - right) * Double(year - first) / Double(max(last - first, 1))
        }
        let step = max(1, (last - first) / 10)
        var tick = first + 1
        while tick < last {
            svg.line(x1: x(tick), y1: top - 6, x2: x(tick), y2: top + rowHeight * Double(profiles.count), stroke: rule)
            svg.text(String(tick), x: x(tick), y: top - 12, size: 11, anchor: .middle, fill: muted)
            tick += step
        }
        for (r, p) in profiles.enumerated() {
            let y = top + rowHeight * Double(r) + rowHeight / 2
            svg.text(p.country, x: labelWidth - 10, y: y + 4, size: 12, anchor: .end, bold: true)
            let rows = Dictionary(grouping: p.frameworks.filter { $0.year != nil }, by: { $0.year! })
            for year in rows.keys.sorted() {
                for (i, f) in rows[year]!.sorted(by: { $0.id < $1.id }).enumerated() {
                    let label = f.abbreviation ?? f.id.uppercased()
                    svg.circle(
                        cx: x(year), cy: y - 4, r: 4, fill: accent, title: "\(p.country): \(f.displayName), \(year)")
                    svg.text(label, x: x(year), y: y + 10 + Double(i) * 10, size: 9, anchor: .middle, fill: ink)
                }
            }
        }
        return svg.document
    }
}

/// Writes the charts under `charts/`, before the Markdown that shows them.
public struct RenderCharts: CorpusStage {
    public static let id = "render.charts"
    public static let summary = "Draw SVG charts: area heatmap, per-country areas and timelines, join years"
    public static let requires: Set<Artifact> = [.profiles]
    public static let produces: Set<Artifact> = [.charts]
    /// Before render.markdown, so the reports can show the charts.
    public static let mustPrecede: Set<Artifact> = [.markdown, .outputs]

    let taxonomy: Taxonomy
    public init(options: NoOptions, context: StageContext) { taxonomy = context.taxonomy }

    public func run(_ corpus: inout Corpus) throws {
        let heatmap = Charts.heatmap(corpus.profiles, taxonomy: taxonomy)
        corpus.write(OutputFile(path: "charts/heatmap.svg", text: heatmap, kind: .chart, report: .summary))
        let joinYears = Charts.joinYears(corpus.profiles)
        corpus.write(OutputFile(path: "charts/join-years.svg", text: joinYears, kind: .chart, report: .summary))
        for p in corpus.profiles {
            let briefing = ReportID.briefing(p)
            corpus.write(
                OutputFile(
                    path: "charts/\(p.slug)-areas.svg", text: Charts.areaBars(p), kind: .chart,
                    report: briefing))
            corpus.write(
                OutputFile(
                    path: "charts/\(p.slug)-timeline.svg", text: Charts.timeline(p), kind: .chart,
                    report: briefing))
        }
    }
}
