@testable import DossierRender
import DossierCore
import XCTest

final class ChartsTests: XCTestCase {
    private func evidence(_ line: Int) -> Evidence { Evidence(text: "x", span: SourceSpan(file: "a.txt", startLine: line)) }

    private var profile: CountryProfile {
        CountryProfile(
            country: "Ruri<tania>", slug: "ruritania",
            frameworks: [FrameworkMembership(id: "pfp", name: "Partnership for Peace", abbreviation: "PfP", year: 1994, evidence: evidence(1))],
            areas: [CountryArea(area: "energy", label: "Energy & gas", score: 0.8, passageCount: 2, sources: ["S1"], evidence: [evidence(2)])],
            milestones: [Milestone(year: 1994, text: "Joins <PfP>", evidence: [evidence(3)]),
                         Milestone(year: 1994, text: "Second event", evidence: [evidence(4)]),
                         Milestone(year: 2001, text: "Inferred", yearInferred: true, evidence: [evidence(5), evidence(6)]),
                         Milestone(year: nil, text: "Undated", evidence: [evidence(7)])])
    }

    func testTimelinePlacesOnlyDatedMilestonesAndSaysHowManyAreNot() {
        let svg = Charts.timeline(profile)
        XCTAssertEqual(svg.components(separatedBy: "<circle").count - 1, 3)
        XCTAssertTrue(svg.contains("1 undated milestone listed below, not placed on the axis."))
        XCTAssertTrue(svg.contains("Joins &lt;PfP&gt;"), "text is escaped")
        XCTAssertTrue(svg.contains("2001 (inferred)"))
    }

    func testHeatmapCellsCarryTheirNumbersAndEveryChartHasATitle() {
        let taxonomy = Taxonomy(areas: [.init(id: "energy", label: "Energy & gas", phrases: [WeightedPhrase("gas")]),
                                        .init(id: "trade", label: "Trade", phrases: [WeightedPhrase("trade")])])
        let heatmap = Charts.heatmap([profile], taxonomy: taxonomy)
        XCTAssertTrue(heatmap.contains("<title>Ruri&lt;tania&gt; — Energy &amp; gas: 0.80 (2 passages)</title>"), heatmap)
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
