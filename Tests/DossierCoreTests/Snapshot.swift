import Foundation
import XCTest

/// Compares `text` with the golden file `Snapshots/<name>`; `RECORD_SNAPSHOTS=1` writes it.
func assertSnapshot(_ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Snapshots/\(name)")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        XCTFail("no golden file \(name); run the tests with RECORD_SNAPSHOTS=1 and review it", file: file, line: line)
        return
    }
    guard expected != text else { return }
    let a = expected.components(separatedBy: "\n"), b = text.components(separatedBy: "\n")
    let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
    XCTFail("""
        \(name) differs from its golden file at line \(first + 1):
        - \(first < a.count ? a[first] : "<end>")
        + \(first < b.count ? b[first] : "<end>")
        (RECORD_SNAPSHOTS=1 re-records after review)
        """, file: file, line: line)
}
