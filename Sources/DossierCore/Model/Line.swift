/// One line of a source as ingest produced it, carried through the line-level normalizers.
///
/// Normalizers rewrite `text` and may merge lines (a dehyphenated word spans two), but the
/// original line numbers stay in `span` so later stages can still cite the source.
public struct Line: Codable, Hashable, Sendable {
    public var text: String
    /// First and last original line this text came from.
    public var span: SourceSpan
    /// Leading indentation (in columns) as written, before whitespace was trimmed.
    public var indent: Int
    /// Set by ingest for HTML/Markdown sources, whose structure is explicit.
    public var role: Role

    public enum Role: String, Codable, Hashable, Sendable {
        /// Plain text; structure is inferred.
        case text
        /// A heading declared by the source (Markdown `#`, HTML `<h2>`); level in `headingLevel`.
        case heading
        /// A list item declared by the source.
        case listItem
        /// A page break (PDF form feed); kept until furniture is removed.
        case pageBreak
        /// A caption declared by the source (HTML `<figcaption>`, a table's `<caption>`): not a
        /// body passage; `normalize.captions` takes it out like a caption it recognises.
        case caption
        /// A table row as the source lays it out, its cells joined by " | " (a PDF's table found
        /// by position, an HTML `<tr>`): a passage of its own, never a heading or an event.
        case tableRow
    }
    public var headingLevel: Int?
    /// How this line joins the next one when they form a paragraph (set by `normalize.dehyphenate`).
    public var joinNext: Join = .space
    /// Footnote numbers called on this line (set by `normalize.footnotes`).
    public var footnoteCalls: [Int] = []

    public enum Join: String, Codable, Hashable, Sendable {
        /// Words continue after a space.
        case space
        /// The line ends in a hyphen that only broke a word: drop it and join the halves.
        case dropHyphen
        /// The line ends in a real hyphen ("post-" + "Soviet"): keep it, join without a space.
        case keepHyphen
    }

    public init(text: String, span: SourceSpan, indent: Int = 0, role: Role = .text, headingLevel: Int? = nil) {
        self.text = text
        self.span = span
        self.indent = indent
        self.role = role
        self.headingLevel = headingLevel
    }

    /// True when the line holds nothing but whitespace.
    public var isBlank: Bool { text.allSatisfy(\.isWhitespace) }
}
