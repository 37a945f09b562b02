import DossierCore
import Foundation
import XCTest
import Yams

/// The taxonomy's `implies`: a document active in one area is active in the areas it implies,
/// for the same counterpart, quoting the implying evidence (a unit in a NATO-led operation is
/// security cooperation with NATO, as 38 of the 43 gold documents with the one code it).
final class ImpliedAreasTests: XCTestCase {
    private let page = """
        Ruritania and NATO

        Support to operations

        Ruritania sent an engineering unit to the NATO-led Kosovo Force (KFOR) in 2003.
        """

    private let stages =
        "  - use: normalize.structure\n  - use: attribute.counterparts\n    rules: facts.yaml\n"
        + "  - use: classify.areas\n    min-score: 0.5\n    document-min-score: 0.28\n"

    func testAnImplyingAreaBringsItsImpliedAreaWithItsEvidence() throws {
        let d = try processText(page, stages: stages)
        let ops = try XCTUnwrap(d.areas.first { $0.area == "operations-support" })
        let security = try XCTUnwrap(d.areas.first { $0.area == "security-cooperation" }, "\(d.areas.map(\.area))")
        XCTAssertEqual(security.score, ops.score)
        XCTAssertEqual(security.counterpart, .nato)
        XCTAssertEqual(security.evidence.map(\.text), ops.evidence.map(\.text))
        XCTAssertEqual(security.evidence.first?.signals.last, .impliedBy(area: "operations-support"))
        XCTAssertEqual(security.evidence.first?.signals.dropLast(), ops.evidence.first?.signals[...])
    }

    func testWithoutImpliesTheAreaStandsAlone() throws {
        let taxonomy = try String(contentsOf: repoRoot.appendingPathComponent("taxonomy.yaml"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("implies:") }.joined(separator: "\n")
        let d = try processText(page, stages: stages, files: ["taxonomy.yaml": taxonomy])
        XCTAssertEqual(d.areas.map(\.area), ["operations-support"])
    }

    /// Another power's relation implies for that power, never for NATO.
    func testImplicationStaysWithItsCounterpart() throws {
        let d = try processText(
            """
            Friends abroad

            Russian officers served with the Ruritanian contingent during the peace-support operations of 1999.
            """, stages: stages)
        let russian = d.counterpartAreas.filter { $0.counterpart == Counterpart("Russia") }
        XCTAssertEqual(russian.map(\.area).sorted(), ["operations-support", "security-cooperation"])
        XCTAssertEqual(russian.last?.evidence.first?.signals.last, .impliedBy(area: "operations-support"))
        XCTAssertTrue(d.areas.isEmpty, "\(d.areas.map(\.area))")
    }

    func testImplyingNoAreaIsAConfigError() throws {
        try assertInvalid("- {id: a, label: A, phrases: [alpha], implies: [b]}", "implies 'b', which is no area")
    }

    func testImplyingItselfIsAConfigError() throws {
        try assertInvalid("- {id: c, label: C, phrases: [gamma], implies: [c]}", "implies 'c', which is itself")
    }

    /// One step only: an implied area that implies another would make a chain (or a loop).
    func testImplyingAnAreaThatImpliesIsAConfigError() throws {
        try assertInvalid(
            "- {id: a, label: A, phrases: [alpha], implies: [b]}\n  - {id: b, label: B, phrases: [beta], implies: [a]}",
            "which is an area that implies others")
    }

    private func assertInvalid(_ areas: String, _ message: String) throws {
        let taxonomy = try YAMLDecoder().decode(Taxonomy.self, from: "areas:\n  " + areas + "\n")
        XCTAssertThrowsError(try taxonomy.validate(file: "taxonomy.yaml")) {
            XCTAssertTrue("\($0)".contains(message), "\($0)")
        }
    }
}
