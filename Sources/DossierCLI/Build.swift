import ArgumentParser
import DossierCore
import Foundation

/// `dossier build`: runs the whole pipeline and writes the reports.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the reports the pipeline describes.",
        discussion: "Exit codes: 0 success; 1 build failed or --check found differences; 2 usage or configuration error; 3 some documents failed (--keep-going).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Only write this country's briefing (repeatable; name or file slug).")
    var country: [String] = []

    @Option(name: .long, help: "Comma-separated output formats to write: md, html, json, pdf (PDF needs WeasyPrint).")
    var format: String?

    @Flag(name: .long, help: "Build in memory and compare with the output folder; exit 1 listing differences.")
    var check = false

    @Flag(name: .long, help: "Build what can be built when some documents fail (exit 3).")
    var keepGoing = false

    @Flag(name: .long, help: "Wait for another build writing the same output folder, instead of refusing.")
    var wait = false

    @Flag(name: .long, help: "Process every document again instead of using .dossier-cache/.")
    var noCache = false

    @Flag(name: .long, help: "No progress lines on stderr.")
    var quiet = false

    @Option(name: .long, help: "Write a JSON summary (counts, changed files, timings) to this file.")
    var summaryJson: String?

    func run() throws {
        var summary = BuildSummary(exitCode: 0, documents: .init(total: 0, processed: 0, cached: 0, failed: 0),
                                   failures: [], outputs: .init(total: 0, changed: []), timingsSeconds: [:])
        defer {
            if let summaryJson { try? summary.write(to: summaryJson) }
        }
        try reportingErrors {
            let session = try BuildSession(global: global, useCache: !noCache, quiet: quiet)
            let pipeline = session.pipeline
            // Held for the whole build: a second build into the same folder refuses (or waits).
            let lock = check ? nil : try BuildLock(output: pipeline.outputURL, wait: wait)
            defer { withExtendedLifetime(lock) {} }
            let wantsPDF = format.map { $0.lowercased().split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == "pdf" } } ?? true
            if !check && !noCache && country.isEmpty, let count = try session.upToDate(needPDF: wantsPDF) {
                summary.documents = .init(total: count, processed: 0, cached: count, failed: 0)
                if !quiet { print("\(pipeline.output): up to date (no input, rule or program change since the last build)") }
                return .success
            }
            let outcome = try session.run(keepGoing: keepGoing, skipping: wantsPDF ? [] : [.pdf])
            let s = outcome.stats
            summary.documents = .init(total: s.processed + s.cached + s.failed, processed: s.processed, cached: s.cached, failed: s.failed)
            summary.failures = outcome.failures.map(\.description)
            summary.timingsSeconds = outcome.timings
            guard let corpus = outcome.corpus else {
                printError("error: \(outcome.failures.count) document(s) failed; nothing was written (use --keep-going to build the rest)")
                summary.exitCode = ExitStatus.buildFailed.rawValue
                return .buildFailed
            }
            let files = try select(Array(corpus.outputs.values), profiles: corpus.profiles)
            summary.outputs.total = files.count
            let writer = OutputWriter(root: pipeline.outputURL)
            if check {
                let diff = writer.compare(files)
                for p in diff.stale { print("stale: \(pipeline.output)\(p)") }
                for p in diff.missing { print("missing: \(pipeline.output)\(p)") }
                for p in diff.unexpected where country.isEmpty && format == nil { print("unexpected: \(pipeline.output)\(p)") }
                let differs = !diff.stale.isEmpty || !diff.missing.isEmpty || (country.isEmpty && format == nil && !diff.unexpected.isEmpty)
                if differs {
                    printError("error: \(pipeline.output) is not what the pipeline builds; run `make reports` and commit the result")
                    summary.exitCode = ExitStatus.buildFailed.rawValue
                    return .buildFailed
                }
                print("\(pipeline.output): up to date (\(files.count) files)")
            } else {
                session.progress.line("writing \(pipeline.output)")
                let start = Date()
                // Files an earlier full build wrote (its manifest lists them) that this one no
                // longer produces, such as a country that left the corpus, are removed.
                var stale = Set<String>()
                if country.isEmpty && format == nil,
                   let data = FileManager.default.contents(atPath: pipeline.outputURL.appendingPathComponent(Manifest.path).path),
                   let previous = try? JSONDecoder().decode(Manifest.self, from: data) {
                    stale = Set(previous.outputs.map(\.path)).subtracting(files.map(\.path))
                }
                let changed = try writer.commit(files, removing: stale)
                if country.isEmpty && outcome.failures.isEmpty { session.cache?.stamp() }
                summary.timingsSeconds["write"] = Date().timeIntervalSince(start)
                summary.outputs.changed = changed
                if !quiet { print("wrote \(changed.count) of \(files.count) files to \(pipeline.output)") }
            }
            let status: ExitStatus = outcome.failures.isEmpty ? .success : .partial
            summary.exitCode = status.rawValue
            return status
        }
    }

    /// The files to write, after --country and --format.
    private func select(_ files: [OutputFile], profiles: [CountryProfile]) throws -> [OutputFile] {
        var selected = files
        if !country.isEmpty {
            let slugs = try country.map { try CountryChoice.slug(for: $0, in: profiles) }
            selected = selected.filter { f in slugs.contains { ["\($0).md", "\($0).html", "\($0).pdf", "data/\($0).json"].contains(f.path) } }
        }
        if let format {
            let wanted = format.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            let known = ["md", "html", "json", "pdf"]
            for w in wanted where !known.contains(w) {
                throw ConfigError("unknown format '\(w)'", at: nil, hint: Suggest.hint(for: w, in: known, noun: "format"))
            }
            selected = selected.filter { f in
                wanted.contains { w in
                    f.path.hasSuffix(".\(w)") || (w == "html" && f.path.hasSuffix(".css"))
                        || ((w == "html" || w == "md") && f.path.hasSuffix(".svg"))   // the charts the pages show
                }
            }
        }
        return selected
    }
}

enum CountryChoice {
    /// The profile slug for a country named on the command line (name or slug, any case).
    static func slug(for name: String, in profiles: [CountryProfile]) throws -> String {
        guard let p = profiles.first(where: { $0.country.lowercased() == name.lowercased() || $0.slug == name.lowercased() }) else {
            throw ConfigError("no briefing for country '\(name)'", at: nil,
                              hint: Suggest.hint(for: name, in: profiles.map(\.country), noun: "country", plural: "countries"))
        }
        return p.slug
    }
}
