import DossierCore
import Foundation
import XCTest

/// The learned part of the area classifier, and areas that exist only in config.
final class AreaModelTests: XCTestCase {
    /// Two small "documents" whose passages are labelled by topic.
    let examples: [AreaModel.Example] = {
        let disaster = [
            "flood relief teams trained for disaster response", "earthquake rescue and disaster response drills",
            "disaster response planning with rescue services", "rescue units prepared for flood relief",
        ]
        let science = [
            "research grants for laboratory scientists", "scientists share research on water quality",
            "laboratory research grants awarded", "water quality research by scientists",
        ]
        var out: [AreaModel.Example] = []
        for (i, text) in disaster.enumerated() {
            out.append(.init(text: text, document: "d\(i % 2)", areas: ["relief"]))
        }
        for (i, text) in science.enumerated() {
            out.append(.init(text: text, document: "d\(i % 2)", areas: ["science"]))
        }
        return out
    }()

    func testItLearnsWordsThatSeparateTheAreas() {
        let model = AreaModel.train(
            examples, areas: ["relief", "science", "never-seen"], taxonomyHash: "t",
            settings: {
                var s = AreaModel.Training()
                s.minPositives = 2
                s.maxPassageShare = 0.9
                return s
            }())
        XCTAssertEqual(model.areas.map(\.area), ["relief", "science"], "an area without examples is left to the rules")
        let p = model.predict("a rescue team for the flood")
        XCTAssertGreaterThan(p["relief"]!.probability, 0.5)
        XCTAssertLessThan(p["science"]!.probability, 0.5)
        XCTAssertTrue(
            p["relief"]!.strongest.contains("rescue") || p["relief"]!.strongest.contains("flood"),
            "\(p["relief"]!.strongest)")
    }

    func testTrainingIsDeterministicAndTheFileRoundTrips() throws {
        var settings = AreaModel.Training()
        settings.minPositives = 2
        let a = try AreaModel.train(examples, areas: ["relief", "science"], taxonomyHash: "t", settings: settings)
            .encoded()
        let b = try AreaModel.train(examples, areas: ["relief", "science"], taxonomyHash: "t", settings: settings)
            .encoded()
        XCTAssertEqual(a, b)
        let decoded = try JSONDecoder().decode(AreaModel.self, from: Data(a))
        XCTAssertEqual(try decoded.encoded(), a)
    }

    func testFeaturesAreWordsAndWordPairsWithoutNumbers() {
        XCTAssertEqual(
            AreaModel.features("Disaster relief in 2005, a plan"),
            ["disaster", "disaster relief", "in", "in plan", "plan", "relief", "relief in"])
    }

    func testAMissingModelFileSaysHowToMakeIt() throws {
        let dir = try temporaryProject(
            pipeline: """
                inputs: [in/*.txt]
                taxonomy: taxonomy.yaml
                stages:
                  - use: ingest.text
                  - use: normalize.structure
                  - use: classify.areas
                    model: models/none.json
                """)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try PipelineConfig.load(path: dir.appendingPathComponent("pipeline.yaml").path)
        assertDossierError(
            try Pipeline(config: config, registry: .core, logger: quietLogger),
            contains: ["none.json", "does not exist", "dossier train"])
        // Training sets the same pipeline up without the model.
        XCTAssertNoThrow(try AreaTrainer(config: config, registry: .core, logger: quietLogger))
    }

    /// Acceptance: a new area in taxonomy.yaml classifies passages with no Swift change, with
    /// and without a retrained model (the shipped model does not know the area: rules decide).
    func testANewTaxonomyAreaWorksWithoutCodeChanges() throws {
        let taxonomy =
            try String(contentsOf: repoRoot.appendingPathComponent("taxonomy.yaml"), encoding: .utf8) + """

                  - id: cyber-defence
                    label: Cyber defence
                    description: Protecting networks and systems against cyber attacks.
                    headings: [cyber defence, cyber security]
                    phrases:
                      - {phrase: cyber, weight: 1.5}
                      - {phrase: cyber-attack*, weight: 2}
                      - {phrase: computer emergency response, weight: 2}
                      - {phrase: networks, weight: 0.75}

                """
        let text = """
            NATO's relations with Examplestan

            Cyber defence

            Examplestan and NATO exchange information on cyber threats. Experts from the Allies help the country set \
            up a computer emergency response team that protects government networks against cyber-attacks.

            Science and environment

            Scientists from Examplestan take part in research projects on water management.
            """
        let dir = try temporaryProject(
            pipeline: """
                inputs: [in/*.txt]
                taxonomy: taxonomy-cyber.yaml
                stages:
                  - use: ingest.text
                  - use: normalize.whitespace
                  - use: normalize.structure
                  - use: classify.areas
                    model: \(repoRoot.appendingPathComponent("models/areas.json").path)
                """, files: ["taxonomy-cyber.yaml": taxonomy, "in/examplestan.txt": text])
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try PipelineConfig.load(path: dir.appendingPathComponent("pipeline.yaml").path)
        let runner = Runner(
            pipeline: try Pipeline(config: config, registry: .core, logger: quietLogger), logger: quietLogger)
        let document = try runner.processDocument(try runner.read("in/examplestan.txt"))
        let cyber = try XCTUnwrap(document.passages.first { $0.text.contains("cyber threats") })
        XCTAssertEqual(cyber.areas.first?.area, "cyber-defence", "\(cyber.areas)")
        XCTAssertTrue(
            cyber.areas[0].evidence[0].signals.contains {
                if case .heading("Cyber defence", _) = $0 { true } else { false }
            })
        XCTAssertTrue(document.areas.contains { $0.area == "cyber-defence" })
        let science = try XCTUnwrap(document.passages.first { $0.text.contains("water management") })
        XCTAssertFalse(science.areas.contains { $0.area == "cyber-defence" })
        // Training on a corpus with a cyber defence section takes the area into the model.
        let examples = try AreaTrainer(config: config, registry: .core, logger: quietLogger).classifier
            .trainingExamples(document)
        XCTAssertEqual(examples.first { $0.text.contains("cyber threats") }?.areas, ["cyber-defence"])
    }
}
