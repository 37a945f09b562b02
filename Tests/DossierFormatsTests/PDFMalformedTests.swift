import DossierCore
import DossierFormats
import Foundation
import XCTest

/// Broken and odd PDFs give one clear line naming the file, or a clean result: never a crash
/// or a hang.
final class PDFMalformedTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The failure processing `file` gives: from `stage`, naming the file, on one line.
    private func oneLineFailure(
        _ file: InputFile, stage: String = "ingest.pdf",
        line: UInt = #line
    ) throws -> StageFailure? {
        do {
            let d = try Support.runner().processDocument(file)
            XCTFail("expected an error, got \(d.passages.count) passages", line: line)
        } catch let failure as StageFailure {
            XCTAssertEqual(failure.stage, stage, line: line)
            XCTAssertEqual(failure.document, file.path, line: line)
            XCTAssertEqual(failure.location?.file, file.path, line: line)
            let location = failure.location?.description ?? ""
            XCTAssertTrue(
                failure.description.hasPrefix("\(location): error: \(stage): "), failure.description, line: line)
            XCTAssertFalse(failure.description.contains("\n"), "one line: \(failure.description)", line: line)
            return failure
        }
        return nil
    }

    private func assertRefused(_ file: InputFile, _ expected: PDFProblem, line: UInt = #line) throws {
        let failure = try oneLineFailure(file, line: line)
        XCTAssertEqual(failure?.reason as? PDFProblem, expected, line: line)
    }

    func testTruncatedPDF() throws {
        let whole = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent("numbers-report.pdf")))
        try assertRefused(InputFile(path: "cut.pdf", bytes: Array(whole.prefix(12_000))), .damaged)
        // Cut late, poppler may recover pages: then the result must be a clean document.
        for cut in [whole.count / 2, whole.count - 200] {
            do {
                let d = try Support.runner().processDocument(
                    InputFile(path: "late-cut.pdf", bytes: Array(whole.prefix(cut))))
                XCTAssertFalse(d.passages.isEmpty)
            } catch let failure as StageFailure {
                XCTAssertEqual(failure.document, "late-cut.pdf")
                XCTAssertNotNil(failure.reason as? PDFProblem, failure.description)
            }
        }
    }

    func testEncryptedPDF() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent("malformed/encrypted.pdf")))
        try assertRefused(InputFile(path: "locked.pdf", bytes: bytes), .encrypted)
    }

    func testZeroPages() throws {
        try assertRefused(InputFile(path: "empty-doc.pdf", bytes: TinyPDF.make(pages: 0)), .noPages)
    }

    func testPagesWithoutText() throws {
        try assertRefused(InputFile(path: "blank.pdf", bytes: TinyPDF.make(pages: 2, text: { _ in "" })), .noTextLayer)
    }

    /// ingest.html gets the file by its name and refuses the binary clearly (it is not a PDF's job).
    func testAPDFNamedHTML() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent("numbers-report.pdf")))
        let failure = try oneLineFailure(InputFile(path: "report.html", bytes: bytes), stage: "ingest.html")
        guard case .binary? = failure?.reason as? TextProblem else { return XCTFail("\(String(describing: failure))") }
    }

    /// A 1,000-page PDF, written by hand in memory (about 150 KB), comes through in seconds.
    func testAThousandPages() throws {
        let start = Date()
        // Four-digit numbers, so the page-furniture stage does not fold them into one repeated line.
        let pdf = TinyPDF.make(pages: 1000) { "Entry \(1000 + $0) says that cooperation goes on." }
        let d = try Support.runner().processDocument(InputFile(path: "long.pdf", bytes: pdf))
        let seconds = Date().timeIntervalSince(start)
        let body = d.passages.map(\.text).joined(separator: " ")
        for p in [1, 500, 1000] {
            XCTAssertTrue(body.contains("Entry \(1000 + p) says that cooperation goes on."), "page \(p) is missing")
        }
        XCTAssertEqual(d.lines.last?.span.page, 1000)
        XCTAssertLessThan(seconds, 60, "1,000 pages took \(Int(seconds)) s")
    }
}
