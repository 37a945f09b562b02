import DossierCore
import DossierFormats
import Foundation
import Logging
import XCTest

enum Support {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The project's pipeline up to extraction (no corpus stages), with the format stages;
    /// `edit` may rewrite pipeline.yaml's text first (to try another option).
    static func runner(edit: (String) -> String = { $0 }) throws -> Runner {
        let file = repo.appendingPathComponent("pipeline.yaml")
        var config = try PipelineConfig.parse(
            edit(try String(contentsOf: file, encoding: .utf8)), file: file.path, baseDirectory: repo)
        config.stages.removeAll { $0.id.hasPrefix("render.") || $0.id.hasPrefix("aggregate.") }
        var logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        logger.logLevel = .critical
        return Runner(
            pipeline: try Pipeline(config: config, registry: StageRegistry.core.merging(.formats), logger: logger),
            logger: logger)
    }

    /// What ingest alone makes of a file (the extracted text before any normalizer).
    static func ingest(_ file: InputFile) throws -> Document {
        let runner = try runner()
        return try runner.ingest(file)
    }

    static var hasWeasyPrint: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/weasyprint") }

    /// Renders `html` to a PDF in a fresh temporary folder and returns the PDF's bytes.
    static func weasyprint(_ html: String) throws -> [UInt8] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try html.write(to: dir.appendingPathComponent("in.html"), atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/weasyprint")
        p.arguments = [dir.appendingPathComponent("in.html").path, dir.appendingPathComponent("out.pdf").path]
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return [UInt8](try Data(contentsOf: dir.appendingPathComponent("out.pdf")))
    }
}

/// Compares a fixture's normalized output with its golden file, naming the first line that
/// differs. With `RECORD_SNAPSHOTS=1` it writes the golden and fails, so a recording run cannot
/// stand in for a passing one: review the new golden, then run again.
func assertMatchesGolden(
    _ actual: String, golden: URL, fixture: String, file: StaticString = #filePath, line: UInt = #line
) throws {
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try actual.write(to: golden, atomically: true, encoding: .utf8)
        XCTFail(
            "recorded \(golden.lastPathComponent); review it and run again without RECORD_SNAPSHOTS", file: file,
            line: line)
        return
    }
    let expected = try String(contentsOf: golden, encoding: .utf8)
    guard actual != expected else { return }
    let a = actual.components(separatedBy: "\n")
    let e = expected.components(separatedBy: "\n")
    let first = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
    let was = first < e.count ? e[first] : "<end>"
    let now = first < a.count ? a[first] : "<end>"
    XCTFail(
        "\(fixture) differs from its golden at line \(first + 1):\n- \(was)\n+ \(now)\n(RECORD_SNAPSHOTS=1 re-records)",
        file: file, line: line)
}
