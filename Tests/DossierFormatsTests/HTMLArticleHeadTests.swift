import DossierCore
import XCTest

@testable import DossierFormats

/// An article's head (headline, standfirst, subtitle) often stands in a box named as a header,
/// with the byline and share buttons: the standfirst is content, the byline and buttons are not.
final class HTMLArticleHeadTests: XCTestCase {
    private func ingest(_ html: String) throws -> Document {
        try HTMLExtractionTests.stage().ingest(InputFile(path: "page.html", bytes: Array(html.utf8)))
    }

    private func body(_ d: Document) -> [String] {
        d.lines.filter { $0.role != .heading }.map(\.text).filter { !$0.isEmpty }
    }

    private let standfirst = "The ministers agreed on the budget after three days of talks in the capital."
    private var paragraphs: String {
        (1...6).map { "<p>\(HTMLExtractionTests.sentence($0))</p>" }.joined(separator: "\n")
    }

    /// A `<header>` outside the article element, before the body, holding the title heading.
    func testTheStandfirstBesideTheHeadlineInAHeaderIsKept() throws {
        let html = """
            <html><head><title>Budget agreed | World News</title></head><body>
            <header class="masthead"><a href="/">World News</a> <a href="/login">Log in</a></header>
            <main><header class="m-intro-header"><h1>Budget agreed</h1>
            <p class="a-lead">\(standfirst)</p>
            <div class="byline">By Ann Writer, political correspondent for the paper</div>
            <div class="share-bar"><a href="/s">Share this article with your friends</a></div></header>
            <div class="article-body">\(paragraphs)</div></main></body></html>
            """
        let d = try ingest(html)
        let text = body(d)
        XCTAssertEqual(text.first, standfirst, "the standfirst opens the body: \(text)")
        for i in 1...6 { XCTAssertTrue(text.contains(HTMLExtractionTests.sentence(i))) }
        XCTAssertFalse(text.contains { $0.contains("By Ann Writer") || $0.contains("Share this") }, "\(text)")
        XCTAssertTrue(d.removed.contains { $0.text.contains("By Ann Writer") })
    }

    /// A box with a header class inside the article (`entry-header`) with the headline and an
    /// excerpt; a masthead `<header>` holding the site's name in an h1 gives nothing back, even
    /// when that h1 is the page's first.
    func testAnEntryHeaderGivesBackItsExcerptButAMastheadDoesNot() throws {
        let html = """
            <html><head><title>Budget agreed</title></head><body>
            <header><h1 class="site-title">World News</h1>
            <p>The independent daily paper of the capital city</p></header>
            <div class="post"><div class="entry-header"><h1>Budget agreed</h1>
            <div class="entry-excerpt"><p>\(standfirst)</p></div></div>
            <div class="entry-content">\(paragraphs)</div></div></body></html>
            """
        let d = try ingest(html)
        let text = body(d)
        XCTAssertEqual(text.first, standfirst, "\(text)")
        XCTAssertFalse(text.contains { $0.contains("independent daily") }, "\(text)")
    }

    /// Site builders wrap each section title in a "header" module: the titles stay; a box
    /// called a header that holds links or more than a heading is still chrome.
    func testSectionTitlesInHeaderModulesStay() throws {
        let html = """
            <html><body><div id="content_area">
            <div class="j-module j-header"><h2 id="cc-m-header-1">Background of the talks</h2></div>
            <div class="j-module j-text">\(paragraphs)</div>
            <div class="widget-header"><h3>Most popular stories this week</h3></div>
            <div class="j-module j-header"><h2 id="cc-m-header-2">What comes next</h2></div>
            <div class="j-module j-text"><p>\(HTMLExtractionTests.sentence(7))</p></div>
            </div></body></html>
            """
        let d = try ingest(html)
        let headings = d.lines.filter { $0.role == .heading }.map(\.text)
        XCTAssertTrue(headings.contains("Background of the talks"), "\(headings)")
        XCTAssertTrue(headings.contains("What comes next"), "\(headings)")
        XCTAssertFalse(headings.contains { $0.contains("Most popular") }, "\(headings)")
    }
}
