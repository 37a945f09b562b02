import DossierCore
import Foundation
import XCTest

/// classify.areas' `other-powers-min-score` and `other-powers-document-min-score`: a relation
/// with another power is told in plainer words than a NATO page repeats, so it may need less
/// evidence; NATO's own areas keep `min-score` and `document-min-score`.
final class OtherPowerThresholdTests: XCTestCase {
    private func classified(_ text: String, otherPowers: String) throws -> Document {
        try classifiedWithCounterparts(text, areaOptions: otherPowers + "\n")
    }

    private let lowered = """
            other-powers-min-score: 0.35
            other-powers-document-min-score: 0.2
        """

    /// "weapons" alone scores 0.39 in a passage: below NATO's 0.5, above the lowered bar; as a
    /// document's area 0.23, below NATO's 0.28, above the lowered 0.2. Both bars must be lowered.
    func testAnotherPowersRelationMeetsItsOwnBar() throws {
        let text = "Arms\n\nChina sold weapons to Ruritania last spring.\n"
        let unset = try classified(text, otherPowers: "")
        XCTAssertEqual(unset.counterpartAreas.map(\.area), [], "at NATO's thresholds")
        let passageOnly = try classified(text, otherPowers: "    other-powers-min-score: 0.35")
        XCTAssertEqual(passageOnly.counterpartAreas.map(\.area), [], "at NATO's document threshold")
        XCTAssertFalse(passageOnly.passages.flatMap(\.areas).isEmpty, "the passage has the area")
        let own = try classified(text, otherPowers: lowered)
        XCTAssertEqual(own.counterpartAreas.map(\.area), ["security-cooperation"])
        XCTAssertEqual(own.counterpartAreas.map(\.counterpart), [Counterpart("China")])
        XCTAssertEqual(own.areas.map(\.area), [], "no NATO material in the text")
    }

    /// The same strength of evidence about NATO is held to NATO's bar.
    func testNATOKeepsItsOwnBar() throws {
        let text = "Exercises\n\nNATO and Ruritania held an exercise last spring.\n"
        let d = try classified(text, otherPowers: lowered)
        XCTAssertEqual(d.areas.map(\.area), [], "\(d.passages.flatMap(\.areas))")
        XCTAssertEqual(d.counterpartAreas.map(\.area), [])
    }
}
