import Foundation
import Logging
import Synchronization

/// Runs a pipeline: inputs → document stages (in parallel, then sorted) → corpus stages.
///
/// This is the one error funnel: whatever a stage throws comes back as a `StageFailure`
/// carrying the stage id and the document's path (`StageFailure.wrapping`).
public struct Runner: Sendable {
    public let pipeline: Pipeline
    public let logger: Logger
    /// Seconds spent in each stage, summed over documents; printed and put in the build
    /// summary, never in the reports (timings would break reproducibility).
    public let timings = StageTimings()

    public init(pipeline: Pipeline, logger: Logger) {
        self.pipeline = pipeline
        self.logger = logger
    }

    /// The input files the pipeline names, as paths relative to the pipeline file, sorted.
    /// A pattern that matches nothing or a named file that does not exist is an error.
    public func resolveInputs() throws -> [String] {
        var paths = Set<String>()
        for pattern in pipeline.inputs {
            let matches = Glob.expand(pattern, relativeTo: pipeline.baseDirectory)
                .filter { !isDirectory(pipeline.baseDirectory, $0) }
            if !Glob.isPattern(pattern), isDirectory(pipeline.baseDirectory, pattern) {
                throw ConfigError(
                    "input '\(pattern)' is a directory, not a document", at: FileLocation(file: pipeline.configFile),
                    hint: "name the files inside it, e.g. \(pattern.hasSuffix("/") ? pattern : pattern + "/")*.txt")
            }
            if matches.isEmpty {
                let what =
                    Glob.isPattern(pattern)
                    ? "input pattern '\(pattern)' matches no file"
                    : "input file '\(pattern)' does not exist"
                throw ConfigError(
                    what, at: FileLocation(file: pipeline.configFile),
                    hint: "paths in 'inputs' are relative to \(pipeline.configFile)",
                    reason: .noMatchingInput(pattern))
            }
            paths.formUnion(matches)
        }
        return paths.sorted()
    }

    private func isDirectory(_ base: URL, _ path: String) -> Bool {
        var dir: ObjCBool = false
        let full = path.hasPrefix("/") ? path : base.appendingPathComponent(path).path
        return FileManager.default.fileExists(atPath: full, isDirectory: &dir) && dir.boolValue
    }

    /// Reads a file named relative to `base` (the pipeline's folder when nil), with errors
    /// that say what to do.
    public func read(_ path: String, relativeTo base: URL? = nil) throws(InputError) -> InputFile {
        let full = path.hasPrefix("/") ? path : (base ?? pipeline.baseDirectory).appendingPathComponent(path).path
        var dir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &dir) else {
            throw InputError(.noSuchFile, file: path)
        }
        guard !dir.boolValue else {
            throw InputError(.isDirectory, file: path)
        }
        guard let data = FileManager.default.contents(atPath: full) else {
            throw InputError(.unreadable, file: path)
        }
        return InputFile(path: path, bytes: [UInt8](data))
    }

    /// Ingests and runs every document stage on one file. Throws an `InputError` (no ingest
    /// stage for it) or a `StageFailure`.
    public func processDocument(_ file: InputFile) throws -> Document {
        try run(pipeline.documentStages, on: try ingest(file), path: file.path)
    }

    /// The file through the first ingest stage that accepts it.
    public func ingest(_ file: InputFile) throws -> Document {
        guard let stage = pipeline.ingestStages.first(where: { $0.accepts(file) }) else {
            let ids = pipeline.ingestStages.map { type(of: $0).id }
            throw InputError(.noIngestStage(fileExtension: file.fileExtension, stages: ids), file: file.path)
        }
        let start = Date()
        let document = try StageFailure.wrapping(stage: type(of: stage).id, document: file.path) {
            try stage.ingest(file)
        }
        timings.add(type(of: stage).id, since: start)
        return document
    }

    /// Document stages in order on the document read from `path`, each timed.
    public func run(
        _ stages: [any DocumentStage], on document: Document,
        path: String
    ) throws(StageFailure) -> Document {
        var document = document
        for stage in stages {
            let start = Date()
            let input = document
            document = try StageFailure.wrapping(stage: type(of: stage).id, document: path) {
                try stage.process(input)
            }
            timings.add(type(of: stage).id, since: start)
        }
        return document
    }

    /// What a run of the document stages did, for summaries and tests.
    public struct DocumentStats: Sendable, Equatable {
        /// Files that went through the ingest and document stages.
        public var processed = 0
        /// Files whose processed document came from the cache.
        public var cached = 0
        public var failed = 0
    }

    /// Reads and processes files in parallel (through the cache when given); results come back
    /// sorted by path, whatever the finishing order. Failures are returned, not thrown, so a
    /// caller can keep going.
    public func processDocuments(
        _ paths: [String], cache: DocumentCache? = nil,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    )
        -> (documents: [Document], failures: [any DossierError], stats: DocumentStats)
    {
        let results = Mutex<[Int: Result<Document, any Error>]>([:])
        let hits = Mutex(0)
        let done = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            let result = Result { () throws -> Document in
                let file = try read(paths[i])
                guard let cache, cache.keeps(file) else { return try processDocument(file) }
                let key = cache.key(for: file, pipelineKey: pipeline.documentStagesKey)
                if let cached = cache.load(key) {
                    hits.withLock { $0 += 1 }
                    return cached
                }
                let document = try processDocument(file)
                cache.store(document, key: key)
                return document
            }
            results.withLock { $0[i] = result }
            let finished = done.withLock { count -> Int in
                count += 1
                return count
            }
            progress(finished, paths.count)
        }
        var documents: [Document] = []
        var failures: [any DossierError] = []
        let all = results.withLock { $0 }
        for i in paths.indices {
            switch all[i]! {
            case .success(let d): documents.append(d)
            case .failure(let e as any DossierError): failures.append(e)
            // Not reached (reading and processing throw InputError or StageFailure), but a
            // failure is never dropped.
            case .failure(let e): failures.append(StageFailure(stage: "runner", document: paths[i], reason: e))
            }
        }
        let cached = hits.withLock { $0 }
        let stats = DocumentStats(processed: documents.count - cached, cached: cached, failed: failures.count)
        return (documents, failures, stats)
    }

    /// Runs the corpus stages in order on the processed documents, leaving out those that
    /// produce an artifact in `skipping` (e.g. no PDF run when no PDF was asked for).
    public func runCorpusStages(
        _ documents: [Document], skipping: Set<Artifact> = [],
        started: (String) -> Void = { _ in }
    ) throws -> Corpus {
        var corpus = Corpus(documents: documents)
        corpus.provenance.pipelineHash = pipeline.pipelineHash
        corpus.provenance.taxonomyHash = pipeline.taxonomyHash
        for stage in pipeline.corpusStages
        where type(of: stage).produces.isDisjoint(with: skipping) || type(of: stage).produces.isEmpty {
            let id = type(of: stage).id
            logger.debug("running \(id)")
            started(id)
            let start = Date()
            try StageFailure.wrapping(stage: id, document: nil) {
                try stage.run(&corpus)
            }
            timings.add(id, since: start)
        }
        return corpus
    }
}

/// Per-stage wall time, safe to add to from the parallel document loop.
public final class StageTimings: Sendable {
    private let seconds = Mutex<[String: Double]>([:])

    public init() {}

    public func add(_ stage: String, since start: Date) {
        let elapsed = Date().timeIntervalSince(start)
        seconds.withLock { $0[stage, default: 0] += elapsed }
    }

    /// Seconds by stage id.
    public var all: [String: Double] { seconds.withLock { $0 } }
}
