import Foundation
import Yams

/// pipeline.yaml, decoded strictly.
///
/// ```yaml
/// inputs: [corpus/*.txt]
/// taxonomy: taxonomy.yaml
/// stages:
///   - use: ingest.text
///   - use: classify.areas
///     min-score: 0.5
/// output: reports/
/// ```
public struct PipelineConfig {
    /// The pipeline file as the user named it.
    public var file: String
    /// Its folder; every relative path in it resolves against this.
    public var baseDirectory: URL
    /// Glob patterns, relative to `baseDirectory`.
    public var inputs: [String]
    public var taxonomy: Taxonomy
    /// Where the taxonomy came from (a path, or "inline"), for the manifest and messages.
    public var taxonomySource: String
    public var stages: [StageEntry]
    /// The output folder, relative to `baseDirectory`.
    public var output: String

    /// Loads and validates the shape of a pipeline file (not yet the stage order: see `Pipeline`).
    public static func load(path: String) throws -> PipelineConfig {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ConfigError(
                "pipeline file not found", at: FileLocation(file: path),
                hint: "pass --config PATH, or run from the folder that holds pipeline.yaml")
        }
        guard !isDirectory.boolValue else {
            throw ConfigError(
                "is a directory, not a pipeline file", at: FileLocation(file: path),
                hint: "pass the pipeline.yaml inside it")
        }
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8)
        else {
            throw ConfigError("cannot read the pipeline file as UTF-8 text", at: FileLocation(file: path))
        }
        return try parse(text, file: path, baseDirectory: url.deletingLastPathComponent())
    }

    /// Parses pipeline text; `file` names it in errors.
    public static func parse(_ text: String, file: String, baseDirectory: URL) throws -> PipelineConfig {
        let raw = try StrictYAML.decode(RawPipeline.self, from: text, file: file)
        let taxonomy: Taxonomy
        let source: String
        switch raw.taxonomy {
        case .inline(let t):
            taxonomy = t
            source = "inline"
        case .path(let p, let location):
            let url = p.hasPrefix("/") ? URL(fileURLWithPath: p) : baseDirectory.appendingPathComponent(p)
            guard let data = FileManager.default.contents(atPath: url.path),
                let text = String(data: data, encoding: .utf8)
            else {
                throw ConfigError(
                    "cannot read taxonomy file '\(p)'", at: location,
                    hint: "the path is relative to \(file)")
            }
            taxonomy = try StrictYAML.decode(Taxonomy.self, from: text, file: p)
            source = p
        }
        try taxonomy.validate(file: source)
        let output = raw.output ?? "reports/"
        try checkInside(output, base: baseDirectory, location: raw.outputLocation ?? FileLocation(file: file))
        return PipelineConfig(
            file: file, baseDirectory: baseDirectory, inputs: raw.inputs, taxonomy: taxonomy,
            taxonomySource: source, stages: raw.stages, output: output)
    }

    /// The output folder must stay inside the project: a build may delete and replace files there.
    private static func checkInside(_ output: String, base: URL, location: FileLocation) throws {
        let resolved = (output.hasPrefix("/") ? URL(fileURLWithPath: output) : base.appendingPathComponent(output))
            .standardizedFileURL.path
        let root = base.standardizedFileURL.path
        guard resolved.hasPrefix(root + "/"), resolved != root else {
            throw ConfigError(
                "output '\(output)' is outside the project folder \(root)", at: location,
                hint: "use a folder below the pipeline file, e.g. reports/", reason: .outputOutsideProject(output))
        }
    }

    public var outputURL: URL { baseDirectory.appendingPathComponent(output).standardizedFileURL }
}

/// One `- use: …` entry; its other keys are the stage's options, decoded by the stage.
public struct StageEntry: Decodable {
    public var id: String
    /// The entry without `use`, for the stage's options type to decode strictly.
    public var options: Node
    /// Where `use:` stands, for errors about the stage as a whole.
    public var location: FileLocation

    enum CodingKeys: String, CodingKey { case use }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .use)
        guard let nodeDecoder = decoder as? NodeDecoder, case .mapping(let mapping) = nodeDecoder.node else {
            throw ConfigError("a stage entry must be a mapping with 'use:'", at: decoder.configLocation)
        }
        // The options are decoded (strictly) by the stage once we know which stage it is.
        let other = mapping.filter { $0.key.string != "use" }
        options = .mapping(Node.Mapping(other.map { ($0.key, $0.value) }, mapping.tag, mapping.style, mapping.mark))
        let useNode = mapping["use"]
        location = FileLocation(
            file: nodeDecoder.context.file, line: useNode?.mark?.line, column: useNode?.mark?.column)
        let everything = try decoder.container(keyedBy: NodeKey.self)
        for key in everything.allKeys { _ = everything.contains(key) }
    }
}

/// The file's shape before paths are resolved.
private struct RawPipeline: Decodable {
    var inputs: [String]
    var taxonomy: TaxonomyReference
    var stages: [StageEntry]
    var output: String?
    var outputLocation: FileLocation?

    enum CodingKeys: String, CodingKey { case inputs, taxonomy, stages, output }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        inputs = try c.decode(OneOrMany.self, forKey: .inputs).values
        taxonomy = try c.decode(TaxonomyReference.self, forKey: .taxonomy)
        stages = try c.decode([StageEntry].self, forKey: .stages)
        output = try c.decodeIfPresent(String.self, forKey: .output)
        if c.contains(.output) { outputLocation = try c.superDecoder(forKey: .output).configLocation }
        if stages.isEmpty {
            throw ConfigError("'stages' is empty", at: decoder.configLocation, hint: "list at least an ingest stage")
        }
    }
}

/// `inputs: corpus/*.txt` or `inputs: [a, b]`.
private struct OneOrMany: Decodable {
    var values: [String]
    init(from decoder: any Decoder) throws {
        if let one = try? decoder.singleValueContainer().decode(String.self) {
            values = [one]
        } else {
            values = try [String](from: decoder)
        }
    }
}

/// `taxonomy: file.yaml` or an inline `taxonomy: {areas: […]}`.
private enum TaxonomyReference: Decodable {
    case path(String, FileLocation?)
    case inline(Taxonomy)

    init(from decoder: any Decoder) throws {
        if let nodeDecoder = decoder as? NodeDecoder, case .scalar = nodeDecoder.node {
            self = .path(try decoder.singleValueContainer().decode(String.self), decoder.configLocation)
        } else {
            self = .inline(try Taxonomy(from: decoder))
        }
    }
}
