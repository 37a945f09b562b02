import Foundation
import XCTest

/// `dossier validate` knows the render order: charts and the change list before the Markdown
/// that links them, every listed file before the manifest.
final class RenderOrderTests: XCTestCase {
    /// The project's pipeline with the stage `moved` (and its option lines) put right after `after`.
    private func validate(moving moved: String, after: String) throws -> CLI.Run {
        let dir = try CLI.project([:])
        let url = dir.appendingPathComponent("pipeline.yaml")
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let start = try XCTUnwrap(lines.firstIndex { $0.contains("use: \(moved)") })
        var end = start + 1
        while end < lines.count, lines[end].hasPrefix("    ") { end += 1 }
        let block = Array(lines[start..<end])
        lines.removeSubrange(start..<end)
        var target = try XCTUnwrap(lines.firstIndex { $0.contains("use: \(after)") }) + 1
        while target < lines.count, lines[target].hasPrefix("    ") { target += 1 }
        lines.insert(contentsOf: block, at: target)
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return try CLI.dossier(["validate"], in: dir)
    }

    func testChartsAfterTheMarkdownAreRefused() throws {
        let run = try validate(moving: "render.charts", after: "render.markdown")
        XCTAssertEqual(run.status, 2, run.stderr)
        let expected = "stage 'render.charts' must come before 'render.markdown', which makes markdown"
        XCTAssertTrue(run.stderr.contains(expected), run.stderr)
    }

    func testTheChangeListAfterTheMarkdownIsRefused() throws {
        let run = try validate(moving: "render.changes", after: "render.html")
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("stage 'render.changes' must come before 'render.markdown'"), run.stderr)
    }

    func testAFileWrittenAfterTheManifestIsRefused() throws {
        let run = try validate(moving: "render.data", after: "render.manifest")
        XCTAssertEqual(run.status, 2, run.stderr)
        let expected = "stage 'render.data' must come before 'render.manifest', which makes outputs"
        XCTAssertTrue(run.stderr.contains(expected), run.stderr)
    }

    func testThePDFsMayFollowTheManifest() throws {
        let run = try validate(moving: "render.pdf", after: "render.manifest")
        XCTAssertEqual(run.status, 0, "PDFs are artifacts the manifest does not list: \(run.stderr)")
    }
}
