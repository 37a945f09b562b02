import DossierCore
import XCTest

@testable import DossierRender

/// The briefing's analyst summary, currency, relations with other powers, silences and notes
/// on a hand-made profile.
final class BriefingSummaryTests: XCTestCase {
    private let taxonomy = Taxonomy(areas: [
        .init(id: "energy", label: "Energy", phrases: [WeightedPhrase("gas")]),
        .init(id: "dialogue", label: "Political dialogue", phrases: [WeightedPhrase("talks")]),
        .init(id: "trade", label: "Trade", phrases: [WeightedPhrase("trade")]),
    ])
    private let russia = Counterpart("Russia")

    private func evidence(_ text: String, line: Int, file: String = "a.txt") -> Evidence {
        Evidence(text: text, span: SourceSpan(file: file, startLine: line), signals: [.phrase("talks")])
    }

    private func framework(_ id: String, _ abbreviation: String, year: Int?, kind: String, succeeds: String? = nil)
        -> FrameworkMembership
    {
        var f = FrameworkMembership(
            id: id, name: "The \(abbreviation) body", abbreviation: abbreviation, year: year,
            evidence: evidence("Ruritania joined the \(abbreviation).", line: 10 + (year ?? 0) % 50))
        f.kind = kind
        f.succeeds = succeeds
        return f
    }

    private func event(_ year: Int, line: Int, file: String = "a.txt") -> Milestone {
        Milestone(
            year: year, text: "Event of \(year).", evidence: [evidence("Event of \(year).", line: line, file: file)])
    }

    private func profile(newestNATOEvent: Int) -> CountryProfile {
        var p = CountryProfile(
            country: "Ruritania", slug: "ruritania",
            sources: [
                SourceSummary(
                    label: "S1", file: "a.txt", title: "Relations with Ruritania", kind: .partnerPage,
                    lastUpdated: nil, footnoteCount: 0),
                SourceSummary(
                    label: "S2", file: "b.txt", title: "Moscow and Ruritania", kind: .analysis, lastUpdated: nil,
                    footnoteCount: 0),
            ],
            frameworks: [
                framework("nacc", "NACC", year: 1992, kind: "forum"),
                framework("pfp", "PfP", year: 1994, kind: "partnership"),
                framework("ipp", "IPP", year: 1995, kind: "programme"),
                framework("eapc", "EAPC", year: 1997, kind: "forum", succeeds: "nacc"),
                framework("ipcp", "IPCP", year: nil, kind: "programme", succeeds: "ipp"),
                framework("sps", "SPS", year: nil, kind: "programme"),
            ],
            areas: [
                CountryArea(
                    area: "dialogue", label: "Political dialogue", score: 0.95, passageCount: 1, sources: ["S1"],
                    evidence: [evidence("The sky is blue. Ruritania and NATO hold talks every year.", line: 30)])
            ],
            milestones: [event(1992, line: 40), event(newestNATOEvent, line: 41)])
        p.sources[1].author = NamedFact(value: "Jane Doe", evidence: evidence("Jane Doe", line: 3, file: "b.txt"))
        p.relations = [
            Relation(
                counterpart: russia,
                areas: [
                    CountryArea(
                        area: "energy", label: "Energy", score: 0.9, passageCount: 1, sources: ["S2"],
                        evidence: [evidence("Moscow buys Ruritanian gas.", line: 8, file: "b.txt")])
                ], milestones: [event(2019, line: 9, file: "b.txt")], sources: ["S2"], passageCount: 4)
        ]
        p.currency = [
            Currency(counterpart: .nato, newestEvent: p.milestones.last, newestStamp: nil),
            Currency(counterpart: russia, newestEvent: p.relations[0].milestones[0], newestStamp: nil),
        ]
        p.areaPassages = ["dialogue": 3, "trade": 1]
        return p
    }

    private func write(_ p: CountryProfile) -> String {
        var writer = BriefingWriter(profile: p, taxonomy: taxonomy, asOfYear: 2024, maxAgeYears: 5)
        return writer.write()
    }

    func testSummaryCountsSuccessorsAsOneAndProgrammesApart() {
        let md = write(profile(newestNATOEvent: 2011))
        let summary = md.components(separatedBy: "## Summary\n")[1].components(separatedBy: "\n## ")[0]
        XCTAssertTrue(summary.contains("Ruritania has been a NATO partner since 1992"), summary)
        XCTAssertTrue(summary.contains("the EAPC (since 1997; successor of the NACC of 1992)"), summary)
        XCTAssertTrue(summary.contains("2 programmes or plans: the IPCP (successor of the IPP of 1995)"), summary)
        XCTAssertFalse(summary.contains("NACC (since"), "the NACC is counted in the EAPC, not beside it")
        XCTAssertTrue(summary.contains("documented in 1 of 3 areas"), summary)
        XCTAssertTrue(summary.contains("relations with Russia (1 area)"), summary)
        XCTAssertTrue(summary.contains("13 years old by content"), summary)
    }

