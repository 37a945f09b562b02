import DossierCore

/// Turns every Markdown report into an HTML page through cmark (safe mode), inside one page
/// template with one stylesheet. On cmark's node tree (`Cmark.PageEdits`): links between reports
/// go from `.md` to `.html`, each note in the "Notes" list gets the id its citations link to, a
/// page of three or more sections gets a contents list, and the index's countries become cards.
public struct RenderHTML: CorpusStage {
    public static let id = "render.html"
    public static let summary = "Render each Markdown report to HTML through cmark, with the shared stylesheet"
    public static let requires: Set<Artifact> = [.markdown]
    public static let produces: Set<Artifact> = [.html]
    public static let mustPrecede: Set<Artifact> = [.outputs]

    public init(options: NoOptions, context: StageContext) {}

    public func run(_ corpus: inout Corpus) throws {
        let reports = corpus.reports.sorted { $0.id < $1.id }
        var edits = Cmark.PageEdits()
        edits.links = Dictionary(uniqueKeysWithValues: reports.map { ($0.id.path(.markdown), $0.id.path(.html)) })
        edits.notesHeading = "notes"
        edits.contentsMinimum = 3
        let created = Self.newestSourceDate(corpus)
        for report in reports {
            edits.cards = report.kind == .index
            let body = Cmark.html(fromMarkdown: report.markdown, edits: edits)
            let country = report.country
            let description = country.map { "Partnership briefing on \($0), with every claim cited to its source." }
            let metadata = HTMLPage.Metadata(
                description: description ?? report.title,
                keywords: ["partnership", "NATO"] + (country.map { [$0, "briefing"] } ?? ["comparative summary"]),
                created: created)
            // Wide matrices: the summary of many countries prints on landscape pages.
            let wide = report.kind == .summary && corpus.profiles.count > 6
            let html = HTMLPage.render(title: report.title, body: body, metadata: metadata, wide: wide)
            corpus.write(OutputFile(path: report.id.path(.html), text: html, kind: .html, report: report.id))
        }
        corpus.write(OutputFile(path: "style.css", text: HTMLPage.stylesheet, kind: .stylesheet))
    }

    /// The newest date any source states, as an ISO date, for the documents' creation date.
    static func newestSourceDate(_ corpus: Corpus) -> String? {
        let dates = corpus.documents.compactMap { ($0.facts.lastUpdated ?? $0.facts.published)?.date }
        guard let newest = dates.max(by: { $0.prefix(4) == $1.prefix(4) ? $0 < $1 : $0.prefix(4) < $1.prefix(4) })
        else { return nil }
        return newest.count == 4 ? "\(newest)-01-01" : newest
    }
}
