import DossierCore

/// Turns every Markdown report into an HTML page through cmark (safe mode), inside one page
/// template with one stylesheet. Links between reports are rewritten from `.md` to `.html`, and
/// each note in a "Notes" list gets the id its citations link to.
public struct RenderHTML: CorpusStage {
    public static let id = "render.html"
    public static let summary = "Render each Markdown report to HTML through cmark, with the shared stylesheet"
    public static let requires: Set<Artifact> = [.markdown]
    public static let produces: Set<Artifact> = [.html]

    public init(options: NoOptions, context: StageContext) {}

    public func run(_ corpus: inout Corpus) throws {
        let reports = corpus.reports.sorted { $0.id < $1.id }
        let pages = Set(reports.map { $0.id.path(.markdown) })
        let created = Self.newestSourceDate(corpus)
        for report in reports {
            var body = Cmark.html(fromMarkdown: report.markdown)
            body = Self.linkReports(body, pages: pages)
            body = Self.numberNotes(body)
            body = Self.insertContents(body)
            if report.kind == .index { body = Self.groupCards(body) }
            let country = report.country
            let metadata = HTMLPage.Metadata(
                description: country.map { "Partnership briefing on \($0), with every claim cited to its source." } ?? report.title,
                keywords: ["partnership", "NATO"] + (country.map { [$0, "briefing"] } ?? ["comparative summary"]),
                created: created)
            // Wide matrices: the summary of many countries prints on landscape pages.
            let wide = report.kind == .summary && corpus.profiles.count > 6
            let html = HTMLPage.render(title: report.title, body: body, metadata: metadata, wide: wide)
            corpus.write(OutputFile(path: report.id.path(.html), text: html, kind: .html, report: report.id))
        }
        corpus.write(OutputFile(path: "style.css", text: HTMLPage.stylesheet, kind: .stylesheet))
    }

    /// `href="x.md"` (and `x.md#frag`) → `x.html` for reports this build writes. One pass over
    /// the page's bytes: per-report replaces, or Foundation searches that restart at the front,
    /// would make the stage quadratic in the size of the corpus.
    static func linkReports(_ html: String, pages: Set<String>) -> String {
        var out: [UInt8] = []
        let bytes = Array(html.utf8)
        out.reserveCapacity(bytes.count + bytes.count / 50)
        let marker = Array("href=\"".utf8)
        var i = 0
        while let start = find(marker, in: bytes, from: i) {
            let valueStart = start + marker.count
            out += bytes[i..<valueStart]
            guard let end = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { i = valueStart; break }
            let value = String(decoding: bytes[valueStart..<end], as: UTF8.self)
            let parts = value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            if let file = parts.first, pages.contains(String(file)) {
                out += Array((file.dropLast(3) + ".html" + (parts.count > 1 ? "#" + parts[1] : "")).utf8)
            } else {
                out += bytes[valueStart..<end]
            }
            i = end
        }
        out += bytes[i...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Gives the items of the list after the "Notes" heading the ids `note-1`, `note-2`, ….
    static func numberNotes(_ html: String) -> String {
        let bytes = Array(html.utf8)
        guard let heading = find(Array("<h2 id=\"notes\">".utf8), in: bytes, from: 0),
              let list = find(Array("<ol>".utf8), in: bytes, from: heading),
              let end = find(Array("</ol>".utf8), in: bytes, from: list) else { return html }
        let item = Array("<li>".utf8)
        var out = Array(bytes[..<list])
        var i = list
        var n = 0
        while let li = find(item, in: bytes, from: i), li < end {
            n += 1
            out += bytes[i..<li] + Array("<li id=\"note-\(n)\">".utf8)
            i = li + item.count
        }
        out += bytes[i...]
        return String(decoding: out, as: UTF8.self)
    }

    /// The first occurrence of `needle` in `bytes` at or after `from`.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var i = from
        while i <= bytes.count - needle.count {
            guard let hit = bytes[i...(bytes.count - needle.count)].firstIndex(of: first) else { return nil }
            if bytes[hit..<(hit + needle.count)].elementsEqual(needle) { return hit }
            i = hit + 1
        }
        return nil
    }

    /// On the index, each `<h3>` and the list after it become a card in a grid.
    static func groupCards(_ html: String) -> String {
        var out = ""
        var rest = Substring(html)
        var open = false
        while let h3 = rest.range(of: "<h3 id=\""), let listEnd = rest.range(of: "</ul>", range: h3.upperBound..<rest.endIndex) {
            out += rest[..<h3.lowerBound]
            if !open { out += "<div class=\"cards\">\n"; open = true }
            out += "<section class=\"card\">" + rest[h3.lowerBound..<listEnd.upperBound] + "</section>\n"
            rest = rest[listEnd.upperBound...].drop { $0 == "\n" }
            if !rest.hasPrefix("<h3 id=\"") { out += "</div>\n"; open = false }
        }
        if open { out += "</div>\n" }
        return out + rest
    }

    /// A contents list of the page's sections, after its title (page numbers in the PDF).
    static func insertContents(_ html: String) -> String {
        var entries: [(id: String, text: String)] = []
        var rest = Substring(html)
        while let start = rest.range(of: "<h2 id=\"") {
            rest = rest[start.upperBound...]
            guard let q = rest.firstIndex(of: "\""), let close = rest.range(of: "</h2>") else { break }
            let id = String(rest[..<q])
            let inner = rest[rest.index(after: rest.index(after: q))..<close.lowerBound]
            entries.append((id, String(inner)))
            rest = rest[close.upperBound...]
        }
        guard entries.count >= 3, let h1 = html.range(of: "</h1>") else { return html }
        let items = entries.map { "<li><a href=\"#\($0.id)\">\($0.text)</a></li>" }.joined(separator: "\n")
        let nav = "\n<nav class=\"toc\" aria-label=\"Contents\"><p>Contents</p><ol>\n\(items)\n</ol></nav>"
        return String(html[..<h1.upperBound]) + nav + String(html[h1.upperBound...])
    }

    /// The newest date any source states, as an ISO date, for the documents' creation date.
    static func newestSourceDate(_ corpus: Corpus) -> String? {
        let dates = corpus.documents.compactMap { ($0.facts.lastUpdated ?? $0.facts.published)?.date }
        guard let newest = dates.max(by: { $0.prefix(4) == $1.prefix(4) ? $0 < $1 : $0.prefix(4) < $1.prefix(4) }) else { return nil }
        return newest.count == 4 ? "\(newest)-01-01" : newest
    }
}
