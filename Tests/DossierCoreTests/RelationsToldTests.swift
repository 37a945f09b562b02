import DossierCore
import Foundation
import XCTest

/// classify.areas' `relation-cues`: in a document that names NATO little (none of its passages
/// here, at most `relation-max-nato-share` of them where set), a power named in
/// `relation-min-sentences` asserted sentences that speak of relations between states
/// ("congratulated", "visited", "ties") has political dialogue, quoting them, though no taxonomy
/// phrase names the area.
final class RelationsToldTests: XCTestCase {
    private func classified(
        _ text: String, area: String = "political-dialogue", minSentences: Int = 2, maxNATOShare: Double = 0
    ) throws -> Document {
        try classifiedWithCounterparts(
            text, statements: true,
            areaOptions: """
                    other-powers-min-score: 0.4
                    other-powers-document-min-score: 0.2
                    relation-cues: [congratulat*, visit*, ties, support*, engagement]
                    relation-min-sentences: \(minSentences)
                    relation-area: \(area)
                    relation-max-nato-share: \(maxNATOShare)

                """)
    }

    private func told(_ d: Document) -> [String] {
        d.counterpartAreas.filter { a in
            a.evidence.contains { $0.signals.contains { if case .relationTold = $0 { true } else { false } } }
        }.map { "\($0.counterpart.name) \($0.area)" }
    }

    func testTwoSentencesOfRelationsMakePoliticalDialogue() throws {
        let d = try classified(
            """
            Friends abroad

            Beijing congratulated the Ruritanian leader on his election.

            Weeks later the leader visited China with a delegation of ministers.
            """)
        XCTAssertEqual(told(d), ["China political-dialogue"])
        let area = try XCTUnwrap(d.counterpartAreas.first { $0.counterpart == Counterpart("China") })
        XCTAssertEqual(area.evidence.count, 2)
        XCTAssertEqual(area.evidence.map(\.span.startLine), [3, 5], "each sentence cited on its own line")
        XCTAssertEqual(area.score, 0.2, "at the relation's bar: told, not described")
    }

    /// Each sentence quoted is hedged on its own: "reportedly" in one leaves the other unmarked.
    func testEachToldSentenceIsHedgedOnItsOwn() throws {
        let d = try classified(
            """
            Friends abroad

            Beijing congratulated the Ruritanian leader on his election. The leader reportedly visited China \
            in secret.
            """)
        let area = try XCTUnwrap(d.counterpartAreas.first { $0.counterpart == Counterpart("China") })
        let marks = Dictionary(uniqueKeysWithValues: area.evidence.map { ($0.text.prefix(7), $0.hedged) })
        XCTAssertEqual(marks, ["Beijing": false, "The lea": true])
    }

    func testOneSentenceIsNotARelation() throws {
        let d = try classified("Friends abroad\n\nBeijing congratulated the Ruritanian leader on his election.\n")
        XCTAssertEqual(told(d), [])
    }

    /// On a NATO page other powers are asides to NATO's own story.
    func testNotInADocumentThatNamesNATO() throws {
        let d = try classified(
            """
            Friends abroad

            Beijing congratulated the Ruritanian leader on his election, as NATO did.

            Weeks later the leader visited China with a delegation of ministers.
            """)
        XCTAssertEqual(told(d), [])
    }

    /// A news item on a country's first talks with NATO still tells its other relations, when
    /// no more than `relation-max-nato-share` of the passages are NATO's (here one of three).
    func testANewsItemNamingNATOInAMinorityOfPassagesTellsItsOtherRelations() throws {
        let text = """
            First talks

            Ruritania held its first political talks with NATO in Brussels in December.

            The meeting is the latest sign of the country's growing engagement with the United States.

            Washington also sent a trade delegation to the capital in the spring.
            """
        XCTAssertEqual(
            told(try classified(text, minSentences: 1, maxNATOShare: 0.5)), ["United States political-dialogue"])
        XCTAssertEqual(told(try classified(text, minSentences: 1, maxNATOShare: 0)), [], "none may name NATO")
        XCTAssertEqual(told(try classified(text, minSentences: 1, maxNATOShare: 0.3)), [], "one passage of three")
    }

    /// A suspension is a limit of the relation, never evidence that it is held.
    func testAConstraintDoesNotCount() throws {
        let d = try classified(
            """
            Friends abroad

            Beijing suspended its support for the Ruritanian leader after the election.

            Weeks later the leader visited China with a delegation of ministers.
            """)
        XCTAssertEqual(told(d), [])
    }

    /// A sentence that names its own counterpart tells that relation; the others it names are
    /// asides unless they stand beside it ("Moscow's officials, worried by Beijing's loans").
    func testAsidesInAnotherPowersSentenceDoNotCount() throws {
        let d = try classified(
            """
            Friends abroad

            Moscow's officials visited the capital, worried by Beijing's loans to the government.

            Russian diplomats congratulated the leader, while Chinese banks kept lending.
            """)
        XCTAssertEqual(told(d), ["Russia political-dialogue"])
    }

    func testUnknownAreaIsAConfigError() {
        XCTAssertThrowsError(try classified("Friends\n\nChina visited.\n", area: "political-dialog")) { error in
            XCTAssertTrue("\(error)".contains("relation-area 'political-dialog'"), "\(error)")
        }
    }
}
