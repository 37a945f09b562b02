import ArgumentParser
import DossierCore

/// `dossier cache clean`: forget every processed document.
struct Cache: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the document cache (.dossier-cache/).", subcommands: [Clean.self])

    struct Clean: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete .dossier-cache/ beside the pipeline file.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try reportingErrors {
                let config = try PipelineConfig.load(path: global.config)
                let cache = DocumentCache(directory: config.baseDirectory.appendingPathComponent(".dossier-cache"))
                try cache.clean()
                print("removed \(cache.directory.path)")
                return .success
            }
        }
    }
}
