import DossierCore
import DossierFormats
import Foundation
import XCTest

/// Broken and odd PDFs give one clear line naming the file, or a clean result: never a crash
/// or a hang.
final class PDFMalformedTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    private func assertOneLineError(_ file: InputFile, _ fragment: String, line: UInt = #line) throws {
        do {
            let d = try Support.runner().processDocument(file)
            XCTFail("expected an error, got \(d.passages.count) passages", line: line)
        } catch let e as any DossierError {
            XCTAssertTrue(e.description.contains(fragment), e.description, line: line)
            XCTAssertTrue(e.description.contains(file.path), "the error names the file: \(e.description)", line: line)
            XCTAssertFalse(e.description.contains("\n"), "one line: \(e.description)", line: line)
        }
    }

    func testTruncatedPDF() throws {
        let whole = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent("numbers-report.pdf")))
        try assertOneLineError(InputFile(path: "cut.pdf", bytes: Array(whole.prefix(12_000))), "damaged or truncated")
        // Cut late, poppler may recover pages: then the result must be a clean document.
        for cut in [whole.count / 2, whole.count - 200] {
            do {
                let d = try Support.runner().processDocument(InputFile(path: "late-cut.pdf", bytes: Array(whole.prefix(cut))))
                XCTAssertFalse(d.passages.isEmpty)
            } catch let e as any DossierError {
                XCTAssertTrue(e.description.contains("late-cut.pdf"), e.description)
            }
        }
    }

    func testEncryptedPDF() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent("malformed/encrypted.pdf")))
        try assertOneLineError(InputFile(path: "locked.pdf", bytes: bytes), "the PDF is encrypted")
    }

    func testZeroPages() throws {
        try assertOneLineError(InputFile(path: "empty-doc.pdf", bytes: TinyPDF.make(pages: 0)), "the PDF has no pages")
    }

    func testPagesWithoutText() throws {
        try assertOneLineError(InputFile(path: "blank.pdf", bytes: TinyPDF.make(pages: 2, text: { _ in "" })), "no text layer")
    }

    /// ingest.html gets the file by its name and refuses the binary clearly (it is not a PDF's job).
    func testAPDFNamedHTML() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent("numbers-report.pdf")))
        try assertOneLineError(InputFile(path: "report.html", bytes: bytes), "binary")
    }

    /// A 1,000-page PDF, written by hand in memory (about 150 KB), comes through in seconds.
    func testAThousandPages() throws {
        let start = Date()
        // Four-digit numbers, so the page-furniture stage does not fold them into one repeated line.
        let pdf = TinyPDF.make(pages: 1000) { "Entry \(1000 + $0) says that cooperation goes on." }
        let d = try Support.runner().processDocument(InputFile(path: "long.pdf", bytes: pdf))
        let seconds = Date().timeIntervalSince(start)
        let body = d.passages.map(\.text).joined(separator: " ")
        for p in [1, 500, 1000] { XCTAssertTrue(body.contains("Entry \(1000 + p) says that cooperation goes on."), "page \(p) is missing") }
        XCTAssertEqual(d.lines.last?.span.page, 1000)
        XCTAssertLessThan(seconds, 60, "1,000 pages took \(Int(seconds)) s")
    }
}
