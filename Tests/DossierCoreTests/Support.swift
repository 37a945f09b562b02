import DossierCore
import Foundation
import Logging
import XCTest

/// The repository root (tests read the real pipeline.yaml, taxonomy and corpus).
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

let quietLogger: Logger = {
    var l = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    l.logLevel = .critical
    return l
}()

/// The project's own pipeline with only its core stages (format and render stages live in
/// other targets).
func corePipeline() throws -> Pipeline {
    var config = try PipelineConfig.load(path: repoRoot.appendingPathComponent("pipeline.yaml").path)
    config.stages.removeAll { StageRegistry.core.descriptors[$0.id] == nil }
    return try Pipeline(config: config, registry: .core, logger: quietLogger)
}

/// `text` in a new temporary `.yaml` file, removed when `test` ends.
func temporaryYAML(_ text: String, removedAfter test: XCTestCase) throws -> URL {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-\(UUID().uuidString).yaml")
    try text.write(to: file, atomically: true, encoding: .utf8)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: file) }
    return file
}

/// A pipeline from YAML text in a temporary folder that also holds the project's rule files.
func temporaryProject(pipeline yaml: String, files: [String: String] = [:]) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for name in ["taxonomy.yaml", "facts.yaml", "statements.yaml"] {
        try FileManager.default.copyItem(
            at: repoRoot.appendingPathComponent(name), to: dir.appendingPathComponent(name))
    }
    try yaml.write(to: dir.appendingPathComponent("pipeline.yaml"), atomically: true, encoding: .utf8)
    for (name, text) in files {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return dir
}

/// `text` through counterparts and areas: normalize.structure, attribute.counterparts (and
/// classify.statements when `statements`), then classify.areas at NATO's thresholds (min-score
/// 0.5, document-min-score 0.28) with `areaOptions` (option lines, indented by four spaces).
func classifiedWithCounterparts(_ text: String, statements: Bool = false, areaOptions: String) throws -> Document {
    let statementStage = statements ? "  - use: classify.statements\n    rules: statements.yaml\n" : ""
    return try processText(
        text,
        stages: "  - use: normalize.structure\n  - use: attribute.counterparts\n    rules: facts.yaml\n"
            + statementStage + "  - use: classify.areas\n    min-score: 0.5\n    document-min-score: 0.28\n"
            + areaOptions)
}

/// Runs ingest → extract on one corpus file with the project's pipeline.
/// One text file, `doc.txt`, through `ingest.text` and then the stage entries `stages` gives
/// (pipeline.yaml lines, each indented by two spaces): the document as those stages leave it.
/// `files` replace or add project files (a changed taxonomy.yaml, say).
func processText(_ text: String, stages: String, files: [String: String] = [:]) throws -> Document {
    let yaml = "inputs: [doc.txt]\ntaxonomy: taxonomy.yaml\nstages:\n  - use: ingest.text\n" + stages
    let dir = try temporaryProject(pipeline: yaml, files: files.merging(["doc.txt": text]) { _, text in text })
    let config = try PipelineConfig.load(path: dir.appendingPathComponent("pipeline.yaml").path)
    let runner = Runner(
        pipeline: try Pipeline(config: config, registry: .core, logger: quietLogger), logger: quietLogger)
    return try runner.processDocument(try runner.read("doc.txt"))
}

/// Runs the project's pipeline (core stages) on `text` saved as `name` in a temporary folder.
func processWithProjectPipeline(_ text: String, name: String = "doc.txt") throws -> Document {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-shapes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent(name)
    try text.write(to: file, atomically: true, encoding: .utf8)
    let runner = Runner(pipeline: try corePipeline(), logger: quietLogger)
    return try runner.processDocument(try runner.read(file.path))
}

func analyze(_ corpusFile: String) throws -> Document {
    let pipeline = try corePipeline()
    let runner = Runner(pipeline: pipeline, logger: quietLogger)
    return try runner.processDocument(try runner.read("corpus/\(corpusFile)"))
}

/// The `StageFailure` that `body` throws, or nil after recording a test failure.
func stageFailure<T>(
    _ body: @autoclosure () throws -> T,
    file: StaticString = #filePath, line: UInt = #line
) -> StageFailure? {
    do {
        _ = try body()
        XCTFail("expected a stage failure", file: file, line: line)
    } catch let failure as StageFailure {
        return failure
    } catch {
        XCTFail("expected a stage failure, got \(error)", file: file, line: line)
    }
    return nil
}

/// The `InputError` that `body` throws, or nil after recording a test failure.
func inputError<T>(
    _ body: @autoclosure () throws -> T,
    file: StaticString = #filePath, line: UInt = #line
) -> InputError? {
    do {
        _ = try body()
        XCTFail("expected an input error", file: file, line: line)
    } catch let error as InputError {
        return error
    } catch {
        XCTFail("expected an input error, got \(error)", file: file, line: line)
    }
    return nil
}

/// Asserts that `body` throws a DossierError whose description contains every fragment.
/// A config error at `location` (`pipeline.yaml:6:10`) of the kind `reason`: what the code
/// decided, compared as values; the wording is pinned once, in PipelineConfigTests.
func assertConfigError<T>(
    _ body: @autoclosure () throws -> T, at location: String, _ reason: ConfigError.Reason,
    file: StaticString = #filePath, line: UInt = #line
) {
    do {
        _ = try body()
        XCTFail("expected \(reason) at \(location)", file: file, line: line)
    } catch let error as ConfigError {
        XCTAssertEqual(error.reason, reason, file: file, line: line)
        // Fixtures live in temporary folders: the file is compared by its name.
        var located = error.location
        located?.file = URL(fileURLWithPath: error.location?.file ?? "").lastPathComponent
        XCTAssertEqual(located?.description, location, file: file, line: line)
    } catch {
        XCTFail("unexpected error type: \(error)", file: file, line: line)
    }
}

func assertDossierError<T>(
    _ body: @autoclosure () throws -> T, contains fragments: [String],
    file: StaticString = #filePath, line: UInt = #line
) {
    do {
        _ = try body()
        XCTFail("expected an error containing \(fragments)", file: file, line: line)
    } catch let error as any DossierError {
        for f in fragments {
            XCTAssertTrue(error.description.contains(f), "'\(error.description)' lacks '\(f)'", file: file, line: line)
        }
    } catch {
        XCTFail("unexpected error type: \(error)", file: file, line: line)
    }
}
