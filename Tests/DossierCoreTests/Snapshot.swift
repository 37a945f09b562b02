import Foundation
import XCTest

/// Compares `text` with the golden file `Snapshots/<name>`.
///
/// With `RECORD_SNAPSHOTS=1` it writes the golden file instead and fails, so a recording run
/// can never pass by itself: review the new golden (`git diff`), then run again without it.
func assertSnapshot(_ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Snapshots/\(name)")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        do {
            let folder = url.deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            XCTFail("recorded \(name); review it and run again without RECORD_SNAPSHOTS", file: file, line: line)
        } catch {
            XCTFail("cannot record \(name): \(error)", file: file, line: line)
        }
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        XCTFail("no golden file \(name); run the tests with RECORD_SNAPSHOTS=1 and review it", file: file, line: line)
        return
    }
    guard expected != text else { return }
    let a = expected.components(separatedBy: "\n")
    let b = text.components(separatedBy: "\n")
    let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
    XCTFail(
        """
        \(name) differs from its golden file at line \(first + 1):
        - \(first < a.count ? a[first] : "<end>")
        + \(first < b.count ? b[first] : "<end>")
        (RECORD_SNAPSHOTS=1 re-records after review)
        """, file: file, line: line)
}
