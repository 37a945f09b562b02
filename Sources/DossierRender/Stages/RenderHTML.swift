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
        let markdown = corpus.outputs.values.filter { $0.path.hasSuffix(".md") }.sorted { $0.path < $1.path }
        let pages = Set(markdown.map(\.path))
        for file in markdown {
            let source = String(decoding: file.contents, as: UTF8.self)
            var body = Cmark.html(fromMarkdown: source)
            body = Self.linkReports(body, pages: pages)
            body = Self.numberNotes(body)
            let title = source.split(separator: "\n").first.map { Self.plainTitle(String($0)) } ?? "Dossier"
            let html = HTMLPage.render(title: title, body: body)
            corpus.write(OutputFile(path: String(file.path.dropLast(3)) + ".html", text: html))
        }
        corpus.write(OutputFile(path: "style.css", text: HTMLPage.stylesheet))
    }

    /// `href="x.md"` (and `x.md#frag`) → `x.html` for reports this build writes. One pass over
    /// the page: a replace per known report would make the stage quadratic in the corpus size.
    static func linkReports(_ html: String, pages: Set<String>) -> String {
        let marker = "href=\""
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var rest = Substring(html)
        while let start = rest.range(of: marker) {
            out += rest[..<start.upperBound]
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            let target = rest[..<end]
            let path = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            if let file = path.first, pages.contains(String(file)) {
                out += file.dropLast(3) + ".html" + (path.count > 1 ? "#" + path[1] : "")
            } else {
                out += target
            }
            rest = rest[end...]
        }
        out += rest
        return out
    }

    /// Gives the items of the list after the "Notes" heading the ids `note-1`, `note-2`, ….
    static func numberNotes(_ html: String) -> String {
        guard let heading = html.range(of: "<h2 id=\"notes\">"), let list = html.range(of: "<ol>", range: heading.upperBound..<html.endIndex),
              let end = html.range(of: "</ol>", range: list.upperBound..<html.endIndex) else { return html }
        var items = String(html[list.upperBound..<end.lowerBound])
        var n = 0
        var rebuilt = ""
        while let li = items.range(of: "<li>") {
            n += 1
            rebuilt += items[..<li.lowerBound] + "<li id=\"note-\(n)\">"
            items = String(items[li.upperBound...])
        }
        rebuilt += items
        return String(html[..<list.upperBound]) + rebuilt + String(html[end.lowerBound...])
    }

    /// The Markdown title line without `#` and backslash escapes.
    static func plainTitle(_ line: String) -> String {
        var s = line.drop { $0 == "#" || $0 == " " }
        var out = ""
        while let c = s.first {
            s = s.dropFirst()
            if c == "\\", let next = s.first, next.isPunctuation || next.isSymbol { out.append(next); s = s.dropFirst() } else { out.append(c) }
        }
        return out
    }
}
