/// Names one report of a build: the file stem every format of it shares (`ruritania` is
/// `ruritania.md`, `.html` and `.pdf`). Paths are made from it, never parsed back into it.
public struct ReportID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// A country's briefing, named after its profile's slug.
    public static func briefing(_ profile: CountryProfile) -> ReportID { ReportID(profile.slug) }
    public static let summary = ReportID("comparative-summary")
    public static let index = ReportID("index")
    public static let changes = ReportID("changes")

    /// The report's file in one format, relative to the output folder.
    public func path(_ kind: OutputKind) -> String { "\(rawValue).\(kind.fileExtension)" }

    public var description: String { rawValue }
    public static func < (a: ReportID, b: ReportID) -> Bool { a.rawValue < b.rawValue }
}

/// One report as `render.markdown` (and `render.changes`) write it: what it is, whom it is
/// about, its title as plain text, and its Markdown, from which the HTML and PDF are made.
public struct Report: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// One partner country.
        case briefing
        /// The comparative summary across countries.
        case summary
        /// The index of every report.
        case index
        /// What changed since the previous build.
        case changes
    }

    public var id: ReportID
    public var kind: Kind
    /// The partner country a briefing is about; nil for the other kinds.
    public var country: String?
    /// The level-1 heading as a reader sees it (no Markdown escapes): the page and PDF title.
    public var title: String
    public var markdown: String

    public init(id: ReportID, kind: Kind, country: String? = nil, title: String, markdown: String) {
        self.id = id
        self.kind = kind
        self.country = country
        self.title = title
        self.markdown = markdown
    }
}

/// What an output file is, so later stages and the CLI pick files by kind instead of by name.
public enum OutputKind: String, Hashable, Sendable, CaseIterable {
    case markdown
    case html
    case pdf
    /// The stylesheet the HTML pages share.
    case stylesheet
    /// An SVG chart a report shows.
    case chart
    /// A country profile as JSON.
    case data
    /// `manifest.json`.
    case manifest

    /// The extension of a report's file of this kind.
    public var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .html: "html"
        case .pdf: "pdf"
        case .stylesheet: "css"
        case .chart: "svg"
        case .data, .manifest: "json"
        }
    }

    /// Build artifacts: git-ignored, outside the manifest and `build --check`.
    public var isArtifact: Bool { self == .pdf }
}
