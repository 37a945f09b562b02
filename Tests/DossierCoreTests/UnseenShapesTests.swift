import DossierCore
import Foundation
import XCTest

/// The shapes real, unseen documents take (issue "Analysis that holds on documents it has
/// never seen"), each as a small fixture written for the test: area lists, join-year
/// phrasings, date-stamped timelines, events told in prose, and whom a document is about.
final class UnseenShapesTests: XCTestCase {
    private func year(_ d: Document, _ framework: String) -> Int?? {
        d.facts.frameworks.first { $0.id == framework }.map(\.year)
    }

    // MARK: areas

    /// A sentence listing the areas of cooperation credits every area it names, even on a
    /// short page, and even more areas than one passage usually carries.
    func testAListOfAreasCreditsEveryAreaItNames() throws {
        let d = try processWithProjectPipeline(
            """
            Relations with Armenia

            Last updated: 02 Feb. 2019

            Armenia and NATO work together in several fields. Priority areas of cooperation include border security, \
            counter-terrorism training, civil emergency planning and scientific research.
            """)
        let areas = Set(d.areas.map(\.area))
        for area in ["border-security", "counter-terrorism", "civil-emergency", "science-environment"] {
            XCTAssertTrue(areas.contains(area), "\(area) missing from \(areas)")
        }
        let listing = try XCTUnwrap(d.passages.first { $0.text.contains("Priority areas") })
        XCTAssertGreaterThan(listing.areas.count, 3, "a list of areas is not capped at max-areas")
        XCTAssertTrue(
            listing.areas[0].evidence[0].signals.contains {
                if case .listing = $0 { true } else { false }
            })
    }

    /// A sentence that lists threats, with no word of cooperating, does not make areas.
    func testAListOfThreatsIsNotCooperation() throws {
        let d = try processWithProjectPipeline(
            """
            The Southern Neighbourhood after the Arab Spring

            The region faces threats from terrorism, drug trafficking and natural disasters, and instability spreads \
            across borders.
            """)
        let areas = Set(d.areas.map(\.area))
        XCTAssertFalse(areas.contains("counter-terrorism"), "\(areas)")
        XCTAssertFalse(areas.contains("border-security"), "\(areas)")
    }

    /// "Human rights" in a statement of shared values is not people-to-people cooperation.
    func testAPhraseBesideItsNotNearWordsDoesNotCount() throws {
        let d = try processWithProjectPipeline(
            """
            Relations with Ireland

            Based on common values of democracy, human rights and the rule of law, Ireland and NATO hold regular \
            consultations.
            """)
        XCTAssertFalse(d.areas.contains { $0.area == "society-information" })
    }

    /// A section titled by an area makes the area the document's, whichever area its one
    /// passage leans to.
    func testASectionTitledByAnAreaMakesItActive() throws {
        let d = try processWithProjectPipeline(
            """
            Relations with Serbia

            Serbia cooperates with the Alliance in many ways.

            Security cooperation

            Serbia has offered a battalion for NATO-led peace-support operations.
            """)
        XCTAssertTrue(d.areas.contains { $0.area == "security-cooperation" }, "\(d.areas.map(\.area))")
    }

    // MARK: join years

    func testJoinYearsInBracketsAfterEachFramework() throws {
        let d = try processWithProjectPipeline(
            """
            Relations with Belarus

            Belarus joined the North Atlantic Cooperation Council (1992) and the Partnership for Peace programme (1995).
            """)
        XCTAssertEqual(year(d, "nacc"), 1992)
        XCTAssertEqual(year(d, "pfp"), 1995)
    }

    func testAFrameworkSucceededInAYear() throws {
        let d = try processWithProjectPipeline(
            """
            Relations with Austria

            Austria took part in the North Atlantic Cooperation Council from its first years. That forum was \
            succeeded in 1997 \
            by the Euro-Atlantic Partnership Council, in which Austria sits today.
            """)
        XCTAssertEqual(year(d, "eapc"), 1997)
    }

    func testAdoptedInMonthYearAProgramme() throws {
        let d = try processWithProjectPipeline(
            """
            Relations with Jordan

            Jordan and NATO adopted in May 2016 an Individual Partnership and Cooperation Programme that sets out \
            their work.
            """)
        XCTAssertEqual(year(d, "ipcp"), 2016)
    }

    func testSinceMonthYearWorkGoesThroughAProgramme() throws {
        let d = try processWithProjectPipeline(
            """
            Relations with Colombia

            Since April 2013, work has been taken forward through an Individual Partnership Action Plan agreed with \
            the Allies.
            """)
        XCTAssertEqual(year(d, "ipap"), 2013)
    }

    /// "joined the PfP in 2006 and was invited to join the MAP in 2010": each year is its own
    /// framework's, and a bracketed aside does not part the second name from its year.
    func testPairsOfNameAndYearInOneSentence() throws {
        let d = try processWithProjectPipeline(
            """
            Relations with Montenegro

            Last updated: 14 Jun. 2014

            Montenegro joined the Partnership for Peace programme in 2006 and was invited to join the Membership \
            Action Plan in 2010.
            It joined the Individual Partnership Action Plan in 2008 and the Euro-Atlantic Partnership Council (a \
            forum that \
            brings all Allies and their partners together) in 2007.
            """)
        XCTAssertEqual(year(d, "pfp"), 2006)
        XCTAssertEqual(year(d, "map"), 2010)
        XCTAssertEqual(year(d, "ipap"), 2008)
        XCTAssertEqual(year(d, "eapc"), 2007)
    }

