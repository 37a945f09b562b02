import Foundation
import Logging
import Yams

/// A pipeline file whose stages have been looked up, ordered-checked and set up.
public struct Pipeline: Sendable {
    public let configFile: String
    public let baseDirectory: URL
    public let inputs: [String]
    public let output: String
    public let outputURL: URL
    public let taxonomy: Taxonomy
    public let taxonomySource: String
    public let stages: [ConfiguredStage]
    /// Identifies everything that shapes a processed document: the ingest and document
    /// stages, their options and loaded data, the taxonomy, and Dossier's version. Part of
    /// every document cache key.
    public let documentStagesKey: String
    /// The same for the whole pipeline file and taxonomy, for the manifest.
    public let pipelineHash: String
    public let taxonomyHash: String

    /// Checks the stage list against the registry before any stage is set up or any document
    /// read: unknown stages, requirements no earlier stage produces, stages out of order.
    public static func validate(_ config: PipelineConfig, registry: StageRegistry) throws {
        var produced = Set<Artifact>()
        var sawNonIngest = false
        for entry in config.stages {
            let d = try registry.descriptor(for: entry)
            if d.scope == .ingest && sawNonIngest {
                throw ConfigError(
                    "ingest stage '\(d.id)' comes after processing stages", at: entry.location,
                    hint: "list all ingest.* stages first", reason: .ingestAfterProcessing(stage: d.id))
            }
            if d.scope != .ingest { sawNonIngest = true }
            let missing = d.requires.subtracting(produced).sorted()
            if let first = missing.first {
                let producers = registry.descriptors.values.filter { $0.produces.contains(first) }.map(\.id).sorted()
                throw ConfigError(
                    "stage '\(d.id)' needs \(first.rawValue), which no earlier stage produces", at: entry.location,
                    hint: producers.isEmpty ? nil : "add \(producers.joined(separator: " or ")) before it",
                    reason: .unmetRequirement(stage: d.id, artifact: first))
            }
            if let late = d.mustPrecede.intersection(produced).sorted().first {
                let producer =
                    config.stages.compactMap { try? registry.descriptor(for: $0) }
                    .first { $0.produces.contains(late) }?.id ?? "an earlier stage"
                throw ConfigError(
                    "stage '\(d.id)' must come before '\(producer)', which makes \(late.rawValue)",
                    at: entry.location, hint: "move it up",
                    reason: .mustPrecede(stage: d.id, producer: producer, artifact: late))
            }
            produced.formUnion(d.produces)
        }
        if !produced.contains(.text) {
            throw ConfigError(
                "the pipeline has no ingest stage", at: FileLocation(file: config.file),
                hint: "add '- use: ingest.text' first", reason: .noIngestStage)
        }
    }

    /// Validates, then sets up every stage with its decoded options. `loadingModels: false`
    /// leaves learned models out (for training them).
    public init(config: PipelineConfig, registry: StageRegistry, logger: Logger, loadingModels: Bool = true) throws {
        try Self.validate(config, registry: registry)
        var context = StageContext(
            baseDirectory: config.baseDirectory, configFile: config.file,
            taxonomy: config.taxonomy, logger: logger, outputDirectory: config.outputURL)
        context.loadsLearnedModels = loadingModels
        let made = try config.stages.map { try registry.make($0, context: context) }
        stages = made
        // The manifest's hash names the release; cache keys also name the exact executable.
        let version = "dossier \(DossierVersion.current)"
        var all: [String] = []
        var perDocument: [String] = []
        for (entry, stage) in zip(config.stages, made) {
            let options = (try? Yams.serialize(node: entry.options)) ?? ""
            let part = "\(entry.id)|\(options)|\(stage.fingerprint)"
            all.append(part)
            if case .corpus = stage {} else { perDocument.append(part) }
        }
        taxonomyHash = SHA256.hex((try? StableJSON.encode(config.taxonomy)) ?? [])
        pipelineHash = SHA256.hex(([version] + all).joined(separator: "\n"))
        documentStagesKey = SHA256.hex(
            ([DossierVersion.fingerprint, taxonomyHash] + perDocument).joined(separator: "\n"))
        configFile = config.file
        baseDirectory = config.baseDirectory
        inputs = config.inputs
        output = config.output
        outputURL = config.outputURL
        taxonomy = config.taxonomy
        taxonomySource = config.taxonomySource
    }

    public var ingestStages: [any IngestStage] {
        stages.compactMap { if case .ingest(let s) = $0 { s } else { nil } }
    }

    public var documentStages: [any DocumentStage] {
        stages.compactMap { if case .document(let s) = $0 { s } else { nil } }
    }

    /// The rules of the `extract.facts` stage, if the pipeline has one.
    public var factRules: FactRules? { documentStages.lazy.compactMap { ($0 as? ExtractFacts)?.rules }.first }

    public var corpusStages: [any CorpusStage] {
        stages.compactMap { if case .corpus(let s) = $0 { s } else { nil } }
    }
}
