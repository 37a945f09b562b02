import Foundation
import XCTest

/// A 100 MB source (an export, a merged dossier) is processed like any other, in bounded memory.
final class LargeFileTests: XCTestCase {
    /// Peak memory allowed for the build of a 100 MB file: 30 times its size. The text, its
    /// lines, passages and facts are all held at once (measured: about 23 times).
    static let memoryBound = 3_000 << 20

    func testAHundredMegabyteFileIsProcessedWithinMemory() throws {
        let dir = try CLI.project([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        // One page's title, then its body again and again: a very long document about one country.
        let page = try String(
            contentsOf: CLI.repo.appendingPathComponent("corpus/nato-relations-tajikistan.txt"), encoding: .utf8)
        let title = page.prefix { $0 != "\n" }
        let body = Data(page.dropFirst(title.count).utf8)
        let path = dir.appendingPathComponent("corpus/long-report.txt")
        FileManager.default.createFile(atPath: path.path, contents: Data((title + "\n").utf8))
        let out = try FileHandle(forWritingTo: path)
        out.seekToEndOfFile()
        var size = title.utf8.count + 1
        while size < 100 << 20 {
            out.write(body)
            size += body.count
        }
        try out.close()

        let run = try CLI.dossier(["build", "--quiet", "--format", "md,html,json"], in: dir)
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        XCTAssertEqual(run.status, 0, run.stderr)
        let briefing = try String(contentsOf: dir.appendingPathComponent("reports/tajikistan.md"), encoding: .utf8)
        XCTAssertTrue(briefing.contains("Partnership for Peace"), "the briefing lost the frameworks")
        XCTAssertTrue(briefing.contains("corpus/long-report.txt"), "the briefing does not cite the file")
        // ru_maxrss (KiB) is the largest of the children reaped so far: this build's peak or
        // an earlier, smaller child's.
        XCTAssertLessThanOrEqual(
            Int(usage.ru_maxrss) << 10, Self.memoryBound,
            "peak memory \(usage.ru_maxrss >> 10) MiB for a 100 MB file")
    }
}
