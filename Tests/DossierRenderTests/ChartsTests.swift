import DossierCore
import XCTest

@testable import DossierRender

final class ChartsTests: XCTestCase {
    private func evidence(_ line: Int) -> Evidence {
        Evidence(text: "x", span: SourceSpan(file: "a.txt", startLine: line))
    }

    private var profile: CountryProfile {
        CountryProfile(
            country: "Ruri<tania>", slug: "ruritania",
            frameworks: [
                FrameworkMembership(
                    id: "pfp", name: "Partnership for Peace", abbreviation: "PfP", year: 1994, evidence: evidence(1))
            ],
            areas: [
                CountryArea(
                    area: "energy", label: "Energy & gas", score: 0.8, passageCount: 2, sources: ["S1"],
                    evidence: [evidence(2)])
            ],
            milestones: [
                Milestone(year: 1994, text: "Joins <PfP>", evidence: [evidence(3)]),
                Milestone(year: 1994, text: "Second event", evidence: [evidence(4)]),
                Milestone(year: 2001, text: "Inferred", yearInferred: true, evidence: [evidence(5), evidence(6)]),
                Milestone(year: nil, text: "Undated", evidence: [evidence(7)]),
            ])
    }

    func testTimelinePlacesOnlyDatedMilestonesAndSaysHowManyAreNot() {
        let svg = Charts.timeline(profile)
        XCTAssertEqual(svg.components(separatedBy: "<circle").count - 1, 3)
        XCTAssertTrue(svg.contains("1 undated milestone listed below, not placed on the axis."))
        XCTAssertTrue(svg.contains("Joins &lt;PfP&gt;"), "text is escaped")
        XCTAssertTrue(svg.contains("2001 (inferred)"))
    }

    func testHeatmapCellsCarryTheirNumbersAndEveryChartHasATitle() {
        let taxonomy = Taxonomy(areas: [
            .init(id: "energy", label: "Energy & gas", phrases: [WeightedPhrase("gas")]),
            .init(id: "trade", label: "Trade", phrases: [WeightedPhrase("trade")]),
        ])
        let heatmap = Charts.heatmap([profile], taxonomy: taxonomy)
        XCTAssertTrue(
            heatmap.contains("<title>Ruri&lt;tania&gt; — Energy &amp; gas: 0.80 (2 passages)</title>"), heatmap)
        for svg in [heatmap, Charts.areaBars(profile), Charts.timeline(profile), Charts.joinYears([profile])] {
            XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            XCTAssertTrue(svg.contains("role=\"img\"") && svg.contains("<title>") && svg.contains("<desc>"))
        }
        XCTAssertEqual(Charts.heatmap([profile], taxonomy: taxonomy), heatmap, "the same input draws the same bytes")
    }

    func testNumbersPrintTheSameEverywhere() {
        XCTAssertEqual(SVG.n(1), "1")
        XCTAssertEqual(SVG.n(0.5), "0.5")
        XCTAssertEqual(SVG.n(12.345), "12.35")
        XCTAssertEqual(SVG.n(-0.04), "-0.04")
    }
}

/// WeasyPrint fetches only files inside the folder being rendered, and data: URIs.
final class WeasyPrintSandboxTests: XCTestCase {
    func testHostilePageFetchesNothingOutside() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/weasyprint") else {
            throw XCTSkip("WeasyPrint is not installed")
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-sandbox-\(UUID().uuidString)")
        let site = work.appendingPathComponent("site")
        try FileManager.default.createDirectory(
            at: site.appendingPathComponent("charts"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        try "secret".write(to: work.appendingPathComponent("secret.png"), atomically: true, encoding: .utf8)
        try #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>"#
            .write(to: site.appendingPathComponent("charts/ok.svg"), atomically: true, encoding: .utf8)
        try """
        <html><head><link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head><body><h1>T</h1>
        <img src="/etc/passwd"><img src="../secret.png"><img src="http://127.0.0.1:9/a.png"><img src="/dev/zero">
        <img src="charts/ok.svg"><img src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' \
        height='1'/%3E">
        </body></html>
        """.write(to: site.appendingPathComponent("page.html"), atomically: true, encoding: .utf8)
        let engine = WeasyPrint(python: "/usr/bin/python3", timeout: 60, memoryMB: 1024)
        let result = try engine.render([.init(html: "page.html", pdf: "page.pdf")], root: site, css: "")
        for hostile in [
            "http://127.0.0.1:9/x.css", "file:///etc/passwd", "secret.png", "http://127.0.0.1:9/a.png",
            "file:///dev/zero",
        ] {
            XCTAssertTrue(
                result.refused.contains { $0.hasSuffix(hostile) }, "\(hostile) was not refused: \(result.refused)")
        }
        XCTAssertFalse(result.refused.contains { $0.contains("ok.svg") || $0.hasPrefix("data:") }, "\(result.refused)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("page.pdf").path))
    }
}
