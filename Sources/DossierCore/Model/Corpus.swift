/// Everything about one partner country, drawn from all its documents.
public struct CountryProfile: Codable, Hashable, Sendable {
    public var country: String
    /// File-name-safe identifier (`north-macedonia`).
    public var slug: String
    public var sources: [SourceSummary]
    public var frameworks: [FrameworkMembership]
    public var areas: [CountryArea]
    /// Dated milestones by year, then undated ones, each in source order.
    public var milestones: [Milestone]
    public var contactPointEmbassy: EmbassyFact?
    public var figures: [Figure]
    /// Where sources disagree (different years for one framework, different embassies…).
    public var conflicts: [Conflict]
    /// Passages that no area claimed.
    public var unclassifiedPassages: Int
    public var totalPassages: Int
    /// The country's relations with powers other than NATO, by counterpart name.
    public var relations: [Relation] = []
    /// How current the picture of each relation is, NATO first.
    public var currency: [Currency] = []
    /// NATO passages classified into each area, active or not: an area some passage supports
    /// is never reported as one the sources are silent on.
    public var areaPassages: [String: Int] = [:]
    /// What the sources say limits or set back a relation, by source then position.
    public var constraints: [Constraint] = []

    public init(
        country: String, slug: String, sources: [SourceSummary] = [], frameworks: [FrameworkMembership] = [],
        areas: [CountryArea] = [], milestones: [Milestone] = [], contactPointEmbassy: EmbassyFact? = nil,
        figures: [Figure] = [], conflicts: [Conflict] = [], unclassifiedPassages: Int = 0, totalPassages: Int = 0
    ) {
        self.country = country
        self.slug = slug
        self.sources = sources
        self.frameworks = frameworks
        self.areas = areas
        self.milestones = milestones
        self.contactPointEmbassy = contactPointEmbassy
        self.figures = figures
        self.conflicts = conflicts
        self.unclassifiedPassages = unclassifiedPassages
        self.totalPassages = totalPassages
    }
}

/// One source document as a briefing lists it.
public struct SourceSummary: Codable, Hashable, Sendable {
    /// `S1`, `S2`… in the order the briefing lists them.
    public var label: String
    public var file: String
    public var title: String
    public var kind: DocumentKind
    public var lastUpdated: DatedFact?
    public var published: DatedFact?
    public var footnoteCount: Int
    /// Who wrote it and who published it, when the source says (a byline, a © line, page metadata).
    public var author: NamedFact?
    public var publisher: NamedFact?
    /// The newest past event the source reports: what its text is up to date with.
    public var newestEvent: Milestone?

    /// The date to show for the source: last updated, else the publication year.
    public var date: DatedFact? { lastUpdated ?? published }

    public init(
        label: String, file: String, title: String, kind: DocumentKind, lastUpdated: DatedFact?,
        published: DatedFact? = nil, footnoteCount: Int
    ) {
        self.label = label
        self.file = file
        self.title = title
        self.kind = kind
        self.lastUpdated = lastUpdated
        self.published = published
        self.footnoteCount = footnoteCount
    }
}

/// An area active for a country, with its strongest evidence across sources.
public struct CountryArea: Codable, Hashable, Sendable {
    public var area: String
    public var label: String
    /// Strongest document-level score among the sources.
    public var score: Double
    /// Passages (across sources) classified into the area.
    public var passageCount: Int
    /// The sources (labels) that discuss it.
    public var sources: [String]
    /// The best passages, strongest first.
    public var evidence: [Evidence]

    public init(area: String, label: String, score: Double, passageCount: Int, sources: [String], evidence: [Evidence])
    {
        self.area = area
        self.label = label
        self.score = score
        self.passageCount = passageCount
        self.sources = sources
        self.evidence = evidence
    }
}

/// Two sources disagreeing about the same fact; the briefing reports both.
public struct Conflict: Codable, Hashable, Sendable {
    public var subject: String
    public var claims: [Claim]

    public struct Claim: Codable, Hashable, Sendable {
        public var value: String
        public var evidence: Evidence
        public init(value: String, evidence: Evidence) {
            self.value = value
            self.evidence = evidence
        }
    }

