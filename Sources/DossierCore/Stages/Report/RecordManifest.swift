import Foundation

/// Writes `manifest.json`: every input with its sha256 and date, every output (but the PDF
/// artifacts) with its sha256, the pipeline and taxonomy hashes, and the warnings a reviewer should see. Nothing
/// in it depends on the clock or on timing. Run it last: it lists what earlier stages wrote.
public struct RecordManifest: CorpusStage {
    public static let id = "render.manifest"
    public static let summary = "Write manifest.json: inputs and outputs with sha256, pipeline hashes, warnings"
    public static let requires: Set<Artifact> = [.profiles]
    /// Every stage that writes a listed file declares it must precede `outputs`, so
    /// `dossier validate` refuses one placed after this stage.
    public static let produces: Set<Artifact> = [.outputs]

    public struct Options: StageOptions {
        public var maxSourceAgeYears = 5
        public var maxUnclassifiedShare = 0.25
        public static let settings: [Setting<Self>] = [
            .init(
                "max-source-age-years", \.maxSourceAgeYears,
                "warn when a country's newest source is older than this "
                    + "(counted to the newest source in the corpus)"),
            .init(
                "max-unclassified-share", \.maxUnclassifiedShare,
                "warn when more of a country's passages match no area"),
        ]
        public init() {}
    }

    let options: Options
    public init(options: Options, context: StageContext) { self.options = options }

    public func run(_ corpus: inout Corpus) throws {
        let manifest = Manifest(
            provenance: corpus.provenance,
            inputs: corpus.documents.map { d in
                Manifest.Input(
                    path: d.source, sha256: d.contentHash,
                    lastUpdated: d.facts.lastUpdated?.date ?? d.facts.published?.date,
                    country: d.countryIsRegion ? nil : d.country)
            }.sorted { $0.path < $1.path },
            // PDFs are build artifacts (git-ignored, their bytes depend on the WeasyPrint version): not listed.
            outputs: corpus.outputs.filter { $0.kind != .manifest && !$0.kind.isArtifact }
                .map { Manifest.Output(path: $0.path, sha256: SHA256.hex($0.contents)) }.sorted { $0.path < $1.path },
            warnings: warnings(corpus))
        corpus.write(OutputFile(path: Manifest.path, contents: try StableJSON.encode(manifest), kind: .manifest))
    }

    private func warnings(_ corpus: Corpus) -> [String] {
        var list: [String] = []
        let newest = corpus.documents.compactMap { ($0.facts.lastUpdated ?? $0.facts.published)?.year }.max()
        for d in corpus.documents {
            list += d.warnings
            if d.country == nil { list.append("\(d.source): no partner country recognised; left out of the briefings") }
        }
        for p in corpus.profiles {
            if p.totalPassages > 0 {
                let share = Double(p.unclassifiedPassages) / Double(p.totalPassages)
                if share > options.maxUnclassifiedShare {
                    list.append("\(p.country): \(Int((share * 100).rounded()))% of passages match no cooperation area")
                }
            }
            if p.sources.allSatisfy({ $0.date == nil }) { list.append("\(p.country): no source states a date") }
            let undated = p.milestones.filter { $0.year == nil }.count
            if undated > 0 { list.append("\(p.country): \(undated) undated milestone\(undated == 1 ? "" : "s")") }
            if let newest, let own = p.sources.compactMap({ $0.date?.year }).max(),
                newest - own > options.maxSourceAgeYears
            {
                list.append(
                    "\(p.country): newest source is from \(own), \(newest - own) years before the newest in the corpus")
            }
            for c in p.conflicts { list.append("\(p.country): sources disagree on the \(c.subject)") }
        }
        return list.sorted()
    }
}

/// The manifest's JSON shape (docs/json-format.md).
public struct Manifest: Codable, Hashable, Sendable {
    public static let path = "manifest.json"

    public var provenance: Provenance
    public var inputs: [Input]
    public var outputs: [Output]
    public var warnings: [String]

    public init(provenance: Provenance, inputs: [Input], outputs: [Output], warnings: [String]) {
        self.provenance = provenance
        self.inputs = inputs
        self.outputs = outputs
        self.warnings = warnings
    }

    public struct Input: Codable, Hashable, Sendable {
        public var path: String
        public var sha256: String
        public var lastUpdated: String?
        public var country: String?

        public init(path: String, sha256: String, lastUpdated: String?, country: String?) {
            self.path = path
            self.sha256 = sha256
            self.lastUpdated = lastUpdated
            self.country = country
        }
    }

    public struct Output: Codable, Hashable, Sendable {
        public var path: String
        public var sha256: String
    }

    /// One hash over the inputs and the pipeline: equal hashes mean the build has nothing new to say.
    public var inputsKey: String {
        SHA256.hex(
            ([provenance.pipelineHash, provenance.taxonomyHash] + inputs.map { "\($0.path) \($0.sha256)" }).joined(
                separator: "\n"))
    }
}
