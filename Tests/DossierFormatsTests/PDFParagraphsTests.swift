import DossierCore
import Foundation
import XCTest

@testable import DossierFormats

/// ingest.pdf on Fixtures/paragraph-styles.pdf (written for these tests, rendered once by
/// WeasyPrint from paragraph-styles.html): three sections of prose whose paragraphs are set
/// apart by space, by a first-line indent and by a short last line in justified text, with a
/// quotation indented throughout. pdftotext prints each section as one run of lines; most of
/// the paragraphs' last lines are long enough that the characters alone do not end them.
final class PDFParagraphsTests: XCTestCase {
    static func passages() throws -> [String: [String]] {
        let d = try Support.runner().processDocument(
            try PDFGeometryTests.file(PDFGeometryTests.fixtures.appendingPathComponent("paragraph-styles.pdf")))
        var bySection: [String: [String]] = [:]
        for section in d.sections { bySection[section.heading ?? "", default: []] += section.passages.map(\.text) }
        return bySection
    }

    func testEachTypesettersMarkStartsAParagraph() throws {
        let sections = try Self.passages()
        let starts = [
            "Political dialogue": ["Ruritania joined", "Dialogue between", "The next round"],
            "Training and education": ["Ruritanian officers", "A national training centre", "In 2022 the centre"],
            "Defence reform": ["Reform of the armed forces", "Civilian control", "“We do not want", "The last stage"],
        ]
        for (heading, expected) in starts {
            let got = sections[heading] ?? []
            XCTAssertEqual(got.count, expected.count, "\(heading): \(got)")
            for (passage, start) in zip(got, expected) {
                XCTAssertTrue(passage.hasPrefix(start), "\(heading): '\(passage.prefix(60))' should start '\(start)'")
            }
        }
    }

    /// The lines of a quotation indented throughout stay one paragraph, and no paragraph ends
    /// mid-sentence.
    func testAnIndentedQuotationIsOneParagraph() throws {
        let reform = try Self.passages()["Defence reform"] ?? []
        XCTAssertTrue(
            reform.contains { $0.hasPrefix("“We do not want") && $0.hasSuffix("open hearing that autumn.") },
            "\(reform)")
        for passage in try Self.passages().values.joined() {
            XCTAssertTrue(passage.hasSuffix("."), "'\(passage)' ends mid-sentence")
        }
    }

    /// The rule's reading of a line's end: a note call after the full stop still ends it.
    func testANoteCallAfterTheFullStopStillEndsASentence() {
        XCTAssertTrue(PDFParagraphs.endsSentence("in the best interest of regional security.1"))
        XCTAssertTrue(PDFParagraphs.endsSentence("as the minister said.”12"))
        XCTAssertFalse(PDFParagraphs.endsSentence("under Article 5"))
        XCTAssertFalse(PDFParagraphs.endsSentence("the first stage of the"))
    }
}
