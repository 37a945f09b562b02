import Foundation
import Logging

/// What a build tells while it works. The CLI prints it; nothing here decides anything.
public protocol BuildObserver: Sendable {
    /// Documents through the document stages so far (called from several threads).
    func count(_ label: String, done: Int, total: Int)
    /// A step of its own (`[3/9] render.markdown`, `writing reports/`).
    func line(_ text: String)
    /// A detail under the current step.
    func note(_ text: String)
    /// A document that failed, or a warning about one: shown even when progress is not.
    func problem(_ text: String)
}

/// One build of a pipeline's reports, in the order that makes it safe unattended:
/// lock → plan (is there anything to do, which stages) → run → check or commit → stamp.
/// The CLI only turns flags into a `Request` and prints the `Result`.
public struct Build: Sendable {
    /// What to build, from the command line.
    public struct Request: Sendable {
        /// Compare with the output folder instead of writing (no lock needed).
        public var check = false
        /// Build the rest when some documents fail.
        public var keepGoing = false
        /// Queue behind another build of the same folder instead of refusing.
        public var waitForLock = false
        /// Only these countries' briefings (names or slugs, any case); empty: every report.
        public var countries: [String] = []
        /// Only files of these kinds; nil: every kind.
        public var kinds: Set<OutputKind>?

        public init() {}

        /// Everything the pipeline makes: only then are stale files removed and unexpected
        /// ones reported.
        public var isComplete: Bool { countries.isEmpty && kinds == nil }
        /// Artifacts (PDFs) are made only when asked for (or when nothing narrows the build).
        var wantsArtifacts: Bool { kinds.map { $0.contains { $0.isArtifact } } ?? true }
    }

    public enum Outcome: Sendable, Equatable {
        /// The output folder is already what this build would write; nothing ran.
        case upToDate
        /// Documents failed and `keepGoing` was not set: nothing was written.
        case documentsFailed
        /// `check`: how the folder differs from the build (empty: it is current).
        case checked(OutputWriter.Difference)
        /// Written: the paths whose bytes changed.
        case written(changed: [String])
    }

    public struct Result: Sendable {
        public var outcome: Outcome
        /// The files the build selected (after countries and kinds).
        public var files = 0
        public var failures: [any DossierError] = []
        public var stats = Runner.DocumentStats()
        /// Seconds per step and per stage, for schedulers (never in the reports).
        public var timings: [String: Double] = [:]
    }

    public let pipeline: Pipeline
    public let runner: Runner
    public let cache: DocumentCache?

    public init(pipeline: Pipeline, logger: Logger, useCache: Bool) {
        self.pipeline = pipeline
        runner = Runner(pipeline: pipeline, logger: logger)
        let directory = pipeline.baseDirectory.appendingPathComponent(".dossier-cache")
        cache = useCache ? DocumentCache(directory: directory) : nil
    }

    public func run(_ request: Request, observer: any BuildObserver) throws -> Result {
        // Held for the whole build: a second build into the same folder refuses (or waits).
        let lock = request.check ? nil : try BuildLock(output: pipeline.outputURL, wait: request.waitForLock)
        defer { withExtendedLifetime(lock) {} }
        let artifacts = request.wantsArtifacts
        if !request.check && request.countries.isEmpty, let inputs = try upToDate(needArtifacts: artifacts) {
            var stats = Runner.DocumentStats()
            stats.cached = inputs
            return Result(outcome: .upToDate, stats: stats)
        }
        let made = try make(keepGoing: request.keepGoing, skipping: artifacts ? [] : [.pdf], observer: observer)
        var result = Result(
            outcome: .documentsFailed, failures: made.failures, stats: made.stats,
            timings: made.timings)
        guard let corpus = made.corpus else { return result }
        let files = try Self.select(corpus, countries: request.countries, kinds: request.kinds)
        result.files = files.count
        let writer = OutputWriter(root: pipeline.outputURL)
        if request.check {
            var difference = writer.compare(files)
            if !request.isComplete { difference.unexpected = [] }  // a narrowed build leaves the rest alone
            result.outcome = .checked(difference)
            return result
        }
        observer.line("writing \(pipeline.output)")
        let start = Date()
        let changed = try writer.commit(files, removing: request.isComplete ? stale(files) : [])
        if request.countries.isEmpty && made.failures.isEmpty {
            cache?.stamp()
            recordArtifacts(artifacts ? files.filter(\.kind.isArtifact).map(\.path) : nil)
        }
        result.timings["write"] = Date().timeIntervalSince(start)
        result.outcome = .written(changed: changed)
        return result
    }

    /// Files an earlier full build wrote (its manifest lists them) that this one no longer
    /// produces, such as a country that left the corpus.
    private func stale(_ files: [OutputFile]) -> Set<String> {
        let url = pipeline.outputURL.appendingPathComponent(Manifest.path)
        guard let data = FileManager.default.contents(atPath: url.path),
            let previous = try? JSONDecoder().decode(Manifest.self, from: data)
        else { return [] }
        return Set(previous.outputs.map(\.path)).subtracting(files.map(\.path))
    }

    // MARK: - Selecting

    /// The files to write: with `countries`, only those countries' briefings (Markdown, HTML,
    /// PDF) and data; with `kinds`, only files of those kinds.
    public static func select(_ corpus: Corpus, countries: [String], kinds: Set<OutputKind>?) throws -> [OutputFile] {
        var selected = corpus.outputs
        if !countries.isEmpty {
            let briefings = Set(try countries.map { ReportID.briefing(try profile(named: $0, in: corpus.profiles)) })
            let perCountry: Set<OutputKind> = [.markdown, .html, .pdf, .data]
            selected = selected.filter { f in f.report.map(briefings.contains) == true && perCountry.contains(f.kind) }
        }
        if let kinds {
            selected = selected.filter { kinds.contains($0.kind) }
        }
        return selected
    }

    /// The profile of a country named on the command line (name or slug, any case).
    public static func profile(named name: String, in profiles: [CountryProfile]) throws -> CountryProfile {
        let wanted = name.lowercased()
        guard let p = profiles.first(where: { $0.country.lowercased() == wanted || $0.slug == wanted }) else {
            let hint = Suggest.hint(for: name, in: profiles.map(\.country), noun: "country", plural: "countries")
            throw ConfigError("no briefing for country '\(name)'", at: nil, hint: hint)
        }
        return p
    }
}
