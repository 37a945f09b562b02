import Foundation
import XCTest

/// `dossier build` on a folder of the real fixtures (Tests/Fixtures/real: 15 saved pages, 5 PDFs):
/// what the ingest and furniture stages log as chrome must not come back in the briefings.
///
/// Chrome is read from the stages' own removal logs (`dossier normalize --explain`): for a page,
/// the blocks ingest.html dropped as boilerplate (navigation, headers, footers, share and
/// related boxes); for a PDF, the lines normalize.page-furniture dropped as running headers or
/// footers. Short entries ("Home", "y y") are left out, and so is an entry that the document's
/// kept text also holds (a headline repeated in a breadcrumb is still the headline). The notes
/// are left out: they cite a source's own footer lines (© holder, date stamp) on purpose.
final class RealFixturesBriefingTests: XCTestCase {
    static let fixtures = ["Tests/Fixtures/real/html", "Tests/Fixtures/real/pdf"]

    func testBriefingsFromRealPagesAndPDFsCarryNoChrome() throws {
        let dir = try Self.project()
        let chrome = try Self.chrome(in: dir)
        XCTAssertGreaterThan(chrome.count, 100, "the removal logs name the pages' chrome")
        XCTAssertTrue(chrome.contains { $0.file.hasSuffix(".pdf") }, "a PDF's running header is in the log")
        let run = try CLI.dossier(["build", "--quiet"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let briefings = try Self.briefings(in: dir)
        XCTAssertGreaterThanOrEqual(briefings.count, 3, "the fixtures name several countries")
        XCTAssertEqual(Self.problems(briefings, chrome), [])
    }

    /// With the chrome rules of ingest.html emptied (skip list, page chrome, roles, class hints),
    /// chrome reaches the briefings and the check names it. (The skip list alone is not enough
    /// on these pages: the class hints and the scoring drop the same navigation again.)
    func testTheCheckFindsChromeInBriefingsWhenChromeRulesAreEmptied() throws {
        let dir = try Self.project()
        let chrome = try Self.chrome(in: dir)
        let rules = ["skip", "page-chrome", "skip-roles", "negative-hints"]
        try Self.editPipeline(in: dir) { Self.emptying(rules, in: $0) }
        XCTAssertEqual(try CLI.dossier(["build", "--quiet"], in: dir).status, 0)
        XCTAssertFalse(Self.problems(try Self.briefings(in: dir), chrome).isEmpty)
    }

    func testNumberRunsAndHeaderLinesAreSeen() {
        let chrome = [Chrome(file: "a.pdf", reason: "running header", text: "Global Study on Legal Aid")]
        let body = "Axis: 0 20 40 60 80 100\nIt grew 12% in 2019, 3 of 12 areas.\n- Global Study on Legal Aid\n"
        let briefing = ["x.md": body]
        XCTAssertEqual(
            Self.problems(briefing, chrome),
            [
                "x.md: chrome from a.pdf (running header): Global Study on Legal Aid",
                "x.md: a run of numbers: Axis: 0 20 40 60 80 100",
            ])
    }

    // MARK: - The check

    struct Chrome: Equatable {
        var file: String
        var reason: String
        var text: String
    }

    /// Every chrome line found in a briefing, and every briefing line with a run of six numbers
    /// (chart-axis or table-cell text read as prose).
    static func problems(_ briefings: [String: String], _ chrome: [Chrome]) -> [String] {
        var found: [String] = []
        for (name, whole) in briefings.sorted(by: { $0.key < $1.key }) {
            // The notes quote in full what the body cites, and a source's own © line or date
            // stamp is cited there by design, though its page keeps it in the footer: the check
            // reads the body, whose quotes show any chrome they carry.
            let body = whole.components(separatedBy: "\n## Notes\n")[0]
            let flat = collapse(body)
            for c in chrome where flat.contains(c.text) {
                found.append("\(name): chrome from \(c.file) (\(c.reason)): \(c.text)")
            }
            for line in body.split(separator: "\n") where hasNumberRun(line) {
                found.append("\(name): a run of numbers: \(line.prefix(120))")
            }
        }
        return found
    }

    /// Six numbers in a row with nothing but spaces between them: "0 20 40 60 80 100".
    static func hasNumberRun(_ line: Substring) -> Bool {
        var run = 0
        for token in line.split(whereSeparator: \.isWhitespace) {
            let digits = token.drop { $0 == "-" || $0 == "+" }
            let isNumber = digits.first?.isNumber == true && digits.allSatisfy { $0.isNumber || ".,%".contains($0) }
            run = isNumber ? run + 1 : 0
            if run >= 6 { return true }
        }
        return false
    }

    static func chrome(in dir: URL) throws -> [Chrome] {
        var all: [Chrome] = []
        for file in try corpus(in: dir) {
            let document = try normalized(file, in: dir)
            for entry in document.removed {
                let words = entry.text.split(separator: " ").count
                let isNav = entry.stage == "ingest.html" && entry.reason.hasPrefix("boilerplate") && words >= 4
                let isHeader =
                    entry.stage == "normalize.page-furniture" && entry.reason.contains("header")
                    && words >= 2 && entry.text.count >= 8
                guard isNav || isHeader, !document.kept.contains(entry.text) else { continue }
                all.append(Chrome(file: file, reason: entry.reason, text: entry.text))
            }
        }
        return all
    }

    // MARK: - Running dossier

    /// A throwaway project: the real pipeline, reading the fixtures' pages and PDFs (no PDF
    /// rendering of the briefings, which this check does not read).
    static func project() throws -> URL {
        let dir = try CLI.project([:])
        for folder in fixtures {
            let source = CLI.repo.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: source.path)
            where name.hasSuffix(".html") || name.hasSuffix(".pdf") {
                try FileManager.default.copyItem(
                    at: source.appendingPathComponent(name),
                    to: dir.appendingPathComponent("corpus/\(name)"))
            }
        }
        try editPipeline(in: dir) { text in
            text.replacingOccurrences(of: "inputs: [corpus/*.txt]", with: "inputs: [corpus/*.html, corpus/*.pdf]")
                .replacing(#/  - use: render\.pdf[^\n]*\n    timeout: \d+\n/#, with: "")
        }
        let pipeline = try String(contentsOf: dir.appendingPathComponent("pipeline.yaml"), encoding: .utf8)
        XCTAssertFalse(pipeline.contains("render.pdf"), "briefings are not rendered to PDF here")
        return dir
    }

    static func editPipeline(in dir: URL, _ edit: (String) -> String) throws {
        let url = dir.appendingPathComponent("pipeline.yaml")
        let before = try String(contentsOf: url, encoding: .utf8)
        let after = edit(before)
        XCTAssertNotEqual(after, before, "the pipeline edit found its text")
        try after.write(to: url, atomically: true, encoding: .utf8)
    }

    /// The pipeline text with these list options of ingest.html set to `[]` (a list may go on
    /// over several indented lines).
    static func emptying(_ keys: [String], in text: String) -> String {
        var out: [Substring] = []
        var inList = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if inList {
                inList = !line.contains("]")
                continue
            }
            if let key = keys.first(where: { line.hasPrefix("    \($0): [") }) {
                out.append("    \(key): []")
                inList = !line.contains("]")
                continue
            }
            out.append(line)
        }
        return out.joined(separator: "\n")
    }

    static func corpus(in dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("corpus").path).sorted()
            .map { "corpus/\($0)" }
    }

