import DossierCore
@testable import DossierFormats
import Foundation
import XCTest

/// What the whole pipeline up to extraction makes of pages whose text says little about
/// itself: no title, no dates in the words.
final class HTMLDocumentFactsTests: XCTestCase {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    private func process(_ bytes: [UInt8], path: String = "page.html") throws -> Document {
        try Support.runner().processDocument(InputFile(path: path, bytes: bytes))
    }

    /// A one-line page with no <title> and no <h1> is a body passage, not a title alone.
    func testOneLinePageWithoutTitleIsBodyText() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent("one-line-page.html")))
        let d = try process(bytes, path: "one-line-page.html")
        XCTAssertNil(d.title)
        XCTAssertEqual(d.passages.map(\.text), ["Embassy of the Republic of Azerbaijan to Belgium"])
    }

    /// A page with a title still gets it, from the level-1 heading ingest declares.
    func testPageTitleStillComesFromTheDeclaredHeading() throws {
        let html = "<html><head><title>Ministers meet</title></head><body><p>Ministers met in Baku.</p></body></html>"
        let d = try process(Array(html.utf8))
        XCTAssertEqual(d.title, "Ministers meet")
        XCTAssertEqual(d.passages.map(\.text), ["Ministers met in Baku."])
    }
}
