import Foundation
import Yams

/// Decodes config files strictly: unknown keys and wrong types are errors at `file:line:column`.
///
/// Yams' own decoder ignores unknown keys and reports type errors with a coding path only.
/// This decoder walks the composed node tree itself, so every error knows its node's mark,
/// and it records which keys a type asked for, so a key nobody asked for is reported with the
/// closest valid key as a suggestion ("unknown key 'min_score'; did you mean 'min-score'?").
public enum StrictYAML {
    /// Decodes `T` from YAML text; `file` names the source in error messages.
    public static func decode<T: Decodable>(_ type: T.Type, from text: String, file: String) throws -> T {
        let node = try compose(text, file: file) ?? Node.mapping(Node.Mapping([]))
        return try decode(type, from: node, file: file)
    }

    /// Decodes `T` from an already-composed node (e.g. one stage entry of pipeline.yaml).
    public static func decode<T: Decodable>(_ type: T.Type, from node: Node, file: String) throws -> T {
        let context = DecodingContext(file: file)
        let decoder = NodeDecoder(node: node, path: [], context: context)
        let value: T
        do {
            value = try T(from: decoder)
        } catch let error as DecodingError {
            // A misspelt key usually explains a missing one: report the misspelling first.
            try context.rejectUnknownKeys()
            throw context.configError(from: error, root: node)
        }
        try context.rejectUnknownKeys()
        return value
    }

    /// Parses YAML into a node tree, turning syntax errors into located `ConfigError`s.
    public static func compose(_ text: String, file: String) throws -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigError(
                "invalid YAML: \(summary(of: error))", at: location(of: error, file: file),
                hint: "fix the YAML syntax at that position", reason: .invalidYAML)
        }
    }

    /// The node's position as a location in `file` (Yams marks are 1-based).
    static func location(of node: Node?, file: String) -> FileLocation {
        FileLocation(file: file, line: node?.mark?.line, column: node?.mark?.column)
    }

    private static func location(of error: YamlError, file: String) -> FileLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return FileLocation(file: file, line: mark.line, column: mark.column)
        default:
            return FileLocation(file: file)
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        default:
            return String(describing: error)
        }
    }
}

/// Shared state of one strict decode: which keys each mapping was asked for.
final class DecodingContext {
    let file: String
    private var visited: [(mapping: Node.Mapping, path: [any CodingKey], asked: KeySet)] = []

    init(file: String) { self.file = file }

    final class KeySet { var keys: Set<String> = [] }

    /// The key set for the mapping at `path`; a type that opens the same mapping twice shares one.
    func visit(_ mapping: Node.Mapping, path: [any CodingKey]) -> KeySet {
        let rendered = Self.render(path)
        if let existing = visited.first(where: { Self.render($0.path) == rendered }) { return existing.asked }
        let set = KeySet()
        visited.append((mapping, path, set))
        return set
    }

    func rejectUnknownKeys() throws {
        for entry in visited {
            for (key, _) in entry.mapping {
                guard let name = key.string, !entry.asked.keys.contains(name) else { continue }
                let scope = entry.path.isEmpty ? "" : " in '\(Self.render(entry.path))'"
                let valid = Array(entry.asked.keys)
                throw ConfigError(
                    "unknown key '\(name)'\(scope)", at: StrictYAML.location(of: key, file: file),
                    hint: Suggest.hint(for: name, in: valid, noun: "key"),
                    reason: .unknownKey(name, suggestion: Suggest.closest(to: name, in: valid)))
            }
        }
    }

