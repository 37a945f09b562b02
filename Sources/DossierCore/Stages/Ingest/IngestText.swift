import Foundation

/// Reads plain-text and Markdown files into lines, keeping original line numbers and
/// indentation; Markdown `#` headings are kept as declared headings.
public struct IngestText: IngestStage {
    public static let id = "ingest.text"
    public static let summary = "Read .txt and .md files (UTF-8, UTF-16 with BOM, Windows-1252 fallback)"
    public static let requires: Set<Artifact> = []
    public static let produces: Set<Artifact> = [.text]

    public struct Options: StageOptions {
        public var extensions: [String] = ["txt", "text", "md", "markdown"]
        public static let settings: [Setting<Self>] = [
            .init("extensions", \.extensions, "file extensions this stage reads")
        ]
        public init() {}
    }

    let options: Options
    public init(options: Options, context: StageContext) { self.options = options }

    public func accepts(_ file: InputFile) -> Bool { options.extensions.contains(file.fileExtension) }

    public func ingest(_ file: InputFile) throws -> Document {
        let decoded = try TextDecoding.decode(file.bytes, file: file.path)
        let markdown = ["md", "markdown"].contains(file.fileExtension)
        var document = Document(
            source: file.path, format: markdown ? .markdown : .text,
            contentHash: SHA256.hex(file.bytes))
        document.warnings = decoded.warnings
        var number = 0
        var inFence = false
        for raw in decoded.text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        {
            number += 1
            let span = SourceSpan(file: file.path, startLine: number)
            for (i, piece) in raw.split(separator: "\u{0C}", omittingEmptySubsequences: false).enumerated() {
                if i > 0 { document.lines.append(Line(text: "", span: span, role: .pageBreak)) }
                var line = Line(text: String(piece), span: span, indent: Self.indentation(of: piece))
                if markdown {
                    if piece.hasPrefix("```") { inFence.toggle() }
                    if !inFence, let (level, title) = Self.markdownHeading(piece) {
                        line.text = title
                        line.role = .heading
                        line.headingLevel = level
                    }
                }
                document.lines.append(line)
            }
        }
        return document
    }

    /// Leading whitespace width; tabs count 4, no-break spaces count 1.
    static func indentation(of s: Substring) -> Int {
        var width = 0
        for c in s {
            if c == " " || c == "\u{00A0}" { width += 1 } else if c == "\t" { width += 4 } else { break }
        }
        return width
    }

    /// `## Title` → (2, "Title").
    static func markdownHeading(_ s: Substring) -> (Int, String)? {
        let hashes = s.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), s.dropFirst(hashes).first == " " else { return nil }
        let title = s.dropFirst(hashes).trimmingSpaces()
        return (hashes, title.trimmingCharacters(in: CharacterSet(charactersIn: "# ")))
    }
}
