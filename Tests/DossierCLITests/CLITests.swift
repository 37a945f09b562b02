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
        let first = try snapshot(dir.appendingPathComponent("reports"))
        // --no-cache: everything, PDFs included, is made again from scratch, not skipped as a no-op.
        let again = try dossier(["build", "--no-cache", "--summary-json", "summary.json"], in: dir)
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(
            try String(contentsOf: dir.appendingPathComponent("summary.json"), encoding: .utf8).contains(
                "\"processed\" : 5"))
        XCTAssertEqual(try snapshot(dir.appendingPathComponent("reports")), first, "same input, same bytes (PDFs too)")
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
            ["source", "title", "country", "lastUpdated", "areas", "frameworks", "milestones", "contactPointEmbassy"])
        XCTAssertEqual(doc["source"] as? String, "corpus/nato-relations-uzbekistan.txt")
        XCTAssertEqual(doc["lastUpdated"] as? String, "2016-03-03")
        let milestone = (doc["milestones"] as! [[String: Any]])[0]
        XCTAssertEqual(Set(milestone.keys), ["year", "text", "yearInferred", "fromProse", "line"])
        let area = (doc["areas"] as! [[String: Any]])[0]
        XCTAssertEqual(Set(area.keys), ["id", "score", "evidence"])
        XCTAssertEqual(Set((area["evidence"] as! [[String: Any]])[0].keys), ["text", "line"])
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
                    XCTAssertTrue(
                        text.hasPrefix(
                            firstWords.replacingOccurrences(of: "•", with: "").trimmingCharacters(in: .whitespaces))
                            || text.contains(firstWords),
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

            Ruritania cooperates on civil emergency planning <script>alert(1)</script> and disaster relief [x](javascript:alert(1)) with the Allies | a pipe.

            # Not a heading: civil emergency planning and disaster relief exercises continue every year with *stars* and _underscores_.

            * Not a list: disaster relief and civil emergency planning; ![img](http://127.0.0.1:9/x.png) <img src=x onerror=alert(1)>.
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

    private func snapshot(_ dir: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let url as URL in FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)! {
            if let data = FileManager.default.contents(atPath: url.path), !url.hasDirectoryPath {
                files[url.path] = data
            }
        }
        return files
    }
}

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
        let before = try snapshot(dir.appendingPathComponent("reports"))
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
            seen.append(try snapshot(dir.appendingPathComponent("reports")))
        }
        XCTAssertEqual(try cli.dossier(["build"], in: dir).status, 0)
        let after = try snapshot(dir.appendingPathComponent("reports"))
        XCTAssertNotEqual(before, after)
        for (i, state) in seen.enumerated() {
            XCTAssertTrue(state == before || state == after, "kill \(i) left a mixed folder")
        }
    }

    private func snapshot(_ dir: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let url as URL in FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)!
        where !url.hasDirectoryPath {
            files[url.path.replacingOccurrences(of: dir.path, with: "")] = FileManager.default.contents(
                atPath: url.path)
        }
        return files
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

/// Every bad input: one clear message naming the file, the documented exit code, and the
/// reports of the previous build left exactly as they were.
final class BadInputTests: XCTestCase {
    struct Case {
        var name: String
        var inputs: String = "[corpus/*.txt]"
        var output: String = "reports/"
        var files: [String: [UInt8]] = [:]
        var status: Int32
        var message: String
    }

