import Foundation

/// Processed documents on disk, keyed by content: the input's bytes and path, and everything
/// that shapes processing (`Pipeline.documentStagesKey`). A hit skips every ingest and
/// document stage for that file. Entries are written atomically; a damaged entry is a miss.
public struct DocumentCache: Sendable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// Inputs larger than this are processed every time instead of cached: an entry is about
    /// seven times the input as JSON, and encoding it at once would raise a 100 MB document's
    /// peak memory by half again, for a file that rarely sits beside many small changing ones.
    public static let maxInputBytes = 32 << 20

    /// Whether this input's processed document is kept in the cache.
    public func keeps(_ file: InputFile) -> Bool { file.bytes.count <= Self.maxInputBytes }

    public func key(for file: InputFile, pipelineKey: String) -> String {
        SHA256.hex("\(pipelineKey)\n\(file.path)\n\(SHA256.hex(file.bytes))")
    }

    public func load(_ key: String) -> Document? {
        guard let data = FileManager.default.contents(atPath: url(key).path) else { return nil }
        return try? JSONDecoder().decode(Document.self, from: data)
    }

    public func store(_ document: Document, key: String) {
        // A cache that cannot be written only costs time: the build goes on without it.
        guard let data = try? JSONEncoder().encode(document) else { return }
        let target = url(key)
        let temp = target.deletingLastPathComponent().appendingPathComponent(".\(key).\(getpid()).tmp")
        do {
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: temp)
            if rename(temp.path, target.path) != 0 { try? FileManager.default.removeItem(at: temp) }
        } catch {
            try? FileManager.default.removeItem(at: temp)
        }
    }

    /// Records which executable made the reports now in the output folder (see `dossier build`).
    public var stampURL: URL { directory.appendingPathComponent("last-build") }

    public func stamp() {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? Data(DossierVersion.fingerprint.utf8).write(to: stampURL)
    }

    public func clean() throws {
        if FileManager.default.fileExists(atPath: directory.path) { try FileManager.default.removeItem(at: directory) }
    }

    private func url(_ key: String) -> URL {
        directory.appendingPathComponent(String(key.prefix(2))).appendingPathComponent("\(key).json")
    }
}
