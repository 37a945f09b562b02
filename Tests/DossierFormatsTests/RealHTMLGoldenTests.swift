import DossierCore
import Foundation
import XCTest

/// Real saved pages (Tests/Fixtures/real/html, sources in SOURCES.md) against their golden
/// normalized output, read by eye. `RECORD_SNAPSHOTS=1` re-records the goldens (and fails).
final class RealHTMLGoldenTests: XCTestCase {
    static let folder = Support.repo.appendingPathComponent("Tests/Fixtures/real/html")

    func testRealPagesMatchTheirGoldenOutput() throws {
        let runner = try Support.runner()
        let pages = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter {
            $0.hasSuffix(".html")
        }.sorted()
        XCTAssertGreaterThanOrEqual(pages.count, 15)
        var pagesWithChromeRecorded = 0
        for page in pages {
            let d = try runner.processDocument(try runner.read(page, relativeTo: Self.folder))
            XCTAssertFalse(d.passages.isEmpty, "\(page): reduced to its title")
            if d.removed.contains(where: { $0.stage == "ingest.html" }) { pagesWithChromeRecorded += 1 }
            let golden = Self.folder.appendingPathComponent(
                page.replacingOccurrences(of: ".html", with: ".normalized.md"))
            try assertMatchesGolden(d.normalizedMarkdown(), golden: golden, fixture: page)
        }
        XCTAssertGreaterThanOrEqual(pagesWithChromeRecorded, pages.count - 1, "what the extractor dropped is recorded")
    }
}