    func testEachBadInputFailsLoudlyAndLeavesTheReportsAlone() throws {
        let cases = [
            Case(
                name: "missing input", inputs: "[corpus/none.txt]", status: 2,
                message: "input file 'corpus/none.txt' does not exist"),
            Case(
                name: "glob matching nothing", inputs: "[corpus/*.pdf]", status: 2,
                message: "input pattern 'corpus/*.pdf' matches no file"),
            Case(name: "directory as file", inputs: "[corpus]", status: 2, message: "input 'corpus' is a directory"),
            Case(
                name: "empty file", files: ["corpus/empty.txt": []], status: 1,
                message: "corpus/empty.txt: error: ingest.text: the file is empty"),
            Case(
                name: "binary file", files: ["corpus/bin.txt": [0x00, 0x01, 0x02, 0xFF]], status: 1,
                message: "corpus/bin.txt:1: error: ingest.text: this is a binary file"),
            Case(
                name: "not a PDF", files: ["corpus/fake.pdf": Array("plain text".utf8)], status: 1,
                message: "corpus/fake.pdf: error: ingest.pdf: not a PDF"),
            Case(
                name: "duplicate country slugs",
                files: [
                    "corpus/st1.txt": Array("Relations with São Tomé\n\nText about it.\n".utf8),
                    "corpus/st2.txt": Array("Relations with Sao Tome\n\nText about it.\n".utf8),
                ],
                status: 1, message: "countries 'Sao Tome' and 'São Tomé' both make the file name 'sao-tome'"),
            Case(
                name: "output escaping the project", output: "../elsewhere/", status: 2,
                message: "is outside the project folder"),
        ]
        for c in cases {
            let dir = try CLI.project([:], copySamples: true)
            XCTAssertEqual(try CLI.dossier(["build", "--quiet", "--format", "md,html,json"], in: dir).status, 0)
            let before = try snapshot(dir.appendingPathComponent("reports"))
            for (name, bytes) in c.files { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
            let yaml = dir.appendingPathComponent("pipeline.yaml")
            var text = try String(contentsOf: yaml, encoding: .utf8)
            text = text.replacingOccurrences(
                of: "inputs: [corpus/*.txt]",
                with: "inputs: \(c.inputs)\(c.files.keys.contains { $0.hasSuffix(".pdf") } ? "" : "")")
            if c.files.keys.contains(where: { $0.hasSuffix(".pdf") }) {
                text = text.replacingOccurrences(
                    of: "inputs: [corpus/*.txt]", with: "inputs: [corpus/*.txt, corpus/*.pdf]")
            }
            text = text.replacingOccurrences(of: "output: reports/", with: "output: \(c.output)")
            try text.write(to: yaml, atomically: true, encoding: .utf8)
            let run = try CLI.dossier(["build", "--quiet", "--format", "md,html,json"], in: dir)
            XCTAssertEqual(run.status, c.status, "\(c.name): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(c.message), "\(c.name): \(run.stderr)")
            XCTAssertEqual(try snapshot(dir.appendingPathComponent("reports")), before, "\(c.name) touched reports/")
        }
    }

    private func snapshot(_ dir: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let url as URL in FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)!
        where !url.hasDirectoryPath {
            files[url.path] = FileManager.default.contents(atPath: url.path)
        }
        return files
    }
}

/// The PDFs, read back as text: contents with page numbers, running header, page footer,
/// a cited passage; the HTML's citations resolve; WeasyPrint fetches nothing outside.
final class PDFTests: XCTestCase {
    static var hasWeasyPrint: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/weasyprint") }

