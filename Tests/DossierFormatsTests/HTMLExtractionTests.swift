import DossierCore
import Foundation
import Logging
import XCTest

@testable import DossierFormats

/// Main-content extraction of web pages, on pages written here in the shapes news and
/// government sites have: nested wrappers, page chrome, JSON-LD-only articles, captions and
/// tables, site-suffixed titles, and malformed or huge input.
final class HTMLExtractionTests: XCTestCase {
    private func process(_ html: String, path: String = "page.html") throws -> Document {
        try Support.runner().processDocument(InputFile(path: path, bytes: Array(html.utf8)))
    }

    /// Ingest alone (no normalizers), for the raw lines and the removed-text log.
    private func ingest(_ html: String, path: String = "page.html", options: IngestHTML.Options = .init()) throws
        -> Document
    {
        try Self.stage(options).ingest(InputFile(path: path, bytes: Array(html.utf8)))
    }

    static func stage(_ options: IngestHTML.Options = .init()) -> IngestHTML {
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        return IngestHTML(
            options: options,
            context: StageContext(
                baseDirectory: Support.repo, configFile: "pipeline.yaml",
                taxonomy: Taxonomy(areas: []), logger: logger))
    }

    static func sentence(_ i: Int) -> String {
        "Paragraph \(i) reports that the ministers of the alliance met in Brussels, agreed on the budget, and asked "
            + "the partner countries for comments on the plan."
    }

    // MARK: - Shapes of news pages

    /// The saved news page whose 19 `<p>` each sat inside its own nested `<div>`s lost its
    /// article: every paragraph must survive, and the chrome around it must not.
    func testNestedDivsNewsPageKeepsAll19Paragraphs() throws {
        let paragraphs = (1...19).map { i in
            "<div class=\"l-container\"><div "
                + "class=\"zn-body__paragraph\"><div><p>\(Self.sentence(i))</p></div></div></div>"
        }.joined(separator: "\n")
        let html = """
            <html><head><title>Ministers agree budget - World News Network</title></head><body>
            <header class="site-header"><a href="/">WNN</a><ul><li><a href="/world">World</a></li><li><a \
            href="/politics">Politics</a></li></ul></header>
            <div class="page"><div class="wrapper"><div class="pg-body">
            <h1 class="pg-headline">Ministers agree budget</h1>
            <div class="metadata"><span class="byline">By Ann Writer</span></div>
            <div class="body-text">
            \(paragraphs)
            </div></div></div></div>
            <footer><p>© 2024 World News Network. All rights reserved.</p></footer>
            </body></html>
            """
        let d = try process(html)
        XCTAssertEqual(d.title, "Ministers agree budget")
        let text = d.passages.map(\.text)
        for i in 1...19 { XCTAssertTrue(text.contains(Self.sentence(i)), "paragraph \(i) missing: \(text)") }
        XCTAssertFalse(text.joined().contains("All rights reserved"))
        XCTAssertFalse(text.joined().contains("Politics"))
        XCTAssertEqual(d.metadata?.author, "Ann Writer")
    }