    func configError(from error: DecodingError, root: Node) -> ConfigError {
        switch error {
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx), .dataCorrupted(let ctx):
            if let located = ctx.underlyingError as? ConfigError { return located }
            let node = Self.find(ctx.codingPath, in: root)
            return ConfigError(
                "\(Self.render(ctx.codingPath)): \(ctx.debugDescription)",
                at: StrictYAML.location(of: node, file: file))
        case .keyNotFound(let key, let ctx):
            let node = Self.find(ctx.codingPath, in: root)
            let owner = ctx.codingPath.isEmpty ? "the top level" : "'\(Self.render(ctx.codingPath))'"
            return ConfigError(
                "missing required key '\(key.stringValue)' in \(owner)",
                at: StrictYAML.location(of: node, file: file), reason: .missingKey(key.stringValue))
        @unknown default:
            return ConfigError(String(describing: error), at: FileLocation(file: file))
        }
    }

    /// Follows a coding path through the node tree, as far as it goes.
    static func find(_ path: [any CodingKey], in root: Node) -> Node {
        var node = root
        for key in path {
            if let index = key.intValue, case .sequence(let seq) = node, index < seq.count {
                node = seq[index]
            } else if case .mapping(let map) = node, let next = map[key.stringValue] {
                node = next
            } else {
                break
            }
        }
        return node
    }

    /// `stages[2].min-score`
    static func render(_ path: [any CodingKey]) -> String {
        var s = ""
        for key in path {
            if let i = key.intValue { s += "[\(i)]" } else { s += (s.isEmpty ? "" : ".") + key.stringValue }
        }
        return s
    }

    func mismatch(_ expected: String, at node: Node, path: [any CodingKey]) -> ConfigError {
        let found: String
        switch node {
        case .scalar(let s): found = s.string.isEmpty ? "nothing" : "'\(s.string)'"
        case .mapping: found = "a mapping"
        case .sequence: found = "a list"
        case .alias: found = "an alias"
        }
        let what = path.isEmpty ? "" : "'\(Self.render(path))': "
        return ConfigError(
            "\(what)expected \(expected), found \(found)", at: StrictYAML.location(of: node, file: file),
            reason: .wrongType(expected: expected))
    }
}

/// A `Decoder` over one Yams node.
struct NodeDecoder: Decoder {
    let node: Node
    let path: [any CodingKey]
    let context: DecodingContext
    var codingPath: [any CodingKey] { path }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The position of the node being decoded, for errors raised by a type's own `init(from:)`.
    var location: FileLocation { StrictYAML.location(of: node, file: context.file) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else { throw context.mismatch("a mapping", at: node, path: path) }
        let asked = context.visit(mapping, path: path)
        return KeyedDecodingContainer(KeyedNodeContainer<Key>(mapping: mapping, decoder: self, asked: asked))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let seq) = node else { throw context.mismatch("a list", at: node, path: path) }
        return UnkeyedNodeContainer(items: Array(seq), decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleNodeContainer(decoder: self) }

    func child(_ node: Node, key: any CodingKey) -> NodeDecoder {
        NodeDecoder(node: node, path: path + [key], context: context)
    }

    var isNull: Bool {
        if case .scalar(let s) = node {
            return s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)
        }
        return false
    }

    func decodeScalar<T: Decodable>(_ type: T.Type) throws -> T {
        func scalar() throws -> Node.Scalar {
            guard case .scalar(let s) = node else { throw context.mismatch(Self.noun(for: type), at: node, path: path) }
            return s
        }
        switch type {
        case is String.Type:
            return try scalar().string as! T
        case is Int.Type:
            guard let v = Int(try scalar().string) else {
                throw context.mismatch("a whole number", at: node, path: path)
            }
            return v as! T
        case is Double.Type:
            guard let v = Double(try scalar().string) else { throw context.mismatch("a number", at: node, path: path) }
            return v as! T
        case is Bool.Type:
            let text = try scalar().string.lowercased()
            guard ["true", "false"].contains(text) else {
                throw context.mismatch("true or false", at: node, path: path)
            }
            return (text == "true") as! T
        default:
            return try T(from: self)
        }
    }

    static func noun(for type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default: return "a value"
        }
    }
}

extension Decoder {
    /// The position of the value being decoded, when decoding with `StrictYAML`.
    public var configLocation: FileLocation? { (self as? NodeDecoder)?.location }
}
