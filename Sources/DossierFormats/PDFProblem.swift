import DossierCore

/// Why ingest.pdf refuses a file: what its header, pdftotext's exit status and message, and
/// the extracted text tell apart.
public enum PDFProblem: DocumentProblem, Equatable {
    case empty
    /// No `%PDF-` header near the start.
    case notPDF
    /// Only blank lines and page breaks came out.
    case noTextLayer
    /// Text came out, but all of it was figure text.
    case noTextOutsideFigures
    /// The extractor could not be started (`command` as configured).
    case cannotRun(command: String)
    /// pdftotext ran past the stage's `timeout` and was stopped.
    case timedOut(seconds: Int)
    /// pdftotext's exit status 3: the PDF's permissions forbid copying text.
    case extractionNotAllowed
    case encrypted
    case noPages
    /// Any other failure of pdftotext.
    case damaged

    public var message: String {
        switch self {
        case .empty: "the file is empty"
        case .notPDF: "not a PDF (no %PDF- header)"
        case .noTextLayer: "the PDF has no text layer"
        case .noTextOutsideFigures: "the PDF has no text outside figures"
        case .cannotRun(let command): "cannot run \(command)"
        case .timedOut(let seconds): "pdftotext took longer than \(seconds) s and was stopped"
        case .extractionNotAllowed: "the PDF does not allow text extraction"
        case .encrypted: "the PDF is encrypted"
        case .noPages: "the PDF has no pages"
        case .damaged: "pdftotext could not read it (damaged or truncated?)"
        }
    }

    public var hint: String? {
        switch self {
        case .empty: "remove it from 'inputs'"
        case .notPDF: "check the file; rename it if it is another format"
        case .noTextLayer, .noTextOutsideFigures: "it may be scanned images; run OCR first"
        case .cannotRun: "install poppler-utils (apt-get install poppler-utils)"
        case .timedOut: "raise 'timeout' of ingest.pdf, or check the file"
        case .extractionNotAllowed: "ask for an unrestricted copy"
        case .encrypted: "decrypt it (qpdf --decrypt) or ask for an unprotected copy"
        case .noPages: "check the file; remove it from 'inputs'"
        case .damaged: "open it in a PDF viewer to check; re-save it"
        }
    }
}
