import DossierCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Logging

/// One run of a pipeline as the `build` and `brief` commands need it: lock, documents through
/// the cache, corpus stages, with progress on stderr and a summary for schedulers.
struct BuildSession {
    let pipeline: Pipeline
    let runner: Runner
    let cache: DocumentCache?
    let progress: Progress

    init(global: GlobalOptions, useCache: Bool, quiet: Bool) throws {
        pipeline = try global.pipeline()
        runner = Runner(pipeline: pipeline, logger: global.logger())
        cache = useCache ? DocumentCache(directory: pipeline.baseDirectory.appendingPathComponent(".dossier-cache")) : nil
        progress = Progress(quiet: quiet)
    }

    struct Outcome {
        var corpus: Corpus?
        var failures: [any DossierError]
        var stats: Runner.DocumentStats
        var timings: [String: Double]
    }

    /// The number of inputs when the output folder is exactly what this build would write:
    /// its manifest was made from the same input bytes, pipeline, taxonomy and program, and
    /// every file it lists is there unchanged (PDFs only when they are wanted). Then there is
    /// nothing to do at all.
    func upToDate(needPDF: Bool) throws -> Int? {
        guard let cache, let stamp = FileManager.default.contents(atPath: cache.stampURL.path),
              String(decoding: stamp, as: UTF8.self) == DossierVersion.fingerprint else { return nil }
        let output = pipeline.outputURL
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(Manifest.path).path),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data),
              manifest.provenance.pipelineHash == pipeline.pipelineHash, manifest.provenance.taxonomyHash == pipeline.taxonomyHash
        else { return nil }
        let paths = try runner.resolveInputs()
        guard paths == manifest.inputs.map(\.path) else { return nil }
        for (path, input) in zip(paths, manifest.inputs) {
            guard let file = try? runner.read(path), SHA256.hex(file.bytes) == input.sha256 else { return nil }
        }
        if needPDF, pipeline.corpusStages.contains(where: { type(of: $0).produces.contains(.pdf) }) {
            // PDFs are not in the manifest (artifacts); each page that gets one must have it.
            for out in manifest.outputs where out.path.hasSuffix(".html") && !["index.html", "changes.html"].contains(out.path) {
                let pdf = String(out.path.dropLast(5)) + ".pdf"
                guard FileManager.default.fileExists(atPath: output.appendingPathComponent(pdf).path) else { return nil }
            }
        }
        for out in manifest.outputs {
            guard let bytes = FileManager.default.contents(atPath: output.appendingPathComponent(out.path).path),
                  SHA256.hex(bytes) == out.sha256 else { return nil }
        }
        return paths.count
    }

    /// Runs everything but the writing. Documents that fail are returned; the corpus stages
    /// run only when none failed or `keepGoing` is set.
    func run(keepGoing: Bool, skipping: Set<Artifact> = []) throws -> Outcome {
        var timings: [String: Double] = [:]
        let paths = try runner.resolveInputs()
        let corpusStages: [String] = pipeline.corpusStages.compactMap { stage in
            let produces = type(of: stage).produces
            return produces.isDisjoint(with: skipping) || produces.isEmpty ? type(of: stage).id : nil
        }
        let steps = 1 + corpusStages.count
        let documentStages = (pipeline.ingestStages.map { type(of: $0).id } + pipeline.documentStages.map { type(of: $0).id })
        let label = "[1/\(steps)] \(documentStages.first ?? "ingest") … \(documentStages.last ?? "")"
        var start = Date()
        let counter = progress
        let report: @Sendable (Int, Int) -> Void = { done, total in counter.count(label, done: done, total: total) }
        let (documents, failures, stats) = runner.processDocuments(paths, cache: cache, progress: report)
        timings["documentStages"] = Date().timeIntervalSince(start)
        progress.note("\(stats.processed) processed, \(stats.cached) from cache, \(stats.failed) failed")
        for f in failures { printError(f.description) }
        for d in documents { for w in d.warnings { printError("warning: \(w)") } }
        guard failures.isEmpty || keepGoing else {
            return Outcome(corpus: nil, failures: failures, stats: stats, timings: timings)
        }
        start = Date()
        let numbered = Dictionary(uniqueKeysWithValues: corpusStages.enumerated().map { ($0.element, $0.offset + 2) })
        let announce: (String) -> Void = { id in counter.line("[\(numbered[id] ?? 0)/\(steps)] \(id)") }
        let corpus = try runner.runCorpusStages(documents, skipping: skipping, started: announce)
        timings["corpusStages"] = Date().timeIntervalSince(start)
        for (stage, seconds) in runner.timings.all { timings[stage] = seconds }
        let perStage = pipeline.stages.map(\.id).compactMap { id in runner.timings.all[id].map { "\(id) \(String(format: "%.2f", $0))s" } }
        progress.note("time per stage (summed over documents): " + perStage.joined(separator: ", "))
        return Outcome(corpus: corpus, failures: failures, stats: stats, timings: timings)
    }
}

/// Progress on stderr, one step per stage: `[1/9] ingest.text … extract.facts  120/5000
/// documents`, redrawn in place on a terminal, a plain line per step otherwise; silent with
/// --quiet.
final class Progress: @unchecked Sendable {
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
}

/// What `--summary-json` writes for schedulers (timings live here, never in the reports).
struct BuildSummary: Encodable {
    var exitCode: Int32
    var documents: Documents
    var failures: [String]
    var outputs: Outputs
    var timingsSeconds: [String: Double]

    struct Documents: Encodable { var total: Int; var processed: Int; var cached: Int; var failed: Int }
    struct Outputs: Encodable { var total: Int; var changed: [String] }

    func write(to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        try Data(try StableJSON.encode(self)).write(to: temp)
        guard rename(temp.path, url.path) == 0 else { throw ConfigError("cannot write the summary", at: FileLocation(file: path)) }
    }
}
