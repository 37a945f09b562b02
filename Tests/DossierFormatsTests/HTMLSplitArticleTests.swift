import DossierCore
import Foundation
import XCTest

@testable import DossierFormats

/// An article a CMS breaks into several blocks of one class around a figure, each block in its
/// own wrapper: the first block is a cousin of the container the scoring picks, not its sibling.
/// `same-class-blocks` brings it back; without it the article loses its opening.
final class HTMLSplitArticleTests: XCTestCase {
    private static func block(_ paragraphs: ClosedRange<Int>) -> String {
        let body = paragraphs.map { "<p>\(HTMLExtractionTests.sentence($0))</p>" }.joined()
        let open = "<section class=\"outer\"><div class=\"wrap\"><div class=\"post-body wysiwyg\">"
        return open + body + "</div></div></section>"
    }

    private static let page = """
        <html><head><title>Budget agreed</title></head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <h1>Budget agreed</h1>
        \(block(1...2))
        <figure><img src="chart.png"><figcaption>The budget by year.</figcaption></figure>
        <div class="acf">\(block(3...6))<aside>Advert</aside>\(block(7...9))</div>
        <footer>© The Courier</footer>
        </body></html>
        """

    private func paragraphs(_ options: IngestHTML.Options) throws -> [String] {
        let d = try HTMLExtractionTests.stage(options).ingest(
            InputFile(path: "page.html", bytes: Array(Self.page.utf8)))
        return d.lines.map(\.text).filter { $0.hasPrefix("Paragraph ") }
    }

    func testEveryBlockOfTheArticleIsKept() throws {
        XCTAssertEqual(try paragraphs(.init()), (1...9).map(HTMLExtractionTests.sentence))
    }

    /// Boxes of the same class further down, under a heading of their own, are another part of
    /// the page, not the article's.
    func testSameClassBoxesUnderAHeadingAfterTheArticleStayOut() throws {
        let article = (1...5).map { "<p>\(HTMLExtractionTests.sentence($0))</p>" }.joined()
        let letters = (101...102).map {
            "<div class=\"box\"><div class=\"text\"><p>\(HTMLExtractionTests.sentence($0))</p></div></div>"
        }.joined()
        let html = """
            <html><head><title>Budget agreed</title></head><body><h1>Budget agreed</h1>
            <div class="page"><div class="col"><div class="text">\(article)</div></div></div>
            <h2>Letters</h2>\(letters)</body></html>
            """
        let d = try HTMLExtractionTests.stage().ingest(InputFile(path: "page.html", bytes: Array(html.utf8)))
        let kept = d.lines.map(\.text).filter { $0.hasPrefix("Paragraph ") }
        XCTAssertEqual(kept, (1...5).map(HTMLExtractionTests.sentence))
    }

    func testWithoutSameClassBlocksTheOpeningIsLost() throws {
        var options = IngestHTML.Options()
        options.sameClassBlocks = false
        let kept = try paragraphs(options)
        XCTAssertFalse(kept.contains(HTMLExtractionTests.sentence(1)), "\(kept)")
        XCTAssertFalse(kept.contains(HTMLExtractionTests.sentence(2)), "\(kept)")
        XCTAssertTrue(kept.contains(HTMLExtractionTests.sentence(4)), "\(kept)")
    }
}
