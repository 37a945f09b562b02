import DossierCore
import XCTest

@testable import DossierFormats

/// Slips in real pages' markup that must not cost the article: a heading closed with the wrong
/// tag, and ruby annotations (the pronunciation printed above the words of a Japanese page).
final class HTMLMarkupSlipsTests: XCTestCase {
    private func ingest(_ html: String) throws -> Document {
        try HTMLExtractionTests.stage().ingest(InputFile(path: "page.html", bytes: Array(html.utf8)))
    }

    private func body(_ d: Document) -> [String] {
        d.lines.filter { $0.role != .heading }.map(\.text).filter { !$0.isEmpty }
    }

    /// `<h2>…</h3>` leaves the h2 open, and libxml2 puts the rest of the article inside it:
    /// the article's paragraphs stay paragraphs, and the lead under the h2 is kept too.
    func testAHeadingLeftOpenDoesNotSwallowTheArticle() throws {
        let paragraphs = (1...6).map { "<p>\(HTMLExtractionTests.sentence($0))</p>" }.joined(separator: "\n")
        let html = """
            <html><head><title>Ministers agree budget</title></head><body>
            <nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <main><h1>Ministers agree budget</h1>
            <h2 class="excerpt">The partners were asked for their comments on the plan by the end of the month.</h3>
            <div id="articleBody">
            \(paragraphs)
            </div></main>
            <footer><p>© 2024 World News Network. All rights reserved.</p></footer>
            </body></html>
            """
        let d = try ingest(html)
        let text = body(d)
        for i in 1...6 { XCTAssertTrue(text.contains(HTMLExtractionTests.sentence(i)), "paragraph \(i): \(text)") }
        XCTAssertTrue(text.contains { $0.hasPrefix("The partners were asked") }, "the lead under the open h2")
        XCTAssertFalse(d.lines.contains { $0.role == .heading && $0.text.contains("Paragraph 1") })
        XCTAssertFalse(text.contains("Home World"), "the navigation stays out: \(text)")
    }

    /// A heading that only wraps its text in a `<div>` for styling, or sets a deck's bullet point
    /// as a list, is still a heading, and the article under it stays whole.
    func testAHeadingWithAStylingDivOrASummaryListStaysAHeading() throws {
        let paragraphs = (1...4).map { "<p>\(HTMLExtractionTests.sentence($0))</p>" }.joined(separator: "\n")
        let html = """
            <html><body><article><h1>Budget talks</h1><h2><div class="x">The ministers' meeting</div></h2>
            <h2 class="sub-headline"><ul><li>The partners have a month to comment on the plan</li></ul></h2>
            \(paragraphs)</article></body></html>
            """
        let d = try ingest(html)
        XCTAssertTrue(d.lines.contains { $0.role == .heading && $0.text == "The ministers' meeting" })
        XCTAssertTrue(d.lines.contains { $0.role == .heading && $0.text.hasPrefix("The partners have a month") })
        let text = body(d)
        for i in 1...4 { XCTAssertTrue(text.contains(HTMLExtractionTests.sentence(i)), "paragraph \(i): \(text)") }
    }

    /// Ruby annotations (`<rt>`, `<rp>`) are a reading aid, not words of the text: the base text
    /// reads as written, and the annotations are logged as removed with their rule.
    func testRubyAnnotationsLeaveTheTextAndAreLogged() throws {
        let ruby = "<ruby>法律<rp>(</rp><rt>ほうりつ</rt><rp>)</rp></ruby>"
        let sentence = "子どもを守るための\(ruby)ができました。新しい\(ruby)では、親が子どもをたたくことを禁止します。"
        let html = """
            <html><body><article><h1>体罰を禁止する法律</h1>
            <p>\(sentence)</p><p>\(sentence)</p><p>\(sentence)</p></article></body></html>
            """
        let d = try ingest(html)
        let text = body(d).joined(separator: "\n")
        XCTAssertTrue(text.contains("子どもを守るための法律ができました。"), text)
        XCTAssertFalse(text.contains("ほうりつ"), text)
        XCTAssertTrue(d.removed.contains { $0.text == "ほうりつ" && $0.reason.contains("<rt>") }, "\(d.removed)")
    }
}
