import ArgumentParser
import DossierCore
import DossierRender
import Foundation

/// `dossier build`: runs the whole pipeline and writes the reports.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the reports the pipeline describes.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Only write this country's briefing (repeatable; name or file slug).")
    var country: [String] = []

    @Option(name: .long, help: "Comma-separated output formats to write: md, html, json.")
    var format: String?

    @Flag(name: .long, help: "Build in memory and compare with the output folder; exit 1 listing differences.")
    var check = false

    @Flag(name: .long, help: "Build what can be built when some documents fail (exit 3).")
    var keepGoing = false

    @Flag(name: .long, help: "Wait for another build writing the same output folder, instead of refusing.")
    var wait = false

    func run() throws {
        try reportingErrors {
            let pipeline = try global.pipeline()
            // Held for the whole build: a second build into the same folder refuses (or waits).
            let lock = check ? nil : try BuildLock(output: pipeline.outputURL, wait: wait)
            defer { withExtendedLifetime(lock) {} }
            let runner = Runner(pipeline: pipeline, logger: global.logger())
            let (documents, failures) = runner.processDocuments(try runner.resolveInputs())
            for f in failures { printError(f.description) }
            if !failures.isEmpty && !keepGoing {
                printError("error: \(failures.count) document(s) failed; nothing was written (use --keep-going to build the rest)")
                return .buildFailed
            }
            for d in documents { for w in d.warnings { printError("warning: \(w)") } }
            let corpus = try runner.runCorpusStages(documents)
            let files = try select(Array(corpus.outputs.values), profiles: corpus.profiles)
            let writer = OutputWriter(root: pipeline.outputURL)
            if check {
                let diff = writer.compare(files)
                for p in diff.stale { print("stale: \(pipeline.output)\(p)") }
                for p in diff.missing { print("missing: \(pipeline.output)\(p)") }
                for p in diff.unexpected { print("unexpected: \(pipeline.output)\(p)") }
                if !diff.isEmpty {
                    printError("error: \(pipeline.output) is not what the pipeline builds; run `make reports` and commit the result")
                    return .buildFailed
                }
                print("\(pipeline.output): up to date (\(files.count) files)")
                return failures.isEmpty ? .success : .partial
            }
            let changed = try writer.commit(files)
            print("wrote \(changed.count) of \(files.count) files to \(pipeline.output)")
            return failures.isEmpty ? .success : .partial
        }
    }

    /// The files to write, after --country and --format.
    private func select(_ files: [OutputFile], profiles: [CountryProfile]) throws -> [OutputFile] {
        var selected = files
        if !country.isEmpty {
            var slugs: [String] = []
            for name in country {
                guard let p = profiles.first(where: { $0.country.lowercased() == name.lowercased() || $0.slug == name.lowercased() }) else {
                    throw ConfigError("no briefing for country '\(name)'", at: nil,
                                      hint: Suggest.hint(for: name, in: profiles.map(\.country), noun: "country"))
                }
                slugs.append(p.slug)
            }
            selected = selected.filter { f in slugs.contains { f.path == "\($0).md" || f.path == "\($0).html" || f.path == "data/\($0).json" } }
        }
        if let format {
            let wanted = format.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            let known = ["md", "html", "json"]
            for w in wanted where !known.contains(w) {
                throw ConfigError("unknown format '\(w)'", at: nil, hint: Suggest.hint(for: w, in: known, noun: "format"))
            }
            selected = selected.filter { f in
                wanted.contains { w in f.path.hasSuffix(".\(w)") || (w == "html" && f.path.hasSuffix(".css")) }
            }
        }
        return selected
    }
}
