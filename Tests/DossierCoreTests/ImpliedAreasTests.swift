import DossierCore
import Foundation
import XCTest
import Yams

/// The taxonomy's `implies`: a document active in one area is active in the areas it implies,
/// for the same counterpart, quoting the implying evidence (a unit in a NATO-led operation is
/// security cooperation with NATO, as every gold set codes it).
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
        XCTAssertEqual(security.evidence.first?.signals, [.impliedBy(area: "operations-support")])
    }

    func testWithoutImpliesTheAreaStandsAlone() throws {
        let taxonomy = try String(contentsOf: repoRoot.appendingPathComponent("taxonomy.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "    implies: [security-cooperation]\n", with: "")
        let yaml = "inputs: [doc.txt]\ntaxonomy: taxonomy.yaml\nstages:\n  - use: ingest.text\n" + stages
        let dir = try temporaryProject(pipeline: yaml, files: ["doc.txt": page, "taxonomy.yaml": taxonomy])
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try PipelineConfig.load(path: dir.appendingPathComponent("pipeline.yaml").path)
        let runner = Runner(
            pipeline: try Pipeline(config: config, registry: .core, logger: quietLogger), logger: quietLogger)
        let d = try runner.processDocument(try runner.read("doc.txt"))
        XCTAssertEqual(d.areas.map(\.area), ["operations-support"])
    }

    func testImplyingNoAreaIsAConfigError() throws {
        let yaml = """
            areas:
              - {id: a, label: A, phrases: [alpha], implies: [b]}
              - {id: c, label: C, phrases: [gamma], implies: [c]}
            """
        let taxonomy = try YAMLDecoder().decode(Taxonomy.self, from: yaml)
        XCTAssertThrowsError(try taxonomy.validate(file: "taxonomy.yaml")) {
            XCTAssertTrue("\($0)".contains("implies 'b', which is no area"), "\($0)")
        }
    }
}
