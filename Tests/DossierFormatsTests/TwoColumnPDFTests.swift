import DossierCore
import Foundation
import XCTest

@testable import DossierFormats

/// ingest.pdf on a two-column policy paper written for these tests (Fixtures/two-column-chart.html,
/// rendered once by WeasyPrint into two-column-chart.pdf): a bar chart in the right column beside
/// a paragraph of the left one, a dated byline, words hyphenated at line ends with U+2010, the
/// title repeated as the running header.
final class TwoColumnPDFTests: XCTestCase {
    static func document() throws -> Document {
        try Support.runner().processDocument(
            try PDFGeometryTests.file(PDFGeometryTests.fixtures.appendingPathComponent("two-column-chart.pdf")))
    }

    /// A column's lines are as short as a legend entry: standing beside the chart does not make
    /// them figure text, nor does a byline's date make it an axis.
    func testProseBesideAChartStaysInTheBody() throws {
        let d = try Self.document()
        let body = d.passages.map(\.text).joined(separator: " ")
        for words in [
            "By Anna Varga and Tomas Lind, January 20, 2024",
            "deteriorating relations between Strelsau and its northern neighbour",
            "Its concrete economic interests in Ruritania itself are not that extensive.",
            "Figure 1. Volume of trade, 1975–1990: $8.8 billion at the peak (5.4 percent a year).",
            "grew by 12.5 percent in 2023, to 13,000 lorries a month.",
        ] {
            XCTAssertTrue(body.contains(words), "'\(words)' is not in the body:\n\(body)")
        }
        let figure = d.removed.filter { $0.reason.hasPrefix("figure text") }.map(\.text)
        XCTAssertEqual(Set(figure), ["1800", "1350", "900", "450", "1975", "1980", "1985", "1990", "Imports"])
    }

    /// The paragraph's lines stand row by row against the axis ticks: no table of them.
    func testAParagraphBesideAxisTicksIsNoTable() throws {
        let d = try Self.document()
        XCTAssertFalse(d.passages.contains { $0.text.contains(" | ") }, "\(d.passages.map(\.text))")
    }
}
