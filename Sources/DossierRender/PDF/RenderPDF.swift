import DossierCore
import Foundation

/// One PDF per briefing and for the comparative summary, from the HTML with the print
/// stylesheet: A4, running header, "Page X of Y", a contents list with page numbers,
/// bookmarks from the headings, document metadata, table headers repeated across pages.
public struct RenderPDF: CorpusStage {
    public static let id = "render.pdf"
    public static let summary =
        "Render briefings and the comparative summary to PDF with WeasyPrint (one process, limits)"
    public static let requires: Set<Artifact> = [.html]
    public static let produces: Set<Artifact> = [.pdf]

    public struct Options: StageOptions {
        public var python = "/usr/bin/python3"
        public var timeout = 300.0
        public var memoryMB = 2048
        public static let settings: [Setting<Self>] = [
            .init("python", \.python, type: "path", "the Python that can import weasyprint (Debian's, or a venv's)"),
            .init("timeout", \.timeout, "seconds the whole PDF run may take"),
            .init("memory-mb", \.memoryMB, "address-space limit of the PDF process"),
        ]
        public init() {}
    }

    let engine: WeasyPrint
    public init(options: Options, context: StageContext) {
        engine = WeasyPrint(python: options.python, timeout: options.timeout, memoryMB: options.memoryMB)
    }

    /// Seconds since 1970 at midnight UTC of an ISO date (0 without one).
    static func epoch(of date: String?) -> Int {
        guard let date, date.count >= 10, let y = Int(date.prefix(4)), let m = Int(date.dropFirst(5).prefix(2)),
            let d = Int(date.dropFirst(8).prefix(2))
        else { return 0 }
        var c = DateComponents()
        (c.year, c.month, c.day) = (y, m, d)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return Int(calendar.date(from: c)?.timeIntervalSince1970 ?? 0)
    }

    /// The reports that get a PDF: briefings and the comparative summary (the index and the
    /// change list are for the screen).
    static let printed: Set<Report.Kind> = [.briefing, .summary]

    public func run(_ corpus: inout Corpus) throws {
        let printed = Set(corpus.reports.filter { Self.printed.contains($0.kind) }.map(\.id))
        let pages = corpus.outputs(.html).compactMap(\.report).filter(printed.contains).sorted()
        guard !pages.isEmpty else { return }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-pdf-\(UUID().uuidString)")
        let site = work.appendingPathComponent("site")
        defer { try? FileManager.default.removeItem(at: work) }
        // What a page may load: the pages, their stylesheet and their charts.
        for file in corpus.outputs where [.html, .stylesheet, .chart].contains(file.kind) {
            let url = site.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents).write(to: url)
        }
        _ = try engine.render(
            pages.map { .init(html: $0.path(.html), pdf: $0.path(.pdf)) }, root: site,
            css: HTMLPage.printStylesheet, epoch: Self.epoch(of: RenderHTML.newestSourceDate(corpus)))
        for page in pages {
            let pdf = page.path(.pdf)
            guard let data = FileManager.default.contents(atPath: site.appendingPathComponent(pdf).path) else {
                throw RenderError(message: "WeasyPrint wrote no \(pdf)", hint: nil)
            }
            corpus.write(OutputFile(path: pdf, contents: [UInt8](data), kind: .pdf, report: page))
        }
    }
}
