import DossierCore
import Foundation

/// Reads PDFs through poppler's `pdftotext` (Debian `poppler-utils`).
///
/// Why the command rather than libpoppler-glib: the text layer is all Dossier needs, the
/// command is one small package with no GLib/Cairo stack to link, it runs in its own process
/// (a malformed PDF can crash or hang it without taking Dossier down), and a time limit is a
/// plain `kill`. Reading order is pdftotext's default (not `-layout`, which keeps columns
/// side by side); form feeds mark page breaks and are kept as page-break lines for the
/// furniture stage. Line numbers in citations count lines of the extracted text.
public struct IngestPDF: IngestStage {
    public static let id = "ingest.pdf"
    public static let summary = "Read PDFs with pdftotext (poppler-utils), page breaks kept, with a time limit"
    public static let requires: Set<Artifact> = []
    public static let produces: Set<Artifact> = [.text]

    public struct Options: StageOptions {
        public var timeout = 60.0
        public var command = "pdftotext"
        public static let fields = [
            OptionField("timeout", "number", default: "60", "seconds pdftotext may take on one file"),
            OptionField("command", "string", default: "pdftotext", "the pdftotext executable"),
        ]
        enum CodingKeys: String, CodingKey { case timeout, command }
        public init() {}
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            timeout = try c.decodeIfPresent(Double.self, forKey: .timeout) ?? timeout
            command = try c.decodeIfPresent(String.self, forKey: .command) ?? command
        }
    }

    let options: Options
    public init(options: Options, context: StageContext) { self.options = options }

    public func accepts(_ file: InputFile) -> Bool { file.fileExtension == "pdf" }

    public func ingest(_ file: InputFile) throws -> Document {
        guard !file.bytes.isEmpty else { throw InputError("the file is empty", file: file.path, hint: "remove it from 'inputs'") }
        guard file.bytes.prefix(1024).starts(with: Array("%PDF-".utf8)) || Self.containsHeader(file.bytes) else {
            throw InputError("not a PDF (no %PDF- header)", file: file.path, hint: "check the file; rename it if it is another format")
        }
        let text = try extract(file)
        var document = Document(source: file.path, format: .pdf, contentHash: SHA256.hex(file.bytes))
        var page = 1
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            for (i, piece) in raw.split(separator: "\u{0C}", omittingEmptySubsequences: false).enumerated() {
                if i > 0 {
                    document.lines.append(Line(text: "", span: SourceSpan(file: file.path, startLine: number, page: page), role: .pageBreak))
                    page += 1
                }
                let indent = piece.prefix { $0 == " " }.count
                document.lines.append(Line(text: String(piece), span: SourceSpan(file: file.path, startLine: number, page: page), indent: indent))
            }
        }
        if document.lines.allSatisfy({ $0.isBlank || $0.role == .pageBreak }) {
            throw InputError("the PDF has no text layer", file: file.path, hint: "it may be scanned images; run OCR first")
        }
        return document
    }

    private static func containsHeader(_ bytes: [UInt8]) -> Bool {
        let header = Array("%PDF-".utf8)
        let window = bytes.prefix(1024)
        return window.indices.contains { i in window[i...].starts(with: header) }
    }

    /// Runs pdftotext on a temporary copy, with the time limit; its complaints become the error.
    private func extract(_ file: InputFile) throws -> String {
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-\(UUID().uuidString).pdf")
        try Data(file.bytes).write(to: temp)
        defer { try? FileManager.default.removeItem(at: temp) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [options.command, "-enc", "UTF-8", "-eol", "unix", "-q", temp.path, "-"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw InputError("cannot run \(options.command)", file: file.path, hint: "install poppler-utils (apt-get install poppler-utils)")
        }
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + options.timeout, execute: timer)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        timer.cancel()
        if process.terminationReason == .uncaughtSignal {
            throw InputError("pdftotext took longer than \(Int(options.timeout)) s and was stopped", file: file.path,
                             hint: "raise 'timeout' of ingest.pdf, or check the file")
        }
        switch process.terminationStatus {
        case 0: break
        case 127: throw InputError("cannot run \(options.command)", file: file.path, hint: "install poppler-utils (apt-get install poppler-utils)")
        case 3: throw InputError("the PDF does not allow text extraction", file: file.path, hint: "ask for an unrestricted copy")
        default:
            let detail = errors.lowercased().contains("password") || errors.lowercased().contains("encrypt")
                ? "the PDF is encrypted" : "pdftotext could not read it (damaged or truncated?)"
            throw InputError(detail, file: file.path, hint: "open it in a PDF viewer to check; re-save or decrypt it")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

extension StageRegistry {
    /// Ingest stages that cross into C (libxml2) or another process (pdftotext).
    public static let formats = StageRegistry([
        StageDescriptor(IngestHTML.self),
        StageDescriptor(IngestPDF.self),
    ])
}
