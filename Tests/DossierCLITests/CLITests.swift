import Foundation
import XCTest

/// Runs the built `dossier` binary as users and schedulers do: exit codes, messages, files.
final class CLITests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `dossier` executable next to the test bundle.
    var binary: URL {
        var dir = Bundle.main.bundleURL
        if dir.pathExtension == "xctest" { dir.deleteLastPathComponent() }
        return dir.appendingPathComponent("dossier")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func dossier(_ args: [String], in dir: URL) throws -> Run {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = dir
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// A project folder with the real pipeline, taxonomy and rules, and the given documents in corpus/.
    func project(_ docs: [String: [UInt8]], copySamples: Bool = false) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        for f in ["pipeline.yaml", "taxonomy.yaml", "facts.yaml"] {
            try FileManager.default.copyItem(at: Self.repo.appendingPathComponent(f), to: dir.appendingPathComponent(f))
        }
        if copySamples {
            for f in try FileManager.default.contentsOfDirectory(atPath: Self.repo.appendingPathComponent("corpus").path) where f.hasSuffix(".txt") {
                try FileManager.default.copyItem(at: Self.repo.appendingPathComponent("corpus/\(f)"), to: dir.appendingPathComponent("corpus/\(f)"))
            }
        }
        for (name, bytes) in docs { try Data(bytes).write(to: dir.appendingPathComponent("corpus/\(name)")) }
        return dir
    }

    func testValidateReportsAMisspeltStageWithLocationAndSuggestion() throws {
        let dir = try project([:])
        let url = dir.appendingPathComponent("pipeline.yaml")
        try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "use: classify.areas", with: "use: clasify.areas")
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
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports").path), "no partial report for \(name)")
        }
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
        XCTAssertEqual(try dossier(["build"], in: dir).status, 0)
        XCTAssertEqual(try snapshot(dir.appendingPathComponent("reports")), first)
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
        XCTAssertEqual(Set(doc.keys), ["source", "title", "country", "lastUpdated", "areas", "frameworks", "milestones", "contactPointEmbassy"])
        XCTAssertEqual(doc["source"] as? String, "corpus/nato-relations-uzbekistan.txt")
        XCTAssertEqual(doc["lastUpdated"] as? String, "2016-03-03")
        let milestone = (doc["milestones"] as! [[String: Any]])[0]
        XCTAssertEqual(Set(milestone.keys), ["year", "text", "yearInferred"])
        let area = (doc["areas"] as! [[String: Any]])[0]
        XCTAssertEqual(Set(area.keys), ["id", "score", "evidence"])
        XCTAssertEqual(Set((area["evidence"] as! [[String: Any]])[0].keys), ["text", "line"])
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
        XCTAssertFalse(html.contains("<img"), "image became live")
        XCTAssertFalse(html.contains("<em>stars"), "emphasis became live")
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the text is shown literally")
    }

    private func snapshot(_ dir: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let url as URL in FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)! {
            if let data = FileManager.default.contents(atPath: url.path), !url.hasDirectoryPath { files[url.path] = data }
        }
        return files
    }
}
