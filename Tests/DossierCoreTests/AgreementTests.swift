import DossierCore
import Foundation
import XCTest
import Yams

/// Two annotators' counterpart files compared as eval compares output with gold: pairs,
/// NATO's areas, counterparts, constraints (any kind), fragments and the subject.
final class AgreementTests: XCTestCase {
    private func load(_ yaml: String) throws -> CounterpartGold {
        let file = try temporaryYAML(yaml, removedAfter: self)
        let rules = try YAMLDecoder().decode([CounterpartRule].self, from: "- {name: Borduria, aliases: [Bordurian]}")
        return try CounterpartGold.load(
            file.path, taxonomy: try corePipeline().taxonomy, names: CounterpartNames(rules))
    }

    func testPairsConstraintsAndCountryAreScoredAsEvalScoresThem() throws {
        let first = try load(
            """
            - file: a.txt
              country: Ruritania
              counterparts:
                NATO: {areas: [security_cooperation, political_dialogue_framework]}
                Borduria: {areas: [energy]}
              constraints:
                - {text: "Ruritania does not offer troops for NATO-led operations", counterpart: NATO, kind: negation}
              future:
                - {text: "is expected to attend the next summit"}
            - file: only-first.txt
              counterparts:
                NATO: {areas: [energy]}
            """)
        let second = try load(
            """
            - file: a.txt
              country: Ruritania
              counterparts:
                NATO: {areas: [security_cooperation]}
                Bordurian: {areas: [energy, trade_economy_transit]}
              constraints:
                - text: "Ruritania does not offer troops for NATO-led operations in Syldavia"
                  counterpart: NATO
                  kind: limit
              future: []
            """)
        let a = Agreement.compare(first, second)
        XCTAssertEqual(a.documents, ["a.txt"], "a file only one annotates is not compared")
        // Pairs: NATO security and Borduria energy agree; NATO dialogue missed; Borduria trade added.
        XCTAssertEqual(a.pairs.micro.truePositives, 2)
        XCTAssertEqual(a.pairs.micro.falseNegatives, 1)
        XCTAssertEqual(a.pairs.micro.falsePositives, 1, "'Bordurian' is Borduria, as in eval")
        XCTAssertEqual(a.natoPairs.truePositives, 1)
        XCTAssertEqual(a.natoPairs.falseNegatives, 1)
        XCTAssertEqual(a.counterparts.f1, 1)
        XCTAssertEqual(a.constraints.found, 1, "the same sentence, another kind, still agrees")
        XCTAssertEqual(a.constraintKinds.correct, 0)
        XCTAssertEqual(a.constraintKinds.total, 1)
        XCTAssertEqual(a.future.recall, 0)
        XCTAssertEqual(a.country.value, 1)
        XCTAssertTrue(a.differences.contains { $0.what == "pair Borduria: trade-transit" && $0.found == "yes" })
        // F1 is symmetric: the other way round only swaps precision and recall.
        let b = Agreement.compare(second, first)
        XCTAssertEqual(b.pairs.micro.f1, a.pairs.micro.f1)
        XCTAssertEqual(b.pairs.micro.precision, a.pairs.micro.recall)
    }
}
