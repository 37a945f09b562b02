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
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        for page in pages {
            let d = try runner.processDocument(try runner.read(page, relativeTo: Self.folder))
            XCTAssertFalse(d.passages.isEmpty, "\(page): reduced to its title")
            if d.removed.contains(where: { $0.stage == "ingest.html" }) { pagesWithChromeRecorded += 1 }
            let golden = Self.folder.appendingPathComponent(
                page.replacingOccurrences(of: ".html", with: ".normalized.md"))
            let actual = d.normalizedMarkdown()
            if record {
                // A recording run fails, so it cannot stand in for a passing one.
                try actual.write(to: golden, atomically: true, encoding: .utf8)
                XCTFail("recorded \(golden.lastPathComponent); review it and run again without RECORD_SNAPSHOTS")
                continue
            }
            let expected = try String(contentsOf: golden, encoding: .utf8)
            if actual != expected {
                let a = actual.components(separatedBy: "\n")
                let e = expected.components(separatedBy: "\n")
                let first = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
                XCTFail(
                    "\(page) differs from its golden at line \(first + 1):\n- \(first < e.count ? e[first] : "<end>")\n+ \(first < a.count ? a[first] : "<end>")\n(RECORD_SNAPSHOTS=1 re-records)"
                )
            }
        }
        XCTAssertGreaterThanOrEqual(pagesWithChromeRecorded, pages.count - 1, "what the extractor dropped is recorded")
    }
}
