import DossierCore
import Foundation
import XCTest

@testable import DossierFormats

/// Charts drawn as an image with their labels laid over it by inline coordinates (the markup
/// ai2html writes into news articles): the labels are figure text, logged with their rule; a
/// photo with its caption in flow, or with one placed credit, keeps its text.
final class HTMLChartOverlayTests: XCTestCase {
    private func ingest(_ figure: String) throws -> Document {
        let body = (1...4).map { "<p>\(HTMLExtractionTests.sentence($0))</p>" }
        let html = """
            <html><head><title>Debt rises</title></head><body><article><h1>Debt rises</h1>
            \(body[0])\(body[1])\(figure)\(body[2])\(body[3])</article></body></html>
            """
        return try HTMLExtractionTests.stage().ingest(InputFile(path: "page.html", bytes: Array(html.utf8)))
    }

    private static func label(_ text: String, top: Int, left: Int) -> String {
        "<div class=\"g-aiAbs\" style=\"top:\(top)%;margin-top:-9px;left:\(left)%;width:40px;\"><p>\(text)</p></div>"
    }

    func testLabelsPlacedOverAChartImageAreFigureText() throws {
        let labels = [("’98", 90, 5), ("’06", 90, 40), ("RECESSIONS", 10, 20), ("140", 20, 0)]
        let chart =
            "<div class=\"g-artboard\"><img src=\"chart.png\" alt=\"\">"
            + labels.map { Self.label($0.0, top: $0.1, left: $0.2) }.joined() + "</div>"
        let d = try ingest(chart)
        let text = d.lines.map(\.text)
        XCTAssertEqual(text.filter { $0.hasPrefix("Paragraph ") }, (1...4).map(HTMLExtractionTests.sentence))
        XCTAssertFalse(text.contains { $0.contains("RECESSIONS") || $0.contains("’98") }, "\(text)")
        let logged = d.removed.filter { $0.reason.contains("labels placed over a chart image") }
        XCTAssertTrue(logged.contains { $0.text.contains("RECESSIONS") }, "\(d.removed.map(\.reason))")
    }

    /// `margin-top`/`margin-left` are no coordinates, and one placed credit is no chart.
    func testAPhotoWithItsCaptionOrOnePlacedCreditKeepsItsText() throws {
        let caption =
            "<figure><img src=\"photo.jpg\"><figcaption>Ministers met in Brussels on Tuesday.</figcaption>"
            + "<div style=\"margin-top:4px;margin-left:2px\">Photo by a staff photographer</div>"
            + "<div style=\"margin-top:4px;margin-left:2px\">Second view of the hall</div>"
            + Self.label("Credit: Agency", top: 95, left: 80) + "</figure>"
        let d = try ingest(caption)
        let text = d.lines.map(\.text).joined(separator: "\n")
        for kept in ["Ministers met in Brussels", "Photo by a staff photographer", "Credit: Agency"] {
            XCTAssertTrue(text.contains(kept), "\(kept) in \(text)")
        }
    }

    /// Only the placed labels go: a caption in flow inside the chart's box stays, and two
    /// placed labels (one short of `chart-label-min`) are no chart.
    func testACaptionInFlowStaysAndTwoLabelsAreNoChart() throws {
        let labels = [("’98", 90, 5), ("’06", 90, 40), ("RECESSIONS", 10, 20)]
        let chart =
            "<div class=\"g-artboard\"><img src=\"chart.png\">"
            + labels.map { Self.label($0.0, top: $0.1, left: $0.2) }.joined()
            + "<p>Yield on ten-year notes, monthly, since 1998.</p></div>"
        let d = try ingest(chart)
        let text = d.lines.map(\.text).joined(separator: "\n")
        XCTAssertTrue(text.contains("Yield on ten-year notes"), text)
        XCTAssertFalse(text.contains("RECESSIONS"), text)
        let two =
            "<div><img src=\"chart.png\">" + labels.prefix(2).map { Self.label($0.0, top: $0.1, left: $0.2) }.joined()
            + "</div>"
        XCTAssertTrue(try ingest(two).lines.contains { $0.text.contains("’06") })
    }

    /// Lines of running text placed over a page image (poppler's `pdftohtml -c`) are long: no chart.
    func testLongPlacedLinesAreNoChart() throws {
        let lines = (5...8).map { Self.label(HTMLExtractionTests.sentence($0), top: 10 * $0, left: 5) }
        let d = try ingest("<div><img src=\"page1.png\">" + lines.joined() + "</div>")
        XCTAssertTrue(d.lines.contains { $0.text.contains(HTMLExtractionTests.sentence(7)) }, "\(d.removed)")
    }

    func testPlacedMeansAVerticalAndAHorizontalOffset() {
        XCTAssertTrue(ContentExtractor.isPlaced("top: 4.4%; margin-top:-9.2px; left:0.08%"))
        XCTAssertTrue(ContentExtractor.isPlaced("bottom:0;right:12px"))
        XCTAssertFalse(ContentExtractor.isPlaced("margin-top:4px;margin-left:2px"))
        XCTAssertFalse(ContentExtractor.isPlaced("top:10%;width:40px"))
    }
}