    /// Navigation, share and subscribe bars, a cookie banner, a trending list and comments are
    /// dropped, each recorded with the rule that dropped it.
    func testPageChromeIsDroppedAndRecordedWithItsRule() throws {
        let body = (1...6).map { "<p>\(Self.sentence($0))</p>" }.joined()
        let html = """
            <html lang="en"><head><title>Partner talks resume | Gov News</title>
            <meta property="og:site_name" content="Gov News"></head><body>
            <div id="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
            <nav><a href="/">Home</a> <a href="/about">About us</a></nav>
            <main><article>
            <h1>Partner talks resume</h1>
            <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
            \(body)
            <div class="newsletter-signup"><p>Subscribe to our weekly newsletter for the latest updates from the \
            ministry.</p></div>
            </article></main>
            <aside class="trending"><h2>Trending now</h2><ol><li><a href="/a">Celebrity buys island in the Pacific \
            Ocean</a></li>
            <li><a href="/b">Ten recipes for the summer holidays</a></li></ol></aside>
            <section id="comments"><h2>Comments</h2><p>I think this is a great article and everyone should read it, \
            really.</p></section>
            </body></html>
            """
        let raw = try ingest(html)
        let kept = raw.lines.map(\.text).joined(separator: "\n")
        for chrome in ["cookies", "Home", "Share on", "newsletter", "Trending", "Celebrity", "great article"] {
            XCTAssertFalse(kept.contains(chrome), "'\(chrome)' kept:\n\(kept)")
        }
        for i in 1...6 { XCTAssertTrue(kept.contains(Self.sentence(i))) }
        let reasons = Dictionary(raw.removed.map { ($0.text, $0.reason) }, uniquingKeysWith: { a, _ in a })
        XCTAssertTrue(raw.removed.allSatisfy { $0.stage == "ingest.html" })
        XCTAssertEqual(
            reasons["We use cookies to improve your experience. Accept all cookies?"], "boilerplate (id 'cookie*')")
        XCTAssertEqual(reasons["Share on Facebook Share on X"], "boilerplate (class 'share*')")
        XCTAssertEqual(reasons["Home About us"], "boilerplate (<nav>)")
        XCTAssertEqual(reasons["Celebrity buys island in the Pacific Ocean"], "boilerplate (<aside>)")
        XCTAssertEqual(
            reasons["I think this is a great article and everyone should read it, really."],
            "boilerplate (id 'comment*')")
        XCTAssertEqual(raw.title, "Partner talks resume")
        XCTAssertEqual(raw.metadata?.siteName, "Gov News")
        XCTAssertEqual(raw.metadata?.language, "en")
    }

    /// A page that renders its article with JavaScript still gives the article, from JSON-LD.
    func testArticleOnlyInJSONLDComesFromArticleBody() throws {
        let article = (1...4).map(Self.sentence).joined(separator: "\\n\\n")
        let html = """
            <html><head><title>Loading…</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[\
            {"@type":"WebSite","name":"The Courier"},
            {"@type":"NewsArticle","headline":"Alliance budget agreed","datePublished":"2024-03-05T10:00:00Z",
             "dateModified":"2024-03-06T08:30:00Z","author":[{"@type":"Person","name":"Ann \
            Writer"},{"@type":"Person","name":"Bo Reporter"}],
             "publisher":{"@type":"Organization","name":"The Courier"},"articleBody":"\(article)"}]}</script>
            </head><body><div id="app"><nav><a href="/">Home</a></nav><p>Please enable \
            JavaScript.</p></div></body></html>
            """
        let d = try process(html)
        XCTAssertEqual(d.title, "Alliance budget agreed")
        XCTAssertEqual(d.passages.map(\.text), (1...4).map(Self.sentence))
        XCTAssertEqual(d.metadata?.published, "2024-03-05T10:00:00Z")
        XCTAssertEqual(d.metadata?.modified, "2024-03-06T08:30:00Z")
        XCTAssertEqual(d.metadata?.author, "Ann Writer, Bo Reporter")
        XCTAssertEqual(d.metadata?.siteName, "The Courier")
        XCTAssertTrue(
            d.removed.contains {
                $0.text == "Please enable JavaScript." && $0.reason == "replaced by the JSON-LD articleBody"
            })
    }

    /// A byline element that runs on into its date gives the name alone.
    func testAnAuthorElementKeepsTheNameNotItsDate() throws {
        let body = (1...4).map { "<p>\(Self.sentence($0))</p>" }.joined()
        let html = """
            <html><head><title>Budget agreed</title></head><body><article><h1>Budget agreed</h1>
            <div class="author" itemprop="author">COURIER STAFF <span>NOVEMBER 20, 2019 10:43</span></div>
            \(body)</article></body></html>
            """
        XCTAssertEqual(try process(html).metadata?.author, "COURIER STAFF")
        XCTAssertEqual(PageMetadata.names("Posted by Ann Writer|Updated 3 May 2021"), "Ann Writer")
        XCTAssertEqual(PageMetadata.names("Ann Writer · Bo Reporter"), "Ann Writer, Bo Reporter")
        XCTAssertEqual(PageMetadata.names("May Lee"), "May Lee", "a month name is a name unless a number follows")
        XCTAssertNil(PageMetadata.names("Published: 3 May 2021"), "a date names nobody")
    }

