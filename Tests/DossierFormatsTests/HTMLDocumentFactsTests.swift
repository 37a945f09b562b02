import Foundation
import XCTest

@testable import DossierCore
@testable import DossierFormats

/// What the whole pipeline up to extraction makes of pages whose text says little about
/// itself: no title, no dates in the words.
final class HTMLDocumentFactsTests: XCTestCase {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures")

    private func process(_ bytes: [UInt8], path: String = "page.html") throws -> Document {
        try Support.runner().processDocument(InputFile(path: path, bytes: bytes))
    }

    /// A one-line page with no <title> and no <h1> is a body passage, not a title alone.
    func testOneLinePageWithoutTitleIsBodyText() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent("one-line-page.html")))
        let d = try process(bytes, path: "one-line-page.html")
        XCTAssertNil(d.title)
        XCTAssertEqual(d.passages.map(\.text), ["Embassy of the Republic of Azerbaijan to Belgium"])
    }

    /// A page with a title still gets it, from the level-1 heading ingest declares.
    func testPageTitleStillComesFromTheDeclaredHeading() throws {
        let html = "<html><head><title>Ministers meet</title></head><body><p>Ministers met in Baku.</p></body></html>"
        let d = try process(Array(html.utf8))
        XCTAssertEqual(d.title, "Ministers meet")
        XCTAssertEqual(d.passages.map(\.text), ["Ministers met in Baku."])
    }

    /// With no date in the text, the dates of <meta> tags are the facts, cited at their lines.
    func testDatesFallBackToPageMetadataWithTheirSourceLines() throws {
        let html = """
            <html><head>
            <title>Ministers meet</title>
            <meta property="article:published_time" content="2021-03-04T10:00:00Z">
            <meta property="article:modified_time" content="2022-05-06T11:30:00+02:00">
            </head><body>
            <p>Ministers met in Baku to discuss energy security and the partnership.</p>
            </body></html>
            """
        let d = try process(Array(html.utf8))
        XCTAssertEqual(d.facts.published?.date, "2021-03-04")
        XCTAssertEqual(d.facts.published?.evidence.span, SourceSpan(file: "page.html", startLine: 3))
        XCTAssertEqual(d.facts.lastUpdated?.date, "2022-05-06")
        XCTAssertEqual(d.facts.lastUpdated?.evidence.span, SourceSpan(file: "page.html", startLine: 4))
        XCTAssertEqual(d.facts.lastUpdated?.evidence.signals, [.pageMetadata(.modified)])
    }

    /// JSON-LD and <time> dates are cited at the line of their script or element.
    func testDatesFromJSONLDAndTimeElements() throws {
        let html = """
            <html><head><title>Ministers meet</title>
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ministers meet",
              "dateModified": "2020-01-02"}</script>
            </head><body>
            <p>Ministers met in Baku to discuss energy security and the partnership.</p>
            <p>Posted <time datetime="2019-12-31">on new year's eve</time>.</p>
            </body></html>
            """
        let d = try process(Array(html.utf8))
        XCTAssertEqual(d.facts.lastUpdated?.date, "2020-01-02")
        XCTAssertEqual(d.facts.lastUpdated?.evidence.span.startLine, 2)
        XCTAssertEqual(d.facts.published?.date, "2019-12-31")
        XCTAssertEqual(d.facts.published?.evidence.span.startLine, 6)
    }

    /// What the text says wins over the metadata.
    func testDatesInTheTextWinOverMetadata() throws {
        let html = """
            <html><head><title>Ministers meet</title>
            <meta property="article:modified_time" content="2022-05-06">
            </head><body>
            <p>Ministers met in Baku to discuss energy security and the partnership.</p>
            <p>Last updated: 07 Apr. 2016 15:10</p>
            </body></html>
            """
        let d = try process(Array(html.utf8))
        XCTAssertEqual(d.facts.lastUpdated?.date, "2016-04-07")
    }

    func testISODayParsing() {
        XCTAssertEqual(ExtractFacts.isoDay("2016-04-07T15:10:00Z"), "2016-04-07")
        XCTAssertEqual(ExtractFacts.isoDay("2016-04-07 15:10"), "2016-04-07")
        XCTAssertEqual(ExtractFacts.isoDay("2016"), "2016")
        XCTAssertNil(ExtractFacts.isoDay("April 2016"))
        XCTAssertNil(ExtractFacts.isoDay("2016-13-07"))
        XCTAssertNil(ExtractFacts.isoDay("20"))
    }
}
