import DossierCore
import Foundation
import XCTest

/// The finder against `Tests/Gold/figures-gold.yaml` (devset and extra documents), and the
/// scoring it is measured by. The annotation is not blind (see its header): the floors guard
/// against regressions, they do not certify accuracy.
final class FigureGoldTests: XCTestCase {
    private let goldFile = repoRoot.appendingPathComponent("Tests/Gold/figures-gold.yaml").path
    private let folders = [
        repoRoot.deletingLastPathComponent().appendingPathComponent("shared/devset/docs"),
        repoRoot.appendingPathComponent("Tests/Gold/extra/docs"),
    ]

    private func figure(_ value: Double, _ kind: FigureKind, line: Int, currency: String? = nil) -> Figure {
        Figure(
            value: value, qualifier: "", unit: currency ?? "troops", kind: kind, currency: currency,
            evidence: Evidence(text: "", span: SourceSpan(file: "a.txt", startLine: line, endLine: line + 1)))
    }

    func testScoringMatchesKindValueCurrencyAndLine() {
        let expected = [
            FigureGold.Item(line: 3, value: 95, unit: "personnel", kind: .troops),
            FigureGold.Item(line: 5, value: 2_500_000, unit: "EUR", kind: .money),
            FigureGold.Item(line: 9, value: 40, unit: "percent", kind: .percent),
        ]
        let found = [
            figure(95, .troops, line: 2), figure(2_500_000, .money, line: 5, currency: "USD"),
            figure(40, .percent, line: 20),
        ]
        var scores = LabelScores()
        let misses = FigureGold.score(expected: expected, found: found, into: &scores)
        XCTAssertEqual(scores.micro.truePositives, 1, "\(misses)")
        XCTAssertEqual(scores.micro.falsePositives, 2, "another currency, another line")
        XCTAssertEqual(scores.micro.falseNegatives, 2)
        XCTAssertEqual(scores.labels["troops"]?.truePositives, 1)
        XCTAssertTrue(misses.contains("missed money 2,500,000 EUR (line 5)"), "\(misses)")
    }

    func testAnUnknownKindIsAnError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("figures-\(UUID().uuidString).yaml")
        try "- file: a.txt\n  figures:\n    - {line: 1, value: 2, unit: x, kind: tanks}\n".write(
            to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        XCTAssertThrowsError(try FigureGold.load(file.path))
    }

    /// Every annotated document through the project's pipeline; precision and recall over all.
    func testFinderOnAnnotatedDocuments() throws {
        guard FileManager.default.fileExists(atPath: folders[0].path) else {
            throw XCTSkip("the shared devset is not at ../shared/devset")
        }
        let gold = try FigureGold.load(goldFile)
        var scores = LabelScores()
        var misses: [String] = []
        for folder in folders {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
            for name in names.sorted() {
                let expected = try XCTUnwrap(gold.byFile[name], "\(name) has no entry in figures-gold.yaml")
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                let found = try processWithProjectPipeline(text, name: name).facts.figures
                misses += FigureGold.score(expected: expected, found: found, into: &scores).map { "\(name): \($0)" }
            }
        }
        let micro = scores.micro
        print(
            "figures: P \(micro.precision) R \(micro.recall) F1 \(micro.f1) \(micro)\n" + misses.joined(separator: "\n")
        )
        XCTAssertGreaterThanOrEqual(micro.precision, 0.85, misses.joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(micro.recall, 0.70, misses.joined(separator: "\n"))
    }
}
