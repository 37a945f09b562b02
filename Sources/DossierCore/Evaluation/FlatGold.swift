import Foundation
import Yams

/// Gold in the one-file layout of `../shared/devset`: a folder holding `gold.yaml` (one entry
/// per document) and `docs/` (the documents). Annotators write what a reader sees: framework
/// names rather than ids, areas under their own keys, milestones as a year and a paraphrase
/// with no line. Loading maps all of it onto `GoldDocument`, through the configuration:
/// framework names through facts.yaml's names and aliases, area keys through the taxonomy's
/// `gold-keys`, country names through facts.yaml's country aliases.
public enum FlatGold {
    /// True when `directory` is in this layout.
    public static func isFlat(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("gold.yaml").path)
    }

    public static func load(from directory: URL, taxonomy: Taxonomy, rules: FactRules) throws -> GoldSet {
        let file = directory.appendingPathComponent("gold.yaml")
        guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8)
        else {
            throw ConfigError("cannot read '\(file.path)' as UTF-8 text", at: FileLocation(file: file.path))
        }
        let entries: [Entry]
        do {
            entries = try YAMLDecoder().decode([Entry].self, from: text)
        } catch {
            throw ConfigError(
                "'\(file.path)' is not a list of gold entries: \(error)", at: FileLocation(file: file.path),
                hint: "see ../shared/devset/README.md for the format")
        }
        let areaKeys = taxonomy.goldKeys
        let names = FrameworkNames(rules)
        let countries = CountryNames(rules)
        var documents: [GoldDocument] = []
        for e in entries {
            let path = directory.appendingPathComponent("docs").appendingPathComponent(e.file).path
            var areas: [String] = []
            for (key, value) in (e.areas ?? [:]).sorted(by: { $0.key < $1.key }) where value {
                guard let id = areaKeys[key] else {
                    throw ConfigError(
                        "\(e.file): area key '\(key)' is not a taxonomy id or one of its gold-keys",
                        at: FileLocation(file: file.path), hint: "add it to the area's gold-keys in the taxonomy")
                }
                areas.append(id)
            }
            var g = GoldDocument(source: path)
            g.annotatesTitle = false
            g.country = e.country.map(countries.canonical)
            g.lastUpdated = e.lastUpdated
            g.contactPointEmbassy = e.contactPointEmbassy.map(countries.canonical)
            g.areas = e.areas == nil ? nil : areas
            g.frameworks = (e.frameworks ?? []).map { .init(id: names.id(for: $0.name), year: $0.year, line: nil) }
            g.milestones = (e.milestones ?? []).map { .init(year: $0.year, line: nil, text: $0.text) }
            documents.append(g)
        }
        return GoldSet(documents: documents)
    }

    struct Entry: Decodable {
        var file: String
        var country: String?
        var lastUpdated: String?
        var contactPointEmbassy: String?
        var frameworks: [Framework]?
        var areas: [String: Bool]?
        var milestones: [Milestone]?

        struct Framework: Decodable {
            var name: String
            var year: Int?
        }

        struct Milestone: Decodable {
            var year: Int?
            var text: String
        }

        enum CodingKeys: String, CodingKey {
            case file, country, frameworks, areas, milestones
            case lastUpdated = "last_updated"
            case contactPointEmbassy = "contact_point_embassy"
        }
    }
}

/// Framework names as annotators write them → facts.yaml ids. A name the rules do not know
/// keeps a slug of itself, so it counts as a framework the pipeline missed.
struct FrameworkNames {
    private var byName: [String: String] = [:]

    init(_ rules: FactRules) {
        for f in rules.frameworks {
            for n in [f.name] + f.aliases + f.abbreviations + f.alsoCalled { byName[Self.key(n)] = f.id }
        }
    }

    func id(for name: String) -> String { byName[Self.key(name)] ?? TextTools.slug(name) }

    static func key(_ s: String) -> String {
        TextTools.words(s.replacingOccurrences(of: "–", with: "-")).joined(separator: " ")
    }
}

/// Country and region names → the names reports use ("Kyrgyz Republic" → "Kyrgyzstan";
/// "Central Asia (regional)" → "Central Asia").
struct CountryNames {
    private var byName: [String: String] = [:]

    init(_ rules: FactRules) {
        for c in rules.countries { for n in [c.name] + c.aliases { byName[n.lowercased()] = c.name } }
        for r in rules.regions { for n in [r.name] + r.aliases { byName[n.lowercased()] = r.name } }
    }

    func canonical(_ name: String) -> String {
        var n = name.trimmingSpaces()
        if n.lowercased().hasSuffix("(regional)") { n = String(n.dropLast("(regional)".count)).trimmingSpaces() }
        return byName[n.lowercased()] ?? n
    }
}
