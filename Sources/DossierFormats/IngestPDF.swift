import DossierCore
import Foundation

/// Reads PDFs through poppler's `pdftotext` (Debian `poppler-utils`).
///
/// Why the command rather than libpoppler-glib: the text layer is all Dossier needs, the
/// command is one small package with no GLib/Cairo stack to link, it runs in its own process
/// (a malformed PDF can crash or hang it without taking Dossier down), and a time limit is a
/// plain `kill`.
///
/// In the default `geometry` mode it runs `pdftotext -bbox-layout` (see `PDFLayout` for why
/// that and not `pdftohtml -xml`): the same words in the same reading order as plain
/// pdftotext, with their boxes. The geometry keeps chart text (clusters of short numbers, and
/// the legend and axis labels among them) out of the body, recorded in `Document.removed` as
/// figure text with its rule; marks lines set clearly larger than the body as headings (levels
/// by size); and sets small print at a page's bottom apart as its own block for
/// `normalize.footnotes`; page numbers and running headers and footers at a page's edge go to
/// `removed` (`PDFPageFurniture`). Mode `text` is plain pdftotext, as before. In both modes
/// line numbers are those of `pdftotext FILE -`: one per poppler text line, a blank line after each flow, a
/// form feed (kept as a page-break line for the furniture stage) between pages, and a line
/// ending in a hyphen printed with the next one (so geometry mode gives both lines that number,
/// keeping the hyphen for `normalize.dehyphenate`); blank lines this stage adds to set a
/// heading or a note apart share their neighbour's number.
public struct IngestPDF: IngestStage {
    public static let id = "ingest.pdf"
    public static let summary =
        "Read PDFs with pdftotext (poppler-utils): reading order, page breaks, figure text out by geometry"
    public static let requires: Set<Artifact> = []
    public static let produces: Set<Artifact> = [.text]

    let options: Options
    public init(options: Options, context: StageContext) { self.options = options }

    public func accepts(_ file: InputFile) -> Bool { file.fileExtension == "pdf" }

    public func ingest(_ file: InputFile) throws -> Document {
        guard !file.bytes.isEmpty else { throw PDFProblem.empty }
        guard file.bytes.prefix(1024).starts(with: Array("%PDF-".utf8)) || Self.containsHeader(file.bytes) else {
            throw PDFProblem.notPDF
        }
        var document = Document(source: file.path, format: .pdf, contentHash: SHA256.hex(file.bytes))
        if options.mode == "text" {
            document.lines = Self.lines(
                ofText: String(decoding: try extract(file, arguments: []), as: UTF8.self), file: file.path)
        } else {
            let layout = PDFLayout(xhtml: try extract(file, arguments: ["-bbox-layout"]))
            (document.lines, document.removed) = lines(of: layout, file: file.path)
        }
        if document.lines.allSatisfy({ $0.isBlank || $0.role == .pageBreak }) {
            throw document.removed.isEmpty ? PDFProblem.noTextLayer : PDFProblem.noTextOutsideFigures
        }
        return document
    }

