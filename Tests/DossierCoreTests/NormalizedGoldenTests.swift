import DossierCore
import Foundation
import XCTest

/// Each sample document's normalized form against its reviewed golden file, and the checks
/// a briefing depends on for the PDF-extracted analysis.
final class NormalizedGoldenTests: XCTestCase {
    static let samples = [
        "caci-analyst-russian-influence-turkmenistan.txt", "nato-relations-azerbaijan.txt",
        "nato-relations-tajikistan.txt", "nato-relations-turkmenistan.txt", "nato-relations-uzbekistan.txt",
    ]

    func testNormalizedSamplesMatchTheirGoldenFiles() throws {
        for sample in Self.samples {
            let d = try analyze(sample)
            assertSnapshot(
                d.normalizedMarkdown(explain: true),
                named: sample.replacingOccurrences(of: ".txt", with: ".normalized.md"))
        }
    }

    func testTheAnalysisBodyIsClean() throws {
        let d = try analyze("caci-analyst-russian-influence-turkmenistan.txt")
        XCTAssertEqual(d.footnotes.map(\.number), Array(1...29))
        for p in d.passages {
            let t = p.text
            XCTAssertFalse(t.contains("http") || t.contains("www."), "URL in body: \(t.prefix(80))")
            XCTAssertFalse(t.contains("© 2024"), "copyright line in body")
            XCTAssertFalse(
                t.contains("Central Asia-Caucasus Analyst")
                    || t.contains("Security and Military Cooperation Among Turkic States"),
                "running header in body: \(t.prefix(80))")
            XCTAssertNil(
                t.range(of: #"\p{Ll}- \p{Ll}"#, options: .regularExpression),
                "a word broken at a line end: \(t.prefix(80))")
            XCTAssertNil(
                t.range(of: #"[.,”] ?\d{1,2} [A-Z][a-z]+ [A-Z][a-z]+\."#, options: .regularExpression),
                "a footnote number and author in the body: \(t.prefix(80))")
            XCTAssertTrue(TextTools.endsSentence(t), "body paragraph ends mid-sentence: …\(t.suffix(80))")
        }
        XCTAssertEqual(d.sections.compactMap(\.heading).last, "Conclusions")
    }
}
