import Foundation
import XCTest

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
            let before = try CLI.snapshot(dir.appendingPathComponent("reports"))
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
            XCTAssertEqual(
                try CLI.snapshot(dir.appendingPathComponent("reports")), before, "\(c.name) touched reports/")
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
