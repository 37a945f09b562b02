import XCTest

@testable import DossierCore

/// Numbers survive the normalizers: a digit after a full stop or comma is a footnote call only
/// when it cannot be part of the number before it (issue #10: "$8.8 billion" became "$8. billion").
final class NumberTokenTests: XCTestCase {
    private let notes = Set(1...40)

    private func calls(_ text: String) -> (String, [Int]) { SeparateFootnotes.extractCalls(text, known: notes) }

    func testDecimalsAndGroupedThousandsAreNotNoteCalls() {
        for text in [
            "The budget reached $8.8 billion.", "Growth slowed to 5.4 percent.", "about 13,000 workers",
            "13,100 workers",
            "640 000 residents", "costs rose by 3.2% to €1.5 million", "a 0.75 share", "£2.75 million",
            "at 10:30 the meeting",
            "version 1.2.3 of the plan", "12.5 percent of them",
        ] {
            XCTAssertEqual(calls(text).0, text, "digits lost from '\(text)'")
            XCTAssertEqual(calls(text).1, [], text)
        }
    }

    func testCallsAfterWordsAndYearsStillGo() {
        XCTAssertEqual(calls("shaped by gas issues.1 While the first").0, "shaped by gas issues. While the first")
        XCTAssertEqual(calls("shaped by gas issues.1 While the first").1, [1])
        XCTAssertEqual(calls("a treaty was signed. 2 Based on this,").1, [2])
        XCTAssertEqual(calls("exports were higher,5 and rail").0, "exports were higher, and rail")
        XCTAssertEqual(
            calls("The budget reached $8.8 billion in 2015.1 Growth slowed").0,
            "The budget reached $8.8 billion in 2015. Growth slowed")
        XCTAssertEqual(calls("the agreement of 1994.12").1, [12], "a call after a year at the line end")
    }

    func testANumberOpeningASentenceIsNotACall() {
        XCTAssertEqual(calls("It ended in 2019. 10 members stayed.").0, "It ended in 2019. 10 members stayed.")
        XCTAssertEqual(
            calls("The agreement was signed in 1994. 2004 saw the first exercise.").1, [], "a year is never a call")
        XCTAssertEqual(
            calls("the rate was $2015.5 million").1, [], "a year-like number with decimals before a lower-case word")
    }

    func testExtractedCallsAreExplained() throws {
        let d = try analyzeText(
            """
            A Title Here

            The budget reached $8.8 billion in 2015.1 Growth slowed to 5.4 percent.2

            1 Ministry of Finance, Annual Report, https://example.org/report.
            2 Statistics Office, Vol. 3, 2016.
            """)
        XCTAssertEqual(d.passages.first?.text, "The budget reached $8.8 billion in 2015. Growth slowed to 5.4 percent.")
        XCTAssertEqual(d.passages.first?.footnoteCalls, [1, 2])
        XCTAssertTrue(d.decisions.contains("doc.txt:3: note calls 1, 2 taken out of the text"), "\(d.decisions)")
        XCTAssertTrue(
            d.normalizedMarkdown(explain: true).contains("- line 5 [normalize.footnotes: footnote 1] 1 Ministry"),
            "--explain names the stage and the rule of a removed span")
    }

    /// The project's normalizers (pipeline.yaml's settings) on one text file.
    private func analyzeText(_ text: String) throws -> Document {
        try processText(
            text,
            stages: """
                  - use: normalize.whitespace
                  - use: normalize.footnotes
                    citation-patterns: ['https?://', '\\bVol\\.']
                  - use: normalize.structure
                """)
    }
}
