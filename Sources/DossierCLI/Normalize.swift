import ArgumentParser
import DossierCore
import Foundation

/// `dossier normalize FILE`: the document after the pipeline's document stages, as Markdown
/// or JSON; `--explain` adds what was removed and every dehyphenation decision.
struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a document as the pipeline normalizes it.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The document.")
    var file: String

    @Option(name: .long, help: "md or json.")
    var format: Format = .md

    @Flag(name: .long, help: "Also list removed text and normalization decisions.")
    var explain = false

    enum Format: String, ExpressibleByArgument { case md, json }

    func run() throws {
        try reportingErrors {
            let runner = Runner(pipeline: try global.pipeline(), logger: global.logger())
            var d = try runner.processDocument(
                try runner.read(file, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
            switch format {
            case .json:
                d.lines = []
                if !explain {
                    d.removed = []
                    d.decisions = []
                }
                FileHandle.standardOutput.write(Data(try StableJSON.encode(d)))
            case .md:
                print(d.normalizedMarkdown(explain: explain), terminator: "")
            }
            return .success
        }
    }
}
