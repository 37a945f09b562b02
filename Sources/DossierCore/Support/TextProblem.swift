/// Why `TextDecoding` refuses a file's bytes (ingest.text, ingest.html).
public enum TextProblem: DocumentProblem, Equatable {
    /// Nothing but white space.
    case empty
    /// A NUL or a run of control bytes, first seen on `line`.
    case binary(line: Int)
    /// A UTF-16 byte-order mark followed by bytes that are not UTF-16.
    case invalidUTF16

    public var message: String {
        switch self {
        case .empty: "the file is empty"
        case .binary: "this is a binary file, not text"
        case .invalidUTF16: "the file starts with a UTF-16 byte-order mark but is not valid UTF-16"
        }
    }

    public var hint: String? {
        switch self {
        case .empty: "remove it from 'inputs' or give it content"
        case .binary: "give Dossier .txt, .md, .html or .pdf documents; remove it from 'inputs'"
        case .invalidUTF16: "re-save it as UTF-8"
        }
    }

    public var line: Int? {
        if case .binary(let line) = self { line } else { nil }
    }
}
