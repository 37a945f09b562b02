import ArgumentParser
import DossierCore
import Foundation

/// `dossier build`: runs the whole pipeline and writes the reports. The build itself is
/// `DossierCore.Build`; this command turns flags into a request and prints the result.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the reports the pipeline describes.",
        discussion:
            "Exit codes: 0 success; 1 build failed or --check found differences; 2 usage or configuration error; 3 "
            + "some documents failed (--keep-going)."
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Only write this country's briefing (repeatable; name or file slug).")
    var country: [String] = []

    @Option(name: .long, help: "Comma-separated output formats to write: \(OutputFormat.names) (PDF needs WeasyPrint).")
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

    /// Before any work: an unknown format is a usage error (exit 2), as a bad pipeline is.
    func validate() throws {
        guard let format else { return }
        do {
            _ = try OutputFormat.parse(format)
        } catch let error as any DossierError {
            printError(error.description)
            throw ExitCode(error.exitStatus.rawValue)
        }
    }

    func run() throws {
        var summary = BuildSummary(
            exitCode: 0, documents: .init(total: 0, processed: 0, cached: 0, failed: 0),
            failures: [], outputs: .init(total: 0, changed: []), timingsSeconds: [:])
        defer {
            if let summaryJson { try? summary.write(to: summaryJson) }
        }
        try reportingErrors {
            let pipeline = try global.pipeline()
            var request = DossierCore.Build.Request()
            request.check = check
            request.keepGoing = keepGoing
            request.waitForLock = wait
            request.countries = country
            request.kinds = try format.map { Set(try OutputFormat.parse($0).flatMap(\.kinds)) }
            let build = DossierCore.Build(pipeline: pipeline, logger: global.logger(), useCache: !noCache)
            let result = try build.run(request, observer: Progress(quiet: quiet))
            let status = show(result, output: pipeline.output)
            summary.record(result, status: status)
            return status
        }
    }

    /// Prints what the build did and gives the exit status.
    private func show(_ result: DossierCore.Build.Result, output: String) -> ExitStatus {
        let finished: ExitStatus = result.failures.isEmpty ? .success : .partial
        switch result.outcome {
        case .upToDate:
            if !quiet { print("\(output): up to date (no input, rule or program change since the last build)") }
            return .success
        case .documentsFailed:
            printError(
                "error: \(result.failures.count) document(s) failed; nothing was written "
                    + "(use --keep-going to build the rest)")
            return .buildFailed
        case .checked(let diff):
            for p in diff.stale { print("stale: \(output)\(p)") }
            for p in diff.missing { print("missing: \(output)\(p)") }
            for p in diff.unexpected { print("unexpected: \(output)\(p)") }
            guard diff.isEmpty else {
                printError("error: \(output) is not what the pipeline builds; run `make reports` and commit the result")
                return .buildFailed
            }
            print("\(output): up to date (\(result.files) files)")
            return finished
        case .written(let changed):
            if !quiet { print("wrote \(changed.count) of \(result.files) files to \(output)") }
            return finished
        }
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

    static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The formats of a comma-separated list (`md,html`), or a usage error naming the unknown one.
    static func parse(_ list: String) throws -> [OutputFormat] {
        try list.split(separator: ",").map { item in
            let name = item.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = OutputFormat(rawValue: name) else {
                throw ConfigError(
                    "unknown format '\(name)'", at: nil,
                    hint: Suggest.hint(for: name, in: allCases.map(\.rawValue), noun: "format"))
            }
            return format
        }
    }
}
