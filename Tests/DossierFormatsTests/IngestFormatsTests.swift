import DossierCore
import DossierFormats
import Foundation
import XCTest

final class IngestFormatsTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    private func runner() throws -> Runner { try Support.runner() }

    private func process(_ name: String) throws -> Document {
        let r = try runner()
        return try r.processDocument(try r.read(name, relativeTo: Self.fixtures))
    }

    /// A saved page and its text version give the same title, section tree and facts.
    func testSavedHTMLGivesTheSameSectionTreeAsItsTextVersion() throws {
        let html = try process("relations-with-ruritania.html")
        let text = try process("relations-with-ruritania.txt")
        XCTAssertEqual(html.title, "Relations with Ruritania")
        XCTAssertEqual(html.title, text.title)
        XCTAssertEqual(html.sections.map(\.heading), text.sections.map(\.heading))
        XCTAssertEqual(html.sections.map(\.level), text.sections.map(\.level))
        XCTAssertEqual(html.passages.map(\.text), text.passages.map(\.text))
        XCTAssertEqual(html.passages.map(\.kind), text.passages.map(\.kind))
        XCTAssertEqual(html.facts.lastUpdated?.date, "2015-10-12")
        XCTAssertEqual(html.facts.frameworks.first { $0.id == "pfp" }?.year, 1996)
        let all = html.passages.map(\.text).joined(separator: " ")
        XCTAssertFalse(all.contains("tracking"), "scripts are dropped")
        XCTAssertFalse(all.contains("Home"), "navigation is dropped")
        XCTAssertFalse(all.contains("Terms of use"), "footers are dropped")
        XCTAssertGreaterThan(html.passages[0].span.startLine, 10, "spans point at the element's source line")
    }

    func testNotAPDFAndATruncatedPDFFailClearly() throws {
        let r = try runner()
        assertError(try r.processDocument(InputFile(path: "x.pdf", bytes: Array("hello, not a pdf".utf8))), "not a PDF")
        assertError(try r.processDocument(InputFile(path: "y.pdf", bytes: Array("%PDF-1.4\n1 0 obj <<".utf8))), "y.pdf")
    }

    func testPDFFromWeasyPrintComesBackInReadingOrder() throws {
        guard Support.hasWeasyPrint else {
            print("SKIPPED testPDFFromWeasyPrintComesBackInReadingOrder: WeasyPrint is not installed (apt-get install weasyprint)")
            return
        }
        let body = (1...6).map { "<p>Paragraph \($0) says that Ruritania cooperates with the Allies on civil emergency planning.</p>" }.joined()
        let pdf = try Support.weasyprint("<html><body><h1>Relations with Ruritania</h1>\(body)</body></html>")
        let d = try runner().processDocument(InputFile(path: "out.pdf", bytes: pdf))
        XCTAssertEqual(d.title, "Relations with Ruritania")
        let text = d.passages.map(\.text).joined(separator: " ")
        for i in 1...6 { XCTAssertTrue(text.contains("Paragraph \(i) says"), text) }
    }

    private func assertError<T>(_ body: @autoclosure () throws -> T, _ fragment: String, line: UInt = #line) {
        do {
            _ = try body()
            XCTFail("expected an error", line: line)
        } catch let e as any DossierError {
            XCTAssertTrue(e.description.contains(fragment), e.description, line: line)
        } catch {
            XCTFail("\(error)", line: line)
        }
    }
}
