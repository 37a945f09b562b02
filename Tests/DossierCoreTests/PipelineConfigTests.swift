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
        assertConfigError(
            try load(yaml), at: "pipeline.yaml:6:10", .unknownStage("clasify.areas", suggestion: "classify.areas"))
        // The one place the wording is pinned: what a user reads, on one line.
        XCTAssertThrowsError(try load(yaml)) { error in
            let expected = "/pipeline.yaml:6:10: error: unknown stage 'clasify.areas'; did you mean 'classify.areas'?"
            XCTAssertTrue("\(error)".hasSuffix(expected), "\(error)")
        }
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
        assertConfigError(try load(yaml), at: "pipeline.yaml:7:5", .unknownKey("min_score", suggestion: "min-score"))
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
        assertConfigError(try load(yaml), at: "pipeline.yaml:7:16", .wrongType(expected: "a number"))
    }

    func testUnknownTopLevelKey() {
        let yaml = """
            inputs: corpus/*.txt
            taxonomy: taxonomy.yaml
            stage: []
            """
        assertConfigError(try load(yaml), at: "pipeline.yaml:3:1", .unknownKey("stage", suggestion: "stages"))
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
        assertConfigError(
            try load(yaml), at: "pipeline.yaml:5:10", .unmetRequirement(stage: "classify.areas", artifact: .passages))
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
        assertConfigError(
            try load(yaml), at: "pipeline.yaml:6:10",
            .mustPrecede(stage: "normalize.dehyphenate", producer: "normalize.structure", artifact: .passages))
    }

    func testYAMLSyntaxErrorIsLocated() {
        XCTAssertThrowsError(try load("inputs: [corpus/*.txt\ntaxonomy: x\n")) { error in
            XCTAssertEqual((error as? ConfigError)?.reason, .invalidYAML)
            XCTAssertEqual(
                (error as? ConfigError)?.location.map { URL(fileURLWithPath: $0.file).lastPathComponent },
                "pipeline.yaml")
            XCTAssertNotNil((error as? ConfigError)?.location?.line)
        }
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
        assertConfigError(try load(yaml), at: "pipeline.yaml:6:16", .invalidPattern("(unclosed"))
    }

    func testOutputOutsideTheProjectIsRefused() {
        let yaml = """
            inputs: corpus/*.txt
            taxonomy: taxonomy.yaml
            stages: [{use: ingest.text}]
            output: ../elsewhere
            """
        assertConfigError(try load(yaml), at: "pipeline.yaml:4:9", .outputOutsideProject("../elsewhere"))
    }

    func testTheProjectPipelineSetsUpWithCoreStages() throws {
        let ids = try corePipeline().stages.map(\.id)
        XCTAssertEqual(ids.first, "ingest.text")
        XCTAssertTrue(
            ids.contains("classify.areas") && ids.contains("extract.facts") && ids.contains("aggregate.countries"))
    }
}
