import DossierCore
import Foundation
import XCTest

/// A very large saved page (an export of a whole site section) goes through ingest.html and
/// every document stage. The 50 MB figure in docs/architecture.md was measured on the same
/// shape; this checks the outcome only, not the time.
final class LargeHTMLTests: XCTestCase {
    /// `megabytes` of article: sections of paragraphs with a list and a table each, in chrome.
    static func page(megabytes: Int) -> String {
        let words = [
            "alliance", "partnership", "energy", "security", "cooperation", "ministers", "agreed", "budget",
            "defence", "reform", "training", "exercise", "partner", "dialogue", "programme", "council",
        ]
        var parts = [
            "<!doctype html><html lang=\"en\"><head><title>Large report | Site</title></head><body>",
            "<nav><a href=\"/\">Home</a></nav><article><h1>Large report</h1>\n",
        ]
        var size = 0
        var n = 0
        while size < megabytes << 20 {
            n += 1
            let part: String
            switch n % 40 {
            case 1: part = "<h2>Section \(n / 40)</h2>\n"
            case 20:
                part =
                    "<ul>" + (0..<5).map { "<li>\(words[($0 + n) % words.count]) item \($0)</li>" }.joined() + "</ul>\n"
            case 30:
                part =
                    "<table><tr><th>Year</th><th>Event</th></tr>"
                    + (0..<3).map { "<tr><td>\(2000 + $0)</td><td>\(words[$0])</td></tr>" }.joined() + "</table>\n"
            default:
                part =
                    "<p>Paragraph \(n): " + (0..<60).map { words[($0 * 7 + n) % words.count] }.joined(separator: " ")
                    + ", in \(1990 + n % 30).</p>\n"
            }
            parts.append(part)
            size += part.utf8.count
        }
        parts.append("<p>The last paragraph of the report.</p></article><footer>© 2024</footer></body></html>\n")
        return parts.joined()
    }

    func testAFiveMegabytePageIsProcessed() throws {
        let html = Self.page(megabytes: 5)
        let d = try Support.runner().processDocument(InputFile(path: "large.html", bytes: Array(html.utf8)))
        XCTAssertEqual(d.title, "Large report")
        let passages = d.passages
        XCTAssertGreaterThan(passages.count, 8_000)
        XCTAssertEqual(passages.last?.text, "The last paragraph of the report.")
        XCTAssertTrue(d.removed.contains { $0.text == "Home" }, "the navigation is recorded as removed")
    }
}
