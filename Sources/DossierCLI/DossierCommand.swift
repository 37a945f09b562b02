import ArgumentParser
import DossierCore
import DossierFormats
import DossierRender
import Foundation
import Logging

/// `dossier`: turns a folder of partner-country documents into briefings.
public struct DossierCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Turn documents about partner countries into briefings and comparative summaries.",
        discussion: """
            Exit codes: 0 success; 1 build failed or --check found differences; 2 usage or \
            configuration error; 3 some documents failed (with --keep-going; the rest were built).
            """,
        subcommands: [
            Build.self, Brief.self, Analyze.self, Normalize.self, Train.self, Eval.self, Agree.self, Validate.self,
            Stages.self,
            Cache.self,
        ]
    )

    public init() {}
}

/// Options every subcommand that reads a pipeline shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The pipeline file.")
    var config = "pipeline.yaml"

    @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .warning

    func logger() -> Logger {
        var logger = Logger(label: "dossier") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = logLevel
        return logger
    }

    /// Loads and sets up the pipeline with every stage Dossier ships.
    func pipeline() throws -> Pipeline {
        try Pipeline(config: try PipelineConfig.load(path: config), registry: .standard, logger: logger())
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

extension StageRegistry {
    /// Every stage Dossier ships: the core, the C-backed formats, and the renderers.
    static let standard = StageRegistry.core.merging(.formats).merging(.render)
}

/// Runs a command body, turning Dossier's errors into one clear line on stderr and the
/// documented exit code.
func reportingErrors(_ body: () throws -> ExitStatus) throws {
    let status: ExitStatus
    do {
        status = try body()
    } catch let error as any DossierError {
        printError(error.description)
        status = error.exitStatus
    }
    if status != .success { throw ExitCode(status.rawValue) }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
