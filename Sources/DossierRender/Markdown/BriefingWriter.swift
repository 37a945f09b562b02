import DossierCore

/// One country's briefing as Markdown: at a glance, sources, frameworks, areas with quoted
/// evidence, timeline, embassy, disagreements and silences, and numbered notes that cite the
/// source file and lines of every claim.
struct BriefingWriter {
    let profile: CountryProfile
    let taxonomy: Taxonomy
    /// The date ages are measured from (the newest source date in the corpus), as a year.
    let asOfYear: Int?
    var md = MarkdownBuilder()
    var cites = Citations()

    /// Whether `charts/<slug>-….svg` exist (render.charts ran first).
    var hasCharts = false

    init(profile: CountryProfile, taxonomy: Taxonomy, asOfYear: Int?, hasCharts: Bool = false) {
        self.profile = profile
        self.taxonomy = taxonomy
        self.asOfYear = asOfYear
        self.hasCharts = hasCharts
    }

    /// The level-1 heading, before escaping.
    var title: String { "\(profile.country) — partnership briefing" }

    mutating func write() -> String {
        md.heading(1, title)
        md.paragraph(ReportLinks.header)
        atAGlance()
        sources()
        frameworks()
        areas()
        timeline()
        embassy()
        silences()
        notes()
        return md.text
    }

    private func esc(_ s: String) -> String { MarkdownText.escape(s) }
    private func cell(_ s: String) -> String { MarkdownText.escapeCell(s) }

    private func label(of file: String) -> String { profile.sources.first { $0.file == file }?.label ?? "?" }

    // MARK: - Sections

    private mutating func atAGlance() {
        var parts: [String] = []
        let dated = profile.frameworks.filter { $0.year != nil }
        if let first = dated.first {
            parts.append(
                "In \(profile.frameworks.count) partnership framework\(profile.frameworks.count == 1 ? "" : "s"); "
                    + "the earliest stated is the \(esc(first.displayName)) (\(first.year!)).")
        } else if !profile.frameworks.isEmpty {
            parts.append("In \(profile.frameworks.count) partnership framework(s); no join year stated.")
        } else {
            parts.append("No partnership framework named in the sources.")
        }
        let strongest = profile.areas.sorted { ($0.score, $1.area) > ($1.score, $0.area) }.prefix(2).map {
            esc(Self.inSentence($0.label))
        }
        let tail = strongest.isEmpty ? "." : ", strongest in " + strongest.joined(separator: " and ") + "."
        parts.append("Active in \(profile.areas.count) of \(taxonomy.areas.count) cooperation areas" + tail)
        if let e = profile.contactPointEmbassy { parts.append("Contact point embassy: \(esc(e.country)).") }
        if let newest = profile.sources.compactMap({ sourceDate($0) }).max() {
            parts.append("Freshest source date: \(newest).")
        }
        md.quote("**At a glance.** " + parts.joined(separator: " "))
    }

    private func sourceDate(_ s: SourceSummary) -> String? { s.date?.date }

    private mutating func sources() {
        md.heading(2, "Sources")
        let ageHeader = asOfYear.map { "Age (years to \($0))" } ?? "Age"
        md.table(
            ["#", "Source", "Kind", "Last updated", ageHeader],
            profile.sources.map { s in
                let date = s.lastUpdated?.date ?? s.published.map { "\($0.date) (©)" } ?? "not stated"
                let age = s.date?.year.flatMap { y in asOfYear.map { String($0 - y) } } ?? "—"
                let notes = s.footnoteCount > 0 ? " (\(s.footnoteCount) notes)" : ""
                return [s.label, "\(cell(s.title)) — \(cell(s.file))", cell(s.kind.rawValue) + notes, date, age]
            }, align: ["l", "l", "l", "l", "r"])
    }

    private mutating func frameworks() {
        md.heading(2, "Partnership frameworks")
        guard !profile.frameworks.isEmpty else {
            md.paragraph("The sources name no partnership framework.")
            return
        }
        var rows: [[String]] = []
        for f in profile.frameworks {
            let since = f.year.map(String.init) ?? "year not stated"
            rows.append([
                cell(f.displayName), since,
                "“\(cell(Quote.best(f.evidence.text, needles: [String(f.year ?? 0)], limit: 200)))” "
                    + cites.cite(f.evidence),
            ])
        }
        md.table(["Framework", "Since", "Evidence"], rows)
    }

