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
            let files = try select(corpus.outputs, profiles: corpus.profiles)
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
            let briefings = Set(try country.map { ReportID.briefing(try CountryChoice.profile(for: $0, in: profiles)) })
            let kinds: Set<OutputKind> = [.markdown, .html, .pdf, .data]
            selected = selected.filter { f in f.report.map(briefings.contains) == true && kinds.contains(f.kind) }
        }
        if let format {
            let kinds = try OutputFormat.kinds(format)
            selected = selected.filter { kinds.contains($0.kind) }
        }
        return selected
    }
}

/// A format `--format` names, and the kinds of files it writes.
enum OutputFormat: String, CaseIterable {
    case md, html, json, pdf

    /// The charts go with the pages that show them, the stylesheet with the HTML.
    var kinds: Set<OutputKind> {
        switch self {
        case .md: [.markdown, .chart]
        case .html: [.html, .stylesheet, .chart]
        case .json: [.data, .manifest]
        case .pdf: [.pdf]
        }
    }

    /// The formats of a comma-separated list (`md,html`), or a usage error naming the unknown one.
    static func parse(_ list: String) throws -> [OutputFormat] {
        try list.split(separator: ",").map { item in
            let name = item.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = OutputFormat(rawValue: name) else {
                throw ConfigError("unknown format '\(name)'", at: nil,
                                  hint: Suggest.hint(for: name, in: allCases.map(\.rawValue), noun: "format"))
            }
            return format
        }
    }

    static func kinds(_ list: String) throws -> Set<OutputKind> {
        Set(try parse(list).flatMap(\.kinds))
    }
}

enum CountryChoice {
    /// The profile of a country named on the command line (name or slug, any case).
    static func profile(for name: String, in profiles: [CountryProfile]) throws -> CountryProfile {
        guard let p = profiles.first(where: { $0.country.lowercased() == name.lowercased() || $0.slug == name.lowercased() }) else {
            throw ConfigError("no briefing for country '\(name)'", at: nil,
                              hint: Suggest.hint(for: name, in: profiles.map(\.country), noun: "country", plural: "countries"))
        }
        return p
    }
}
