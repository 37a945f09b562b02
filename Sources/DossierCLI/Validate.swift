import ArgumentParser
import DossierCore
import DossierRender
import Foundation

/// `dossier validate`: checks the pipeline without reading any document.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check pipeline.yaml: keys, types, stage names and options, and that every stage's inputs come first."
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingErrors {
            let pipeline = try global.pipeline()
            print("\(global.config): OK (\(pipeline.stages.count) stages, \(pipeline.taxonomy.areas.count) areas)")
            return .success
        }
    }
}

/// `dossier stages`: what each stage does and the options it takes, printed from the stages'
/// declarations; `--format markdown` gives the table of docs/pipeline.md, which `--update`
/// writes into that file between its markers.
struct Stages: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the available stages and their options.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown }

    @Option(help: "text, or markdown: the options table of docs/pipeline.md.")
    var format: Format = .text

    @Option(
        help: ArgumentHelp(
            "With --format markdown: replace the generated table in this Markdown file.",
            valueName: "file"))
    var update: String?

    func validate() throws {
        if update != nil, format != .markdown { throw ValidationError("--update needs --format markdown") }
    }

    func run() throws {
        switch (format, update) {
        case (.text, _):
            print(StageCatalog.text(.standard), terminator: "")
        case (.markdown, nil):
            print(StageCatalog.markdown(.standard), terminator: "")
        case (.markdown, let path?):
            try reportingErrors { try updateDocs(path) }
        }
    }

    /// Rewrites the table in `path`, leaving the file alone when it already holds this table.
    private func updateDocs(_ path: String) throws -> ExitStatus {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError("cannot read '\(path)'", at: FileLocation(file: path))
        }
        let old = String(decoding: data, as: UTF8.self)
        let new = try StageCatalog.replacingTable(in: old, with: StageCatalog.markdown(.standard), file: path)
        if new != old { try Data(new.utf8).write(to: URL(fileURLWithPath: path)) }
        print("\(path): \(new == old ? "up to date" : "updated")")
        return .success
    }
}
