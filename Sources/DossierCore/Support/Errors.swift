import Foundation

/// A place in a file, for error messages (`pipeline.yaml:12:5`).
public struct FileLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        if let line, let column, line > 0 { s += ":\(column)" }
        return s
    }
}

/// How the process should end for a failure; documented in the README and `--help`.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// The build failed, or `--check` found differences.
    case buildFailed = 1
    /// Bad usage or configuration: nothing was read.
    case usage = 2
    /// Some documents failed; the rest were built.
    case partial = 3
}

/// Every error Dossier reports to a user: where, what, and what to do about it.
public protocol DossierError: Error, CustomStringConvertible, Sendable {
    var location: FileLocation? { get }
    var message: String { get }
    /// What the user can do, if there is something specific.
    var hint: String? { get }
    var exitStatus: ExitStatus { get }
}

extension DossierError {
    public var hint: String? { nil }
    /// `file:line:col: error: message (hint)` on one line, as compilers print.
    public var description: String {
        var s = location.map { "\($0): " } ?? ""
        s += "error: \(message)"
        if let hint { s += "; \(hint)" }
        return s
    }
}

/// A problem in pipeline.yaml, taxonomy.yaml or another config file: where, what kind
/// (`reason`, which code and tests compare), and the sentence and hint a user reads.
public struct ConfigError: DossierError, Equatable {
    /// The kinds of configuration mistake that callers and tests tell apart. Messages carry
    /// the wording; a reason carries the data. Rare mistakes that need no telling apart are
    /// `.invalid`, their message says what is wrong.
    public enum Reason: Equatable, Sendable {
        case invalidYAML
        /// A key no type asked for, with the closest valid key.
        case unknownKey(String, suggestion: String?)
        case missingKey(String)
        case wrongType(expected: String)
        case unknownStage(String, suggestion: String?)
        case ingestAfterProcessing(stage: String)
        /// A stage whose required artifact no earlier stage produces.
        case unmetRequirement(stage: String, artifact: Artifact)
        /// A stage listed after the stage that makes an artifact it must precede.
        case mustPrecede(stage: String, producer: String, artifact: Artifact)
        case noIngestStage
        case invalidPattern(String)
        case outputOutsideProject(String)
        /// An input pattern or file in `inputs` that matches nothing.
        case noMatchingInput(String)
        /// A file config names (pipeline, taxonomy, rules, word list, model) that cannot be read.
        case unreadable(String)
        case invalid
    }

    public var reason: Reason
    public var location: FileLocation?
    public var message: String
    public var hint: String?
    public var exitStatus: ExitStatus { .usage }

    public init(_ message: String, at location: FileLocation?, hint: String? = nil, reason: Reason = .invalid) {
        self.message = message
        self.location = location
        self.hint = hint
        self.reason = reason
    }
}

/// A problem with an input file before any stage has it: missing, a folder, unreadable, or of
/// a kind no ingest stage of the pipeline accepts. Tests compare `reason`.
public struct InputError: DossierError, Equatable {
    public enum Reason: Equatable, Sendable {
        case noSuchFile
        case isDirectory
        case unreadable
        /// `stages`: the pipeline's ingest stage ids, which the message lists.
        case noIngestStage(fileExtension: String, stages: [String])
    }

    public var reason: Reason
    /// The path as the pipeline names it.
    public var file: String
    public var location: FileLocation? { FileLocation(file: file) }
    public var exitStatus: ExitStatus { .buildFailed }

    public init(_ reason: Reason, file: String) {
        self.reason = reason
        self.file = file
    }

    public var message: String {
        switch reason {
        case .noSuchFile: "no such file"
        case .isDirectory: "is a directory, not a document"
        case .unreadable: "cannot read the file"
        case .noIngestStage(let ext, let stages):
            "no ingest stage in the pipeline accepts .\(ext) files (it has \(stages.joined(separator: ", ")))"
        }
    }

    public var hint: String? {
        switch reason {
        case .noSuchFile: "check the path"
        case .isDirectory: "name the files inside it, or use a glob such as \(file)/*.txt"
        case .unreadable: "check its permissions"
        case .noIngestStage: "add the matching ingest stage, or drop the file from 'inputs'"
        }
    }
}

/// What a stage throws about the document in hand: why, in words, and what to do, but not
/// where. The runner wraps it in a `StageFailure` that adds the stage id and the document's
/// path. Each stage family has its own small enum (`TextProblem`, `HTMLProblem`,
/// `PDFProblem`), so code and tests tell the cases apart without reading the message.
public protocol DocumentProblem: Error, Sendable {
    var message: String { get }
    var hint: String? { get }
    /// The document's line the problem was found on, when there is one.
    var line: Int? { get }
}

extension DocumentProblem {
    public var hint: String? { nil }
    public var line: Int? { nil }
}

/// A stage failed on a document or on the corpus: the stage id, the document (nil for a
/// corpus stage) and what the stage threw, as `reason`.
public struct StageFailure: DossierError {
    public var stage: String
    public var document: String?
    /// A `DocumentProblem` or another stage's error; compare it as its type
    /// (`failure.reason as? PDFProblem`).
    public var reason: any Error

    public var location: FileLocation? {
        if let inner = reason as? any DossierError, let location = inner.location { return location }
        return document.map { FileLocation(file: $0, line: (reason as? any DocumentProblem)?.line) }
    }

    public var message: String {
        let inner = (reason as? any DossierError)?.message ?? (reason as? any DocumentProblem)?.message
        return "\(stage): \(inner ?? String(describing: reason))"
    }

    public var hint: String? { (reason as? any DossierError)?.hint ?? (reason as? any DocumentProblem)?.hint }
    public var exitStatus: ExitStatus { (reason as? any DossierError)?.exitStatus ?? .buildFailed }

    public init(stage: String, document: String?, reason: any Error) {
        self.stage = stage
        self.document = document
        self.reason = reason
    }

    /// Runs one stage's work and wraps whatever it throws with the stage and the document:
    /// the one funnel the runner (and the trainer, which runs stages itself) goes through.
    public static func wrapping<T>(stage: String, document: String?, _ work: () throws -> T) throws(StageFailure) -> T {
        do {
            return try work()
        } catch {
            throw StageFailure(stage: stage, document: document, reason: error)
        }
    }
}
