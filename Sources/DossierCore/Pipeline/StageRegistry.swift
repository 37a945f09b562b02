import Foundation
import Yams

/// A stage set up from its pipeline.yaml entry, ready to run.
public enum ConfiguredStage: Sendable {
    case ingest(any IngestStage)
    case document(any DocumentStage)
    case corpus(any CorpusStage)

    /// The stage's loaded-data fingerprint (see `Stage.fingerprint`).
    public var fingerprint: String {
        switch self {
        case .ingest(let s): s.fingerprint
        case .document(let s): s.fingerprint
        case .corpus(let s): s.fingerprint
        }
    }

    public var id: String {
        switch self {
        case .ingest(let s): type(of: s).id
        case .document(let s): type(of: s).id
        case .corpus(let s): type(of: s).id
        }
    }
}

/// Everything the registry knows about a stage type without making one.
public struct StageDescriptor: Sendable {
    public enum Scope: String, Sendable { case ingest, document, corpus }

    public let id: String
    public let summary: String
    public let scope: Scope
    public let requires: Set<Artifact>
    public let produces: Set<Artifact>
    public let mustPrecede: Set<Artifact>
    public let fields: [OptionField]
    let make: @Sendable (_ options: Node, _ file: String, _ context: StageContext) throws -> ConfiguredStage

    private init<S: Stage>(
        _ type: S.Type, scope: Scope,
        wrap: @escaping @Sendable (S) -> ConfiguredStage
    ) {
        id = S.id
        summary = S.summary
        self.scope = scope
        requires = S.requires
        produces = S.produces
        mustPrecede = S.mustPrecede
        fields = S.Options.fields
        make = { node, file, context in
            let options = try StrictYAML.decode(S.Options.self, from: node, file: file)
            return wrap(try S(options: options, context: context))
        }
    }

    public init<S: IngestStage>(_ type: S.Type) { self.init(type, scope: .ingest) { .ingest($0) } }
    public init<S: DocumentStage>(_ type: S.Type) { self.init(type, scope: .document) { .document($0) } }
    public init<S: CorpusStage>(_ type: S.Type) { self.init(type, scope: .corpus) { .corpus($0) } }
}

/// Maps stage ids to stage types. Adding a stage is one file and one line in a registry list;
/// the runner never names a stage.
public struct StageRegistry: Sendable {
    public private(set) var descriptors: [String: StageDescriptor] = [:]

    public init(_ descriptors: [StageDescriptor] = []) {
        for d in descriptors { register(d) }
    }

    public mutating func register(_ descriptor: StageDescriptor) {
        precondition(descriptors[descriptor.id] == nil, "stage \(descriptor.id) registered twice")
        descriptors[descriptor.id] = descriptor
    }

    /// The registry plus `other`'s stages (core stages + render stages).
    public func merging(_ other: StageRegistry) -> StageRegistry {
        var merged = self
        for d in other.descriptors.values { merged.register(d) }
        return merged
    }

    public var ids: [String] { descriptors.keys.sorted() }

    public func descriptor(for entry: StageEntry) throws -> StageDescriptor {
        guard let d = descriptors[entry.id] else {
            throw ConfigError(
                "unknown stage '\(entry.id)'", at: entry.location,
                hint: Suggest.hint(for: entry.id, in: ids, noun: "stage"),
                reason: .unknownStage(entry.id, suggestion: Suggest.closest(to: entry.id, in: ids)))
        }
        return d
    }

    /// Sets up a stage from its entry, decoding its options strictly.
    public func make(_ entry: StageEntry, context: StageContext) throws -> ConfiguredStage {
        try descriptor(for: entry).make(entry.options, entry.location.file, context)
    }
}

extension StageRegistry {
    /// The stages of DossierCore: ingest, normalize, classify, extract, aggregate.
    public static let core = StageRegistry([
        StageDescriptor(IngestText.self),
        StageDescriptor(NormalizeWhitespace.self),
        StageDescriptor(StripPageFurniture.self),
        StageDescriptor(SeparateFootnotes.self),
        StageDescriptor(Dehyphenate.self),
        StageDescriptor(DropCaptions.self),
        StageDescriptor(BuildSections.self),
        StageDescriptor(CheckLanguage.self),
        StageDescriptor(AttributeCounterparts.self),
        StageDescriptor(ClassifyStatements.self),
        StageDescriptor(ClassifyAreas.self),
        StageDescriptor(ExtractFacts.self),
        StageDescriptor(AggregateCountries.self),
        StageDescriptor(RecordManifest.self),
    ])
}
