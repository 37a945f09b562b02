import Foundation
import XCTest

/// `dossier train` and `dossier eval` as a user runs them.
final class TrainEvalTests: XCTestCase {
    /// The committed model is what `dossier train` makes from the bundled corpus today, so
    /// nobody changes the taxonomy or the normalizers and forgets to retrain.
    func testTheCommittedModelIsCurrent() throws {
        let dir = try CLI.project([:], copySamples: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = dir.appendingPathComponent("models/areas.json")
        try FileManager.default.removeItem(at: model)
        let run = try CLI.dossier(["train"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("trained on "), run.stdout)
        XCTAssertTrue(run.stdout.contains("left to the rules (too few examples): "), run.stdout)
        let made = try Data(contentsOf: model)
        let committed = try Data(contentsOf: CLI.repo.appendingPathComponent("models/areas.json"))
        XCTAssertTrue(made == committed, "models/areas.json is stale: run `dossier train` and commit it")
    }

    func testTrainWithoutAModelOptionSaysWhatToAdd() throws {
        let dir = try CLI.project([:], copySamples: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let yaml = dir.appendingPathComponent("pipeline.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("model") }.joined(
                separator: "\n")
        try text.write(to: yaml, atomically: true, encoding: .utf8)
        let run = try CLI.dossier(["train"], in: dir)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("no 'model' option"), run.stderr)
        XCTAssertTrue(run.stderr.contains("model: models/areas.json"), run.stderr)
    }

    func testEvalPrintsPerAreaAndFactFiguresAndGatesOnRecordedOnes() throws {
        let run = try CLI.dossier(["eval", "--misses"], in: CLI.repo)
        XCTAssertEqual(run.status, 0, run.stderr)
        for fragment in [
            "leave-one-document-out", "political-dialogue", "macro-F1", "Document areas", "frameworks",
            "join years", "last updated", "Misclassified passages",
        ] {
            XCTAssertTrue(run.stdout.contains(fragment), "missing '\(fragment)':\n\(run.stdout)")
        }
        XCTAssertEqual(try CLI.dossier(["eval", "--min", "Tests/Gold/figures.json"], in: CLI.repo).status, 0)

        let higher = FileManager.default.temporaryDirectory.appendingPathComponent("figures-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: higher) }
        try Data(#"{"passage-macro-f1": 0.999}"#.utf8).write(to: higher)
        let gated = try CLI.dossier(["eval", "--min", higher.path], in: CLI.repo)
        XCTAssertEqual(gated.status, 1)
        XCTAssertTrue(gated.stderr.contains("below the recorded figure: passage-macro-f1:"), gated.stderr)
    }

    func testEvalJSONNamesEveryMiss() throws {
        let run = try CLI.dossier(["eval", "--format", "json"], in: CLI.repo)
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["crossValidated"] as? Bool, true)
        let misses = try XCTUnwrap(json["misclassified"] as? [[String: Any]])
        XCTAssertFalse(misses.isEmpty)
        XCTAssertNotNil(misses[0]["source"] as? String)
        XCTAssertNotNil(misses[0]["line"] as? Int)
    }

    /// `dossier eval --gold DIR` on a folder in the devset layout prints the document figures
    /// and, with --misses, each document-level error with what was expected and found.
    func testEvalReadsTheDevsetLayout() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("flat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("docs"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
        Relations with Armenia

        Armenia joined the Partnership for Peace programme in 1994. Key areas of cooperation include civil emergency \
        planning.
        """.write(to: dir.appendingPathComponent("docs/armenia.txt"), atomically: true, encoding: .utf8)
        try """
        - file: armenia.txt
          country: Armenia
          last_updated: null
          frameworks: [{name: Partnership for Peace, year: 1995}]
          areas: {civil_emergency_planning: true, energy: true}
          milestones: [{year: 1994, text: "Armenia joined the Partnership for Peace"}]
          contact_point_embassy: null
        """.write(to: dir.appendingPathComponent("gold.yaml"), atomically: true, encoding: .utf8)
        let run = try CLI.dossier(["eval", "--gold", dir.path, "--misses"], in: CLI.repo)
        XCTAssertEqual(run.status, 0, run.stderr)
        for fragment in [
            "Document areas", "civil-emergency", "join years               0.000  (0/1)",
            "milestones               1.000  1.000  1.000",
            "armenia.txt  area energy: yes → no", "armenia.txt  join year pfp: 1995 → 1994",
        ] {
            XCTAssertTrue(run.stdout.contains(fragment), "missing '\(fragment)':\n\(run.stdout)")
        }
    }

    func testAMissingGoldFolderIsAClearError() throws {
        let run = try CLI.dossier(["eval", "--gold", "no/such/folder"], in: CLI.repo)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("no/such/folder"), run.stderr)
        XCTAssertTrue(run.stderr.contains("--gold"), run.stderr)
    }

    /// `dossier agree` on two annotations of one document prints the table; on files with no
    /// document in common it is a usage error naming the file, not a table of zeros.
    func testAgreeScoresOneAnnotationAgainstAnotherAndRefusesDisjointFiles() throws {
        let dir = try CLI.project([:], copySamples: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let one = "- file: a.txt\n  country: Republic of Moldova\n  counterparts:\n    NATO: {areas: [energy]}\n"
        let two = "- file: a.txt\n  country: Moldova\n  counterparts:\n    NATO: {areas: [energy, science_environment]}"
        let other = "- file: b.txt\n  counterparts: {}\n"
        for (name, text) in [("one.yaml", one), ("two.yaml", two), ("other.yaml", other)] {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let run = try CLI.dossier(["agree", "one.yaml", "two.yaml"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("(1 documents)"), run.stdout)
        XCTAssertTrue(run.stdout.contains("pairs                    0.500  1.000  0.667  1"), run.stdout)
        XCTAssertTrue(run.stdout.contains("country                  1.000  (1/1)"), "one subject: \(run.stdout)")
        let disjoint = try CLI.dossier(["agree", "one.yaml", "other.yaml"], in: dir)
        XCTAssertEqual(disjoint.status, 2)
        XCTAssertTrue(disjoint.stderr.contains("other.yaml"), disjoint.stderr)
        XCTAssertTrue(disjoint.stderr.contains("no document in common"), disjoint.stderr)
    }
}
