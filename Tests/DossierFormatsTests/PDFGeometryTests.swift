import DossierCore
import Foundation
import XCTest

@testable import DossierFormats

/// ingest.pdf's geometry mode on a report written for these tests (Fixtures/numbers-report.html,
/// rendered once by WeasyPrint into numbers-report.pdf): numbers kept whole, chart text out of
/// the body and logged with its rule, headings by size, alternating running headers gone, and
/// line numbers that are pdftotext's.
final class PDFGeometryTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let real = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/real/pdf")

    static func file(_ url: URL) throws -> InputFile {
        InputFile(path: url.lastPathComponent, bytes: [UInt8](try Data(contentsOf: url)))
    }

    func testNumbersStayWholeInAPDF() throws {
        let d = try Support.runner().processDocument(
            try Self.file(Self.fixtures.appendingPathComponent("numbers-report.pdf")))
        let body = d.passages.map(\.text).joined(separator: " ")
        for number in [
            "$8.8 billion", "5.4 percent", "13,000 workers", "640 000 residents", "3.2% to €1.5 million",
            "a 0.75 share",
            "signed in 1994. 2004 saw", "6.7 times", "2.5 million tonnes", "1.9 percent in 2016", "9.1 tonnes",
            "1,250 trained officers", "12.5 percent", "£2.75 million",
        ] {
            XCTAssertTrue(body.contains(number), "'\(number)' is not in the body")
        }
    }

    /// The same figures as text, with ten notes (so every decimal digit is also a note number).
    func testNumbersStayWholeInText() throws {
        let d = try Support.runner().processDocument(
            try Self.file(Self.fixtures.appendingPathComponent("numbers-and-notes.txt")))
        let body = d.passages.map(\.text).joined(separator: " ")
        for number in [
            "$8.8 billion", "5.4 percent", "13,000 workers", "640 000 residents", "3.2% to €1.5 million",
            "a 0.75 share",
            "signed in 1994. 2004 saw", "6.7 times", "2.5 million", "7.9 percent", "1.9 percent", "9.1 tonnes",
            "in 2019. 10 members",
        ] {
            XCTAssertTrue(body.contains(number), "'\(number)' is not in the body: \(body)")
        }
        XCTAssertEqual(d.footnotes.map(\.number), Array(1...10))
        XCTAssertEqual(Set(d.passages.flatMap(\.footnoteCalls)), Set(1...9))
    }

    func testChartTextLeavesTheBodyAndIsLoggedWithItsRule() throws {
        let d = try Support.runner().processDocument(
            try Self.file(Self.fixtures.appendingPathComponent("numbers-report.pdf")))
        let figure = d.removed.filter { $0.stage == "ingest.pdf" && $0.reason.hasPrefix("figure text") }
        let texts = Set(figure.map(\.text))
        for label in ["1800", "1600", "600", "1975", "1980", "1990", "Exports"] {
            XCTAssertTrue(
                texts.contains { $0 == label || $0.hasPrefix(label + " ") },
                "'\(label)' not logged as figure text: \(texts)")
        }
        XCTAssertTrue(
            figure.contains { $0.reason == PDFLayoutAnalysis.labelRule }, "the legend is logged under the label rule")
        for p in d.passages {
            XCTAssertFalse(
                p.text.hasPrefix("1800") || p.text == "1980" || p.text.hasPrefix("1995 Imports"),
                "chart text in the body: \(p.text)")
        }
        XCTAssertTrue(d.passages.contains { $0.text.hasPrefix("Figure 1. Exports and imports") }, "the caption stays")
        let explained = d.normalizedMarkdown(explain: true)
        XCTAssertTrue(
            explained.contains("[ingest.pdf: \(PDFLayoutAnalysis.numbersRule)] 1800"), "--explain names the rule")
    }

    func testHeadingsBySizeAndAlternatingRunningHeadersGo() throws {
        let d = try Support.runner().processDocument(
            try Self.file(Self.fixtures.appendingPathComponent("numbers-report.pdf")))
        XCTAssertEqual(d.title, "Energy and Security in Ruritania", "a title wrapped over two lines is one title")
        XCTAssertEqual(
            d.sections.compactMap(\.heading), ["Budget and trade", "Exports since 1975", "Training", "Notes"])
        let body = d.passages.map(\.text).joined(separator: " ")
        XCTAssertFalse(
            body.contains("Partners in Central Asia") || body.contains("Edited by"), "a running header in the body")
        // Running headers leave in ingest, by their place at the pages' top edge, or else as furniture.
        let furniture = d.removed.filter {
            $0.stage == "normalize.page-furniture" || $0.reason == PDFLayoutAnalysis.runningRule
        }
        XCTAssertEqual(furniture.filter { $0.text == "Partners in Central Asia" }.count, 4, "odd pages 1, 3, 5, 7")
        XCTAssertEqual(
            furniture.filter { $0.text == "Edited by Anna Berg and Karl Ode" }.count, 3, "even pages 2, 4, 6")
        XCTAssertTrue(
            d.removed.contains {
                $0.text == "Partners in Central Asia" && $0.reason == PDFLayoutAnalysis.runningRule
            })
        // Page numbers leave in ingest, by position and sequence, or else as repeated furniture.
        let numbers = d.removed.filter {
            let byRule = $0.stage == "normalize.page-furniture" || $0.reason == PDFLayoutAnalysis.pageNumberRule
            return Int($0.text) != nil && byRule
        }
        XCTAssertEqual(numbers.count, 7, "page numbers 1–7")
    }

    /// Every line ingest keeps (and every figure line it logs) stands on the line of plain
    /// `pdftotext FILE -` that its span names, so citations can be checked with pdftotext.
    func testLineNumbersArePdftotextLines() throws {
        let files =
            [Self.fixtures.appendingPathComponent("numbers-report.pdf")]
            + (try FileManager.default.contentsOfDirectory(at: Self.real, includingPropertiesForKeys: nil)).filter {
                $0.pathExtension == "pdf"
            }
        for url in files {
            let plain = try Self.pdftotext(url).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.replacingOccurrences(of: "\u{0C}", with: "") }
            let d = try Support.ingest(try Self.file(url))
            var checked = 0
            for line in d.lines.map({ ($0.text, $0.span, $0.role) })
                + d.removed.map({ ($0.text, $0.span, Line.Role.text) })
            where line.2 != .pageBreak && !line.0.isEmpty && line.1.startLine == line.1.endLine {
                let expected = plain.indices.contains(line.1.startLine - 1) ? plain[line.1.startLine - 1] : "(none)"
                // pdftotext's plain mode joins a word hyphenated at a line's end with the next line.
                // pdftotext's plain mode prints a line ending in a hyphen and the next as one line.
                let (mine, theirs) = (Self.squeezed(line.0), Self.squeezed(expected))
                // A run of such lines is one plain line: a middle one stands inside it.
                let inRun = mine.hasSuffix("-") && theirs.contains(mine.dropLast())
                if inRun || !mine.hasSuffix("-") && theirs.hasSuffix(mine) && mine != theirs { continue }
                XCTAssertEqual(
                    Self.squeezed(line.0), Self.squeezed(expected), "\(url.lastPathComponent):\(line.1.startLine)")
                checked += 1
            }
            XCTAssertGreaterThan(checked, 5, url.lastPathComponent)
        }
    }

    /// Without whitespace: where pdftotext puts a space between two touching glyph runs is not
    /// what this test is about.
    static func squeezed(_ s: String) -> String { s.split(whereSeparator: \.isWhitespace).joined() }

    static func pdftotext(_ url: URL) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["pdftotext", "-enc", "UTF-8", "-eol", "unix", "-q", url.path, "-"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func testTextModeIsPlainPdftotext() throws {
        let text = try Self.pdftotext(Self.fixtures.appendingPathComponent("numbers-report.pdf"))
        let lines = IngestPDF.lines(ofText: text, file: "numbers-report.pdf")
        XCTAssertTrue(lines.contains { $0.text == "1800" }, "text mode leaves chart text in")
        XCTAssertEqual(lines.filter { $0.role == .pageBreak }.count, 7)
    }
}