    // MARK: timelines

    /// A timeline of date stamps, each followed by a headline and its story.
    func testADateStampedTimelineGivesDatedEvents() throws {
        let d = try processWithProjectPipeline(
            """
            Armenia and NATO: a timeline

            1992-01-10 00:00:00

            Armenia joins North Atlantic Cooperation Council

            Armenia takes its seat at a meeting of the Council in Brussels.

            1994-10-05 00:00:00

            Armenia joins Partnership for Peace

            The Foreign Minister signs the framework document at NATO Headquarters.
            """)
        let listed = d.facts.milestones.filter { !$0.fromProse }
        XCTAssertEqual(listed.map(\.year), [1992, 1994])
        XCTAssertTrue(listed[0].text.hasPrefix("Armenia joins North Atlantic Cooperation Council"), listed[0].text)
        XCTAssertTrue(listed[0].text.contains("takes its seat"), "the story joins its headline")
        XCTAssertEqual(year(d, "nacc"), 1992)
        XCTAssertEqual(year(d, "pfp"), 1994)
    }

    /// Dated sentences of prose become timeline events with the sentence as evidence; a
    /// period ("the 2012–2013 cycle") does not.
    func testDatedProseBecomesTimelineEvents() throws {
        let d = try processWithProjectPipeline(
            """
            Relations with Moldova

            In 2014 NATO and Moldova launched a defence capacity building package. The current plan covers the \
            2012-2013 cycle.
            In October 2015, the Secretary General visited Chisinau.
            """)
        let prose = d.facts.milestones.filter(\.fromProse)
        XCTAssertEqual(prose.map(\.year), [2014, 2015])
        XCTAssertTrue(prose[0].evidence[0].text.hasPrefix("In 2014 NATO and Moldova launched"))
        XCTAssertFalse(d.facts.milestones.contains { $0.year == 2012 || $0.year == 2013 })
    }

    /// A chronology that runs entries together with semicolons tells each dated entry alone.
    func testAChronologyJoinedBySemicolonsGivesOneEventPerEntry() throws {
        let d = try processWithProjectPipeline(
            """
            Chronology of relations

            Officers of Armenia attend courses at the NATO School every year; In 1996 Armenia submitted its first \
            Individual Partnership Programme; Since then the programme has been renewed.
            """)
        let event = try XCTUnwrap(d.facts.milestones.first { $0.year == 1996 })
        XCTAssertEqual(event.text, "In 1996 Armenia submitted its first Individual Partnership Programme")
        XCTAssertTrue(event.evidence[0].text.hasPrefix("Officers of Armenia"), "the evidence is the whole sentence")
    }

    /// A sentence dating two events tells each in its clause; a date closing the sentence
    /// ("…, EAPC, in 1997).") takes the words before it, never an empty clause.
    func testADateClosingTheSentenceTakesTheClauseBeforeIt() throws {
        let d = try processWithProjectPipeline(
            """
            Relations with Moldova

            Relations began in 1992, when the country joined the North Atlantic Cooperation Council (later \
            replaced by the Euro-Atlantic Partnership Council, EAPC, in 1997).
            """)
        let event = try XCTUnwrap(d.facts.milestones.first { $0.year == 1997 }, "\(d.facts.milestones)")
        XCTAssertEqual(event.text, "Later replaced by the Euro-Atlantic Partnership Council, EAPC, in 1997")
    }

    /// An event the milestones list already holds is not repeated from the prose.
    func testProseDoesNotRepeatAListedEvent() throws {
        let d = try processWithProjectPipeline(
            """
            Relations with Kazakhstan

            Kazakhstan joined the Partnership for Peace programme in 1995, opening practical cooperation.

            Milestones in relations

            1995 Kazakhstan joins the Partnership for Peace programme.
            2006 First Steppe Eagle exercise is held.
            """)
        XCTAssertEqual(d.facts.milestones.filter { $0.year == 1995 }.count, 1, "\(d.facts.milestones.map(\.text))")
    }

    // MARK: frameworks

    func testFrameworksOfOtherPartnershipFamilies() throws {
        let d = try processWithProjectPipeline(
            """
            Relations with Qatar

            Qatar joined the Istanbul Cooperation Initiative in 2005. Its neighbour Egypt is a member of the \
            Mediterranean \
            Dialogue, and Australia is one of NATO's partners across the globe.
            """)
        XCTAssertEqual(year(d, "ici"), 2005)
        XCTAssertNotNil(year(d, "md"))
        XCTAssertNotNil(year(d, "pag"))
    }

    /// An abbreviation others share ("MAP", a press agency) needs the written-out name; a
    /// bilateral body is only its own partner's framework.
    func testSharedAbbreviationsAndBilateralBodies() throws {
        let d = try processWithProjectPipeline(
            """
            Relations with Georgia

            According to Maghreb Arab Press (MAP), officials met in Rabat. Georgia and the Allies meet in the \
            NATO-Georgia \
            Commission; the NATO-Ukraine Commission was discussed as a model.
            """)
        XCTAssertNil(year(d, "map"))
        XCTAssertNotNil(year(d, "ngc"))
        XCTAssertNil(year(d, "nuc"), "the NATO-Ukraine Commission is Ukraine's, not Georgia's")
    }
}
