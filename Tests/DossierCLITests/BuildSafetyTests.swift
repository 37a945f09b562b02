import Foundation
import XCTest

/// A build killed at any moment leaves the output folder as it was or complete, never mixed.
final class KillTests: XCTestCase {
    func testKillNineDuringABuildNeverLeavesAMixedFolder() throws {
        let cli = CLI.self
        var docs: [String: [UInt8]] = [:]
        let samples = try FileManager.default.contentsOfDirectory(
            atPath: CLI.repo.appendingPathComponent("corpus").path
        ).filter { $0.hasSuffix(".txt") }
        for i in 0..<8 {
            for s in samples {
                let text = try String(contentsOf: CLI.repo.appendingPathComponent("corpus/\(s)"), encoding: .utf8)
                docs["copy\(i)-\(s)"] = Array(text.utf8)
            }
        }
        let dir = try cli.project(docs)
        XCTAssertEqual(try cli.dossier(["build"], in: dir).status, 0)
        let before = try CLI.snapshot(dir.appendingPathComponent("reports"))
        // Change every document, so every report changes.
        for name in docs.keys {
            let url = dir.appendingPathComponent("corpus/\(name)")
            try (String(contentsOf: url, encoding: .utf8) + "\nThe Allies held a disaster relief exercise.\n").write(
                to: url, atomically: true, encoding: .utf8)
        }
        var seen: [[String: Data]] = []
        for delay in [0.05, 0.2, 0.4, 0.7, 1.0, 1.5, 2.0, 3.0] {
            let p = Process()
            p.executableURL = cli.binary
            p.arguments = ["build", "--wait"]
            p.currentDirectoryURL = dir
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            seen.append(try CLI.snapshot(dir.appendingPathComponent("reports")))
        }
        XCTAssertEqual(try cli.dossier(["build"], in: dir).status, 0)
        let after = try CLI.snapshot(dir.appendingPathComponent("reports"))
        XCTAssertNotEqual(before, after)
        for (i, state) in seen.enumerated() {
            XCTAssertTrue(state == before || state == after, "kill \(i) left a mixed folder")
        }
    }
}

/// The document cache: a rebuild with nothing changed does no document work and writes
/// nothing; one changed source is processed again and changes only its country's files and
/// the cross-country ones.
final class IncrementalTests: XCTestCase {
    struct Summary: Decodable {
        struct Documents: Decodable {
            var processed: Int
            var cached: Int
        }
        struct Outputs: Decodable { var changed: [String] }
        var documents: Documents
        var outputs: Outputs
    }

    private func build(_ dir: URL, _ extra: [String] = []) throws -> Summary {
        let run = try CLI.dossier(["build", "--quiet", "--summary-json", "summary.json"] + extra, in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        return try JSONDecoder().decode(
            Summary.self, from: Data(contentsOf: dir.appendingPathComponent("summary.json")))
    }

    func testNoOpRebuildAndOneChangedSource() throws {
        let dir = try CLI.project([:], copySamples: true)
        XCTAssertEqual(try build(dir).documents.processed, 5)
        let again = try build(dir)
        XCTAssertEqual(again.documents.processed, 0, "a no-op rebuild runs no document stage")
        XCTAssertEqual(again.documents.cached, 5)
        XCTAssertEqual(again.outputs.changed, [], "and rewrites no file")

        let uzbek = dir.appendingPathComponent("corpus/nato-relations-uzbekistan.txt")
        try
            (String(contentsOf: uzbek, encoding: .utf8)
            + "\nUzbekistan hosted a civil emergency planning exercise with the Allies.\n")
            .write(to: uzbek, atomically: true, encoding: .utf8)
        let one = try build(dir)
        XCTAssertEqual(one.documents.processed, 1)
        XCTAssertTrue(one.outputs.changed.contains("uzbekistan.md"), "\(one.outputs.changed)")
        let allowed: Set = [
            "uzbekistan.md", "uzbekistan.html", "uzbekistan.pdf", "data/uzbekistan.json",
            "charts/uzbekistan-areas.svg", "charts/uzbekistan-timeline.svg", "charts/heatmap.svg",
            "charts/join-years.svg",
            "comparative-summary.md", "comparative-summary.html", "comparative-summary.pdf",
            "index.md", "index.html", "changes.md", "changes.html", "manifest.json",
        ]
        XCTAssertTrue(Set(one.outputs.changed).isSubset(of: allowed), "\(one.outputs.changed)")
        let changes = try String(contentsOf: dir.appendingPathComponent("reports/changes.md"), encoding: .utf8)
        XCTAssertTrue(changes.contains("Edited source: corpus/nato-relations-uzbekistan.txt"), changes)

        XCTAssertEqual(try build(dir, ["--no-cache"]).documents.processed, 5)
        XCTAssertEqual(try CLI.dossier(["cache", "clean"], in: dir).status, 0)
        XCTAssertEqual(try build(dir).documents.processed, 5)
    }

    func testASecondBuildIntoTheSameFolderIsRefused() throws {
        let dir = try CLI.project([:], copySamples: true)
        let lock = try BuildLockHolder(dir.appendingPathComponent(".reports.lock"))
        let run = try CLI.dossier(["build"], in: dir)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("another dossier build is writing to this output folder"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports").path))
        withExtendedLifetime(lock) {}
    }
}

/// Holds an flock on a path, as a running build would.
final class BuildLockHolder {
    let fd: Int32
    init(_ url: URL) throws {
        fd = open(url.path, O_CREAT | O_RDWR, 0o644)
        guard fd >= 0, flock(fd, LOCK_EX | LOCK_NB) == 0 else { throw CocoaError(.fileLocking) }
    }
    deinit { close(fd) }
}

final class StaleOutputTests: XCTestCase {
    func testACountryThatLeavesTheCorpusLeavesTheReports() throws {
        let dir = try CLI.project([:], copySamples: true)
        XCTAssertEqual(try CLI.dossier(["build", "--quiet"], in: dir).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports/tajikistan.md").path))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("corpus/nato-relations-tajikistan.txt"))
        XCTAssertEqual(try CLI.dossier(["build", "--quiet"], in: dir).status, 0)
        for gone in ["tajikistan.md", "tajikistan.html", "data/tajikistan.json"] {
            XCTAssertFalse(
                FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports/\(gone)").path), gone)
        }
        XCTAssertEqual(try CLI.dossier(["build", "--check"], in: dir).status, 0)
        let changes = try String(contentsOf: dir.appendingPathComponent("reports/changes.md"), encoding: .utf8)
        XCTAssertTrue(changes.contains("Country no longer covered: Tajikistan"), changes)
    }
}
