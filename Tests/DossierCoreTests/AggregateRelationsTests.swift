import DossierCore
import XCTest

/// Aggregation keeps relations apart: NATO's areas and timeline come from NATO material only,
/// each other power's from its own passages, and each relation says how current it is.
final class AggregateRelationsTests: XCTestCase {
    private let taxonomy = Taxonomy(areas: [
        .init(id: "energy", label: "Energy", phrases: [WeightedPhrase("gas")]),
        .init(id: "dialogue", label: "Political dialogue", phrases: [WeightedPhrase("talks")]),
    ])

    private func area(_ id: String, _ text: String, file: String, line: Int, _ who: Counterpart) -> AreaScore {
        AreaScore(
            area: id, score: 0.9,
            evidence: [Evidence(text: text, span: SourceSpan(file: file, startLine: line), counterpart: who)],
            counterpart: who)
    }

    /// One passage, attributed to `who`, classified into `areaID`.
    private func passage(_ text: String, file: String, line: Int, _ who: Counterpart, areaID: String) -> Passage {
        var p = Passage(kind: .paragraph, text: text, span: SourceSpan(file: file, startLine: line))
        p.counterpart = who
        p.areas = [area(areaID, text, file: file, line: line, who)]
        return p
    }

    private func document(_ file: String, kind: DocumentKind, passages: [Passage], events: [(Int, Int)]) -> Document {
        var d = Document(source: file, format: .text, contentHash: file)
        d.country = "Ruritania"
        d.kind = kind
        d.sections = [Section(heading: nil, level: 1, passages: passages)]
        d.areas = passages.filter { $0.counterpart == .nato }.flatMap(\.areas)
        d.counterpartAreas = passages.filter { $0.counterpart != .nato }.flatMap(\.areas)
        d.facts.milestones = events.map { year, line in
            let text = passages.first { $0.span.startLine == line }!.text
            return Milestone(
                year: year, text: text, fromProse: true,
                evidence: [Evidence(text: text, span: SourceSpan(file: file, startLine: line))])
        }
        return d
    }

    private func aggregate(_ documents: [Document]) throws -> Corpus {
        let context = StageContext(
            baseDirectory: FileManager.default.temporaryDirectory, configFile: "pipeline.yaml", taxonomy: taxonomy,
            logger: quietLogger)
        var corpus = Corpus(documents: documents)
        try AggregateCountries(options: .init(), context: context).run(&corpus)
        return corpus
    }

    func testEachRelationKeepsItsOwnAreasEventsAndCurrency() throws {
        let russia = Counterpart("Russia")
        let page = document(
            "page.txt", kind: .partnerPage,
            passages: [
                passage(
                    "Ruritania and NATO hold talks since 2001.", file: "page.txt", line: 3, .nato, areaID: "dialogue")
            ],
            events: [(2001, 3)])
        let analysis = document(
            "analysis.txt", kind: .analysis,
            passages: [
                passage(
                    "Moscow buys Ruritanian gas since 2019.", file: "analysis.txt", line: 7, russia, areaID: "energy"),
                passage("NATO talks resumed in 2020.", file: "analysis.txt", line: 9, .nato, areaID: "dialogue"),
            ],
            events: [(2019, 7), (2020, 9)])
        let profile = try XCTUnwrap(aggregate([page, analysis]).profiles.first)

        XCTAssertEqual(profile.areas.map(\.area), ["dialogue"], "Russian gas is no NATO area")
        XCTAssertTrue(profile.areas[0].evidence.allSatisfy { $0.counterpart == .nato })
        XCTAssertEqual(profile.milestones.map(\.year), [2001, 2020], "NATO's timeline holds NATO's events only")
        XCTAssertEqual(profile.relations.map(\.counterpart), [russia])
        XCTAssertEqual(profile.relations[0].areas.map(\.area), ["energy"])
        XCTAssertEqual(profile.relations[0].milestones.map(\.year), [2019])
        XCTAssertEqual(profile.relations[0].sources, ["S2"])
        XCTAssertEqual(profile.currency.map(\.counterpart), [.nato, russia])
        XCTAssertEqual(profile.currency.map { $0.newestEvent?.year }, [2020, 2019])
        XCTAssertEqual(profile.sources.map { $0.newestEvent?.year }, [2001, 2020])
        XCTAssertEqual(profile.areaPassages, ["dialogue": 2])
    }

    func testAPowerNamedWithoutAreaOrDatedEventIsNoRelation() throws {
        var aside = Passage(kind: .paragraph, text: "Beijing watches.", span: SourceSpan(file: "a.txt", startLine: 2))
        aside.counterpart = Counterpart("China")
        let d = document(
            "a.txt", kind: .analysis,
            passages: [aside, passage("NATO talks.", file: "a.txt", line: 4, .nato, areaID: "dialogue")], events: [])
        let profile = try XCTUnwrap(aggregate([d]).profiles.first)
        XCTAssertEqual(profile.relations, [])
        XCTAssertEqual(profile.currency.map(\.counterpart), [.nato])
    }
}
