import Foundation

extension Build {
    /// What the stages made, before anything is selected or written.
    public struct Made {
        /// nil when documents failed and the corpus stages were not run.
        public var corpus: Corpus?
        public var failures: [any DossierError]
        public var stats: Runner.DocumentStats
        public var timings: [String: Double]
    }

    /// Documents through the cache and the document stages, then the corpus stages, leaving
    /// out those that make an artifact in `skipping`. When documents fail, the corpus stages
    /// run only with `keepGoing`. Nothing is written.
    public func make(keepGoing: Bool, skipping: Set<Artifact> = [], observer: any BuildObserver) throws -> Made {
        var timings: [String: Double] = [:]
        let paths = try runner.resolveInputs()
        let corpusStages: [String] = pipeline.corpusStages.compactMap { stage in
            let produces = type(of: stage).produces
            return produces.isDisjoint(with: skipping) || produces.isEmpty ? type(of: stage).id : nil
        }
        let steps = 1 + corpusStages.count
        let documentStages =
            pipeline.ingestStages.map { type(of: $0).id }
            + pipeline.documentStages.map { type(of: $0).id }
        let label = "[1/\(steps)] \(documentStages.first ?? "ingest") … \(documentStages.last ?? "")"
        var start = Date()
        let report: @Sendable (Int, Int) -> Void = { done, total in observer.count(label, done: done, total: total) }
        let (documents, failures, stats) = runner.processDocuments(paths, cache: cache, progress: report)
        timings["documentStages"] = Date().timeIntervalSince(start)
        observer.note("\(stats.processed) processed, \(stats.cached) from cache, \(stats.failed) failed")
        for f in failures { observer.problem(f.description) }
        for d in documents { for w in d.warnings { observer.problem("warning: \(w)") } }
        guard failures.isEmpty || keepGoing else {
            return Made(corpus: nil, failures: failures, stats: stats, timings: timings)
        }
        start = Date()
        let numbered = Dictionary(uniqueKeysWithValues: corpusStages.enumerated().map { ($0.element, $0.offset + 2) })
        let announce: (String) -> Void = { id in observer.line("[\(numbered[id] ?? 0)/\(steps)] \(id)") }
        let corpus = try runner.runCorpusStages(documents, skipping: skipping, started: announce)
        timings["corpusStages"] = Date().timeIntervalSince(start)
        for (stage, seconds) in runner.timings.all { timings[stage] = seconds }
        let perStage = pipeline.stages.map(\.id).compactMap { id in
            runner.timings.all[id].map { "\(id) \(String(format: "%.2f", $0))s" }
        }
        observer.note("time per stage (summed over documents): " + perStage.joined(separator: ", "))
        return Made(corpus: corpus, failures: failures, stats: stats, timings: timings)
    }

    // MARK: - The no-op check

    /// The number of inputs when the output folder is exactly what this build would write:
    /// its manifest was made from the same input bytes, pipeline, taxonomy and program, and
    /// every file it lists is there unchanged (artifacts only when they are wanted). Then
    /// there is nothing to do at all.
    func upToDate(needArtifacts: Bool) throws -> Int? {
        guard let cache, let stamp = FileManager.default.contents(atPath: cache.stampURL.path),
            String(decoding: stamp, as: UTF8.self) == DossierVersion.fingerprint
        else { return nil }
        let output = pipeline.outputURL
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(Manifest.path).path),
            let manifest = try? JSONDecoder().decode(Manifest.self, from: data),
            manifest.provenance.pipelineHash == pipeline.pipelineHash,
            manifest.provenance.taxonomyHash == pipeline.taxonomyHash
        else { return nil }
        let paths = try runner.resolveInputs()
        guard paths == manifest.inputs.map(\.path) else { return nil }
        for (path, input) in zip(paths, manifest.inputs) {
            guard let file = try? runner.read(path), SHA256.hex(file.bytes) == input.sha256 else { return nil }
        }
        if needArtifacts, pipeline.corpusStages.contains(where: { type(of: $0).produces.contains(.pdf) }) {
            // Artifacts are not in the manifest: the last build recorded the ones it wrote.
            guard let artifacts = recordedArtifacts() else { return nil }
            let missing = artifacts.first { path in
                !FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
            }
            guard missing == nil else { return nil }
        }
        for out in manifest.outputs {
            guard let bytes = FileManager.default.contents(atPath: output.appendingPathComponent(out.path).path),
                SHA256.hex(bytes) == out.sha256
            else { return nil }
        }
        return paths.count
    }

    /// Where the last stamped build noted the artifacts it wrote, beside the cache's stamp.
    private var artifactsURL: URL? { cache?.directory.appendingPathComponent("last-build-artifacts.json") }

    /// Notes the artifact files a stamped build wrote; nil when it made none because none
    /// were asked for, so a later build that wants them is not taken for a no-op. Like the
    /// stamp, a record that cannot be written or read only costs the next build its no-op.
    func recordArtifacts(_ paths: [String]?) {
        guard let artifactsURL else { return }
        guard let paths, let json = try? StableJSON.encode(paths.sorted()) else {
            try? FileManager.default.removeItem(at: artifactsURL)
            return
        }
        try? Data(json).write(to: artifactsURL, options: .atomic)
    }

    private func recordedArtifacts() -> [String]? {
        guard let artifactsURL, let data = FileManager.default.contents(atPath: artifactsURL.path) else { return nil }
        return try? JSONDecoder().decode([String].self, from: data)
    }
}
