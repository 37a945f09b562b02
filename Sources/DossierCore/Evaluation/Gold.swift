import Foundation

/// Hand-made annotations of a corpus, read from a gold folder:
///
/// - `documents/<stem>.yaml`: one document's facts (title, country, last-updated date, contact
///   point embassy, the areas it substantively discusses, frameworks with join years, milestones);
/// - `passages/<stem>.yaml`: every body passage, keyed by its first line, with its areas.
///
/// `Tests/Gold/README.md` gives the conventions the annotators followed.
public struct GoldSet: Sendable {
    public var documents: [GoldDocument]

    public init(documents: [GoldDocument]) { self.documents = documents }

    /// Reads every `documents/*.yaml` (sorted by name) and its `passages/` file, if there is one.
    public static func load(from directory: URL) throws -> GoldSet {
        let docs = directory.appendingPathComponent("documents")
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".yaml") }
                .sorted()
        } catch {
            throw ConfigError(
                "cannot read the gold folder '\(docs.path)'", at: FileLocation(file: docs.path),
                hint: "point --gold at a folder with documents/ and passages/ (see Tests/Gold/README.md)")
        }
        if names.isEmpty {
            throw ConfigError("the gold folder has no documents/*.yaml", at: FileLocation(file: docs.path))
        }
        var documents: [GoldDocument] = []
        for name in names {
            let file = docs.appendingPathComponent(name)
            var doc = try StrictYAML.decode(GoldDocument.self, from: try Self.read(file), file: file.path)
            let passages = directory.appendingPathComponent("passages").appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: passages.path) {
                doc.passages = try StrictYAML.decode(
                    [GoldPassage].self, from: try Self.read(passages), file: passages.path)
            }
            documents.append(doc)
        }
        return GoldSet(documents: documents)
    }

    private static func read(_ url: URL) throws -> String {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8)
        else {
            throw ConfigError("cannot read '\(url.path)' as UTF-8 text", at: FileLocation(file: url.path))
        }
        return text
    }
}

/// One document's gold facts.
public struct GoldDocument: Decodable, Sendable {
    /// The source path as the pipeline names it (`corpus/…`).
    public var source: String
    public var title: String?
    public var country: String?
    public var lastUpdated: String?
    public var contactPointEmbassy: String?
    /// The areas the document substantively discusses; nil when not annotated.
    public var areas: [String]?
    public var frameworks: [Framework]
    public var milestones: [Milestone]
    /// Body passages and their areas; nil when the document has no passage gold.
    public var passages: [GoldPassage]?
    /// The relations the document describes and each one's areas, from `CounterpartGold`;
    /// nil when not annotated.
    public var counterpartAreas: [Counterpart: [String]]?
    /// Its annotated constraints, hedged and future statements, from `CounterpartGold`; nil
    /// when not annotated.
    public var statements: GoldStatements?
    /// False where the annotation format has no title (the flat devset layout): not scored.
    public var annotatesTitle = true

    public init(source: String) {
        self.source = source
        frameworks = []
        milestones = []
    }

    public struct Framework: Decodable, Sendable {
        public var id: String
        public var year: Int?
        /// The line that states it (nil in the flat layout, which names no lines).
        public var line: Int?

        public init(id: String, year: Int?, line: Int?) {
            self.id = id
            self.year = year
            self.line = line
        }
    }

    public struct Milestone: Decodable, Sendable {
        /// The year the list gives the item; nil when the list lost it.
        public var year: Int?
        /// The item's line; nil in the flat layout, where items are matched by year and words.
        public var line: Int?
        public var text: String
        /// For an undated item: the first other line that dates the same event, and that year.
        public var inferableFrom: Int?
        public var inferredYear: Int?

        public init(year: Int?, line: Int?, text: String) {
            self.year = year
            self.line = line
            self.text = text
        }
    }

    enum CodingKeys: String, CodingKey {
        case source, title, country, lastUpdated, contactPointEmbassy, areas, frameworks, milestones
    }
}

/// One body passage: its first line and the 0–3 areas it substantively discusses.
public struct GoldPassage: Decodable, Sendable {
    public var line: Int
    public var areas: [String]
}
