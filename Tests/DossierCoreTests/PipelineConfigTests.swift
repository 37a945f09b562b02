import DossierCore
import XCTest

final class PipelineConfigTests: XCTestCase {
    private func load(_ yaml: String) throws -> Pipeline {
        let dir = try temporaryProject(pipeline: yaml)
        let config = try PipelineConfig.load(path: dir.appendingPathComponent("pipeline.yaml").path)
        return try Pipeline(config: config, registry: .core, logger: quietLogger)
    }

    func testMisspeltStageNamesLineColumnAndSuggestion() {
        let yaml = """
        inputs: [corpus/*.txt]
        taxonomy: taxonomy.yaml
        stages:
          - use: ingest.text
          - use: normalize.structure
          - use: clasify.areas
        """
        assertDossierError(try load(yaml), contains: ["pipeline.yaml:6:10", "unknown stage 'clasify.areas'", "did you mean 'classify.areas'?"])
    }

    func testUnknownOptionKeyIsAnErrorWithSuggestion() {
        let yaml = """
        inputs: corpus/*.txt
        taxonomy: taxonomy.yaml
        stages:
          - use: ingest.text
          - use: normalize.structure
          - use: classify.areas
            min_score: 0.5
        """
        assertDossierError(try load(yaml), contains: ["pipeline.yaml:7:5", "unknown key 'min_score'", "did you mean 'min-score'?"])
    }

    func testWrongTypeNamesTheValueAndWhatWasExpected() {
        let yaml = """
        inputs: corpus/*.txt
        taxonomy: taxonomy.yaml
        stages:
          - use: ingest.text
          - use: normalize.structure
          - use: classify.areas
            min-score: high
        """
        assertDossierError(try load(yaml), contains: ["pipeline.yaml:7:16", "expected a number", "'high'"])
    }

    func testUnknownTopLevelKey() {
        let yaml = """
        inputs: corpus/*.txt
        taxonomy: taxonomy.yaml
        stage: []
        """
        assertDossierError(try load(yaml), contains: ["pipeline.yaml:3:1", "unknown key 'stage'", "did you mean 'stages'?"])
    }

    func testStageWhoseInputComesLaterIsRejected() {
        let yaml = """
        inputs: corpus/*.txt
        taxonomy: taxonomy.yaml
        stages:
          - use: ingest.text
          - use: classify.areas
          - use: normalize.structure
        """
        assertDossierError(try load(yaml), contains: ["pipeline.yaml:5:10", "needs passages", "normalize.structure"])
    }

    func testLineNormalizerAfterStructureIsRejected() {
        let yaml = """
        inputs: corpus/*.txt
        taxonomy: taxonomy.yaml
        stages:
          - use: ingest.text
          - use: normalize.structure
          - use: normalize.dehyphenate
        """
        assertDossierError(try load(yaml), contains: ["pipeline.yaml:6:10", "must come before 'normalize.structure'"])
    }

    func testYAMLSyntaxErrorIsLocated() {
        assertDossierError(try load("inputs: [corpus/*.txt\ntaxonomy: x\n"), contains: ["pipeline.yaml:", "invalid YAML"])
    }

    func testInvalidRegexInOptionsIsLocated() {
        let yaml = """
        inputs: corpus/*.txt
        taxonomy: taxonomy.yaml
        stages:
          - use: ingest.text
          - use: normalize.captions
            patterns: ['(unclosed']
        """
        assertDossierError(try load(yaml), contains: ["pipeline.yaml:6:16", "invalid regular expression"])
    }

    func testOutputOutsideTheProjectIsRefused() {
        let yaml = """
        inputs: corpus/*.txt
        taxonomy: taxonomy.yaml
        stages: [{use: ingest.text}]
        output: ../elsewhere
        """
        assertDossierError(try load(yaml), contains: ["pipeline.yaml:4:9", "outside the project folder"])
    }

    func testTheProjectPipelineSetsUpWithCoreStages() throws {
        let ids = try corePipeline().stages.map(\.id)
        XCTAssertEqual(ids.first, "ingest.text")
        XCTAssertTrue(ids.contains("classify.areas") && ids.contains("extract.facts") && ids.contains("aggregate.countries"))
    }
}
