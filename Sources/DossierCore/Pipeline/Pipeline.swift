import Foundation
import Logging

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

    /// Checks the stage list against the registry before any stage is set up or any document
    /// read: unknown stages, requirements no earlier stage produces, stages out of order.
    public static func validate(_ config: PipelineConfig, registry: StageRegistry) throws {
        var produced = Set<Artifact>()
        var sawNonIngest = false
        for entry in config.stages {
            let d = try registry.descriptor(for: entry)
            if d.scope == .ingest && sawNonIngest {
                throw ConfigError("ingest stage '\(d.id)' comes after processing stages", at: entry.location,
                                  hint: "list all ingest.* stages first")
            }
            if d.scope != .ingest { sawNonIngest = true }
            let missing = d.requires.subtracting(produced).sorted()
            if let first = missing.first {
                let producers = registry.descriptors.values.filter { $0.produces.contains(first) }.map(\.id).sorted()
                throw ConfigError("stage '\(d.id)' needs \(first.rawValue), which no earlier stage produces", at: entry.location,
                                  hint: producers.isEmpty ? nil : "add \(producers.joined(separator: " or ")) before it")
            }
            if let late = d.mustPrecede.intersection(produced).sorted().first {
                let producer = config.stages.compactMap { try? registry.descriptor(for: $0) }
                    .first { $0.produces.contains(late) }?.id ?? "an earlier stage"
                throw ConfigError("stage '\(d.id)' works on raw lines and must come before '\(producer)'",
                                  at: entry.location, hint: "move it up")
            }
            produced.formUnion(d.produces)
        }
        if !produced.contains(.text) {
            throw ConfigError("the pipeline has no ingest stage", at: FileLocation(file: config.file),
                              hint: "add '- use: ingest.text' first")
        }
    }

    /// Validates, then sets up every stage with its decoded options.
    public init(config: PipelineConfig, registry: StageRegistry, logger: Logger) throws {
        try Self.validate(config, registry: registry)
        let context = StageContext(baseDirectory: config.baseDirectory, configFile: config.file,
                                   taxonomy: config.taxonomy, logger: logger)
        stages = try config.stages.map { try registry.make($0, context: context) }
        configFile = config.file
        baseDirectory = config.baseDirectory
        inputs = config.inputs
        output = config.output
        outputURL = config.outputURL
        taxonomy = config.taxonomy
        taxonomySource = config.taxonomySource
    }

    public var ingestStages: [any IngestStage] {
        stages.compactMap { if case let .ingest(s) = $0 { s } else { nil } }
    }

    public var documentStages: [any DocumentStage] {
        stages.compactMap { if case let .document(s) = $0 { s } else { nil } }
    }

    public var corpusStages: [any CorpusStage] {
        stages.compactMap { if case let .corpus(s) = $0 { s } else { nil } }
    }
}
