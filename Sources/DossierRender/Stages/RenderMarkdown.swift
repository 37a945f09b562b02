import DossierCore

/// Writes the Markdown reports: one briefing per country, the comparative summary and the
/// index. Markdown is the source of truth: HTML and PDF are made from these files.
public struct RenderMarkdown: CorpusStage {
    public static let id = "render.markdown"
    public static let summary = "Write country briefings, the comparative summary and the index as Markdown"
    public static let requires: Set<Artifact> = [.profiles]
    public static let produces: Set<Artifact> = [.markdown]
    public static let mustPrecede: Set<Artifact> = [.outputs]

    public struct Options: StageOptions {
        /// The year source ages are counted to; default: the newest source year in the corpus.
        public var asOfYear: Int?
        /// A relation whose newest reported event is older than this is flagged as dated.
        public var maxSourceAgeYears = 5
        public static let settings: [Setting<Self>] = [
            .init("as-of-year", \.asOfYear, "the year source ages are counted to (none: the newest source year)"),
            .init(
                "max-source-age-years", \.maxSourceAgeYears,
                "a relation whose newest reported event is older than this (to as-of-year) is flagged as dated"),
        ]
        public init() {}
    }

    let options: Options
    let taxonomy: Taxonomy

    public init(options: Options, context: StageContext) {
        self.options = options
        taxonomy = context.taxonomy
    }

    public func run(_ corpus: inout Corpus) throws {
        // Ages are counted to a year taken from the data, never from the clock: same input, same bytes.
        let asOf = options.asOfYear ?? corpus.profiles.flatMap(\.sources).compactMap { $0.date?.year }.max()
        for profile in corpus.profiles {
            let id = ReportID.briefing(profile)
            var writer = BriefingWriter(
                profile: profile, taxonomy: taxonomy, asOfYear: asOf,
                hasCharts: corpus.has(.chart, for: id), maxAgeYears: options.maxSourceAgeYears)
            let markdown = writer.write()
            corpus.add(
                Report(
                    id: id, kind: .briefing, country: profile.country,
                    title: MarkdownText.singleLine(writer.title), markdown: markdown))
        }
        if let comparison = corpus.comparison {
            var summary = SummaryWriter(
                profiles: corpus.profiles, comparison: comparison, taxonomy: taxonomy,
                hasCharts: corpus.has(.chart, for: .summary))
            let markdown = summary.write()
            corpus.add(Report(id: .summary, kind: .summary, title: SummaryWriter.title, markdown: markdown))
        }
        let hasChanges = corpus.reports.contains { $0.kind == .changes }
        var index = IndexWriter(profiles: corpus.profiles, unassigned: corpus.unassigned, hasChanges: hasChanges)
        let markdown = index.write()
        corpus.add(Report(id: .index, kind: .index, title: IndexWriter.title, markdown: markdown))
    }
}

/// Writes each country's aggregated profile as JSON (`data/<slug>.json`) for other tools.
public struct RenderData: CorpusStage {
    public static let id = "render.data"
    public static let summary = "Write each country profile as JSON under data/"
    public static let requires: Set<Artifact> = [.profiles]
    public static let produces: Set<Artifact> = [.data]
    public static let mustPrecede: Set<Artifact> = [.outputs]

    public init(options: NoOptions, context: StageContext) {}

    public func run(_ corpus: inout Corpus) throws {
        for profile in corpus.profiles {
            corpus.write(
                OutputFile(
                    path: "data/\(profile.slug).json", contents: try StableJSON.encode(profile),
                    kind: .data, report: .briefing(profile)))
        }
    }
}
