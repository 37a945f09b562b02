import DossierCore
import Foundation
import XCTest

/// Rules live in config: no Swift source names a sample country or quotes a sample document.
final class ProvenanceTests: XCTestCase {
    func testNoSwiftSourceNamesASampleCountry() throws {
        let names = [
            "Azerbaijan", "Tajikistan", "Turkmenistan", "Uzbekistan", "Turkmen", "Uzbek", "Tajik", "Azeri",
            "Ashgabat", "Dushanbe", "Tashkent", "Baku", "Berdimuhamedow",
        ]
        let sources = repoRoot.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        XCTAssertGreaterThan(files.count, 20)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for name in names {
                XCTAssertFalse(text.localizedCaseInsensitiveContains(name), "\(file.lastPathComponent) names '\(name)'")
            }
        }
    }
}
