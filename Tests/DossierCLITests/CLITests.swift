import Foundation
import XCTest

/// Runs the built `dossier` binary as users and schedulers do: exit codes, messages, files.
final class CLITests: XCTestCase {
    static let repo = CLI.repo

    var binary: URL { CLI.binary }
    func dossier(_ args: [String], in dir: URL) throws -> CLI.Run { try CLI.dossier(args, in: dir) }
    func project(_ docs: [String: [UInt8]], copySamples: Bool = false) throws -> URL {
        try CLI.project(docs, copySamples: copySamples)
    }

    func testValidateReportsAMisspeltStageWithLocationAndSuggestion() throws {
        let dir = try project([:])
        let url = dir.appendingPathComponent("pipeline.yaml")
        try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
            of: "use: classify.areas", with: "use: clasify.areas"
        )
        .write(to: url, atomically: true, encoding: .utf8)
        let run = try dossier(["validate"], in: dir)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("pipeline.yaml:"), run.stderr)
        XCTAssertTrue(run.stderr.contains("unknown stage 'clasify.areas'; did you mean 'classify.areas'?"), run.stderr)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, "one line: \(run.stderr)")
    }

    func testTheProjectPipelineValidates() throws {
        let run = try dossier(["validate"], in: Self.repo)
        XCTAssertEqual(run.status, 0, run.stderr)
    }

    func testBadDocumentsFailLoudlyAndWriteNothing() throws {
        let cases: [(String, [UInt8], String)] = [
            ("empty.txt", [], "the file is empty"),
            ("blob.txt", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00], "binary file"),
        ]
        for (name, bytes, message) in cases {
            let dir = try project([name: bytes], copySamples: true)
            let run = try dossier(["build"], in: dir)
            XCTAssertEqual(run.status, 1, name)
            XCTAssertTrue(run.stderr.contains("corpus/\(name)"), run.stderr)
            XCTAssertTrue(run.stderr.contains(message), run.stderr)
            XCTAssertFalse(
                FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports").path),
                "no partial report for \(name)")
        }
    }

    /// Invalid UTF-8 is most often a Windows-1252 export: it is read that way, and the build
    /// says where and how to fix the file (exit 0, even with --quiet: it is a warning).
    func testInvalidUTF8IsReadAsWindows1252WithAWarningNamingTheLine() throws {
        let bytes =
            Array("Relations with Ruritania\n\nThe Caf".utf8) + [0xE9] + Array(" partnership began in 1994.\n".utf8)
        let dir = try project(["legacy.txt": bytes], copySamples: true)
        let run = try dossier(["build", "--quiet", "--format", "md"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(
            run.stderr.contains(
                "warning: corpus/legacy.txt:3: not valid UTF-8; read as Windows-1252 (re-save it as UTF-8"), run.stderr)
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports/ruritania.md").path),
            "the file was not built")
    }

    func testAnInputPatternThatMatchesNothingIsAConfigError() throws {
        let dir = try project([:])
        let run = try dossier(["build"], in: dir)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("'corpus/*.txt' matches no file"), run.stderr)
    }

    func testTwoBuildsAreByteIdenticalAndCheckSeesStaleFiles() throws {
        let dir = try project([:], copySamples: true)
        XCTAssertEqual(try dossier(["build"], in: dir).status, 0)
        let first = try CLI.snapshot(dir.appendingPathComponent("reports"))
        // --no-cache: everything, PDFs included, is made again from scratch, not skipped as a no-op.
        let again = try dossier(["build", "--no-cache", "--summary-json", "summary.json"], in: dir)
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(
            try String(contentsOf: dir.appendingPathComponent("summary.json"), encoding: .utf8).contains(
                "\"processed\" : 5"))
        XCTAssertEqual(
            try CLI.snapshot(dir.appendingPathComponent("reports")), first, "same input, same bytes (PDFs too)")
        XCTAssertEqual(try dossier(["build", "--check"], in: dir).status, 0)
        try "tampered\n".write(to: dir.appendingPathComponent("reports/index.md"), atomically: true, encoding: .utf8)
        try "extra\n".write(to: dir.appendingPathComponent("reports/extra.md"), atomically: true, encoding: .utf8)
        let check = try dossier(["build", "--check"], in: dir)
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.contains("stale: reports/index.md"), check.stdout)
        XCTAssertTrue(check.stdout.contains("unexpected: reports/extra.md"), check.stdout)
    }

    func testAnalyzeJSONHasTheDocumentedShape() throws {
        let run = try dossier(["analyze", "corpus/nato-relations-uzbekistan.txt", "--format", "json"], in: Self.repo)
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let doc = (json["documents"] as! [[String: Any]])[0]
        XCTAssertEqual(
            Set(doc.keys),
            [
                "source", "title", "country", "lastUpdated", "areas", "frameworks", "milestones", "contactPointEmbassy",
                "constraints",
            ])
        XCTAssertEqual(doc["source"] as? String, "corpus/nato-relations-uzbekistan.txt")
        XCTAssertEqual(doc["lastUpdated"] as? String, "2016-03-03")
        let milestone = (doc["milestones"] as! [[String: Any]])[0]
        XCTAssertEqual(Set(milestone.keys), ["year", "text", "yearInferred", "fromProse", "line"])
        let area = (doc["areas"] as! [[String: Any]])[0]
        XCTAssertEqual(Set(area.keys), ["id", "counterpart", "score", "evidence"])
        XCTAssertEqual(Set((area["evidence"] as! [[String: Any]])[0].keys), ["text", "line"])
        // "relations declined to some extent following the events in Andijan in 2005"
        let constraint = try XCTUnwrap((doc["constraints"] as! [[String: Any]]).first)
        XCTAssertEqual(Set(constraint.keys), ["text", "span", "counterpart", "kind"])
        XCTAssertEqual(Set((constraint["span"] as! [String: Any]).keys), ["file", "startLine", "endLine"])
    }

    /// Evidence from a passage that hedges its claim carries `"hedged": true`; other evidence
    /// has no such key (see the shape test above).
    func testAnalyzeJSONMarksHedgedEvidence() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hedged-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
        Relations with Ruritania

        Ruritania reportedly sent officers to NATO courses on civil emergency planning and disaster relief.
        """.write(to: file, atomically: true, encoding: .utf8)
        let run = try dossier(["analyze", file.path, "--format", "json"], in: Self.repo)
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let areas = (json["documents"] as! [[String: Any]])[0]["areas"] as! [[String: Any]]
        let evidence = areas.flatMap { $0["evidence"] as! [[String: Any]] }
        XCTAssertFalse(evidence.isEmpty)
        XCTAssertTrue(evidence.allSatisfy { $0["hedged"] as? Bool == true }, "\(evidence)")
    }

    /// Every area's evidence line is where its quoted text starts in the source, in every sample.
    func testAnalyzeEvidenceLinesPointAtTheQuotedText() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.repo.appendingPathComponent("corpus").path)
            .filter { $0.hasSuffix(".txt") }.sorted().map { "corpus/\($0)" }
        let run = try dossier(["analyze"] + files + ["--format", "json"], in: Self.repo)
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        var checked = 0
        for doc in json["documents"] as! [[String: Any]] {
            let lines = try String(
                contentsOf: Self.repo.appendingPathComponent(doc["source"] as! String), encoding: .utf8
            )
            .components(separatedBy: "\n")
            for area in doc["areas"] as! [[String: Any]] {
                for quote in area["evidence"] as! [[String: Any]] {
                    let line = lines[(quote["line"] as! Int) - 1]
                    // A milestone's text leaves out the list's own "YEAR " prefix.
                    var words = line.split(whereSeparator: \.isWhitespace)
                    if let first = words.first, first.count == 4, Int(first) != nil, words.count > 1 {
                        words.removeFirst()
                    }
                    let firstWords = words.prefix(4).joined(separator: " ")
                    let text = (quote["text"] as! String).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    XCTAssertFalse(firstWords.isEmpty)
                    // The quote starts on its line: the line opens it, or (a strand's sentence
                    // starting mid-line) the line holds its opening words, perhaps wrapped onto
                    // the next line.
                    let opening = text.split(separator: " ").prefix(4).joined(separator: " ")
                    let next = (quote["line"] as! Int) < lines.count ? lines[quote["line"] as! Int] : ""
                    let collapsed = (line + " " + next).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    let lineWords = line.split(whereSeparator: \.isWhitespace).map(String.init)
                    let startsHere = text.split(separator: " ").first.map { lineWords.contains(String($0)) } ?? false
                    XCTAssertTrue(
                        text.hasPrefix(
                            firstWords.replacingOccurrences(of: "•", with: "").trimmingCharacters(in: .whitespaces))
                            || text.contains(firstWords) || (startsHere && collapsed.contains(opening)),
                        "\(doc["source"]!):\(quote["line"]!) '\(firstWords)' vs '\(text.prefix(80))'")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 30)
    }

    /// Hostile text in a source renders literally: never live HTML, links or Markdown structure.
    func testHostileSourceTextRendersLiterally() throws {
        let hostile = """
            Relations with Ruritania

            Ruritania cooperates on civil emergency planning <script>alert(1)</script> and disaster relief \
            [x](javascript:alert(1)) with the Allies | a pipe.

            # Not a heading: civil emergency planning and disaster relief exercises continue every year with *stars* \
            and _underscores_.

            * Not a list: disaster relief and civil emergency planning; ![img](http://127.0.0.1:9/x.png) <img src=x \
            onerror=alert(1)>.
            """
        let dir = try project(["ruritania.txt": Array(hostile.utf8)])
        XCTAssertEqual(try dossier(["build"], in: dir).status, 0)
        let html = try String(contentsOf: dir.appendingPathComponent("reports/ruritania.html"), encoding: .utf8)
        XCTAssertFalse(html.contains("<script"), "script tag became live")
        XCTAssertFalse(html.contains("href=\"javascript"), "link target survived")
        XCTAssertFalse(html.contains("<a href=\"http://127"), "image or link became live")
        for tag in html.components(separatedBy: "<img").dropFirst() {
            XCTAssertTrue(
                tag.hasPrefix(" src=\"charts/"), "an image from the source became live: <img\(tag.prefix(60))")
        }
        XCTAssertFalse(html.contains("<em>stars"), "emphasis became live")
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the text is shown literally")
    }
}
