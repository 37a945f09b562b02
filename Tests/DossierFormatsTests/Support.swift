import DossierCore
import DossierFormats
import Foundation
import Logging

enum Support {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The project's pipeline up to extraction, with the format stages.
    static func runner() throws -> Runner {
        var config = try PipelineConfig.load(path: repo.appendingPathComponent("pipeline.yaml").path)
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