    func testCurrencyFlagsAnOldNATOPictureOnly() {
        let old = write(profile(newestNATOEvent: 2011))
        XCTAssertTrue(old.contains("NATO relations: newest reported event 2011"), old)
        XCTAssertTrue(old.contains("**Dated:** 13 years before 2024, more than 5"), old)
        let recent = write(profile(newestNATOEvent: 2022))
        XCTAssertFalse(recent.contains("**Dated:**"), recent)
        XCTAssertFalse(recent.contains("years old by content"), recent)
    }

    func testOtherPowersHaveTheirOwnSectionNotNATOAreas() {
        let md = write(profile(newestNATOEvent: 2011))
        let nato = md.components(separatedBy: "## Cooperation areas\n")[1].components(separatedBy: "\n## Timeline")[0]
        XCTAssertFalse(nato.contains("Moscow"), "Russia's gas is not NATO cooperation")
        let others = md.components(separatedBy: "## Relations with other powers\n")[1]
        XCTAssertTrue(others.hasPrefix("\nWhat the sources say") || others.contains("### Russia"), others)
        XCTAssertTrue(others.contains("Energy (strong) — S2: “Moscow buys Ruritanian gas.”"), others)
        XCTAssertTrue(others.contains("| 2019 | Event of 2019. |"), others)
    }

    /// The summary counts each other power's areas, and says so plainly where it has none.
    func testTheSummaryNamesOtherPowersWithTheirAreaCounts() {
        var p = profile(newestNATOEvent: 2011)
        p.relations.append(
            Relation(counterpart: Counterpart("Borduria"), areas: [], milestones: [], sources: ["S2"], passageCount: 2))
        let md = write(p)
        XCTAssertTrue(
            md.contains("relations with Russia (1 area) and Borduria (no area with enough evidence)"),
            md.components(separatedBy: "\n## ")[1])
    }

    func testSilenceOnlyWhereNoPassageSpeaksAndNotesShowTheQuotedSentence() {
        var writer = BriefingWriter(profile: profile(newestNATOEvent: 2011), taxonomy: taxonomy, asOfYear: 2024)
        let md = writer.write()
        XCTAssertTrue(md.contains("No passage of any source supports: Energy."), md)
        XCTAssertTrue(md.contains("Mentioned, but too briefly to count as an area: Trade (1 passage)."), md)
        let note = writer.cites.notes.first { $0.evidence.span.startLine == 30 }
        XCTAssertEqual(note?.quote, "Ruritania and NATO hold talks every year.", "the note shows the quoted sentence")
        XCTAssertTrue(md.contains("| S2 |") && md.contains("Jane Doe [\\["), "an analysis's author is in Sources")
    }

    /// Evidence an implying area lends says which area it comes from: it names no word of the area
    /// it is quoted for.
    func testImpliedEvidenceSaysWhichAreaItComesFrom() {
        var p = profile(newestNATOEvent: 2011)
        var lent = evidence("Ruritania sent a platoon to KFOR.", line: 50)
        lent.signals.append(.impliedBy(area: "energy"))
        p.areas.append(
            CountryArea(area: "trade", label: "Trade", score: 0.8, passageCount: 0, sources: ["S1"], evidence: [lent]))
        let md = write(p)
        XCTAssertTrue(md.contains("“Ruritania sent a platoon to KFOR.” (implied by energy) [\\["), md)
        XCTAssertTrue(md.contains("Score 0.80; no passage of its own; sources: S1."), md)
        XCTAssertFalse(md.contains("“Ruritania and NATO hold talks every year.” (implied"), md)
    }

    func testConstraintsOfOtherRelationsAreCappedNATOsNever() {
        var p = profile(newestNATOEvent: 2011)
        let span = SourceSpan(file: "b.txt", startLine: 20)
        p.constraints =
            (1...7).map {
                Constraint(text: "Moscow does not sell arms \($0).", span: span, counterpart: russia, kind: .negation)
            }
            + (1...6).map {
                Constraint(text: "NATO has no role \($0).", span: span, counterpart: .nato, kind: .negation)
            }
        let md = write(p)
        XCTAssertTrue(md.contains("NATO has no role 6."), "NATO's constraints are all quoted")
        XCTAssertTrue(md.contains("Moscow does not sell arms 5."))
        XCTAssertFalse(md.contains("Moscow does not sell arms 6."))
        XCTAssertTrue(md.contains("Russia: 2 more, listed in data/ruritania.json"), md)
        XCTAssertTrue(md.contains("What limits it: “NATO has no role 1.”"), "the summary names NATO's, not Russia's")
    }
}