    /// Plain pdftotext output as lines: one per text line, a page-break line at each form feed.
    static func lines(ofText text: String, file: String) -> [Line] {
        var lines: [Line] = []
        var page = 1
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            for (i, piece) in raw.split(separator: "\u{0C}", omittingEmptySubsequences: false).enumerated() {
                if i > 0 {
                    lines.append(
                        Line(text: "", span: SourceSpan(file: file, startLine: number, page: page), role: .pageBreak))
                    page += 1
                }
                let indent = piece.prefix { $0 == " " }.count
                lines.append(
                    Line(
                        text: String(piece), span: SourceSpan(file: file, startLine: number, page: page), indent: indent
                    ))
            }
        }
        return lines
    }

    /// Each page's verdicts once (the figure clustering is the costly part), before furniture,
    /// which needs to know whether the first line is set as a heading; table cells are neither
    /// headings nor figure text.
    private func verdicts(of layout: PDFLayout, _ analysis: PDFLayoutAnalysis)
        -> (kinds: [[PDFLayoutAnalysis.Kind]], tables: [[PDFTables.Table]])
    {
        var verdicts = layout.pages.map(analysis.kinds(of:))
        let finder = PDFTables(
            maxCellWords: options.tableMaxCellWords, minRows: options.tableMinRows,
            maxCellWidthShare: options.tableMaxCellWidthShare)
        let tables = layout.pages.map { finder.find(in: $0, bodySize: analysis.bodySize) }
        for (p, found) in tables.enumerated() {
            for (t, table) in found.enumerated() {
                for i in table.lines { verdicts[p][i] = .table(t) }
            }
        }
        let titleFirst = verdicts.first?.first.map { $0 != .body } ?? false
        for (p, lines) in PDFPageFurniture.find(in: layout, keepFirst: titleFirst) {
            for (i, rule) in lines { verdicts[p][i] = .furniture(rule: rule) }
        }
        return (verdicts, tables)
    }

    /// The line number pdftotext's plain mode prints each line of a page on, and for each line
    /// that opens a new flow the number of the blank line before it.
    static func numbers(of page: PDFLayout.Page, after start: Int) -> (lines: [Int], blanks: [Int: Int]) {
        var number = start
        var numbers: [Int] = []
        var blanks: [Int: Int] = [:]
        var flow = page.lines.first?.flow
        for (i, line) in page.lines.enumerated() {
            if line.flow != flow {
                number += 1  // pdftotext's blank line after each flow
                blanks[i] = number
                flow = line.flow
            }
            // A line ending in '-' is printed together with the next line of its flow (without
            // the hyphen): that next line shares its number.
            if !(i > 0 && page.lines[i - 1].flow == line.flow && page.lines[i - 1].text.hasSuffix("-")) {
                number += 1
            }
            numbers.append(number)
        }
        return (numbers, blanks)
    }

    /// A table's rows as lines, a blank line after each: cells joined by " | ", each row's span
    /// from its first line to its last.
    private static func rows(
        of table: PDFTables.Table, page: PDFLayout.Page, numbers: [Int], file: String, page number: Int
    ) -> [Line] {
        table.rows.flatMap { row in
            let spans = row.compactMap { $0 }.flatMap { $0 }.map {
                SourceSpan(file: file, startLine: numbers[$0], page: number)
            }
            let span = spans.dropFirst().reduce(spans[0]) { $0.union($1) }
            let text = table.texts(of: row, in: page.lines).joined(separator: " | ")
            return [Line(text: text, span: span, role: .tableRow), Line(text: "", span: span)]
        }
    }

    /// The layout as lines numbered as pdftotext prints them, with figure text taken out,
    /// headings and small print set apart, and tables as rows.
    func lines(of layout: PDFLayout, file: String) -> ([Line], [RemovedText]) {
        let analysis = PDFLayoutAnalysis(
            layout, options: .init(headingRatio: options.headingSizeRatio, figureMinNumbers: options.figureMinNumbers))
        var lines: [Line] = []
        var removed: [RemovedText] = []
        let (layout, numberings) = Self.inReadingOrder(layout, bodySize: analysis.bodySize)
        var number = 0
        let (verdicts, tables) = verdicts(of: layout, analysis)
        func separate(_ span: SourceSpan) {
            if let last = lines.last, !last.isBlank, last.role != .pageBreak {
                lines.append(Line(text: "", span: span))
            }
        }
        for (p, page) in layout.pages.enumerated() {
            let kinds = verdicts[p]
            let notes = analysis.smallPrintStarts(of: page)
            let paragraphs = analysis.paragraphStarts(of: page, kinds: kinds)
            let numbering = numberings[p]
            var written = Set<Int>()
            for (i, line) in page.lines.enumerated() {
                if let blank = numbering.blanks[i] {
                    lines.append(Line(text: "", span: SourceSpan(file: file, startLine: blank, page: p + 1)))
                }
                let span = SourceSpan(file: file, startLine: numbering.lines[i], page: p + 1)
                let text = line.text
                switch kinds[i] {
                case .figure(let rule), .furniture(let rule):
                    removed.append(RemovedText(text: text, span: span, stage: Self.id, reason: rule))
                    separate(span)
                case .table(let t):
                    guard written.insert(t).inserted else { continue }
                    separate(span)
                    lines += Self.rows(of: tables[p][t], page: page, numbers: numbering.lines, file: file, page: p + 1)
                case .heading(let level):
                    // A heading wrapped over lines of one block is one heading.
                    if let last = lines.last, last.role == .heading, last.headingLevel == level, i > 0,
                        page.lines[i - 1].block == line.block,
                        kinds[i - 1] == .heading(level: level)
                    {
                        lines[lines.count - 1].text += " " + text
                        lines[lines.count - 1].span = last.span.union(span)
                    } else {
                        separate(span)
                        lines.append(Line(text: text, span: span, role: .heading, headingLevel: level))
                    }
                default:
                    if notes.contains(i) || paragraphs.contains(i) || lines.last?.role == .heading { separate(span) }
                    lines.append(Line(text: text, span: span))
                }
            }
            number = numbering.lines.max() ?? number
            if !page.lines.isEmpty {
                number += 1
                lines.append(Line(text: "", span: SourceSpan(file: file, startLine: number, page: p + 1)))
            }
            lines.append(
                Line(text: "", span: SourceSpan(file: file, startLine: number + 1, page: p + 1), role: .pageBreak))
        }
        return (lines, removed)
    }

    private static func containsHeader(_ bytes: [UInt8]) -> Bool {
        let header = Array("%PDF-".utf8)
        let window = bytes.prefix(1024)
        return window.indices.contains { i in window[i...].starts(with: header) }
    }

    /// Runs pdftotext on a temporary copy, with the time limit; its complaints become the error.
    private func extract(_ file: InputFile, arguments: [String]) throws -> [UInt8] {
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-\(UUID().uuidString).pdf")
        try Data(file.bytes).write(to: temp)
        defer { try? FileManager.default.removeItem(at: temp) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [options.command] + arguments + ["-enc", "UTF-8", "-eol", "unix", temp.path, "-"]
        // Without -q pdftotext says why it failed; its messages go to a file, so a damaged PDF's
        // thousands of warnings cannot fill a pipe nobody reads while stdout is being read.
        let errorFile = temp.appendingPathExtension("err")
        FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: errorFile)
        do {
            try process.run()
        } catch {
            throw PDFProblem.cannotRun(command: options.command)
        }
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + options.timeout, execute: timer)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        if process.terminationReason == .uncaughtSignal {
            throw PDFProblem.timedOut(seconds: Int(options.timeout))
        }
        guard process.terminationStatus != 0 else { return [UInt8](data) }
        let errors = String(
            decoding: (FileManager.default.contents(atPath: errorFile.path) ?? Data()).prefix(16_384), as: UTF8.self
        ).lowercased()
        switch process.terminationStatus {
        case 127: throw PDFProblem.cannotRun(command: options.command)
        case 3: throw PDFProblem.extractionNotAllowed
        default:
            if errors.contains("password") || errors.contains("encrypt") || Self.contains(file.bytes, "/Encrypt") {
                throw PDFProblem.encrypted
            }
            if errors.contains("page count 0") || errors.contains("wrong page range") {
                throw PDFProblem.noPages
            }
            throw PDFProblem.damaged
        }
    }

    private static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard bytes.count >= n.count else { return false }
        return (0...(bytes.count - n.count)).contains { i in
            bytes[i] == n[0] && bytes[i..<(i + n.count)].elementsEqual(n)
        }
    }
}

extension StageRegistry {
    /// Ingest stages that cross into C (libxml2) or another process (pdftotext).
    public static let formats = StageRegistry([
        StageDescriptor(IngestHTML.self),
        StageDescriptor(IngestPDF.self),
    ])
}
