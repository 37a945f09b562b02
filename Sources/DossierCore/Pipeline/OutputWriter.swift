import Foundation

/// Commits a build's files to the output folder, and compares a build with what is there.
///
/// Nothing is written until every stage has succeeded. Each file goes to a temporary file in
/// the same folder and is renamed into place, so a reader (or a killed build) never sees half
/// a file; a file whose bytes are unchanged is not rewritten.
public struct OutputWriter: Sendable {
    public let root: URL

    /// Files under the output folder a build never produces and never checks (PDFs are artifacts).
    public var ignoredSuffixes: [String] = [".pdf"]

    public init(root: URL) { self.root = root }

    /// Writes every file; returns the paths actually changed.
    @discardableResult
    public func commit(_ files: [OutputFile]) throws -> [String] {
        var changed: [String] = []
        for file in files.sorted(by: { $0.path < $1.path }) {
            let url = root.appendingPathComponent(file.path)
            if let existing = FileManager.default.contents(atPath: url.path), [UInt8](existing) == file.contents { continue }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
            do {
                try Data(file.contents).write(to: temp)
                // rename(2) replaces the old file in one step: readers see the old or the new bytes.
                guard rename(temp.path, url.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            } catch {
                try? FileManager.default.removeItem(at: temp)
                throw OutputError(message: "cannot write \(file.path): \(error.localizedDescription)", path: url.path)
            }
            changed.append(file.path)
        }
        return changed
    }

    public struct Difference: Sendable, Equatable {
        public var stale: [String] = []
        public var missing: [String] = []
        public var unexpected: [String] = []
        public var isEmpty: Bool { stale.isEmpty && missing.isEmpty && unexpected.isEmpty }
    }

    /// How the folder differs from `files` (for `build --check`).
    public func compare(_ files: [OutputFile]) -> Difference {
        var diff = Difference()
        let expected = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
        for (path, bytes) in expected.sorted(by: { $0.key < $1.key }) {
            guard let existing = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
                diff.missing.append(path)
                continue
            }
            if [UInt8](existing) != bytes { diff.stale.append(path) }
        }
        diff.unexpected = existingFiles().filter { expected[$0] == nil }
        return diff
    }

    /// Files under the root, relative, sorted; hidden and ignored files left out.
    func existingFiles() -> [String] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var paths: [String] = []
        let prefix = root.standardizedFileURL.path + "/"
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(prefix.count))
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            if ignoredSuffixes.contains(where: { path.hasSuffix($0) }) { continue }
            paths.append(path)
        }
        return paths.sorted()
    }
}

public struct OutputError: DossierError {
    public var message: String
    public var path: String
    public var location: FileLocation? { FileLocation(file: path) }
    public var hint: String? { "check that the output folder is writable" }
    public var exitStatus: ExitStatus { .buildFailed }
}
