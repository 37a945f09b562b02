import XCTest

@testable import DossierCore

/// The lines between a source's title and its text: a byline, a dateline, the title printed
/// twice. They belong to the source, not to its text: never a heading, a paragraph's first words
/// or a dated event.
final class SourceHeadTests: XCTestCase {
    private let body =
        "Moldova signed a gas agreement with Gazprom in 2019 and has bargained over its price since. "
        + "The government keeps talking with Moscow about supplies, and Moscow keeps raising the price again."

    func testADatelineUnderTheTitleDatesTheSource() throws {
        let d = try processWithProjectPipeline(
            "Gas, Moscow and Moldova\n\nBy Jane Doe\n12 March 2023\n\n\(body)\n", name: "analysis.txt")
        XCTAssertEqual(d.facts.published?.date, "2023-03-12")
        XCTAssertEqual(d.facts.published?.evidence.signals, [.dateline])
        XCTAssertEqual(d.facts.published?.evidence.span.startLine, 4)
        XCTAssertEqual(d.facts.author?.value, "Jane Doe")
        XCTAssertEqual(d.removed.filter { $0.stage == BuildSections.id }.map(\.reason), ["byline", "dateline"])
        XCTAssertEqual(d.passages.first?.text.hasPrefix("Moldova signed"), true)
        XCTAssertFalse(d.sections.contains { $0.heading == "12 March 2023" })
        // The day it went out is no event of the relation.
        XCTAssertEqual(d.facts.milestones.compactMap(\.year), [2019])
    }

    func testADateOnALineOfItsOwnIsNoHeading() throws {
        let d = try processWithProjectPipeline("Gas, Moscow and Moldova\n\nMarch 12, 2023\n\n\(body)\n")
        XCTAssertEqual(d.facts.published?.date, "2023-03-12")
        XCTAssertEqual(d.sections.compactMap(\.heading), [])
    }

    func testABulletedDateRunIntoTheFirstParagraphIsSplitOff() throws {
        let d = try processWithProjectPipeline(
            "Minister visits Moldova\n\n  • 2000-04-06\nCHISINAU (BNS) – \(body)\n", name: "news.txt")
        XCTAssertEqual(d.facts.published?.date, "2000-04-06")
        XCTAssertEqual(d.passages.first?.text.hasPrefix("CHISINAU (BNS)"), true)
    }

    func testDatesThatRecurAreATimelinesStamps() throws {
        let d = try processWithProjectPipeline(
            "Moldova and NATO: a chronology\n\n12 March 2019\n\n\(body)\n\n14 May 2020\n\n"
                + "NATO and Moldova agreed a new partnership plan in 2020 at a meeting in Brussels.\n")
        XCTAssertNil(d.facts.published)
        XCTAssertFalse(d.removed.contains { $0.reason == "dateline" })
    }

    func testATitlePrintedTwiceAtTheTopIsTheTitleOnce() throws {
        let d = try processWithProjectPipeline(
            "Faithful to Duty\n\nFaithful to Duty\n\nBy Dialogo\nApril 01, 2013\n\n\(body)\n", name: "news.txt")
        XCTAssertEqual(d.title, "Faithful to Duty")
        XCTAssertEqual(
            d.removed.map { "\($0.span.startLine) \($0.reason)" }, ["3 title repeated", "5 byline", "6 dateline"])
    }

    func testAnEventToldInARelativeClauseKeepsWhatItLeansOn() throws {
        let d = try processWithProjectPipeline(
            "Moldova and NATO\n\nCooperation continued through the Defence Capacity Building package, which was "
                + "agreed at the Wales Summit in 2014 and refreshed in 2020. \(body)\n")
        let events = d.facts.milestones.filter { $0.year == 2014 || $0.year == 2020 }
        XCTAssertEqual(events.count, 2)
        for e in events { XCTAssertTrue(e.text.hasPrefix("Cooperation continued through the Defence"), e.text) }
    }

    func testADatelineMayBeAnOrdinalOrAMonth() throws {
        let ordinal = try processWithProjectPipeline("Gas, Moscow and Moldova\n\n12th March 2023\n\n\(body)\n")
        XCTAssertEqual(ordinal.facts.published?.date, "2023-03-12")
        let month = try processWithProjectPipeline("Gas, Moscow and Moldova\n\nMarch 2023\n\n\(body)\n")
        XCTAssertEqual(month.facts.published?.date, "2023")
    }

    /// Only the copies at the top are the title printed twice; the same line further down is a
    /// running footer as before.
    func testTheTitleAgainFurtherDownIsFurniture() throws {
        let d = try processWithProjectPipeline(
            "Faithful to Duty\n\nFaithful to Duty\n\n\(body)\n\n\(body)\n\nFaithful to Duty\n", name: "news.txt")
        XCTAssertEqual(d.title, "Faithful to Duty")
        XCTAssertEqual(
            d.removed.map { "\($0.span.startLine) \($0.reason)" },
            ["3 title repeated", "9 repeated running header or footer"])
    }
}