    /// Figure captions and tables stay, captions marked as such (and kept out of the body); headings, lists and block
    /// quotes too; footnotes outside the article container are kept.
    func testFigureCaptionTableListAndNotesAreKept() throws {
        let html = """
            <html><head><meta property="og:title" content="Defence spending in 2024 – Ministry of Defence">
            <meta property="og:site_name" content="Ministry of Defence">
            <meta property="article:published_time" content="2024-06-01"><link rel="canonical" \
            href="https://example.gov/spending"></head><body>
            <div class="content"><h1>Defence spending in 2024</h1>
            <p>\(Self.sentence(1))</p>
            <figure><img src="chart.png" alt=""><figcaption>Figure 1: Spending by member, 2014 to \
            2024.</figcaption></figure>
            <p>\(Self.sentence(2))</p>
            <h2>Spending by country</h2>
            <table><caption>Table 2: Share of GDP</caption><tr><th>Country</th><th>Share</th></tr>
            <tr><td>Ruritania</td><td>2.1%</td></tr><tr><td>Freedonia</td><td>1.4%</td></tr></table>
            <ul><li>Spending rose in every member state, as the table above shows.</li><li>Two members spent less \
            than planned.</li></ul>
            <blockquote>We will meet our commitments, said the minister, speaking in the capital.</blockquote>
            <p>\(Self.sentence(3))<sup><a href="#fn1">1</a></sup></p>
            </div>
            <div class="footnotes"><ol><li id="fn1">Ministry of Defence, Annual Report 2024, p. 12.</li></ol></div>
            <footer class="site-footer"><a href="/privacy">Privacy</a></footer>
            </body></html>
            """
        let raw = try ingest(html)
        let texts = raw.lines.map(\.text)
        XCTAssertTrue(texts.contains("Figure 1: Spending by member, 2014 to 2024."))
        XCTAssertTrue(texts.contains("Table 2: Share of GDP"))
        XCTAssertTrue(texts.contains("Country | Share"))
        XCTAssertTrue(texts.contains("Ruritania | 2.1%"))
        XCTAssertTrue(texts.contains("We will meet our commitments, said the minister, speaking in the capital."))
        XCTAssertTrue(texts.contains("Ministry of Defence, Annual Report 2024, p. 12."), "endnotes kept: \(texts)")
        XCTAssertFalse(texts.contains("Privacy"))
        XCTAssertEqual(raw.lines.first { $0.text == "Spending by country" }?.role, .heading)
        XCTAssertEqual(raw.lines.first { $0.text == "Two members spent less than planned." }?.role, .listItem)
        XCTAssertEqual(raw.lines.first { $0.text.hasPrefix("Figure 1: Spending") }?.role, .caption)
        XCTAssertEqual(raw.lines.first { $0.text == "Table 2: Share of GDP" }?.role, .caption)
        // Through the pipeline the captions are captions, not body passages.
        let d = try process(html)
        XCTAssertFalse(
            d.passages.contains { $0.text.contains("Figure 1: Spending") || $0.text.contains("Table 2: Share") })
        XCTAssertTrue(
            d.removed.contains {
                $0.stage == "normalize.captions" && $0.reason == "figure caption"
                    && $0.text.hasPrefix("Figure 1: Spending")
            })
        XCTAssertTrue(d.passages.contains { $0.text == Self.sentence(2) }, "the text after the figure stays")
        XCTAssertEqual(raw.title, "Defence spending in 2024")
        XCTAssertEqual(raw.metadata?.published, "2024-06-01")
        XCTAssertEqual(raw.metadata?.canonicalURL, "https://example.gov/spending")
    }

    /// " | Site Name" goes from the title, whichever source it came from.
    func testTitleLosesItsSiteSuffix() throws {
        let body = (1...5).map { "<p>\(Self.sentence($0))</p>" }.joined()
        let cases: [(head: String, h1: String, expected: String)] = [
            (
                "<title>Talks with Ruritania resume | The Daily Planet</title><meta property='og:site_name' "
                    + "content='The Daily Planet'>",
                "", "Talks with Ruritania resume"
            ),
            ("<title>Talks with Ruritania resume - BBC News</title>", "", "Talks with Ruritania resume"),
            (
                "<title>Home</title><meta property='og:title' content='Talks with Ruritania resume | Planet'>", "",
                "Talks with Ruritania resume"
            ),
            (
                "<title>Talks resume — Planet</title>", "<h1>Talks with Ruritania resume after two years</h1>",
                "Talks with Ruritania resume after two years"
            ),
            ("<title>Ruritania: a profile</title>", "", "Ruritania: a profile"),
        ]
        for c in cases {
            let d = try process("<html><head>\(c.head)</head><body><div class=story>\(c.h1)\(body)</div></body></html>")
            XCTAssertEqual(d.title, c.expected, c.head)
            XCTAssertEqual(d.passages.count, 5, c.head)
        }
    }

