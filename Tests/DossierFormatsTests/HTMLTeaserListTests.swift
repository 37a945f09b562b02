import DossierCore
import Foundation
import XCTest

@testable import DossierFormats

/// Lists of other posts ("You may also like", an archive) beside an article: a blog's related
/// box of `<article>` teasers whose excerpts outscore the short article they follow, a story body
/// that holds a small related box, and a page that is nothing but a list. Also what a web page
/// repeats (a feature list under two products, the headline as `<title>` and `<h1>`).
final class HTMLTeaserListTests: XCTestCase {
    private static func teaser(_ i: Int) -> String {
        let excerpt = (0..<3).map { _ in HTMLExtractionTests.sentence(100 + i) }.joined(separator: " ")
        return "<article class=\"postbox\"><h2><a href=\"/p\(i)\">Post \(i)</a></h2><p>\(excerpt) …</p></article>"
    }

    private func ingest(_ html: String) throws -> Document {
        try HTMLExtractionTests.stage().ingest(InputFile(path: "page.html", bytes: Array(html.utf8)))
    }

    /// The box of teasers after a short article, as a section or as an `<article>` of its own
    /// around the teasers (one blog theme's markup): the article stays, the teasers are logged.
    func testTeasersAfterAShortArticleLeave() throws {
        for box in ["section", "article"] {
            let article = (1...4).map { "<p>\(HTMLExtractionTests.sentence($0))</p>" }.joined()
            let html = """
                <html><head><title>Budget agreed</title></head><body>
                <div id="primary"><article class="articlebox"><h1>Budget agreed</h1>\(article)</article>
                <\(box) class="postbox"><h3>You may also like</h3>\((1...5).map(Self.teaser).joined())</\(box)>
                </div></body></html>
                """
            let d = try ingest(html)
            let kept = d.lines.map(\.text).filter { $0.hasPrefix("Paragraph ") }
            XCTAssertEqual(kept, (1...4).map(HTMLExtractionTests.sentence), box)
            XCTAssertTrue(d.removed.contains { $0.text.contains("Paragraph 101") }, box)
        }
    }

    /// Teasers inside the container that holds the article's paragraphs: scoring cannot leave
    /// them out, cleaning does, with its rule.
    func testTeasersInsideTheArticlesContainerLeaveWithTheirRule() throws {
        let article = (1...4).map { "<p>\(HTMLExtractionTests.sentence($0))</p>" }.joined()
        let html = """
            <html><head><title>Budget agreed</title></head><body>
            <div id="primary"><h1>Budget agreed</h1>\(article)
            <div class="more"><h3>You may also like</h3>\((1...3).map(Self.teaser).joined())</div></div>
            </body></html>
            """
        let d = try ingest(html)
        XCTAssertEqual(
            d.lines.map(\.text).filter { $0.hasPrefix("Paragraph ") }, (1...4).map(HTMLExtractionTests.sentence))
        XCTAssertTrue(
            d.removed.contains { $0.reason.contains("list of other articles") && $0.text.contains("Paragraph 101") },
            "\(d.removed.map(\.reason))")
    }

    /// A story body with a box of two related articles inside is no list: its paragraphs stay.
    func testAStoryBodyWithARelatedBoxInsideIsKept() throws {
        let story = (1...6).map { "<p>\(HTMLExtractionTests.sentence($0))</p>" }
        let related =
            "<aside-box><article><a href=\"/a\">Earlier: ministers meet</a></article>"
            + "<article><a href=\"/b\">Earlier: budget talks</a></article></aside-box>"
        let html = """
            <html><head><title>Budget agreed</title></head><body><h1>Budget agreed</h1>
            <div class="story-body">\(story[0...2].joined())\(related)\(story[3...5].joined())</div>
            </body></html>
            """
        let d = try ingest(html)
        XCTAssertEqual(
            d.lines.map(\.text).filter { $0.hasPrefix("Paragraph ") }, (1...6).map(HTMLExtractionTests.sentence))
        XCTAssertFalse(d.lines.contains { $0.text.hasPrefix("Earlier:") }, "the related box itself is a list")
    }

