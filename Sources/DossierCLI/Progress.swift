import DossierCore
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// Progress on stderr, one step per stage: `[1/9] ingest.text … extract.facts  120/5000
/// documents`, redrawn in place on a terminal, a plain line per step otherwise; silent with
/// --quiet.
final class Progress: BuildObserver, @unchecked Sendable {
    let quiet: Bool
    let terminal = isatty(2) == 1
    private let lock = NSLock()
    private var lastDrawn = Date.distantPast

    init(quiet: Bool) { self.quiet = quiet }

    /// A counted step: redrawn at most ten times a second on a terminal, one line at the end otherwise.
    func count(_ label: String, done: Int, total: Int) {
        guard !quiet else { return }
        lock.lock()
        defer { lock.unlock() }
        let text = "\(label)  \(done)/\(total) document\(total == 1 ? "" : "s")"
        if terminal {
            guard done == total || Date().timeIntervalSince(lastDrawn) > 0.1 else { return }
            lastDrawn = Date()
            FileHandle.standardError.write(Data(("\r" + text + (done == total ? "\n" : "")).utf8))
        } else if done == total {
            printError(text)
        }
    }

    func line(_ text: String) {
        guard !quiet else { return }
        printError(text)
    }

    func note(_ what: String) { line("      \(what)") }

    /// Failures and warnings reach stderr even with --quiet.
    func problem(_ text: String) { printError(text) }
}

/// What `--summary-json` writes for schedulers (timings live here, never in the reports).
struct BuildSummary: Encodable {
    var exitCode: Int32
    var documents: Documents
    var failures: [String]
    var outputs: Outputs
    var timingsSeconds: [String: Double]

    struct Documents: Encodable {
        var total: Int
        var processed: Int
        var cached: Int
        var failed: Int
    }
    struct Outputs: Encodable {
        var total: Int
        var changed: [String]
    }

    mutating func record(_ result: DossierCore.Build.Result, status: ExitStatus) {
        let s = result.stats
        let total = s.processed + s.cached + s.failed
        documents = .init(total: total, processed: s.processed, cached: s.cached, failed: s.failed)
        failures = result.failures.map(\.description)
        outputs.total = result.files
        if case .written(let changed) = result.outcome { outputs.changed = changed }
        timingsSeconds = result.timings
        exitCode = status.rawValue
    }

    func write(to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        try Data(try StableJSON.encode(self)).write(to: temp)
        guard rename(temp.path, url.path) == 0 else {
            throw ConfigError("cannot write the summary", at: FileLocation(file: path))
        }
    }
}
