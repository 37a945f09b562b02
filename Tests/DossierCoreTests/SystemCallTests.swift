import DossierCore
import Foundation
import XCTest

/// The two calls CDossierSys wraps, seen through the code that uses them.
final class SystemCallTests: XCTestCase {
    /// A second commit swaps the new tree in (the atomic exchange) and leaves no staging folder.
    func testACommitExchangesTheFolderAndCleansUp() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-sys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        let writer = OutputWriter(root: parent.appendingPathComponent("out"))
        XCTAssertEqual(
            try writer.commit([OutputFile(path: "a.txt", contents: Array("one".utf8), kind: .data)]), ["a.txt"])
        let changed = try writer.commit([
            OutputFile(path: "a.txt", contents: Array("two".utf8), kind: .data),
            OutputFile(path: "b/c.txt", contents: Array("three".utf8), kind: .data),
        ])
        XCTAssertEqual(changed, ["a.txt", "b/c.txt"])
        let a = try String(contentsOf: parent.appendingPathComponent("out/a.txt"), encoding: .utf8)
        XCTAssertEqual(a, "two")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent.path), ["out"])
    }

    /// On Linux the cache's version fingerprint includes the running executable's stamp.
    func testTheFingerprintNamesTheExecutable() throws {
        #if os(Linux)
            let stamp = DossierVersion.fingerprint.dropFirst(DossierVersion.current.count)
            XCTAssertTrue(
                DossierVersion.fingerprint.hasPrefix(DossierVersion.current + "+"), DossierVersion.fingerprint)
            XCTAssertEqual(stamp.split(separator: ".").count, 3, DossierVersion.fingerprint)
        #else
            throw XCTSkip("the executable stamp is only tested on Linux")
        #endif
    }
}
