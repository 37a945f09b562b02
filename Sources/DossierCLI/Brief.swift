import ArgumentParser
import DossierCore
import Foundation

/// `dossier brief COUNTRY`: one country's briefing, on demand, through the cache.
struct Brief: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build one country's briefing (to stdout or into the output folder).")

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
            let session = try BuildSession(global: global, useCache: true, quiet: true)
            let lock = stdout ? nil : try BuildLock(output: session.pipeline.outputURL, wait: true)
            defer { withExtendedLifetime(lock) {} }
            let outcome = try session.run(keepGoing: true, skipping: format == .pdf ? [] : [.pdf])
            guard let corpus = outcome.corpus else { return .buildFailed }
            let briefing = ReportID.briefing(try CountryChoice.profile(for: country, in: corpus.profiles))
            guard let file = corpus.outputs(format.kind).first(where: { $0.report == briefing }) else {
                throw ConfigError("the pipeline renders no \(format.rawValue) briefing", at: FileLocation(file: global.config),
                                  hint: "add '- use: render.\(format == .md ? "markdown" : format.rawValue)'")
            }
            if stdout {
                FileHandle.standardOutput.write(Data(file.contents))
            } else {
                var files = [file]
                if format == .html { files += corpus.outputs(.stylesheet) }
                try OutputWriter(root: session.pipeline.outputURL).commit(files)
                print("wrote \(session.pipeline.output)\(file.path)")
            }
            return outcome.failures.isEmpty ? .success : .partial
        }
    }
}
