import Foundation
import XCTest

/// The PDFs, read back as text: contents with page numbers, running header, page footer,
/// a cited passage; the HTML's citations resolve; WeasyPrint fetches nothing outside.
final class PDFTests: XCTestCase {
    static var hasWeasyPrint: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/weasyprint") }

    private func text(_ pdf: URL, pages: ClosedRange<Int>? = nil) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        p.arguments = (pages.map { ["-f", "\($0.lowerBound)", "-l", "\($0.upperBound)"] } ?? []) + [pdf.path, "-"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func testBriefingPDFsReadBack() throws {
        guard Self.hasWeasyPrint else { throw XCTSkip("WeasyPrint is not installed") }
        let dir = try CLI.project([:], copySamples: true)
        XCTAssertEqual(try CLI.dossier(["build", "--quiet"], in: dir).status, 0)
        let pdf = dir.appendingPathComponent("reports/turkmenistan.pdf")
        let first = try text(pdf, pages: 1...1)
        XCTAssertTrue(first.contains("Contents"), first)
        for entry in ["Sources", "Partnership frameworks", "Cooperation areas", "Timeline", "Notes"] {
            XCTAssertNotNil(
                first.range(of: "\(entry)[ .]*\\d+", options: .regularExpression),
                "contents entry \(entry) with a page number")
        }
        XCTAssertNotNil(first.range(of: #"Page 1 of \d+"#, options: .regularExpression))
        XCTAssertTrue(
            try text(pdf, pages: 2...2).hasPrefix("Turkmenistan — partnership briefing"), "running header on page 2")
        let all = try text(pdf).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(
            all.contains("The current NATO Contact Point Embassy in Turkmenistan is the embassy of the United Kingdom"),
            "a cited passage")
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports/comparative-summary.pdf").path))
        XCTAssertEqual(
            try CLI.dossier(["build", "--check"], in: dir).status, 0, "PDFs are artifacts, not part of --check")
    }

    func testEveryCitationResolvesToANoteAndEveryNoteToASourceLine() throws {
        let reports = CLI.repo.appendingPathComponent("reports")
        for name in try FileManager.default.contentsOfDirectory(atPath: reports.path) where name.hasSuffix(".html") {
            let html = try String(contentsOf: reports.appendingPathComponent(name), encoding: .utf8)
            let links = Set(html.components(separatedBy: "href=\"#note-").dropFirst().map { $0.prefix { $0.isNumber } })
            for n in links { XCTAssertTrue(html.contains("id=\"note-\(n)\""), "\(name): citation \(n) has no note") }
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: reports.appendingPathComponent("data").path) {
            let json =
                try JSONSerialization.jsonObject(with: Data(contentsOf: reports.appendingPathComponent("data/\(name)")))
                as! [String: Any]
            var spans: [[String: Any]] = []
            func collect(_ v: Any) {
                if let d = v as? [String: Any] {
                    if let span = d["span"] as? [String: Any] { spans.append(span) }
                    d.values.forEach(collect)
                } else if let a = v as? [Any] {
                    a.forEach(collect)
                }
            }
            collect(json)
            XCTAssertFalse(spans.isEmpty)
            for span in spans {
                let file = span["file"] as! String
                let end = span["endLine"] as! Int
                let lines = try String(contentsOf: CLI.repo.appendingPathComponent(file), encoding: .utf8).components(
                    separatedBy: "\n"
                ).count
                XCTAssertLessThanOrEqual(end, lines, "\(name): \(file):\(end) does not exist")
            }
        }
    }

    func testWeasyPrintMissingIsAClearError() throws {
        let dir = try CLI.project([:], copySamples: true)
        try CLI.setOptions(of: "render.pdf", to: ["python: /nonexistent/python3"], in: dir)
        let run = try CLI.dossier(["build", "--quiet"], in: dir)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(
            run.stderr.contains("render.pdf: cannot run /nonexistent/python3")
                && run.stderr.contains("apt-get install weasyprint"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports").path))
    }
}

final class NoPDFTests: XCTestCase {
    /// Without PDF in --format, WeasyPrint is never needed.
    func testMarkdownAndHTMLNeedNoWeasyPrint() throws {
        let dir = try CLI.project([:], copySamples: true)
        try CLI.setOptions(of: "render.pdf", to: ["python: /nonexistent/python3"], in: dir)
        let run = try CLI.dossier(["build", "--quiet", "--format", "md,html,json"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports/tajikistan.html").path))
    }
}

final class HTMLValidityTests: XCTestCase {
    /// Every committed report page passes HTML Tidy with no error or warning.
    func testReportsPassTidy() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tidy") else {
            throw XCTSkip("tidy is not installed (apt-get install tidy)")
        }
        let reports = CLI.repo.appendingPathComponent("reports")
        let pages = try FileManager.default.contentsOfDirectory(atPath: reports.path).filter { $0.hasSuffix(".html") }
        XCTAssertGreaterThanOrEqual(pages.count, 6)
        for page in pages {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/tidy")
            p.arguments = ["-errors", "-q", reports.appendingPathComponent(page).path]
            let err = Pipe()
            p.standardError = err
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertEqual(text, "", "\(page): \(text)")
        }
    }
}

final class WeasyPrintMissingModuleTests: XCTestCase {
    /// A Python that cannot import weasyprint: the error names the package to install.
    func testAPythonWithoutWeasyPrintNamesThePackage() throws {
        let candidates = ["/root/.pyenv/shims/python3", "/usr/local/bin/python3"]
        guard let python = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("no second Python here")
        }
        let check = Process()
        check.executableURL = URL(fileURLWithPath: python)
        check.arguments = ["-c", "import weasyprint"]
        check.standardError = FileHandle.nullDevice
        try check.run()
        check.waitUntilExit()
        guard check.terminationStatus != 0 else {
            throw XCTSkip("\(python) has weasyprint")
        }
        let dir = try CLI.project([:], copySamples: true)
        try CLI.setOptions(of: "render.pdf", to: ["python: \(python)"], in: dir)
        let run = try CLI.dossier(["build", "--quiet"], in: dir)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(
            run.stderr.contains("render.pdf: WeasyPrint is not installed for \(python)")
                && run.stderr.contains("apt-get install weasyprint"), run.stderr)
    }
}
