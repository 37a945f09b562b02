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
            var d = try runner.processDocument(try runner.read(file, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
            switch format {
            case .json:
                d.lines = []
                if !explain { d.removed = []; d.decisions = [] }
                FileHandle.standardOutput.write(Data(try StableJSON.encode(d)))
            case .md:
                print(Self.markdown(d, explain: explain), terminator: "")
            }
            return .success
        }
    }

    static func markdown(_ d: DossierCore.Document, explain: Bool) -> String {
        var s = "# \(d.title ?? d.source)\n"
        for section in d.sections {
            if let h = section.heading { s += "\n" + String(repeating: "#", count: section.level + 1) + " \(h)  <!-- line \(section.headingSpan?.startLine ?? 0) -->\n" }
            for p in section.passages {
                let marker = p.kind == .milestone ? "- [\(p.milestoneYear.map(String.init) ?? "undated")] " : p.kind == .listItem ? "- " : ""
                let calls = p.footnoteCalls.isEmpty ? "" : " [notes \(p.footnoteCalls.map(String.init).joined(separator: ", "))]"
                s += "\n\(marker)\(p.text)\(calls)  <!-- \(p.span.lineLabel) -->\n"
            }
        }
        if !d.footnotes.isEmpty {
            s += "\n## Footnotes\n\n"
            for n in d.footnotes { s += "\(n.number). \(n.text)  <!-- \(n.span.lineLabel) -->\n" }
        }
        if explain {
            s += "\n## Removed\n\n"
            for r in d.removed { s += "- \(r.span.lineLabel) [\(r.stage): \(r.reason)] \(r.text)\n" }
            s += "\n## Decisions\n\n"
            for x in d.decisions { s += "- \(x)\n" }
        }
        return s
    }
}
