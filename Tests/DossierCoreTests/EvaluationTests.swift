import DossierCore
import Foundation
import XCTest

/// The evaluation gate: the pipeline against the hand-made gold in Tests/Gold, cross-validated
/// by document, must not fall below the figures recorded in Tests/Gold/figures.json.
final class EvaluationTests: XCTestCase {
    static let report: Result<EvaluationReport, any Error> = Result {
        var config = try PipelineConfig.load(path: repoRoot.appendingPathComponent("pipeline.yaml").path)
        config.stages.removeAll { StageRegistry.core.descriptors[$0.id] == nil }
        let trainer = try AreaTrainer(config: config, registry: .core, logger: quietLogger)
        return try Evaluator(trainer: trainer).evaluate(try GoldSet.load(from: repoRoot.appendingPathComponent("Tests/Gold")))
    }

    func testNoHeadlineFigureFallsBelowTheRecordedOne() throws {
        let report = try Self.report.get()
        let recorded = try RecordedFigures.load(repoRoot.appendingPathComponent("Tests/Gold/figures.json").path)
        XCTAssertEqual(recorded.figures.count, report.headline.count, "every headline figure is recorded")
        XCTAssertEqual(recorded.drops(in: report), [])
    }

    func testTheIssueTargetsHold() throws {
        let r = try Self.report.get()
        XCTAssertTrue(r.crossValidated, "the shipped pipeline uses the learned model, so evaluation must cross-validate it")
        XCTAssertGreaterThanOrEqual(r.passages.macroF1, 0.80)
        XCTAssertGreaterThanOrEqual(r.documentAreas.micro.f1, 0.90)
        XCTAssertGreaterThanOrEqual(r.frameworks.micro.f1, 0.95)
        XCTAssertGreaterThanOrEqual(r.joinYears.value, 0.95)
        XCTAssertEqual(r.lastUpdated.value, 1)
        XCTAssertEqual(r.unalignedPassages, 0, "every gold passage starts inside an output passage")
    }

    func testEveryPassageOfTheGoldIsScored() throws {
        let r = try Self.report.get()
        let gold = try GoldSet.load(from: repoRoot.appendingPathComponent("Tests/Gold"))
        let labels = gold.documents.flatMap { $0.passages ?? [] }.reduce(0) { $0 + $1.areas.count }
        XCTAssertEqual(r.passages.micro.support, labels)
    }

    func testAFallingFigureIsReported() throws {
        let report = try Self.report.get()
        let drops = RecordedFigures(figures: ["passage-macro-f1": 0.999, "no-such-figure": 1]).drops(in: report)
        XCTAssertEqual(drops.count, 2)
        XCTAssertTrue(drops[0].hasPrefix("no-such-figure: no such figure"), drops[0])
        XCTAssertTrue(drops[1].hasPrefix("passage-macro-f1: 0.8"), drops[1])
    }

    func testCountsGiveTheTextbookFigures() {
        var scores = LabelScores()
        scores.add(predicted: ["a", "b"], expected: ["a"])      // a: TP, b: FP
        scores.add(predicted: ["a"], expected: ["a", "c"])      // a: TP, c: FN
        scores.add(predicted: [], expected: [])                 // nothing to score
        XCTAssertEqual(scores.labels["a"]?.f1, 1)
        XCTAssertEqual(scores.labels["b"]?.precision, 0)
        XCTAssertEqual(scores.labels["c"]?.recall, 0)
        XCTAssertEqual(scores.macroF1, 1.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(scores.micro.precision, 2.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(scores.micro.recall, 2.0 / 3, accuracy: 1e-9)
    }
}
