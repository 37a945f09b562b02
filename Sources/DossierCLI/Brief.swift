import ArgumentParser
import DossierCore
import Foundation

/// `dossier brief COUNTRY`: one country's briefing, on demand, through the cache.
struct Brief: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build one country's briefing (to stdout or into the output folder).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The country (name or file slug).")
    var country: String

    @Option(name: .long, help: "md, html or pdf (pdf needs WeasyPrint).")
    var format: Format = .md

    @Flag(name: .long, help: "Print the briefing instead of writing it into the output folder.")
    var stdout = false

    enum Format: String, ExpressibleByArgument {
        case md, html, pdf

        var kind: OutputKind {
            switch self {
            case .md: .markdown
            case .html: .html
            case .pdf: .pdf
            }
        }
    }

    func run() throws {
        try reportingErrors {
            let pipeline = try global.pipeline()
            let build = DossierCore.Build(pipeline: pipeline, logger: global.logger(), useCache: true)
            let lock = stdout ? nil : try BuildLock(output: pipeline.outputURL, wait: true)
            defer { withExtendedLifetime(lock) {} }
            let skipping: Set<Artifact> = format == .pdf ? [] : [.pdf]
            let made = try build.make(keepGoing: true, skipping: skipping, observer: Progress(quiet: true))
            guard let corpus = made.corpus else { return .buildFailed }
            let briefing = ReportID.briefing(try DossierCore.Build.profile(named: country, in: corpus.profiles))
            guard let file = corpus.outputs(format.kind).first(where: { $0.report == briefing }) else {
                throw ConfigError(
                    "the pipeline renders no \(format.rawValue) briefing", at: FileLocation(file: global.config),
                    hint: "add '- use: render.\(format == .md ? "markdown" : format.rawValue)'")
            }
            if stdout {
                FileHandle.standardOutput.write(Data(file.contents))
            } else {
                var files = [file]
                if format == .html { files += corpus.outputs(.stylesheet) }
                try OutputWriter(root: pipeline.outputURL).commit(files)
                print("wrote \(pipeline.output)\(file.path)")
            }
            return made.failures.isEmpty ? .success : .partial
        }
    }
}