    /// A wrapper around the article and one teaser holds two `<article>` elements too; the one
    /// that holds the best-scoring block is the article, never a list of others.
    func testAWrapperOfTheArticleAndATeaserKeepsTheArticle() throws {
        let lead = (1...4).map { "<p>\(HTMLExtractionTests.sentence($0))</p>" }.joined()
        let article = (5...10).map { "<p>\(HTMLExtractionTests.sentence($0))</p>" }.joined()
        let html = """
            <html><head><title>Budget agreed</title></head><body><div class="page">\(lead)
            <div class="wrap"><article>\(article)</article>\(Self.teaser(1))</div></div></body></html>
            """
        let kept = Set(try ingest(html).lines.map(\.text))
        for i in 5...10 { XCTAssertTrue(kept.contains(HTMLExtractionTests.sentence(i)), "paragraph \(i) lost") }
    }

    /// A page that is only a list of posts has no article of its own beside the list: the list
    /// is what there is.
    func testAnArchivePageKeepsItsList() throws {
        let html = """
            <html><head><title>Archive</title></head><body><h1>Archive</h1>
            <div id="primary">\((1...4).map(Self.teaser).joined())</div></body></html>
            """
        let text = try ingest(html).lines.map(\.text).joined(separator: "\n")
        XCTAssertTrue(text.contains("Paragraph 101"), text)
        XCTAssertTrue(text.contains("Paragraph 104"), text)
    }

    /// Two products with the same feature list: the repeated lines are content, not a running
    /// header (a web page has no pages).
    func testLinesAWebPageRepeatsAreKept() throws {
        let features = "<ul><li>Charges quickly in the case</li><li>Easy setup for all devices</li></ul>"
        let intro = (1...3).map { "<p>\(HTMLExtractionTests.sentence($0))</p>" }.joined()
        let html = """
            <html><head><title>Two headsets compared</title></head><body><article><h1>Two headsets compared</h1>
            \(intro)<h2>The first headset</h2>\(features)<h2>The second headset</h2>\(features)</article>
            </body></html>
            """
        let d = try Support.runner().processDocument(InputFile(path: "page.html", bytes: Array(html.utf8)))
        let body = d.sections.flatMap(\.passages).map(\.text).joined(separator: "\n")
        XCTAssertEqual(body.components(separatedBy: "Charges quickly in the case").count - 1, 2, body)
        XCTAssertFalse(d.removed.contains { $0.stage == "normalize.page-furniture" }, "\(d.removed)")
    }

    /// The headline as the page's title and again as a heading in the body: the body's copy
    /// leaves with its reason, so no section is named like the page; a later section of that
    /// name, after the article's first paragraph, is the author's and stays.
    func testTheHeadlineRepeatedInTheBodyIsLoggedOnce() throws {
        let body = (1...3).map { "<p>\(HTMLExtractionTests.sentence($0))</p>" }.joined()
        let html = """
            <html><head><title>Budget agreed</title>
            <meta property="og:title" content="Budget agreed"></head><body>
            <header><h1 class="site">Budget agreed</h1></header>
            <div class="post"><h2>Budget agreed</h2>\(body)<h2>Budget agreed</h2>\(body)</div></body></html>
            """
        let d = try Support.runner().processDocument(InputFile(path: "page.html", bytes: Array(html.utf8)))
        XCTAssertEqual(d.title, "Budget agreed")
        XCTAssertEqual(d.removed.filter { $0.reason == "title repeated" }.map(\.text), ["Budget agreed"])
        XCTAssertEqual(d.sections.filter { $0.heading == "Budget agreed" }.count, 1, "\(d.sections.map(\.heading))")
        XCTAssertEqual(d.sections.flatMap(\.passages).count, 6)
    }
}
