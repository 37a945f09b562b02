import Foundation
import Logging

/// What a stage needs before it can run and what it leaves behind; `dossier validate` checks
/// that every stage's requirements are produced by an earlier stage.
public enum Artifact: String, Codable, Hashable, Sendable, Comparable, CaseIterable {
    /// Lines of text read from a source file.
    case text
    /// Sections and passages.
    case passages
    /// Passage- and document-level cooperation areas.
    case areas
    /// Frameworks, milestones, dates, embassy, country.
    case facts
    /// Per-country profiles and the cross-country comparison.
    case profiles
    /// SVG charts the reports show (they must exist before the Markdown that links them).
    case charts
    /// The change list since the previous build (the index links it).
    case changes
    case markdown
    case html
    /// Country profiles as JSON.
    case data
    case pdf
    /// The list of every output with its hash (`manifest.json`): nothing it lists may come after it.
    case outputs

    public static func < (a: Artifact, b: Artifact) -> Bool { a.rawValue < b.rawValue }
}

/// The one family of stage protocols. A stage is a small value: an id, the options it
/// decodes from pipeline.yaml, what it requires and produces, and one method that does the work.
///
/// Three refinements follow the data: an `IngestStage` turns a file into a `Document`; a
/// `DocumentStage` maps a document to a document (pure, so documents run in parallel); a
/// `CorpusStage` sees all documents at once (aggregation, rendering).
public protocol Stage: Sendable {
    associatedtype Options: StageOptions
    /// The name pipeline.yaml uses (`normalize.dehyphenate`).
    static var id: String { get }
    /// One line for `dossier stages`.
    static var summary: String { get }
    static var requires: Set<Artifact> { get }
    static var produces: Set<Artifact> { get }
    /// Artifacts this stage must come before (a line normalizer must run before `passages` exist).
    static var mustPrecede: Set<Artifact> { get }
    init(options: Options, context: StageContext) throws
    /// What the stage loaded beyond its options (a rules file, a word list), as a hash, so the
    /// document cache is invalidated when that data changes. Empty for most stages.
    var fingerprint: String { get }
}

extension Stage {
    public static var mustPrecede: Set<Artifact> { [] }
    public var fingerprint: String { "" }
}

/// Reads one file into a document. The runner gives each file to the first ingest stage
/// in the pipeline that accepts it.
public protocol IngestStage: Stage {
    func accepts(_ file: InputFile) -> Bool
    func ingest(_ file: InputFile) throws -> Document
}

/// A pure function of one document.
public protocol DocumentStage: Stage {
    func process(_ document: Document) throws -> Document
}

/// A document stage that rewrites lines before sections and passages are built (the `normalize.*`
/// line stages): it needs text, adds no artifact, and must come before `passages` exist.
public protocol LineNormalizer: DocumentStage {}

extension LineNormalizer {
    public static var requires: Set<Artifact> { [.text] }
    public static var produces: Set<Artifact> { [] }
    public static var mustPrecede: Set<Artifact> { [.passages] }
}

/// Works on the whole corpus: aggregation and rendering.
public protocol CorpusStage: Stage {
    func run(_ corpus: inout Corpus) throws
}

/// What a stage may use while it is being set up.
public struct StageContext: Sendable {
    /// The folder of pipeline.yaml; relative paths in config resolve against it.
    public var baseDirectory: URL
    /// The pipeline file's name as the user gave it, for error messages.
    public var configFile: String
    public var taxonomy: Taxonomy
    public var logger: Logger
    /// The output folder, for stages that compare with the previous build.
    public var outputDirectory: URL
    /// False while `dossier train` sets the pipeline up: the learned model it is about to
    /// write need not exist yet.
    public var loadsLearnedModels = true

    public init(baseDirectory: URL, configFile: String, taxonomy: Taxonomy, logger: Logger, outputDirectory: URL? = nil)
    {
        self.baseDirectory = baseDirectory
        self.configFile = configFile
        self.taxonomy = taxonomy
        self.logger = logger
        self.outputDirectory = outputDirectory ?? baseDirectory.appendingPathComponent("reports")
    }

    /// Resolves a config-relative path.
    public func url(for path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseDirectory.appendingPathComponent(path)
    }

    /// Reads and strictly decodes a YAML file named in config (rules, word lists).
    public func loadYAML<T: Decodable>(_ type: T.Type, path: String) throws -> T {
        let url = url(for: path)
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8)
        else {
            throw ConfigError(
                "cannot read '\(path)'", at: FileLocation(file: configFile),
                hint: "check the path; it is relative to \(configFile)")
        }
        return try StrictYAML.decode(type, from: text, file: path)
    }
}

/// A file handed to ingest.
public struct InputFile: Sendable {
    /// The path as the pipeline names it (relative to the pipeline file), used in citations.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The lowercased extension, without the dot.
    public var fileExtension: String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "" }
        return path[path.index(after: dot)...].lowercased()
    }
}