    static func briefings(in dir: URL) throws -> [String: String] {
        let reports = dir.appendingPathComponent("reports")
        var out: [String: String] = [:]
        let others: Set<String> = ["index.md", "changes.md", "comparative-summary.md"]
        for name in try FileManager.default.contentsOfDirectory(atPath: reports.path)
        where name.hasSuffix(".md") && !others.contains(name) {
            out[name] = try String(contentsOf: reports.appendingPathComponent(name), encoding: .utf8)
        }
        return out
    }

    struct Normalized {
        var kept: String
        var removed: [(stage: String, reason: String, text: String)]
    }

    /// `dossier normalize FILE --format json --explain`: the kept text (title and passages; the
    /// JSON leaves the raw lines out) and the removal log, whitespace collapsed.
    static func normalized(_ file: String, in dir: URL) throws -> Normalized {
        let run = try CLI.dossier(["normalize", file, "--format", "json", "--explain"], in: dir)
        XCTAssertEqual(run.status, 0, "\(file): \(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any] ?? [:]
        let sections = json["sections"] as? [[String: Any]] ?? []
        let passages = sections.flatMap { $0["passages"] as? [[String: Any]] ?? [] }.compactMap {
            $0["text"] as? String
        }
        XCTAssertFalse(passages.isEmpty, "\(file): the normalized document has passages")
        let kept = collapse(([json["title"] as? String ?? ""] + passages).joined(separator: " "))
        let removed = (json["removed"] as? [[String: Any]] ?? []).map { entry in
            (
                stage: entry["stage"] as? String ?? "", reason: entry["reason"] as? String ?? "",
                text: collapse(entry["text"] as? String ?? "")
            )
        }
        return Normalized(kept: kept, removed: removed)
    }

    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
