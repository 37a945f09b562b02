import DossierCore
import XCTest

@testable import DossierRender

/// The briefing writer on hand-made profiles: structure, citations, and hostile text.
final class BriefingWriterTests: XCTestCase {
    private let taxonomy = Taxonomy(areas: [
        .init(id: "energy", label: "Energy", phrases: [WeightedPhrase("gas")]),
        .init(id: "trade", label: "Trade", phrases: [WeightedPhrase("trade")]),
    ])

    private func evidence(_ text: String, line: Int) -> Evidence {
        Evidence(text: text, span: SourceSpan(file: "corpus/a.txt", startLine: line), signals: [.phrase("gas")])
    }

    private func profile(quote: String) -> CountryProfile {
        CountryProfile(
            country: "Ruritania", slug: "ruritania",
            sources: [
                SourceSummary(
                    label: "S1", file: "corpus/a.txt", title: "Relations | with <b>Ruritania</b>",
                    kind: .partnerPage,
                    lastUpdated: DatedFact(date: "2016-04-07", evidence: evidence("Last updated", line: 1)),
                    footnoteCount: 0)
            ],
            frameworks: [
                FrameworkMembership(
                    id: "pfp", name: "Partnership for Peace", year: 1994,
                    evidence: evidence("Ruritania joined the PfP in 1994.", line: 5))
            ],
            areas: [
                CountryArea(
                    area: "energy", label: "Energy", score: 0.95, passageCount: 1, sources: ["S1"],
                    evidence: [evidence(quote, line: 9)])
            ],
            milestones: [
                Milestone(
                    year: nil, text: "# Undated | event *x*", evidence: [evidence("# Undated | event *x*", line: 12)])
            ],
            totalPassages: 3)
    }

    func testStructureAndCitations() {
        var writer = BriefingWriter(profile: profile(quote: "Gas flows east."), taxonomy: taxonomy, asOfYear: 2024)
        let md = writer.write()
        for heading in [
            "# Ruritania — partnership briefing", "## Sources", "## Partnership frameworks", "## Cooperation areas",
            "### Energy — strong", "## Timeline", "## Contact point embassy",
            "## Where the sources disagree or fall silent", "## Notes",
        ] {
            XCTAssertTrue(md.contains("\n\(heading)\n") || md.hasPrefix(heading + "\n"), "missing \(heading)")
        }
        XCTAssertTrue(md.contains("No passage of any source supports: Trade."), md)
        XCTAssertTrue(md.contains("Undated milestones"), "undated ones are listed, never given a year")
        // Each citation marker has a note, numbered in order of first use.
        let markers = md.components(separatedBy: "](#note-").count - 1
        XCTAssertGreaterThanOrEqual(markers, 3)
        XCTAssertTrue(md.contains("1. S1, line 5"), md)
        XCTAssertEqual(writer.cites.notes.count, 3)
    }

    func testHostileQuotesStayText() {
        var writer = BriefingWriter(
            profile: profile(quote: "Gas <script>x()</script> [a](javascript:y) ![i](z) | cell"), taxonomy: taxonomy,
            asOfYear: nil)
        let html = Cmark.html(fromMarkdown: writer.write())
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("href=\"javascript"))
        XCTAssertFalse(html.contains("<img"))
        XCTAssertFalse(html.contains("<b>Ruritania"))
        XCTAssertFalse(html.contains("<h1>Undated"), "a leading # in source text is not a heading")
        XCTAssertTrue(html.contains("&lt;script&gt;"))
    }

    /// A source's date says where it came from: "©" only for a copyright line.
    func testAPublicationDateSaysWhereItCameFrom() {
        func mark(_ text: String) -> String {
            BriefingWriter.publishedMark(
                DatedFact(date: "2023", evidence: Evidence(text: text, span: SourceSpan(file: "a.txt", startLine: 1))))
        }
        XCTAssertEqual(mark("© 2023 Institute for Imaginary Studies"), "©")
        XCTAssertEqual(mark("Copyright 2023 The Imaginary Times"), "©")
        XCTAssertEqual(mark("12 March 2023"), "published")
        XCTAssertEqual(mark("Published on 12 March 2023"), "published")
    }
}
