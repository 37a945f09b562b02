import DossierCore
import Foundation
import XCTest

/// Real PDFs (Tests/Fixtures/real/pdf, sources in SOURCES.md) against their golden normalized
/// output, read by eye beside the rendered pages. `RECORD_SNAPSHOTS=1` re-records the goldens.
final class RealPDFGoldenTests: XCTestCase {
    static let folder = Support.repo.appendingPathComponent("Tests/Fixtures/real/pdf")

    func testRealPDFsMatchTheirGoldenOutput() throws {
        let runner = try Support.runner()
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".pdf") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 10)
        for file in files {
            let d = try runner.processDocument(try runner.read(file, relativeTo: Self.folder))
            XCTAssertFalse(d.passages.isEmpty, "\(file): no body text")
            let name = file.replacingOccurrences(of: ".pdf", with: ".normalized.md")
            let golden = Self.folder.appendingPathComponent(name)
            try assertMatchesGolden(d.normalizedMarkdown(), golden: golden, fixture: file)
        }
    }

    /// Gazette page numbers ("47698", "47699", "47700"), which a text rule takes for years or
    /// figures, leave by their place and sequence, wherever pdftotext's reading order puts them;
    /// a note's last line ("10 seconds.") is not taken for chart numbers.
    func testPageNumbersByPositionAndSequence() throws {
        let file = "us-federal-register-2020-17221-p1-3.pdf"
        let runner = try Support.runner()
        let d = try runner.processDocument(try runner.read(file, relativeTo: Self.folder))
        let rule = "page number: alone at a page's top or bottom edge, counting up with the pages"
        let numbers = d.removed.filter { $0.reason == rule }
        XCTAssertEqual(numbers.map(\.text), ["47698", "47699", "47700"])
        let body = d.passages.map(\.text).joined(separator: " ")
        XCTAssertFalse(body.contains("47699"), "a page number in the body")
        XCTAssertTrue(body.contains("SUMMARY: The FAA proposes to supersede"), "a column's first line stays")
        XCTAssertFalse(d.removed.contains { $0.text == "10 seconds." && $0.reason.hasPrefix("figure text") })
    }

    /// A running header that alternates between odd and even pages and stands in a corner, where
    /// pdftotext's reading order puts it inside a paragraph, leaves by its place at the pages'
    /// top edge; the title in capitals on page 1 stays.
    func testRunningHeadersByPositionAndRepetition() throws {
        let file = "us-copyright-office-dmca-summary-1998.pdf"
        let runner = try Support.runner()
        let d = try runner.processDocument(try runner.read(file, relativeTo: Self.folder))
        XCTAssertEqual(d.title, "THE DIGITAL MILLENNIUM COPYRIGHT ACT OF 1998")
        let body = d.passages.map(\.text).joined(separator: " ")
        XCTAssertFalse(body.contains("Copyright Office Summary"), "a running header in the body")
        XCTAssertTrue(body.contains("measures that prevent unauthorized copying"))
        let rule = "running header or footer: the same text at the top or bottom edge of several pages"
        let running = d.removed.filter { $0.reason == rule }
        XCTAssertGreaterThanOrEqual(running.filter { $0.text == "Copyright Office Summary" }.count, 8)
        let title = "The Digital Millennium Copyright Act of 1998"
        XCTAssertGreaterThanOrEqual(running.filter { $0.text == title }.count, 8)
    }
}
