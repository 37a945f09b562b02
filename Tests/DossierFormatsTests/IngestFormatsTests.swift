import DossierCore
import DossierFormats
import Foundation
import XCTest

final class IngestFormatsTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    private func runner() throws -> Runner { try Support.runner() }

    private func process(_ name: String) throws -> Document {
        let r = try runner()
        return try r.processDocument(try r.read(name, relativeTo: Self.fixtures))
    }

    /// Documents of the sample kinds in layouts the samples do not have: a partner page saved
    /// as HTML with a dated `<ul>` milestone list and a paragraph after it, a short news
    /// item in Markdown, and a paged text printout.
    func testUnseenLayoutsGiveTheFacts() throws {
        let page = try process("partner-page-list-layout.html")
        XCTAssertEqual(page.country, "Kazakhstan")
        XCTAssertEqual(page.facts.lastUpdated?.date, "2019-06-12")
        XCTAssertEqual(page.facts.contactPointEmbassy?.country, "Lithuania")
        XCTAssertEqual(
            page.facts.milestones.filter { !$0.fromProse }.map(\.year), [1992, 1994, 2002, 2006, 2010],
            "the paragraph after the list is not a list event")
        XCTAssertEqual(
            page.facts.milestones.filter(\.fromProse).count, 0, "its dated sentences tell events the list holds")
        let years = Dictionary(uniqueKeysWithValues: page.facts.frameworks.map { ($0.id, $0.year) })
        XCTAssertEqual(years["pfp"], 1994)
        XCTAssertEqual(years["ipap"], 2006)
        XCTAssertEqual(years["parp"], 2002)
        XCTAssertEqual(years["nacc"], 1992)
        let areas = Set(page.areas.map(\.area))
        XCTAssertTrue(
            areas.isSuperset(of: ["security-cooperation", "civil-emergency", "science-environment"]), "\(areas)")
        let mission = try XCTUnwrap(page.passages.first { $0.text.contains("Resolute Support") })
        XCTAssertTrue(mission.areas.contains { $0.area == "operations-support" }, "\(mission.areas.map(\.area))")

        let news = try process("news-item.md")
        XCTAssertEqual(news.country, "Kyrgyzstan", "named twice and no other country: salient")
        XCTAssertEqual(news.facts.published?.date, "2015")
        XCTAssertEqual(news.facts.frameworks.first { $0.id == "pfp" }?.year, 1994)
        XCTAssertEqual(news.facts.frameworks.first { $0.id == "deep" }?.year, 2008)

        // A text printout: the title atop every page, "YEAR – event", "YEAR: event" and
        // "Month YEAR: event" lines under a longer milestones heading.
        let printout = try process("partner-page-printout.txt")
        XCTAssertEqual(printout.title, "Relations with Mongolia")
        XCTAssertEqual(printout.facts.lastUpdated?.date, "2022-09-14")
        XCTAssertEqual(printout.facts.milestones.filter { !$0.fromProse }.map(\.year), [2012, 2014, 2019, 2021])
        // The month stays with the event (nothing lost); the year is the milestone's.
        XCTAssertEqual(
            printout.facts.milestones.last { !$0.fromProse }?.text,
            "June: Mongolia hosts a NATO course on defence education.")
        XCTAssertEqual(
            printout.facts.milestones.first?.text,
            "Mongolia and NATO agree an Individual Partnership and Cooperation Programme.")
        XCTAssertEqual(printout.facts.frameworks.first { $0.id == "ipcp" }?.year, 2012)
        XCTAssertFalse(
            printout.passages.contains { $0.text.contains("Relations with Mongolia") },
            "the repeated title stays out of the body")
    }

    /// A regional analysis gets its region, even when its title names a country in passing;
    /// a title naming a region and the country the body is about gets the country.
    func testARegionalAnalysisGetsItsRegion() throws {
        let regional = try process("regional-analysis.txt")
        XCTAssertEqual(regional.country, "Central Asia")
        XCTAssertTrue(regional.countryIsRegion)
        let national = try process("country-in-a-region.txt")
        XCTAssertEqual(national.country, "Turkmenistan")
        XCTAssertFalse(national.countryIsRegion)
    }

    /// A saved page and its text version give the same title, section tree and facts.
    func testSavedHTMLGivesTheSameSectionTreeAsItsTextVersion() throws {
        let html = try process("relations-with-ruritania.html")
        let text = try process("relations-with-ruritania.txt")
        XCTAssertEqual(html.title, "Relations with Ruritania")
        XCTAssertEqual(html.title, text.title)
        XCTAssertEqual(html.sections.map(\.heading), text.sections.map(\.heading))
        XCTAssertEqual(html.sections.map(\.level), text.sections.map(\.level))
        XCTAssertEqual(html.passages.map(\.text), text.passages.map(\.text))
        // The page's table row is a row; its text version cannot say so (there the line reads
        // as one more entry of the milestones above it).
        for (h, t) in zip(html.passages, text.passages) where h.kind != .tableRow { XCTAssertEqual(h.kind, t.kind) }
        XCTAssertTrue(html.passages.contains { $0.kind == .tableRow })
        XCTAssertEqual(html.facts.lastUpdated?.date, "2015-10-12")
        XCTAssertEqual(html.facts.frameworks.first { $0.id == "pfp" }?.year, 1996)
        let all = html.passages.map(\.text).joined(separator: " ")
        XCTAssertFalse(all.contains("tracking"), "scripts are dropped")
        XCTAssertFalse(all.contains("Home"), "navigation is dropped")
        XCTAssertFalse(all.contains("Terms of use"), "footers are dropped")
        XCTAssertGreaterThan(html.passages[0].span.startLine, 10, "spans point at the element's source line")
    }

    func testNotAPDFAndATruncatedPDFFailClearly() throws {
        let r = try runner()
        let text = InputFile(path: "x.pdf", bytes: Array("hello, not a pdf".utf8))
        let notPDF = try XCTUnwrap(failure(try r.processDocument(text)))
        XCTAssertEqual(notPDF.reason as? PDFProblem, .notPDF)
        XCTAssertEqual(notPDF.document, "x.pdf")
        let cut = InputFile(path: "y.pdf", bytes: Array("%PDF-1.4\n1 0 obj <<".utf8))
        let truncated = try XCTUnwrap(failure(try r.processDocument(cut)))
        XCTAssertNotNil(truncated.reason as? PDFProblem, truncated.description)
        XCTAssertEqual(truncated.location?.file, "y.pdf")
    }

    func testPDFFromWeasyPrintComesBackInReadingOrder() throws {
        guard Support.hasWeasyPrint else {
            throw XCTSkip("WeasyPrint is not installed (apt-get install weasyprint)")
        }
        let body = (1...6).map {
            "<p>Paragraph \($0) says that Ruritania cooperates with the Allies on civil emergency planning.</p>"
        }.joined()
        let pdf = try Support.weasyprint("<html><body><h1>Relations with Ruritania</h1>\(body)</body></html>")
        let d = try runner().processDocument(InputFile(path: "out.pdf", bytes: pdf))
        XCTAssertEqual(d.title, "Relations with Ruritania")
        let text = d.passages.map(\.text).joined(separator: " ")
        for i in 1...6 { XCTAssertTrue(text.contains("Paragraph \(i) says"), text) }
    }

    private func failure<T>(_ body: @autoclosure () throws -> T, line: UInt = #line) -> StageFailure? {
        do {
            _ = try body()
            XCTFail("expected an error", line: line)
        } catch let failure as StageFailure {
            return failure
        } catch {
            XCTFail("\(error)", line: line)
        }
        return nil
    }
}
