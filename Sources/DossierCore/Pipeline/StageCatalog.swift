import Foundation

/// The stages of a registry as `dossier stages` lists them and as docs/pipeline.md tabulates
/// them. Both are rendered here from the stages' own declarations (`summary`, `settings`), so
/// the docs cannot say other than the code; a test fails when the file's table is stale.
public enum StageCatalog {
    /// The lines around the generated table in a Markdown file; the first says how to remake it.
    public static let beginMarker = "<!-- stages:begin (generated: dossier stages --format markdown --update FILE) -->"
    public static let endMarker = "<!-- stages:end -->"

    /// Ingest stages first, then document stages, then corpus stages; by id within each.
    public static func ordered(_ registry: StageRegistry) -> [StageDescriptor] {
        let scopes: [StageDescriptor.Scope] = [.ingest, .document, .corpus]
        return registry.descriptors.values.sorted {
            (scopes.firstIndex(of: $0.scope) ?? 0, $0.id) < (scopes.firstIndex(of: $1.scope) ?? 0, $1.id)
        }
    }

    /// What `dossier stages` prints: each stage, what it needs and makes, and its options.
    public static func text(_ registry: StageRegistry) -> String {
        var lines: [String] = []
        for d in ordered(registry) {
            let requires = d.requires.sorted().map(\.rawValue).joined(separator: ", ")
            let produces = d.produces.sorted().map(\.rawValue).joined(separator: ", ")
            let before = d.mustPrecede.sorted().map(\.rawValue).joined(separator: ", ")
            let flow =
                "requires: \(requires.isEmpty ? "-" : requires); produces: \(produces.isEmpty ? "-" : produces)"
                + (before.isEmpty ? "" : "; comes before: \(before)")
            lines.append("\(d.id)  [\(d.scope.rawValue)]")
            lines.append("    \(d.summary)")
            lines.append("    \(flow)")
            for f in d.fields {
                lines.append("    \(f.name): \(f.type) = \(f.defaultValue)  — \(f.help)")
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// The options table of docs/pipeline.md, between its markers: a row per stage with its
    /// summary, then a row per option.
    public static func markdown(_ registry: StageRegistry) -> String {
        var lines = [beginMarker, "| stage | option | type | default | meaning |", "|---|---|---|---|---|"]
        for d in ordered(registry) {
            lines.append("| `\(d.id)` | | | | \(cell(d.summary)) |")
            for f in d.fields {
                lines.append("| | \(code(f.name)) | \(cell(f.type)) | \(code(f.defaultValue)) | \(cell(f.help)) |")
            }
        }
        lines.append(endMarker)
        return lines.map { $0 + "\n" }.joined()
    }

    /// `document` with the text from the begin marker's line to the end marker's line replaced
    /// by `table` (which carries the markers itself).
    public static func replacingTable(in document: String, with table: String, file: String) throws -> String {
        guard let range = tableRange(in: document) else {
            throw ConfigError(
                "\(file) has no generated stages table", at: FileLocation(file: file),
                hint: "put the lines '\(beginMarker)' and '\(endMarker)' where the table goes")
        }
        return document.replacingCharacters(in: range, with: table)
    }

    /// The generated table as it stands in `document`, markers included; nil without markers.
    public static func table(in document: String) -> String? {
        tableRange(in: document).map { String(document[$0]) }
    }

    private static func tableRange(in document: String) -> Range<String.Index>? {
        guard let begin = document.range(of: beginMarker),
            let end = document.range(of: endMarker + "\n", range: begin.upperBound..<document.endIndex)
        else { return nil }
        return begin.lowerBound..<end.upperBound
    }

    /// Prose in a table cell: a `|` would end the cell, and outside code spans `<` would open
    /// HTML and `*` emphasis, so they are escaped.
    static func cell(_ text: String) -> String {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().map { index, part in
            let inCode = index % 2 == 1
            var s = String(part).replacingOccurrences(of: "|", with: "\\|")
            if !inCode {
                s = s.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "*", with: "\\*")
            }
            return s
        }.joined(separator: "`")
    }

    /// A literal (key, default) as a code span; `|` still needs escaping inside one in a table.
    static func code(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "|", with: "\\|")
        return text.contains("`") ? "`` \(escaped) ``" : "`\(escaped)`"
    }
}
