import DossierCore
import Foundation
import Logging
import XCTest

@testable import DossierFormats

/// ingest.html's settings: decoded strictly from pipeline.yaml, and class hints matched as
/// words (`nav*` a prefix), never as substrings.
final class HTMLSettingsTests: XCTestCase {
    /// Options are read strictly from pipeline.yaml: every list and threshold is a key.
    func testOptionsDecodeStrictly() throws {
        let yaml = "negative-hints: [share]\nmin-article-chars: 200\n"
        let options = try StrictYAML.decode(IngestHTML.Options.self, from: yaml, file: "p.yaml")
        XCTAssertEqual(options.negativeHints, ["share"])
        XCTAssertEqual(options.minArticleChars, 200)
        XCTAssertThrowsError(
            try StrictYAML.decode(IngestHTML.Options.self, from: "negative-hint: [x]\n", file: "p.yaml"))
        // Every declared key is read (null keeps its default).
        let everyKey = IngestHTML.Options.fields.map { "\($0.name): ~" }.joined(separator: "\n")
        XCTAssertEqual(try StrictYAML.decode(IngestHTML.Options.self, from: everyKey, file: "p.yaml").maxDepth, 100)
    }

    func testClassHintsMatchWordsNotSubstrings() {
        let hints = ClassHints(["nav*", "ad", "most-read", "main"])
        XCTAssertEqual(hints.match("site-navigation"), "nav*")
        XCTAssertEqual(hints.match("mainNav"), "nav*")
        XCTAssertEqual(hints.match("ad-slot"), "ad")
        XCTAssertNil(hints.match("address-block"))
        XCTAssertNil(hints.match("domain canvas"))
        XCTAssertEqual(hints.match("mostReadList"), "most-read")
        XCTAssertEqual(hints.match("most_read"), "most-read")
    }
}