    public init(subject: String, claims: [Claim]) {
        self.subject = subject
        self.claims = claims
    }
}

/// The cross-country view: who is in what since when, and who does what.
public struct Comparison: Codable, Hashable, Sendable {
    public var countries: [String]
    public var areaIDs: [String]
    public var frameworkIDs: [String]
    /// `areaScores[country][area]`, absent when the country is not active in it.
    public var areaScores: [String: [String: Double]]
    /// `joinYears[country][framework]`: nil inside means "member, year not stated".
    public var joinYears: [String: [String: Int?]]
    /// `relations[country][counterpart]`: the areas of the country's relation with a power
    /// other than NATO, strongest first.
    public var relations: [String: [String: [String]]] = [:]

    public init(
        countries: [String], areaIDs: [String], frameworkIDs: [String],
        areaScores: [String: [String: Double]], joinYears: [String: [String: Int?]]
    ) {
        self.countries = countries
        self.areaIDs = areaIDs
        self.frameworkIDs = frameworkIDs
        self.areaScores = areaScores
        self.joinYears = joinYears
    }
}

/// A file a corpus stage produced, held in memory until the build commits them all at once.
/// It says what it is and which report it belongs to, so consumers never decode its path.
public struct OutputFile: Hashable, Sendable {
    /// Relative to the output folder, `/`-separated.
    public var path: String
    public var contents: [UInt8]
    public var kind: OutputKind
    /// The report the file renders or serves (a briefing's chart and data belong to the
    /// briefing); nil for files every report shares (stylesheet, manifest).
    public var report: ReportID?

    public init(path: String, contents: [UInt8], kind: OutputKind, report: ReportID? = nil) {
        self.path = path
        self.contents = contents
        self.kind = kind
        self.report = report
    }

    public init(path: String, text: String, kind: OutputKind, report: ReportID? = nil) {
        self.init(path: path, contents: Array(text.utf8), kind: kind, report: report)
    }
}

/// What the corpus stages see and grow: documents, then profiles, then reports and files.
public struct Corpus: Sendable {
    public var documents: [Document]
    /// What the build ran with, for the manifest: Dossier's version and the pipeline and taxonomy hashes.
    public var provenance = Provenance()
    public var profiles: [CountryProfile] = []
    public var comparison: Comparison?
    /// Documents that could not be placed under a country (regional or unknown), by source.
    public var unassigned: [String] = []
    /// The reports written so far, in the order they were added; later renderers read them
    /// (HTML renders each report's Markdown).
    public private(set) var reports: [Report] = []
    /// Rendered files in the order they were written; writing a path again replaces the file.
    public private(set) var outputs: [OutputFile] = []
    private var positions: [String: Int] = [:]

    public init(documents: [Document]) {
        self.documents = documents
    }

    public mutating func write(_ file: OutputFile) {
        if let i = positions[file.path] {
            outputs[i] = file
        } else {
            positions[file.path] = outputs.count
            outputs.append(file)
        }
    }

    /// Adds a report and writes its Markdown file (`contents` when the bytes are kept from
    /// an earlier build, else the report's Markdown).
    public mutating func add(_ report: Report, contents: [UInt8]? = nil) {
        if let i = reports.firstIndex(where: { $0.id == report.id }) {
            reports[i] = report
        } else {
            reports.append(report)
        }
        write(
            OutputFile(
                path: report.id.path(.markdown), contents: contents ?? Array(report.markdown.utf8),
                kind: .markdown, report: report.id))
    }

    /// The files of one kind, in the order they were written.
    public func outputs(_ kind: OutputKind) -> [OutputFile] { outputs.filter { $0.kind == kind } }

    /// Whether a file of `kind` belonging to `report` was written.
    public func has(_ kind: OutputKind, for report: ReportID) -> Bool {
        outputs.contains { $0.kind == kind && $0.report == report }
    }
}

/// What produced a build.
public struct Provenance: Codable, Hashable, Sendable {
    public var version = DossierVersion.current
    public var pipelineHash = ""
    public var taxonomyHash = ""
    public init() {}
}
