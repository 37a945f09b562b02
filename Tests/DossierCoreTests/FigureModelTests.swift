import Foundation
import XCTest

@testable import DossierCore

/// `Figure` as stored: older profiles still read, the display form does not depend on how the
/// source wrote the number, and facts.yaml names only kinds that exist.
final class FigureModelTests: XCTestCase {
    func testProfilesWrittenBeforeKindsStillRead() throws {
        let old = """
            {"value": 95, "qualifier": "about", "unit": "personnel",
             "evidence": {"text": "It has about 95 personnel.",
                          "span": {"file": "a.txt", "startLine": 3, "endLine": 3}}}
            """
        let f = try JSONDecoder().decode(Figure.self, from: Data(old.utf8))
        XCTAssertEqual(f.kind, .other)
        XCTAssertNil(f.currency)
        XCTAssertNil(f.low)
        XCTAssertEqual(f.written, "")
        XCTAssertEqual(f.display, "about 95 personnel")
        XCTAssertEqual(f.evidence.span.startLine, 3)
    }

    func testNewFiguresRoundTrip() throws {
        let f = Figure(
            value: 2_500_000, low: 1_000_000, qualifier: "", unit: "EUR", kind: .money, currency: "EUR",
            written: "between €1 million and €2.5 million", display: "€1–2.5 million",
            evidence: Evidence(text: "s", span: SourceSpan(file: "a.txt", startLine: 1)))
        let back = try JSONDecoder().decode(Figure.self, from: JSONEncoder().encode(f))
        XCTAssertEqual(back, f)
    }

    func testDisplayIsTheSameForEveryWayOfWritingANumber() {
        XCTAssertEqual(Figure.plain(640_000), "640,000")
        XCTAssertEqual(Figure.plain(1234.5), "1,234.5")
        XCTAssertEqual(Figure.plain(12.25), "12.25")
        XCTAssertEqual(Figure.plain(95), "95")
        XCTAssertEqual(Figure.range(nil, 1_200_000), "1.2 million")
        XCTAssertEqual(Figure.range(nil, 1_234_567), "1,234,567", "no scale when two decimals do not say it")
        XCTAssertEqual(Figure.range(500_000, 2_000_000), "500,000–2 million")
        XCTAssertEqual(Figure.range(40, 50), "40–50")
    }

    func testFactsYAMLNamesOnlyKindsThatExist() {
        let yaml = "figure-kinds: {troops: [soldiers], weapons: [rifles]}\n"
        XCTAssertThrowsError(try StrictYAML.decode(FigureRules.self, from: yaml, file: "facts.yaml")) { error in
            XCTAssertTrue("\(error)".contains("weapons"), "\(error)")
        }
        let money = "figure-kinds: {money: [cash]}\n"
        XCTAssertThrowsError(try StrictYAML.decode(FigureRules.self, from: money, file: "facts.yaml"))
        let good = "figure-kinds: {troops: [soldiers]}\nfigure-max-modifiers: 2\n"
        XCTAssertEqual(
            try StrictYAML.decode(FigureRules.self, from: good, file: "facts.yaml").kinds, [.troops: ["soldiers"]])
    }
}
