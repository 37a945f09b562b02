import ArgumentParser
import DossierCore
import Foundation

/// `dossier analyze FILE…`: ingest → extract on the given files, printed as JSON or text.
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse documents: areas, frameworks, milestones, dates, embassy.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Documents to analyse (paths as given are reported as `source`).")
    var files: [String]

    @Option(name: .long, help: "json or text.")
    var format: OutputFormat = .text

    @Flag(
        name: .long, help: "Text format: also list every passage under its heading, with its areas and their signals.")
    var passages = false

    enum OutputFormat: String, ExpressibleByArgument { case json, text }

    func run() throws {
        try reportingErrors {
            let runner = Runner(pipeline: try global.pipeline(), logger: global.logger())
            var reports: [AnalysisReport.Document] = []
            for file in files {
                let document = try runner.processDocument(
                    try runner.read(file, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
                for w in document.warnings { printError("warning: \(w)") }
                reports.append(AnalysisReport.Document(document))
                if passages && format == .text { print(Self.passageList(document), terminator: "") }
            }
            switch format {
            case .json: FileHandle.standardOutput.write(Data(try StableJSON.encode(AnalysisReport(documents: reports))))
            case .text: print(reports.map(\.text).joined(separator: "\n"), terminator: "")
            }
            return .success
        }
    }
}

extension Analyze {
    /// Every passage with its line, its areas and the signals behind each: why an area was given.
    static func passageList(_ d: DossierCore.Document) -> String {
        var s = "\(d.source): passages\n"
        for section in d.sections {
            s += "  # \(section.heading ?? "(no heading)")\n"
            for p in section.passages {
                s +=
                    "    \(p.span.startLine) [\(p.kind)\(p.milestoneYear.map { " \($0)" } ?? "")] "
                    + "\(p.counterpart.map { "[\($0)] " } ?? "")\(p.text.prefix(160))\n"
                for m in p.statements {
                    let kind = m.constraint.map { "\(m.kind) (\($0))" } ?? "\(m.kind)"
                    s += "        = \(kind) '\(m.cue)': \(m.text.prefix(100))\n"
                }
                for a in p.areas {
                    // A strand of another counterpart than the passage's own says whose it is.
                    let whose = a.counterpart == (p.counterpart ?? .nato) ? "" : " [\(a.counterpart)]"
                    s +=
                        "        \(a.area)\(whose) \(a.score): "
                        + "\(a.evidence.first?.signals.map(\.description).joined(separator: "; ") ?? "")\n"
                }
            }
        }
        return s
    }
}

/// The JSON shape of `dossier analyze --format json` (docs/json-format.md has its schema).
struct AnalysisReport: Encodable {
    var documents: [Document]

    struct Document: Encodable {
        var source: String
        var title: String?
        var country: String?
        var lastUpdated: String?
        var areas: [Area]
        var frameworks: [Framework]
        var milestones: [Milestone]
        var contactPointEmbassy: String?
        var constraints: [Constraint]

        struct Area: Encodable {
            var id: String
            /// Whose relation: "NATO", or the power whose relation with the partner the area is part of.
            var counterpart: String
            var score: Double
            var evidence: [Quote]
        }
        struct Quote: Encodable {
            var text: String
            var line: Int
            /// Present, and true, only when the sentence a quote of `text` shows
            /// (`Evidence.carryingSentence`) is hedged ("reportedly"); `text` may hold a hedge
            /// elsewhere in its passage without it.
            var hedged: Bool?
        }
        struct Framework: Encodable {
            var id: String
            var name: String
            var year: Int?
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(id, forKey: .id)
                try c.encode(name, forKey: .name)
                try c.encode(year, forKey: .year)
            }
            enum CodingKeys: String, CodingKey { case id, name, year }
        }
        struct Milestone: Encodable {
            var year: Int?
            var text: String
            var yearInferred: Bool
            var fromProse: Bool
            var line: Int
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(year, forKey: .year)
                try c.encode(text, forKey: .text)
                try c.encode(yearInferred, forKey: .yearInferred)
                try c.encode(fromProse, forKey: .fromProse)
                try c.encode(line, forKey: .line)
            }
            enum CodingKeys: String, CodingKey { case year, text, yearInferred, fromProse, line }
        }

        init(_ d: DossierCore.Document) {
            source = d.source
            title = d.title
            country = d.country
            lastUpdated = d.facts.lastUpdated?.date
            // NATO's areas first, then the other relations', each marked with its counterpart.
            areas = (d.areas + d.counterpartAreas).map { a in
                Area(
                    id: a.area, counterpart: a.counterpart.name, score: a.score,
                    evidence: a.evidence.map {
                        Quote(text: $0.text, line: $0.span.startLine, hedged: $0.hedged ? true : nil)
                    })
            }
            frameworks = d.facts.frameworks.map { Framework(id: $0.id, name: $0.name, year: $0.year) }
            milestones = d.facts.milestones.map {
                Milestone(
                    year: $0.year, text: $0.text, yearInferred: $0.yearInferred, fromProse: $0.fromProse,
                    line: $0.span.startLine)
            }
            contactPointEmbassy = d.facts.contactPointEmbassy?.country
            constraints = d.constraints
        }

        // Absent values are written as null, so every document has every key.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(source, forKey: .source)
            try c.encode(title, forKey: .title)
            try c.encode(country, forKey: .country)
            try c.encode(lastUpdated, forKey: .lastUpdated)
            try c.encode(areas, forKey: .areas)
            try c.encode(frameworks, forKey: .frameworks)
            try c.encode(milestones, forKey: .milestones)
            try c.encode(contactPointEmbassy, forKey: .contactPointEmbassy)
            try c.encode(constraints, forKey: .constraints)
        }
        enum CodingKeys: String, CodingKey {
            case source, title, country, lastUpdated, areas, frameworks, milestones, contactPointEmbassy, constraints
        }

        var text: String {
            var s =
                "\(source)\n  title: \(title ?? "—")\n  country: \(country ?? "—")\n  last updated: "
                + "\(lastUpdated ?? "—")\n"
            s += "  contact point embassy: \(contactPointEmbassy ?? "—")\n  areas:\n"
            for a in areas {
                let whose = a.counterpart == Counterpart.nato.name ? "" : " [\(a.counterpart)]"
                let lines = a.evidence.map { String($0.line) }.joined(separator: ", ")
                s += "    \(a.id)\(whose) \(a.score) (lines \(lines))\n"
            }
            s += "  frameworks:\n"
            for f in frameworks { s += "    \(f.id) \(f.year.map(String.init) ?? "—")  \(f.name)\n" }
            s += "  milestones:\n"
            for m in milestones {
                s +=
                    "    \(m.year.map(String.init) ?? "----")\(m.yearInferred ? "*" : m.fromProse ? "~" : " ") "
                    + "\(m.text)\n"
            }
            return s
        }
    }
}
