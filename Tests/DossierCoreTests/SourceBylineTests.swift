import XCTest

@testable import DossierCore

/// Authors and publishers, as sources print them: a byline, a bare name under an analysis's
/// title, a © line; and the title-case headings that are not names.
final class SourceBylineTests: XCTestCase {
    private let body = String(
        repeating: "Moldova keeps talking with Moscow about gas prices, and Moscow keeps raising them again. ",
        count: 4)

    func testBareNameUnderAnAnalysisTitleIsItsAuthor() throws {
        let d = try processWithProjectPipeline(
            "Gas, Moscow and Moldova: A Difficult Balance\n\nJane Q. Doe\n\n\(body)\n\n"
                + "© 2021 Institute for Imaginary Studies. All rights reserved.\n",
            name: "analysis.txt")
        XCTAssertEqual(d.kind, .analysis)
        XCTAssertEqual(d.facts.author?.value, "Jane Q. Doe")
        XCTAssertEqual(d.facts.author?.evidence.span.startLine, 3)
        XCTAssertEqual(d.facts.publisher?.value, "Institute for Imaginary Studies")
    }

    func testBylineLineNamesTheAuthors() throws {
        let d = try processWithProjectPipeline(
            "Gas, Moscow and Moldova\n\nBy Jane Doe and John Roe\n\n\(body)\n", name: "analysis.txt")
        XCTAssertEqual(d.facts.author?.value, "Jane Doe and John Roe")
    }

    func testHeadingsAndSentencesAreNoAuthors() throws {
        let d = try processWithProjectPipeline(
            "Gas, Moscow and Moldova\n\nExecutive Summary\n\n\(body)\n\nby the need to secure supplies\n",
            name: "analysis.txt")
        XCTAssertNil(d.facts.author)
        XCTAssertTrue(SourceByline.looksLikeName("Slavomir Horak"))
        XCTAssertTrue(SourceByline.looksLikeName("Jean-Luc O’Neill"))
        XCTAssertFalse(SourceByline.looksLikeName("Russia"))
        XCTAssertFalse(SourceByline.looksLikeName("or Pragmatism?"))
        XCTAssertFalse(SourceByline.looksLikeName("Updated 12 May 2021"))
        XCTAssertFalse(SourceByline.looksLikeName("The Alliance Has Grown Over Many Years"))
    }
}