    private func text(_ pdf: URL, pages: ClosedRange<Int>? = nil) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        p.arguments = (pages.map { ["-f", "\($0.lowerBound)", "-l", "\($0.upperBound)"] } ?? []) + [pdf.path, "-"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func testBriefingPDFsReadBack() throws {
        guard Self.hasWeasyPrint else { throw XCTSkip("WeasyPrint is not installed") }
        let dir = try CLI.project([:], copySamples: true)
        XCTAssertEqual(try CLI.dossier(["build", "--quiet"], in: dir).status, 0)
        let pdf = dir.appendingPathComponent("reports/turkmenistan.pdf")
        let first = try text(pdf, pages: 1...1)
        XCTAssertTrue(first.contains("Contents"), first)
        for entry in ["Sources", "Partnership frameworks", "Cooperation areas", "Timeline", "Notes"] {
            XCTAssertNotNil(
                first.range(of: "\(entry)[ .]*\\d+", options: .regularExpression),
                "contents entry \(entry) with a page number")
        }
        XCTAssertNotNil(first.range(of: #"Page 1 of \d+"#, options: .regularExpression))
        XCTAssertTrue(
            try text(pdf, pages: 2...2).hasPrefix("Turkmenistan — partnership briefing"), "running header on page 2")
        let all = try text(pdf).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(
            all.contains("The current NATO Contact Point Embassy in Turkmenistan is the embassy of the United Kingdom"),
            "a cited passage")
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports/comparative-summary.pdf").path))
        XCTAssertEqual(
            try CLI.dossier(["build", "--check"], in: dir).status, 0, "PDFs are artifacts, not part of --check")
    }

    func testEveryCitationResolvesToANoteAndEveryNoteToASourceLine() throws {
        let reports = CLI.repo.appendingPathComponent("reports")
        for name in try FileManager.default.contentsOfDirectory(atPath: reports.path) where name.hasSuffix(".html") {
            let html = try String(contentsOf: reports.appendingPathComponent(name), encoding: .utf8)
            let links = Set(html.components(separatedBy: "href=\"#note-").dropFirst().map { $0.prefix { $0.isNumber } })
            for n in links { XCTAssertTrue(html.contains("id=\"note-\(n)\""), "\(name): citation \(n) has no note") }
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: reports.appendingPathComponent("data").path) {
            let json =
                try JSONSerialization.jsonObject(with: Data(contentsOf: reports.appendingPathComponent("data/\(name)")))
                as! [String: Any]
            var spans: [[String: Any]] = []
            func collect(_ v: Any) {
                if let d = v as? [String: Any] {
                    if let span = d["span"] as? [String: Any] { spans.append(span) }
                    d.values.forEach(collect)
                } else if let a = v as? [Any] {
                    a.forEach(collect)
                }
            }
            collect(json)
            XCTAssertFalse(spans.isEmpty)
            for span in spans {
                let file = span["file"] as! String
                let end = span["endLine"] as! Int
                let lines = try String(contentsOf: CLI.repo.appendingPathComponent(file), encoding: .utf8).components(
                    separatedBy: "\n"
                ).count
                XCTAssertLessThanOrEqual(end, lines, "\(name): \(file):\(end) does not exist")
            }
        }
    }

    func testWeasyPrintMissingIsAClearError() throws {
        let dir = try CLI.project([:], copySamples: true)
        try CLI.setOptions(of: "render.pdf", to: ["python: /nonexistent/python3"], in: dir)
        let run = try CLI.dossier(["build", "--quiet"], in: dir)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(
            run.stderr.contains("render.pdf: cannot run /nonexistent/python3")
                && run.stderr.contains("apt-get install weasyprint"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports").path))
    }
}

final class NoPDFTests: XCTestCase {
    /// Without PDF in --format, WeasyPrint is never needed.
    func testMarkdownAndHTMLNeedNoWeasyPrint() throws {
        let dir = try CLI.project([:], copySamples: true)
        try CLI.setOptions(of: "render.pdf", to: ["python: /nonexistent/python3"], in: dir)
        let run = try CLI.dossier(["build", "--quiet", "--format", "md,html,json"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports/tajikistan.html").path))
    }
}

final class HTMLValidityTests: XCTestCase {
    /// Every committed report page passes HTML Tidy with no error or warning.
    func testReportsPassTidy() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tidy") else {
            throw XCTSkip("tidy is not installed (apt-get install tidy)")
        }
        let reports = CLI.repo.appendingPathComponent("reports")
        let pages = try FileManager.default.contentsOfDirectory(atPath: reports.path).filter { $0.hasSuffix(".html") }
        XCTAssertGreaterThanOrEqual(pages.count, 6)
        for page in pages {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/tidy")
            p.arguments = ["-errors", "-q", reports.appendingPathComponent(page).path]
            let err = Pipe()
            p.standardError = err
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertEqual(text, "", "\(page): \(text)")
        }
    }
}

final class UnreadableFileTests: XCTestCase {
    /// A file the build's user may not read. Root reads everything, so the build runs as
    /// `nobody` (setpriv) when the tests run as root.
    func testAnUnreadableFileIsAClearErrorAndNothingIsWritten() throws {
        let dir = try CLI.project([:], copySamples: true)
        let secret = dir.appendingPathComponent("corpus/nato-relations-uzbekistan.txt")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: secret.path)
        var args = ["build", "--quiet", "--format", "md,html,json"]
        if getuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
                throw XCTSkip("running as root without setpriv")
            }
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: dir.path)
            let nobody = ["--reuid=65534", "--regid=65534", "--clear-groups"]
            // The checkout may sit where `nobody` cannot reach the binary or the project (a 0700 home).
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            probe.arguments = nobody + [CLI.binary.path, "validate"]
            probe.currentDirectoryURL = dir
            probe.standardOutput = FileHandle.nullDevice
            probe.standardError = FileHandle.nullDevice
            try probe.run()
            probe.waitUntilExit()
            guard probe.terminationStatus == 0 else {
                throw XCTSkip("user nobody cannot run \(CLI.binary.path) here")
            }
            args = nobody + [CLI.binary.path] + args
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: getuid() == 0 ? "/usr/bin/setpriv" : CLI.binary.path)
        p.arguments = args
        p.currentDirectoryURL = dir
        p.environment = ["HOME": dir.path, "PATH": "/usr/bin:/bin"]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 1, stderr)
        XCTAssertTrue(
            stderr.contains("corpus/nato-relations-uzbekistan.txt: error: cannot read the file; check its permissions"),
            stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports").path))
    }
}

final class WeasyPrintMissingModuleTests: XCTestCase {
    /// A Python that cannot import weasyprint: the error names the package to install.
    func testAPythonWithoutWeasyPrintNamesThePackage() throws {
        let candidates = ["/root/.pyenv/shims/python3", "/usr/local/bin/python3"]
        guard let python = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("no second Python here")
        }
        let check = Process()
        check.executableURL = URL(fileURLWithPath: python)
        check.arguments = ["-c", "import weasyprint"]
        check.standardError = FileHandle.nullDevice
        try check.run()
        check.waitUntilExit()
        guard check.terminationStatus != 0 else {
            throw XCTSkip("\(python) has weasyprint")
        }
        let dir = try CLI.project([:], copySamples: true)
        try CLI.setOptions(of: "render.pdf", to: ["python: \(python)"], in: dir)
        let run = try CLI.dossier(["build", "--quiet"], in: dir)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(
            run.stderr.contains("render.pdf: WeasyPrint is not installed for \(python)")
                && run.stderr.contains("apt-get install weasyprint"), run.stderr)
    }
}
