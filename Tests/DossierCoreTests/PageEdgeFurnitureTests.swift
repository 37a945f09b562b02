import XCTest

@testable import DossierCore

/// Running headers and footers found by where they stand (a page's top and bottom lines) and
/// how often, even when they run into the page's text and alternate between odd and even pages.
final class PageEdgeFurnitureTests: XCTestCase {
    private func normalize(_ text: String) throws -> Document {
        try processText(
            text,
            stages: """
                  - use: normalize.whitespace
                  - use: normalize.page-furniture
                  - use: normalize.structure
                """)
    }

    func testAlternatingRunningHeadersAndChangingPageNumbersGo() throws {
        let pages = (1...6).map { p in
            let header = p % 2 == 1 ? "Partners in Central Asia" : "Edited by Anna Berg and Karl Ode"
            // No blank line under the header: it runs into the page's text, as pdftotext gives it.
            return
                "\(header)\nPage \(p) text opens here and the argument goes on about cooperation.\nIt ends on this "
                + "line.\n\n\(p + 10)\n"
        }
        let d = try normalize("The Study of Partners\n\n" + pages.joined(separator: "\u{0C}"))
        let headings = d.sections.compactMap(\.heading)
        XCTAssertFalse(
            headings.contains { $0.contains("Partners in Central Asia") || $0.contains("Edited by") }, "\(headings)")
        let body = d.passages.map(\.text).joined(separator: " ")
        XCTAssertFalse(body.contains("Edited by") || body.contains("Partners in Central Asia"), body)
        XCTAssertEqual(
            d.removed.filter { $0.reason == "running header or footer repeated at page edges" }.count, 6, "\(d.removed)"
        )
        XCTAssertEqual(
            d.removed.filter { $0.reason.hasPrefix("page number") }.count, 6, "page numbers 11–16 go: \(d.removed)")
        for p in 1...6 { XCTAssertTrue(body.contains("Page \(p) text opens here"), "page \(p)'s text stays") }
    }

    func testALineAtOnePageEdgeOnlyStays() throws {
        let d = try normalize(
            """
            A Title Here

            Only Once At The Top
            The first page text runs on and ends here.
            \u{0C}The second page text runs on and ends too.
            \u{0C}The third page text runs on and ends as well.
            """)
        XCTAssertFalse(d.removed.contains { $0.text == "Only Once At The Top" }, "\(d.removed)")
    }

    func testWithoutPageBreaksNothingIsAnEdge() throws {
        let d = try normalize(
            """
            A Title Here

            Regional Cooperation Notes
            The only page's text runs on and ends here.
            Regional Cooperation Notes
            """)
        XCTAssertFalse(d.removed.contains { $0.reason.contains("page edges") }, "\(d.removed)")
    }
}
