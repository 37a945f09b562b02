import Foundation
import XCTest

/// `dossier stages` and the options table of docs/pipeline.md are made from the same
/// declarations; the committed table must be the one the binary prints.
final class StagesDocsTests: XCTestCase {
    private static let begin = "<!-- stages:begin"
    private static let end = "<!-- stages:end -->\n"

    private func markdown() throws -> String {
        let run = try CLI.dossier(["stages", "--format", "markdown"], in: CLI.repo)
        XCTAssertEqual(run.status, 0, run.stderr)
        return run.stdout
    }

    /// The part of `text` from the begin marker to the end marker's line, both included.
    private func table(in text: String) -> String? {
        guard let b = text.range(of: Self.begin), let e = text.range(of: Self.end, range: b.upperBound..<text.endIndex)
        else { return nil }
        return String(text[b.lowerBound..<e.upperBound])
    }

    func testTheDocsTableIsTheGeneratedOne() throws {
        let docs = try String(contentsOf: CLI.repo.appendingPathComponent("docs/pipeline.md"), encoding: .utf8)
        let committed = try XCTUnwrap(table(in: docs), "docs/pipeline.md lacks the generated stages table")
        XCTAssertEqual(
            committed, try markdown(),
            """
            docs/pipeline.md is stale: run `.build/debug/dossier stages --format markdown --update docs/pipeline.md`
            """)
    }

    /// Every option `dossier stages` lists is a row of the table, with the same type and default.
    func testTheListAndTheTableShowTheSameOptions() throws {
        let list = try CLI.dossier(["stages"], in: CLI.repo)
        XCTAssertEqual(list.status, 0, list.stderr)
        // "    name: type = default  — help"
        let listed = list.stdout.split(separator: "\n").filter { $0.hasPrefix("    ") && $0.contains("  — ") }
            .map { line -> [String] in
                let head = line.dropFirst(4).components(separatedBy: "  — ")[0]
                let (name, rest) = cut(head, at: ": ")
                let (type, defaultValue) = cut(rest, at: " = ")
                return [name, type, defaultValue]
            }
        // "| | `name` | type | `default` | help |"
        let rows = try markdown().split(separator: "\n").filter { $0.hasPrefix("| | `") }.map { row -> [String] in
            let cells = row.components(separatedBy: " | ")
            let literal = { (cell: String) in
                String(cell.dropFirst().dropLast()).replacingOccurrences(of: "\\|", with: "|")
            }
            return [literal(cells[1]), cells[2], literal(cells[3])]
        }
        XCTAssertGreaterThan(listed.count, 50)
        XCTAssertEqual(listed, rows)
    }

    private func cut(_ text: String, at separator: String) -> (String, String) {
        guard let r = text.range(of: separator) else { return (text, "") }
        return (String(text[..<r.lowerBound]), String(text[r.upperBound...]))
    }

    func testUpdateRewritesOnlyTheTable() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("doc.md")
        try "# Title\n\n<!-- stages:begin (old) -->\n| stale |\n\(Self.end)\nAfter.\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let first = try CLI.dossier(["stages", "--format", "markdown", "--update", "doc.md"], in: dir)
        XCTAssertEqual(first.status, 2, "the old begin marker is not the generated one: \(first.stdout)")
        XCTAssertTrue(first.stderr.contains("has no generated stages table"), first.stderr)

        let generated = try markdown()
        try "# Title\n\n\(generated.prefix { $0 != "\n" })\n| stale |\n\(Self.end)\nAfter.\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let second = try CLI.dossier(["stages", "--format", "markdown", "--update", "doc.md"], in: dir)
        XCTAssertEqual(second.stdout, "doc.md: updated\n", second.stderr)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "# Title\n\n\(generated)\nAfter.\n")
        let third = try CLI.dossier(["stages", "--format", "markdown", "--update", "doc.md"], in: dir)
        XCTAssertEqual(third.stdout, "doc.md: up to date\n", third.stderr)
    }
}
