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

/// A problem in pipeline.yaml, taxonomy.yaml or another config file.
public struct ConfigError: DossierError {
    public var location: FileLocation?
    public var message: String
    public var hint: String?
    public var exitStatus: ExitStatus { .usage }

    public init(_ message: String, at location: FileLocation?, hint: String? = nil) {
        self.message = message
        self.location = location
        self.hint = hint
    }
}

/// A problem with one input document (unreadable, empty, binary, unparseable).
public struct InputError: DossierError {
    public var location: FileLocation?
    public var message: String
    public var hint: String?
    public var exitStatus: ExitStatus { .buildFailed }

    public init(_ message: String, file: String, line: Int? = nil, hint: String? = nil) {
        self.message = message
        self.location = FileLocation(file: file, line: line)
        self.hint = hint
    }
}

/// A stage failed on a document or on the corpus; the runner wraps what the stage threw.
public struct StageFailure: DossierError {
    public var stage: String
    public var underlying: any Error
    public var location: FileLocation? { (underlying as? any DossierError)?.location }
    public var message: String {
        let inner = (underlying as? any DossierError)?.message ?? String(describing: underlying)
        return "\(stage): \(inner)"
    }
    public var hint: String? { (underlying as? any DossierError)?.hint }
    public var exitStatus: ExitStatus { (underlying as? any DossierError)?.exitStatus ?? .buildFailed }

    public init(stage: String, underlying: any Error) {
        self.stage = stage
        self.underlying = underlying
    }
}
