import DossierCore
import Foundation

/// Renders HTML files to PDF with WeasyPrint, all of a build's pages in one Python process
/// (much faster than one process per file), under a time and a memory limit.
///
/// WeasyPrint fetches whatever a page points at; the script gives it a `url_fetcher` that
/// serves only regular files inside the folder being rendered and `data:` URIs, and refuses
/// everything else (other paths, `..`, devices, every http(s) URL) before reading a byte.
/// The print stylesheet is passed as a string, never as a path.
struct WeasyPrint {
    var python = "/usr/bin/python3"
    var timeout = 300.0
    var memoryMB = 2048

    struct Page: Encodable {
        /// Relative to the root.
        var html: String
        var pdf: String
    }

    struct Result {
        var refused: [String]
    }

    /// Renders `pages` inside `root` (every file a page may load must be inside it).
    /// `epoch` becomes SOURCE_DATE_EPOCH, which fontTools uses for the embedded fonts' dates:
    /// without it, every run gives different PDF bytes.
    func render(_ pages: [Page], root: URL, css: String, epoch: Int = 0) throws -> Result {
        struct Job: Encodable {
            var root: String
            var css: String
            var memoryBytes: Int
            var pages: [Page]
        }
        let job = Job(root: root.path, css: css, memoryBytes: memoryMB * 1024 * 1024, pages: pages)
        let script = root.deletingLastPathComponent().appendingPathComponent("render_pdf_\(getpid()).py")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path]
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = environment["SOURCE_DATE_EPOCH"] ?? String(epoch)
        environment["PYTHONHASHSEED"] = "0"
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw RenderError(
                message: "cannot run \(python) for PDF rendering",
                hint: "install Debian's python3 and weasyprint (apt-get install weasyprint)")
        }
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        input.fileHandleForWriting.write(Data(try JSONEncoder().encode(job)))
        try? input.fileHandleForWriting.close()
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        _ = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        if process.terminationReason == .uncaughtSignal {
            throw RenderError(
                message: "WeasyPrint took longer than \(Int(timeout)) s and was stopped",
                hint: "raise 'timeout' of render.pdf")
        }
        switch process.terminationStatus {
        case 0: break
        case 3:
            throw RenderError(
                message: "WeasyPrint is not installed for \(python)",
                hint: "apt-get install weasyprint (Debian's package, for /usr/bin/python3)")
        default:
            let last = log.split(separator: "\n").last.map(String.init) ?? "no message"
            throw RenderError(
                message: "WeasyPrint failed: \(last)", hint: "run the build with --log-level debug for its full output")
        }
        return Result(
            refused: log.split(separator: "\n").filter { $0.hasPrefix("refused: ") }.map { String($0.dropFirst(9)) })
    }

    static let script = #"""
        # Written by Dossier for one PDF run; reads the job as JSON on stdin.
        import json, mimetypes, os, resource, sys, urllib.parse

        job = json.load(sys.stdin)
        limit = job["memoryBytes"]
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        try:
            import weasyprint
        except ImportError:
            print("weasyprint is not importable", file=sys.stderr)
            sys.exit(3)

        root = os.path.realpath(job["root"])
        # Pages are loaded under a fixed base URL, so no temporary path ends up inside a PDF
        # (the same input then gives the same bytes); the fetcher maps it back to the root.
        BASE = "file:///dossier/"

        def fetcher(url, timeout=10, ssl_context=None):
            if url.startswith("data:"):
                return weasyprint.default_url_fetcher(url, timeout=timeout)
            if url.startswith(BASE):
                path = os.path.realpath(os.path.join(root, \
        urllib.parse.unquote(urllib.parse.urlparse(url).path)[len("/dossier/"):]))
                if path.startswith(root + os.sep) and os.path.isfile(path):
                    with open(path, "rb") as f:
                        data = f.read(50 * 1024 * 1024)
                    return {"string": data, "mime_type": mimetypes.guess_type(path)[0] or "application/octet-stream",
                            "redirected_url": url}
            print("refused: " + url, file=sys.stderr)
            raise ValueError("Dossier refuses to fetch " + url)

        css = weasyprint.CSS(string=job["css"])
        for page in job["pages"]:
            source = os.path.realpath(os.path.join(root, page["html"]))
            target = os.path.realpath(os.path.join(root, page["pdf"]))
            if not (source.startswith(root + os.sep) and target.startswith(root + os.sep)):
                sys.exit("page outside the output folder: " + page["html"])
            with open(source, "rb") as f:
                html = weasyprint.HTML(string=f.read().decode("utf-8"), base_url=BASE + page["html"], \
        url_fetcher=fetcher)
            html.write_pdf(target, stylesheets=[css])
        """#
}

struct RenderError: DossierError {
    var message: String
    var hint: String?
    var location: FileLocation? { nil }
    var exitStatus: ExitStatus { .buildFailed }
}
