import Foundation
import Yams

/// Counterpart annotations (`Tests/Gold/counterparts/*.yaml`): per document, the relations it
/// describes and each relation's areas. They are kept in their own files because they were made
/// after, and blind to, the area gold; `attach(to:)` joins them to the gold documents by file
/// name, so one annotation file can serve gold folders of either layout.
public struct CounterpartGold: Sendable {
    /// File name → counterpart → area ids (taxonomy ids, mapped through `gold-keys`).
    public var byFile: [String: [Counterpart: [String]]]
    /// File name → its annotated constraints, hedged and future statements.
    public var statements: [String: GoldStatements] = [:]
    /// File name → the subject the annotator named (`country:`), where given.
    public var countries: [String: String] = [:]

    public init(byFile: [String: [Counterpart: [String]]] = [:]) { self.byFile = byFile }

    /// Reads one annotation file; counterpart names go through `names` (facts.yaml's
    /// `counterparts:`), so "Turkey" and "UN" meet the names the pipeline gives. `constraints`,
    /// `hedged` and `future` go to `statements`; the dates belong to a later part of the issue.
    /// `countries` (facts.yaml) maps the annotated subject's spelling onto the name reports use,
    /// as eval does ("Republic of Moldova" → "Moldova").
    public static func load(
        _ path: String, taxonomy: Taxonomy, names: CounterpartNames = CounterpartNames([]), countries: FactRules? = nil
    ) throws -> CounterpartGold {
        let subjects = countries.map(CountryNames.init)
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw ConfigError("cannot read '\(path)' as UTF-8 text", at: FileLocation(file: path))
        }
        let entries: [Entry]
        do {
            entries = try YAMLDecoder().decode([Entry].self, from: text)
        } catch {
            throw ConfigError(
                "'\(path)' is not a list of counterpart entries: \(error)", at: FileLocation(file: path),
                hint: "see Tests/Gold/counterparts/README.md for the format")
        }
        let keys = taxonomy.goldKeys
        var gold = CounterpartGold()
        for e in entries {
            var relations: [Counterpart: [String]] = [:]
            for (name, relation) in e.counterparts ?? [:] {
                relations[names.canonical(name)] = try relation.areas.map { key in
                    guard let id = keys[key] else {
                        throw ConfigError(
                            "\(e.file): area key '\(key)' is not a taxonomy id or one of its gold-keys",
                            at: FileLocation(file: path), hint: "add it to the area's gold-keys in the taxonomy")
                    }
                    return id
                }
            }
            gold.byFile[e.file] = relations
            gold.statements[e.file] = e.statements(names)
            gold.countries[e.file] = e.country.map { subjects?.canonical($0) ?? $0 }
        }
        return gold
    }

    /// Adds another file's annotations; a later file wins for a file name both annotate.
    public mutating func merge(_ other: CounterpartGold) {
        byFile.merge(other.byFile) { _, new in new }
        statements.merge(other.statements) { _, new in new }
        countries.merge(other.countries) { _, new in new }
    }

    /// Sets `counterpartAreas` on every gold document whose file name is annotated, and
    /// returns the annotated file names no gold document has (a mistyped name, or a gold
    /// folder not given).
    public func attach(to gold: inout GoldSet) -> [String] {
        var used = Set<String>()
        for i in gold.documents.indices {
            let name = (gold.documents[i].source as NSString).lastPathComponent
            guard let relations = byFile[name] else { continue }
            gold.documents[i].counterpartAreas = relations
            gold.documents[i].statements = statements[name]
            used.insert(name)
        }
        return byFile.keys.filter { !used.contains($0) }.sorted()
    }

    struct Entry: Decodable {
        var file: String
        var country: String?
        var counterparts: [String: Relation]?
        var constraints: [GoldConstraint]?
        var hedged: [Fragment]?
        var future: [Fragment]?

        struct Relation: Decodable {
            var areas: [String]
        }

        struct GoldConstraint: Decodable {
            var text: String
            var counterpart: String
            var kind: Constraint.Kind
        }

        struct Fragment: Decodable {
            var text: String
        }

        func statements(_ names: CounterpartNames) -> GoldStatements {
            var s = GoldStatements()
            s.constraints = (constraints ?? []).map {
                GoldStatements.Constraint(text: $0.text, counterpart: names.canonical($0.counterpart), kind: $0.kind)
            }
            s.hedged = (hedged ?? []).map(\.text)
            s.future = (future ?? []).map(\.text)
            return s
        }
    }
}

/// Document areas as (area, counterpart) pairs, the unit the counterparts issue scores.
public enum AreaPairs {
    /// The label a pair is counted under: "Russia: energy".
    public static func label(_ counterpart: Counterpart, _ area: String) -> String { "\(counterpart.name): \(area)" }

    public static func expected(_ relations: [Counterpart: [String]]) -> Set<String> {
        Set(relations.flatMap { relation in relation.value.map { label(relation.key, $0) } })
    }

    /// NATO's document areas and every other relation's, each under its own counterpart.
    public static func predicted(_ document: Document) -> Set<String> {
        Set((document.areas + document.counterpartAreas).map { label($0.counterpart, $0.area) })
    }
}
