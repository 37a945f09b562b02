import Foundation
import XCTest

/// The build's order as `DossierCore.Build` runs it, seen from the command line: usage
/// checked before any work, selections by kind and country, and no-ops that know about PDFs.
final class BuildFlowTests: XCTestCase {
    /// The project pipeline with render.pdf pointed at a Python that does not exist, so any
    /// PDF run fails at once.
    private func projectWithoutWeasyPrint() throws -> URL {
        let dir = try CLI.project([:], copySamples: true)
        let url = dir.appendingPathComponent("pipeline.yaml")
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let start = try XCTUnwrap(lines.firstIndex { $0.contains("use: render.pdf") })
        var end = start + 1
        while end < lines.count, lines[end].hasPrefix("    ") { end += 1 }
        lines.replaceSubrange(start..<end, with: ["  - use: render.pdf", "    python: /nonexistent/python3"])
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return dir
    }

    func testAnUnknownFormatIsRefusedBeforeAnyWork() throws {
        let dir = try CLI.project([:])  // no documents: any work would fail on the inputs first
        let run = try CLI.dossier(["build", "--format", "md,pfd"], in: dir)
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("unknown format 'pfd'"), run.stderr)
        XCTAssertFalse(run.stderr.contains("matches no file"), "nothing was read: \(run.stderr)")
    }

    func testFormatsAndCountriesSelectTheirFilesAndPDFsAreNeverAssumed() throws {
        let dir = try projectWithoutWeasyPrint()
        XCTAssertEqual(try CLI.dossier(["build", "--quiet", "--format", "md,html,json"], in: dir).status, 0)
        let again = try CLI.dossier(["build", "--format", "md,html,json"], in: dir)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("up to date (no input"), "the same build is a no-op: " + again.stdout)

        let args = ["build", "--check", "--quiet", "--country", "tajikistan", "--format", "md,json"]
        let one = try CLI.dossier(args, in: dir)
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertTrue(one.stdout.contains("up to date (2 files)"), "its .md and data .json: " + one.stdout)

        let full = try CLI.dossier(["build", "--quiet"], in: dir)
        XCTAssertEqual(full.status, 1, "the last build made no PDFs, so this one is no no-op and needs WeasyPrint")
        XCTAssertTrue(full.stderr.contains("cannot run /nonexistent/python3"), full.stderr)
    }
}