    // MARK: - Robustness

    func testTenThousandDeepNestingGivesItsText() throws {
        let depth = 10_000
        let html =
            "<html><body>" + String(repeating: "<div>", count: depth) + "<p>\(Self.sentence(1))</p>"
            + String(repeating: "</div>", count: depth) + "<p>\(Self.sentence(2))</p></body></html>"
        let start = Date()
        let d = try ingest(html)
        let text = d.lines.map(\.text).joined(separator: " ")
        XCTAssertTrue(text.contains(Self.sentence(1)), "the deep text stays")
        XCTAssertTrue(text.contains(Self.sentence(2)))
        // Unclosed, too.
        let unclosed = try ingest("<html><body>" + String(repeating: "<div><span>", count: depth) + Self.sentence(3))
        XCTAssertTrue(unclosed.lines.map(\.text).joined().contains("Paragraph 3 reports"))
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
    }

    func testLargePageIsReadInBoundedTime() throws {
        let paragraph = "<div class=\"para\"><p>\(Self.sentence(7)) <a href=\"/x\">link</a></p></div>\n"
        let nav = "<nav><ul>" + String(repeating: "<li><a href='/'>Section</a></li>", count: 50) + "</ul></nav>"
        var html = "<html><head><title>Large</title></head><body>\(nav)<article><h1>Large</h1>"
        html.reserveCapacity(6_000_000)
        while html.utf8.count < 5_000_000 { html += paragraph }
        html += "</article></body></html>"
        let start = Date()
        let d = try ingest(html)
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertGreaterThan(d.lines.count, 20_000)
        XCTAssertTrue(d.removed.contains { $0.reason == "boilerplate (<nav>)" })
        XCTAssertLessThan(elapsed, 60, "5 MB took \(elapsed) s")
    }

    func testMalformedAndMisdeclaredPagesGiveCleanResults() throws {
        // Unclosed paragraphs and list items, a stray </div>, an unquoted attribute.
        let broken = try process(
            "<html><body><div class=content><p>\(Self.sentence(1))<p>\(Self.sentence(2))</div></div>"
                + "<ul><li>one<li>two</ul><p>\(Self.sentence(3))"
        )
        XCTAssertEqual(broken.passages.filter { $0.text.hasPrefix("Paragraph") }.count, 3)
        // The page says ISO-8859-1 but is UTF-8: the bytes win.
        let misdeclared = try ingest(
            "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Déjà vu à Genève: "
                + "\(Self.sentence(1))</p></body></html>"
        )
        XCTAssertTrue(misdeclared.lines.contains { $0.text.hasPrefix("Déjà vu à Genève") })
        // Latin-1 bytes declared as UTF-8: read as Windows-1252, with a warning naming the file.
        var latin1 =
            Array("<html><head><meta charset=utf-8></head><body><p>Caf".utf8) + [0xE9] + Array(" cr".utf8) + [0xE8]
        latin1 += Array("me: \(Self.sentence(2))</p></body></html>".utf8)
        let d = try Self.stage().ingest(InputFile(path: "latin1.html", bytes: latin1))
        XCTAssertTrue(d.lines.contains { $0.text.hasPrefix("Café crème") })
        XCTAssertTrue(d.warnings.first?.hasPrefix("latin1.html:1:") == true, "\(d.warnings)")
        // Nothing readable: one typed problem (the runner adds the file and the stage).
        XCTAssertThrowsError(try ingest("<html><body><script>app()</script></body></html>", path: "empty.html")) {
            error in
            XCTAssertEqual(error as? HTMLProblem, .noReadableText)
        }
    }
}
