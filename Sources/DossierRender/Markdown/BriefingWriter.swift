import DossierCore

/// One country's briefing as Markdown: an analyst's summary, sources and how current they are,
/// frameworks, NATO's cooperation areas with quoted evidence, timeline, relations with other
/// powers, embassy, disagreements and silences, and numbered notes that cite the source file
/// and lines of every claim.
struct BriefingWriter {
    let profile: CountryProfile
    let taxonomy: Taxonomy
    /// The date ages are measured from (the newest source date in the corpus), as a year.
    let asOfYear: Int?
    var md = MarkdownBuilder()
    var cites = Citations()

    /// Whether `charts/<slug>-….svg` exist (render.charts ran first).
    var hasCharts = false
    /// A relation's picture older than this by content (years from its newest reported event
    /// to `asOfYear`) is flagged as dated.
    var maxAgeYears = 5

    init(profile: CountryProfile, taxonomy: Taxonomy, asOfYear: Int?, hasCharts: Bool = false, maxAgeYears: Int = 5) {
        self.profile = profile
        self.taxonomy = taxonomy
        self.asOfYear = asOfYear
        self.hasCharts = hasCharts
        self.maxAgeYears = maxAgeYears
    }

    /// The level-1 heading, before escaping.
    var title: String { "\(profile.country) — partnership briefing" }

    mutating func write() -> String {
        md.heading(1, title)
        md.paragraph(ReportLinks.header)
        analystSummary()
        sources()
        currencySection()
        frameworks()
        areas()
        constraintsSection()
        keyFigures()
        timeline()
        otherPowers()
        embassy()
        silences()
        notes()
        return md.text
    }

    func esc(_ s: String) -> String { MarkdownText.escape(s) }
    func cell(_ s: String) -> String { MarkdownText.escapeCell(s) }

    /// “The sentence of `e` that carries its evidence” [n], trimmed to `limit`; its note shows
    /// that sentence in full.
    mutating func quoted(_ e: Evidence, needles: [String]? = nil, limit: Int = 280, inCell: Bool = false) -> String {
        let sentence = needles.map { Evidence.carryingSentence(of: e.text, needles: $0) } ?? e.carryingSentence
        let shown = Quote.trim(sentence, limit: limit)
        // A claim the source itself qualifies ("reportedly") is marked wherever it is quoted, and
        // evidence another area lends (taxonomy `implies`) says so, as it names no word of this one.
        let hedge = e.hedged ? " (hedged in the source)" : ""
        let implied = impliedNote(e)
        return "“\(inCell ? cell(shown) : esc(shown))”\(hedge)\(implied) " + cites.cite(e, for: sentence)
    }

    /// " (implied by operations support)" for evidence an implying area lends, else "".
    func impliedNote(_ e: Evidence) -> String {
        for case .impliedBy(let id) in e.signals {
            return " (implied by \(esc(Self.inSentence(taxonomy.areas.first { $0.id == id }?.label ?? id))))"
        }
        return ""
    }

    /// A citation of `e` for the sentence of it a quote would show.
    mutating func cite(_ e: Evidence) -> String {
        cites.cite(e, for: e.carryingSentence)
    }

    func label(of file: String) -> String { profile.sources.first { $0.file == file }?.label ?? "?" }

    /// How a source says when it went out: "©" for a copyright line, else "published" (a
    /// dateline, a "Published …" line, the page's metadata).
    static func publishedMark(_ fact: DatedFact) -> String {
        let text = fact.evidence.text.lowercased()
        return text.contains("©") || text.contains("copyright") || text.contains("(c)") ? "©" : "published"
    }

    // MARK: - Sections

    private mutating func sources() {
        md.heading(2, "Sources")
        let ageHeader = asOfYear.map { "Age (years to \($0))" } ?? "Age"
        var rows: [[String]] = []
        for s in profile.sources {
            let date =
                s.lastUpdated?.date ?? s.published.map { "\($0.date) (\(Self.publishedMark($0)))" } ?? "not stated"
            let age = s.date?.year.flatMap { y in asOfYear.map { String($0 - y) } } ?? "—"
            let notes = s.footnoteCount > 0 ? " (\(s.footnoteCount) notes)" : ""
            let by = [s.author, s.publisher].compactMap { $0 }.map { "\(cell($0.value)) \(cites.cite($0.evidence))" }
            let newest = s.newestEvent.map { "\($0.year!) \(cites.cite($0.evidence[0]))" } ?? "none dated"
            rows.append([
                s.label, "\(cell(s.title)) — \(cell(s.file))", cell(s.kind.rawValue) + notes,
                by.isEmpty ? "not stated" : by.joined(separator: "; "), date, newest, age,
            ])
        }
        md.table(
            ["#", "Source", "Kind", "Author; publisher", "Last updated", "Newest event", ageHeader], rows,
            align: ["l", "l", "l", "l", "l", "l", "r"])
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
                quoted(f.evidence, needles: [String(f.year ?? 0)], limit: 200, inCell: true),
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
            md.heading(3, "\(area.label) — \(Self.strength(area.score))")
            // An area only another implies has no passage of its own (taxonomy `implies`).
            let passages =
                area.passageCount == 0 && !area.evidence.isEmpty
                ? "no passage of its own" : "\(area.passageCount) passage\(area.passageCount == 1 ? "" : "s")"
            md.paragraph("Score \(format(area.score)); \(passages); sources: \(area.sources.joined(separator: ", ")).")
            md.bullets(
                area.evidence.map { e in
                    "\(label(of: e.span.file)): " + quoted(e)
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
        let inactive = taxonomy.areas.filter { a in !profile.areas.contains { $0.area == a.id } }
        let silent = inactive.filter { profile.areaPassages[$0.id, default: 0] == 0 }.map { esc($0.label) }
        let thin = inactive.compactMap { a in
            profile.areaPassages[a.id].map { n in "\(esc(a.label)) (\(n) passage\(n == 1 ? "" : "s"))" }
        }
        if !silent.isEmpty {
            items.append("No passage of any source supports: " + silent.joined(separator: "; ") + ".")
        }
        if !thin.isEmpty {
            items.append("Mentioned, but too briefly to count as an area: " + thin.joined(separator: "; ") + ".")
        }
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
                        ", \(Self.publishedMark($0)) \($0.date)"
                    } ?? ""
                let title = source.map { "“\(esc($0.title))”" } ?? ""
                let sourceNotes =
                    e.footnotes.isEmpty
                    ? ""
                    : " The source's own note\(e.footnotes.count == 1 ? "" : "s") for this passage: "
                        + e.footnotes.map { "(\($0.number)) \(esc(Quote.trim($0.text, limit: 400)))" }.joined(
                            separator: " ")
                return "\(label(of: e.span.file)), \(e.span.lineLabel) — \(title) (\(esc(e.span.file))\(date)): "
                    + "“\(esc(Quote.trim(note.quote, limit: 600)))”" + sourceNotes
            })
    }

    /// A label inside a sentence: "Civil emergency planning" → "civil emergency planning", but
    /// "NATO-led operations" keeps its capitals.
    static func inSentence(_ label: String) -> String {
        let chars = Array(label)
        guard chars.count > 1, chars[0].isUppercase, chars[1].isLowercase else { return label }
        return chars[0].lowercased() + String(chars.dropFirst())
    }

    func format(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        var s = String(r)
        while s.contains(".") && s.count < 4 { s += "0" }
        return s
    }
}
