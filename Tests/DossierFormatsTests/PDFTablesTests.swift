import DossierCore
import Foundation
import XCTest

@testable import DossierFormats

/// Tables in PDFs found by position (Fixtures/tables-report.html, rendered once by WeasyPrint
/// into tables-report.pdf; and real press releases): rows with their cells in order, bold
/// labels not taken for headings, figures not taken for chart labels, a header set over two
/// lines read as one row, and three columns of prose left as prose.
final class PDFTablesTests: XCTestCase {
    private func document(_ url: URL) throws -> Document {
        try Support.runner().processDocument(try PDFGeometryTests.file(url))
    }

    func testATableComesOutAsRowsAndItsFiguresStay() throws {
        let d = try document(PDFGeometryTests.fixtures.appendingPathComponent("tables-report.pdf"))
        let rows = d.passages.filter { $0.kind == .tableRow }.map(\.text)
        XCTAssertEqual(
            rows,
            [
                "2023 (in millions) | 2022 (in millions)", "Defence budget | $ 8.8 | $ 7.9",
                "Officers trained abroad | 1,250 | 980", "Share of exports to partner countries | 5.4% | 4.1%",
                "Joint exercises | 12 | 9",
            ])
        XCTAssertFalse(d.sections.contains { $0.heading == "Defence budget" }, "a bold label is no heading")
        XCTAssertFalse(d.removed.contains { $0.reason.hasPrefix("figure text") }, "\(d.removed.map(\.text))")
        // The three columns of prose beside each other are paragraphs, not a table.
        let prose = d.passages.filter { $0.text.contains("The ministers met in 2019") }
        XCTAssertFalse(prose.isEmpty)
        XCTAssertTrue(prose.allSatisfy { $0.kind == .paragraph && !$0.text.contains(" | ") }, "\(prose.map(\.text))")
    }

    /// A results table whose labels wrap over two lines and whose currency signs pdftotext prints
    /// at the end of the cell before: each label whole, each sign before its figure.
    func testRealResultsTablesKeepTheirRows() throws {
        let kroger = try document(PDFGeometryTests.real.appendingPathComponent("kroger-q2-2023-press-release.pdf"))
        let rows = Set(kroger.passages.filter { $0.kind == .tableRow }.map(\.text))
        XCTAssertTrue(rows.contains("Earnings (Loss) Per Share** | ($0.25) | $1.00"), "\(rows)")
        XCTAssertTrue(rows.contains("Adjusted FIFO Operating Profit (Table 7) | $989 | $1,110"), "\(rows)")
        let meta = try document(PDFGeometryTests.real.appendingPathComponent("meta-q2-2023-press-release.pdf"))
        XCTAssertTrue(meta.passages.contains { $0.text == "Revenue | $ 31,999 | $ 28,822 | 11%" })
    }

    /// The thresholds are ingest.pdf options: asking for more rows than the table has leaves its
    /// rows to the line-by-line reading (no tableRow passage).
    func testTheTableThresholdsAreOptions() throws {
        let runner = try Support.runner {
            $0.replacingOccurrences(of: "- use: ingest.pdf\n", with: "- use: ingest.pdf\n    table-min-rows: 50\n")
        }
        let url = PDFGeometryTests.fixtures.appendingPathComponent("tables-report.pdf")
        let d = try runner.processDocument(try PDFGeometryTests.file(url))
        XCTAssertFalse(d.passages.isEmpty)
        XCTAssertFalse(d.passages.contains { $0.kind == .tableRow }, "\(d.passages.map(\.text))")
    }
}
