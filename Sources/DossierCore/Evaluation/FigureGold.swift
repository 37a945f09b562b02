import Foundation

/// Key-figure annotations (`Tests/Gold/figures-gold.yaml`): per document file name, the
/// figures a reader lists, each with the line it stands on. Scored apart from the rest of the
/// gold: figures were annotated later, for other documents' layouts too.
public struct FigureGold: Sendable {
    public struct Item: Decodable, Hashable, Sendable {
        /// The line of the file (1-based) where the number stands.
        public var line: Int
        /// The number, scale applied; the upper bound of a range.
        public var value: Double
        public var low: Double?
        /// The counted noun, "percent", or for money the ISO currency code.
        public var unit: String
        public var kind: FigureKind

        public init(line: Int, value: Double, low: Double? = nil, unit: String, kind: FigureKind) {
            self.line = line
            self.value = value
            self.low = low
            self.unit = unit
            self.kind = kind
        }
    }

    struct Entry: Decodable {
        var file: String
        var figures: [Item]
    }

    /// File name → the figures its text states, in the order annotated.
    public var byFile: [String: [Item]]

    public init(byFile: [String: [Item]] = [:]) { self.byFile = byFile }

    /// Reads an annotation file strictly: an unknown key or kind is an error at its line.
    public static func load(_ path: String) throws -> FigureGold {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw ConfigError("cannot read '\(path)' as UTF-8 text", at: FileLocation(file: path))
        }
        let entries = try StrictYAML.decode([Entry].self, from: text, file: path)
        var gold = FigureGold()
        for e in entries { gold.byFile[e.file] = e.figures }
        return gold
    }

    /// Scores what the finder found in one document against its annotation. A found figure
    /// meets a gold one of the same kind and value (and currency, for money) whose line its
    /// evidence spans; each is used once. Counts are kept per kind; `misses` describes every
    /// figure missed ("missed") or found in excess ("extra").
    public static func score(
        expected: [Item], found: [Figure], into scores: inout LabelScores
    ) -> [String] {
        var unused = Array(found.indices)
        var misses: [String] = []
        for item in expected {
            if let k = unused.firstIndex(where: { meets(found[$0], item) }) {
                unused.remove(at: k)
                scores.add(item.kind.rawValue, predicted: true, expected: true)
            } else {
                scores.add(item.kind.rawValue, predicted: false, expected: true)
                misses.append(
                    "missed \(item.kind.rawValue) \(Figure.plain(item.value)) \(item.unit) (line \(item.line))")
            }
        }
        for k in unused {
            let f = found[k]
            scores.add(f.kind.rawValue, predicted: true, expected: false)
            misses.append("extra \(f.kind.rawValue) \(f.display) (line \(f.evidence.span.startLine))")
        }
        return misses
    }

    private static func meets(_ f: Figure, _ item: Item) -> Bool {
        let span = f.evidence.span
        let money = item.kind != .money || f.currency == item.unit
        return f.kind == item.kind && money && abs(f.value - item.value) <= 1e-6 * max(1, abs(item.value))
            && (span.startLine...max(span.startLine, span.endLine)).contains(item.line)
    }
}
