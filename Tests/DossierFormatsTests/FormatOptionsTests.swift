import DossierCore
import DossierFormats
import XCTest

/// The ingest stages' options as declared (`Setting`): checks beyond the type stay located.
final class FormatOptionsTests: XCTestCase {
    func testAnUnknownPDFModeIsLocatedAndNamesTheValidOnes() throws {
        let options = try StrictYAML.decode(IngestPDF.Options.self, from: "mode: text\n", file: "p.yaml")
        XCTAssertEqual(options.mode, "text")
        XCTAssertEqual(options.timeout, 60)
        XCTAssertThrowsError(
            try StrictYAML.decode(
                IngestPDF.Options.self, from: "timeout: 5\nmode: layout\n",
                file: "p.yaml")
        ) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("p.yaml:2:7"), text)
            XCTAssertTrue(text.contains("mode must be 'geometry' or 'text', not 'layout'"), text)
        }
    }
}
