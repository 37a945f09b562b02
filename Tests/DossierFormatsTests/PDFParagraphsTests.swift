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

    /// The rule's reading of a line's end: a note call after the full stop still ends it, a
    /// decimal number does not.
    func testANoteCallAfterTheFullStopStillEndsASentence() {
        XCTAssertTrue(PDFParagraphs.endsSentence("in the best interest of regional security.1"))
        XCTAssertTrue(PDFParagraphs.endsSentence("as the minister said.”12"))
        XCTAssertTrue(PDFParagraphs.endsSentence("at the summit. 2"))
        XCTAssertTrue(PDFParagraphs.endsSentence("was adopted in 2011.3"))
        XCTAssertFalse(PDFParagraphs.endsSentence("as set out in Section 3.2"))
        XCTAssertFalse(PDFParagraphs.endsSentence("under Article 5"))
        XCTAssertFalse(PDFParagraphs.endsSentence("the first stage of the"))
    }
}

/// The rules on pages built line by line (body size 10, a pitch of 12 points).
final class PDFParagraphsRuleTests: XCTestCase {
    /// A line of body text from `x0` to `x1` whose words sit on the baseline `y`.
    static func line(_ text: String, _ x0: Double, _ x1: Double, y: Double) -> PDFLayout.TextLine {
        let words = text.split(separator: " ").map(String.init)
        let step = (x1 - x0) / Double(words.count)
        let boxes = words.indices.map { k in
            PDFLayout.Box(x0: x0 + Double(k) * step, y0: y - 10, x1: x0 + Double(k + 1) * step - 2, y1: y)
        }
        let box = PDFLayout.Box(x0: x0, y0: y - 10, x1: x1, y1: y)
        return PDFLayout.TextLine(
            words: zip(words, boxes).map { PDFLayout.Word(text: $0, box: $1) }, box: box, block: 0, flow: 0)
    }

    static func starts(_ lines: [PDFLayout.TextLine]) -> [Int] {
        let page = PDFLayout.Page(width: 600, height: 800, lines: lines)
        return PDFParagraphs.starts(of: page, kinds: lines.map { _ in .body }, bodySize: 10).sorted()
    }

    func testHangingIndentsOfAReferenceListAreNoParagraphs() {
        let lines = [
            Self.line("1. Varga, Anna. The Alliance and its partners.", 50, 400, y: 100),
            Self.line("Strelsau: Zenda Press, 2019.", 70, 300, y: 112),
            Self.line("2. Lind, Tomas. Neutrality and its limits.", 50, 380, y: 124),
            Self.line("Zenda: Partner Books, 2021.", 70, 280, y: 136),
        ]
        XCTAssertEqual(Self.starts(lines), [])
    }

    /// A taller line (a raised note call) mid-sentence is no break; the same space after a full
    /// stop is.
    func testSpaceBreaksAParagraphOnlyWhereASentenceEndsUnlessItIsWide() {
        var lines = [
            Self.line("Ruritania has taken part in the programme since", 50, 500, y: 100),
            Self.line("its first year and has sent officers to most of", 50, 500, y: 112),
            Self.line("the courses offered to partners in the region.", 50, 500, y: 128.5),
            Self.line("Its parliament approved the plan in the same year", 50, 500, y: 140.5),
            Self.line("and the government signed it the following spring", 50, 500, y: 152.5),
            Self.line("after a debate in which no deputy spoke against", 50, 500, y: 164.5),
            Self.line("it and only a handful abstained.", 50, 300, y: 176.5),
        ]
        XCTAssertEqual(Self.starts(lines), [])
        for k in 3..<lines.count { lines[k].box.y1 += 4.5 }
        XCTAssertEqual(Self.starts(lines), [3])
    }

    func testAFirstLineIndentAfterAFinishedSentenceOpensAParagraph() {
        let lines = [
            Self.line("Ruritania has taken part in the programme since", 50, 500, y: 100),
            Self.line("its first year and sent officers to its courses.", 50, 500, y: 112),
            Self.line("Its parliament approved the plan in the same", 65, 500, y: 124),
            Self.line("year, and the government signed it in spring.", 50, 500, y: 136),
            Self.line("The plan names six areas of cooperation with the", 50, 500, y: 148),
            Self.line("partners, among them border security.", 50, 500, y: 160),
        ]
        XCTAssertEqual(Self.starts(lines), [2])
    }

    /// In ragged-right text a line that ends short says nothing: no break without space or indent.
    func testAShortLineInRaggedTextIsNoBreak() {
        let lines = [
            Self.line("Ruritania has taken part in the programme since", 50, 470, y: 100),
            Self.line("its first year and sent officers to its courses.", 50, 380, y: 112),
            Self.line("Its parliament approved the plan in the same", 50, 455, y: 124),
            Self.line("year, and the government signed it in spring.", 50, 410, y: 136),
        ]
        XCTAssertEqual(Self.starts(lines), [])
    }
}
