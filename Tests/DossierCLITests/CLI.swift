import Foundation

/// Runs the built `dossier` binary in throwaway project folders.
enum CLI {
    /// Every file below `dir`, by path relative to it, with its bytes: compared before and
    /// after a build that must leave the folder as it was.
    static func snapshot(_ dir: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let url as URL in FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)!
        where !url.hasDirectoryPath {
            files[url.path.replacingOccurrences(of: dir.path, with: "")] = FileManager.default.contents(
                atPath: url.path)
        }
        return files
    }

    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `dossier` executable next to the test bundle.
    static var binary: URL {
        var dir = Bundle.main.bundleURL
        if dir.pathExtension == "xctest" { dir.deleteLastPathComponent() }
        return dir.appendingPathComponent("dossier")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func dossier(_ args: [String], in dir: URL) throws -> Run {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = dir
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }

    /// A project folder with the real pipeline, taxonomy and rules, and the given documents in corpus/.
    static func project(_ docs: [String: [UInt8]], copySamples: Bool = false) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("models"), withIntermediateDirectories: true)
        for f in ["pipeline.yaml", "taxonomy.yaml", "facts.yaml", "statements.yaml", "models/areas.json"] {
            try FileManager.default.copyItem(at: repo.appendingPathComponent(f), to: dir.appendingPathComponent(f))
        }
        if copySamples {
            for f in try FileManager.default.contentsOfDirectory(atPath: repo.appendingPathComponent("corpus").path)
            where f.hasSuffix(".txt") {
                try FileManager.default.copyItem(
                    at: repo.appendingPathComponent("corpus/\(f)"), to: dir.appendingPathComponent("corpus/\(f)"))
            }
        }
        for (name, bytes) in docs { try Data(bytes).write(to: dir.appendingPathComponent("corpus/\(name)")) }
        return dir
    }

    struct NoSuchStage: Error, CustomStringConvertible {
        var stage: String
        var description: String { "pipeline.yaml has no '- use: \(stage)' entry" }
    }

    /// Gives one stage of the project's pipeline.yaml these option lines (`key: value`) in place
    /// of its own. The entry is found by its `- use:` line, whatever comment stands beside it,
    /// and a pipeline without the stage throws, so a test never runs the unchanged pipeline.
    static func setOptions(of stage: String, to options: [String], in dir: URL) throws {
        let url = dir.appendingPathComponent("pipeline.yaml")
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let entry = lines.firstIndex { line in
            let words = line.split(separator: " ")
            return words.count >= 3 && words[0] == "-" && words[1] == "use:" && words[2] == stage
        }
        guard let entry else { throw NoSuchStage(stage: stage) }
        var end = entry + 1
        while end < lines.count, lines[end].hasPrefix("    "),
            !lines[end].trimmingCharacters(in: .whitespaces).hasPrefix("-")
        {
            end += 1
        }
        lines.replaceSubrange(entry..<end, with: ["  - use: \(stage)"] + options.map { "    \($0)" })
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    }

}
