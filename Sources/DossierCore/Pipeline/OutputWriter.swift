import CDossierSys
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Commits a build's files to the output folder, and compares a build with what is there.
///
/// Nothing is written until every stage has succeeded, and then the folder changes in one
/// step: the new tree is assembled in a staging folder beside it (unchanged files are hard
/// links to the old ones, so they are not rewritten), and the two folders are exchanged
/// atomically (`dossier_exchange_paths` in CDossierSys: `renameat2(RENAME_EXCHANGE)` on
/// Linux). A reader, or a build killed at any moment, sees the old folder or the new one,
/// never a mix. A build that changes nothing touches nothing.
public struct OutputWriter: Sendable {
    public let root: URL

    /// Files under the output folder a build never produces and never checks (PDFs are artifacts).
    public var ignoredSuffixes: [String] = [".pdf"]

    public init(root: URL) { self.root = root.standardizedFileURL }

    private var parent: URL { root.deletingLastPathComponent() }
    private var stagingPrefix: String { ".\(root.lastPathComponent).staging-" }

    /// Makes the folder hold `files` (plus, when `replacing` is false, what it held that the
    /// build did not produce). Returns the paths whose bytes changed.
    @discardableResult
    public func commit(_ files: [OutputFile], removing stale: Set<String> = []) throws -> [String] {
        removeLeftoverStaging()
        let changed = files.filter { f in
            FileManager.default.contents(atPath: root.appendingPathComponent(f.path).path).map {
                [UInt8]($0) != f.contents
            } ?? true
        }.map(\.path).sorted()
        let toRemove = stale.intersection(existingFiles())
        guard !changed.isEmpty || !toRemove.isEmpty else { return [] }

        let staging = parent.appendingPathComponent("\(stagingPrefix)\(getpid())")
        try? FileManager.default.removeItem(at: staging)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            let produced = Set(files.map(\.path))
            // Carry over what the build does not produce (and was not told to remove), unchanged.
            for path in allExistingFiles() where !produced.contains(path) && !toRemove.contains(path) {
                try link(root.appendingPathComponent(path), to: staging.appendingPathComponent(path))
            }
            let changedSet = Set(changed)
            for file in files {
                let target = staging.appendingPathComponent(file.path)
                if changedSet.contains(file.path) {
                    try FileManager.default.createDirectory(
                        at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(file.contents).write(to: target)
                } else {
                    try link(root.appendingPathComponent(file.path), to: target)
                }
            }
            try exchange(staging, with: root)
        } catch let error as OutputError {
            try? FileManager.default.removeItem(at: staging)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw OutputError(message: "cannot write the reports: \(error.localizedDescription)", path: root.path)
        }
        try? FileManager.default.removeItem(at: staging)  // the old tree, after the exchange
        return changed
    }

    private func link(_ source: URL, to target: URL) throws {
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        if Self.hardLink(source.path, target.path) != 0 {
            try FileManager.default.copyItem(at: source, to: target)  // another file system: copy
        }
    }

    /// Swaps `staging` into place at `root` in one step (or renames it there if there is no root).
    private func exchange(_ staging: URL, with root: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) else {
            guard rename(staging.path, root.path) == 0 else {
                throw OutputError(message: "cannot create \(root.path)", path: root.path)
            }
            return
        }
        guard isDirectory.boolValue else {
            throw OutputError(message: "the output path exists and is not a folder", path: root.path)
        }
        guard dossier_exchange_paths(staging.path, root.path) == 0 else {
            throw OutputError(message: "cannot swap the new reports into place (errno \(errno))", path: root.path)
        }
    }

    /// The C library's `link(2)`, named apart from the method above.
    private static func hardLink(_ source: String, _ target: String) -> Int32 {
        #if canImport(Glibc)
            Glibc.link(source, target)
        #else
            Darwin.link(source, target)
        #endif
    }

    /// Staging folders left by a build that was killed (the caller holds the build lock).
    private func removeLeftoverStaging() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(stagingPrefix) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
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
        // Artifacts (PDFs) are not part of the committed reports.
        let committed = files.filter { !$0.kind.isArtifact }
        let expected = Dictionary(uniqueKeysWithValues: committed.map { ($0.path, $0.contents) })
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
        allExistingFiles().filter { path in
            !path.split(separator: "/").contains(where: { $0.hasPrefix(".") })
                && !ignoredSuffixes.contains(where: { path.hasSuffix($0) })
        }
    }

    /// Every regular file under the root, relative, sorted.
    private func allExistingFiles() -> [String] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        var paths: [String] = []
        let prefix = root.path + "/"
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            paths.append(String(url.standardizedFileURL.path.dropFirst(prefix.count)))
        }
        return paths.sorted()
    }
}

/// Only one build writes into an output folder at a time.
public final class BuildLock {
    private let fd: Int32
    public let path: String

    /// Takes the lock beside `output`, or throws if another build holds it (unless `wait`).
    public init(output: URL, wait: Bool) throws {
        let url = output.standardizedFileURL
        path = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).lock").path
        fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(message: "cannot open the build lock", path: path) }
        if flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            close(fd)
            throw LockError(path: path)
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}

public struct LockError: DossierError {
    public var path: String
    public var location: FileLocation? { FileLocation(file: path) }
    public var message: String { "another dossier build is writing to this output folder" }
    public var hint: String? { "wait for it to finish, or pass --wait to queue behind it" }
    public var exitStatus: ExitStatus { .buildFailed }
}

public struct OutputError: DossierError {
    public var message: String
    public var path: String
    public var location: FileLocation? { FileLocation(file: path) }
    public var hint: String? { "check that the output folder and its parent are writable" }
    public var exitStatus: ExitStatus { .buildFailed }
}
