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

extension TwoColumnPDFTests {
    /// Down each column, then across (pdftotext goes across where paragraphs start at the same
    /// heights); a paragraph that runs on into the next column comes out whole.
    func testColumnsAreReadDownThenAcross() throws {
        let d = try Self.document()
        let texts = d.passages.map(\.text)
        func position(_ start: String) -> Int {
            texts.firstIndex { $0.hasPrefix(start) }
                ?? {
                    XCTFail("no passage starts '\(start)': \(texts)")
                    return -1
                }()
        }
        let order = [
            "By Anna Varga", "In the wake of the border incident", "Figure 1. Volume of trade", "Security interests",
            "In the past, officials", "While the federation", "Ruritania's parliament",
        ].map(position)
        XCTAssertEqual(order, order.sorted(), "\(texts)")
        XCTAssertTrue(
            texts.contains {
                $0.contains("overtures demonstrates that there are limits") && $0.hasPrefix("In the past")
            },
            "the paragraph that runs on into the right column is whole: \(texts)")
        XCTAssertEqual(d.sections.compactMap(\.heading), ["Trade and transit"])
    }

    /// The title repeated as the running header is still the title; the page's lone number goes.
    func testTheTitleStaysAndThePageNumberGoes() throws {
        let d = try Self.document()
        XCTAssertEqual(d.title, "Ruritania between two neighbours")
        XCTAssertFalse(d.passages.contains { $0.text == "1" })
        XCTAssertTrue(d.removed.contains { $0.text == "1" && $0.reason == PDFLayoutAnalysis.onePageNumberRule })
    }
}

extension TwoColumnPDFTests {
    /// A journal page (Fixtures/two-column-abstract.html): a short "Abstract" heading opens the
    /// left column level with the right column's first line, which continues the left column's
    /// last paragraph. The heading is the left column's, not a line above both columns: the
    /// right column is read after it, and the paragraph broken by the column comes out whole.
    func testAHeadingLevelWithTheOtherColumnsFirstLineOpensItsColumn() throws {
        let d = try Support.runner().processDocument(
            try PDFGeometryTests.file(PDFGeometryTests.fixtures.appendingPathComponent("two-column-abstract.pdf")))
        let abstract = try XCTUnwrap(d.sections.first { $0.heading == "Abstract" }, "\(d.sections.map(\.heading))")
        XCTAssertTrue(abstract.passages.first?.text.hasPrefix("This paper traces") == true, "\(abstract.passages)")
        let texts = d.passages.map(\.text)
        let starts = ["This paper traces", "The partnership deepened", "Relations cooled", "Practical cooperation"]
        let order = starts.map { start in texts.firstIndex { $0.hasPrefix(start) } ?? -1 }
        XCTAssertEqual(order, order.sorted(), "\(texts)")
        XCTAssertFalse(order.contains(-1), "\(texts)")
        XCTAssertTrue(
            texts.contains {
                $0.hasPrefix("Relations cooled")
                    && $0.contains(
                        "declined to join the alliance's training mission and suspended the annual staff talks")
            }, "the paragraph the column break cuts is whole: \(texts)")
    }
}