    private mutating func areas() {
        md.heading(2, "Cooperation areas")
        if hasCharts {
            md.image(
                "Bar chart of \(profile.country)'s cooperation areas by evidence score; the scores are listed below",
                "charts/\(profile.slug)-areas.svg")
        }
        guard !profile.areas.isEmpty else {
            md.paragraph("No cooperation area has enough evidence in the sources.")
            return
        }
        md.paragraph(
            "Active in \(profile.areas.count) of \(taxonomy.areas.count) areas. Strength is the classifier's "
                + "document-level score (0–1); each quote is the sentence that carries the evidence.")
        for area in profile.areas.sorted(by: { ($0.score, $1.area) > ($1.score, $0.area) }) {
            let strength = area.score >= 0.9 ? "strong" : area.score >= 0.75 ? "moderate" : "some evidence"
            md.heading(3, "\(area.label) — \(strength)")
            md.paragraph(
                "Score \(format(area.score)); \(area.passageCount) passage\(area.passageCount == 1 ? "" : "s"); "
                    + "sources: \(area.sources.joined(separator: ", ")).")
            md.bullets(
                area.evidence.map { e in
                    "\(label(of: e.span.file)): “\(esc(Quote.best(e.text, needles: Quote.needles(e))))” "
                        + cites.cite(e)
                })
        }
    }

    private mutating func timeline() {
        md.heading(2, "Timeline")
        if hasCharts {
            md.image(
                "Timeline of \(profile.country)'s dated milestones; the table below lists them",
                "charts/\(profile.slug)-timeline.svg")
        }
        let dated = profile.milestones.filter { $0.year != nil }
        let undated = profile.milestones.filter { $0.year == nil }
        if dated.isEmpty && undated.isEmpty {
            md.paragraph("The sources list no milestones.")
            return
        }
        md.table(
            ["Year", "Event", "Source"],
            dated.map { m in
                let year = m.yearInferred ? "\(m.year!) (inferred)" : String(m.year!)
                let refs = m.evidence.map { cites.cite($0) }.joined(separator: " ")
                return [year, cell(m.text), "\(label(of: m.span.file)) \(refs)"]
            }, align: ["r", "l", "l"])
        if !undated.isEmpty {
            md.paragraph("Undated milestones (the source gives no year, and no other sentence of it dates the event):")
            md.bullets(undated.map { "\(esc($0.text)) \(cites.cite($0.evidence[0]))" })
        }
    }

    private mutating func embassy() {
        md.heading(2, "Contact point embassy")
        if let e = profile.contactPointEmbassy {
            md.paragraph(
                "**\(esc(e.country))**: its embassy is NATO's contact point in the country \(cites.cite(e.evidence)).")
        } else {
            md.paragraph("Not stated in the sources.")
        }
    }

    private mutating func silences() {
        md.heading(2, "Where the sources disagree or fall silent")
        var items: [String] = []
        for c in profile.conflicts {
            let claims = c.claims.map {
                "\(esc($0.value)) (\(label(of: $0.evidence.span.file)) \(cites.cite($0.evidence)))"
            }
            items.append("Sources disagree on the \(esc(c.subject)): " + claims.joined(separator: " vs ") + ".")
        }
        let silent = taxonomy.areas.filter { a in !profile.areas.contains { $0.area == a.id } }.map { esc($0.label) }
        if !silent.isEmpty { items.append("No substantive evidence on: " + silent.joined(separator: "; ") + ".") }
        let noYear = profile.frameworks.filter { $0.year == nil }.map { esc($0.displayName) }
        if !noYear.isEmpty { items.append("No join year stated for: " + noYear.joined(separator: "; ") + ".") }
        for s in profile.sources where s.lastUpdated == nil {
            items.append("\(s.label) states no last-updated date.")
        }
        if let newest = profile.sources.compactMap({ $0.date?.year }).max(), let asOfYear, asOfYear - newest >= 5 {
            items.append("The newest dated source is from \(newest): anything since is unknown to this briefing.")
        }
        if profile.totalPassages > 0 {
            items.append(
                "\(profile.unclassifiedPassages) of \(profile.totalPassages) passages matched no cooperation area.")
        }
        md.bullets(items)
    }

    private mutating func notes() {
        md.heading(2, "Notes")
        md.numbered(
            cites.notes.map { note in
                let e = note.evidence
                let source = profile.sources.first { $0.file == e.span.file }
                let date =
                    source?.lastUpdated.map { ", last updated \($0.date)" } ?? source?.published.map {
                        ", © \($0.date)"
                    } ?? ""
                let title = source.map { "“\(esc($0.title))”" } ?? ""
                let sourceNotes =
                    e.footnotes.isEmpty
                    ? ""
                    : " The source's own note\(e.footnotes.count == 1 ? "" : "s") for this passage: "
                        + e.footnotes.map { "(\($0.number)) \(esc(Quote.trim($0.text, limit: 400)))" }.joined(
                            separator: " ")
                return "\(label(of: e.span.file)), \(e.span.lineLabel) — \(title) (\(esc(e.span.file))\(date)): "
                    + "“\(esc(Quote.trim(e.text, limit: 600)))”" + sourceNotes
            })
    }

    /// A label inside a sentence: "Civil emergency planning" → "civil emergency planning", but
    /// "NATO-led operations" keeps its capitals.
    static func inSentence(_ label: String) -> String {
        let chars = Array(label)
        guard chars.count > 1, chars[0].isUppercase, chars[1].isLowercase else { return label }
        return chars[0].lowercased() + String(chars.dropFirst())
    }

    private func format(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        var s = String(r)
        while s.contains(".") && s.count < 4 { s += "0" }
        return s
    }
}
