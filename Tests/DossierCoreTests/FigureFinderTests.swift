import Foundation
import XCTest

@testable import DossierCore

/// Figures the way documents print them (issue #13): every number shape, money notation and
/// share, and the numbers that are never figures. Fixtures are written for these tests.
final class FigureFinderTests: XCTestCase {
    static let rules: FactRules = {
        let url = repoRoot.appendingPathComponent("facts.yaml")
        // The project's own rules: a broken facts.yaml fails every test here, which is right.
        return try! StrictYAML.decode(
            FactRules.self, from: String(contentsOf: url, encoding: .utf8), file: "facts.yaml")
    }()

    func figures(_ text: String) -> [Figure] {
        let passage = Passage(kind: .paragraph, text: text, span: SourceSpan(file: "fixture.txt", startLine: 7))
        let sentences = TextTools.sentences(text).map { Sentence(text: $0, passage: passage) }
        return FigureFinder(rules: Self.rules).figures(in: sentences)
    }

    func shown(_ text: String) -> [String] { figures(text).map(\.display) }

    func testThousandsInEveryNotation() {
        for text in [
            "They cleared 640 000 pieces of old ordnance.", "They cleared 640\u{00A0}000 pieces of old ordnance.",
            "They cleared 640\u{202F}000 pieces of old ordnance.", "They cleared 640,000 pieces of old ordnance.",
            "They cleared 640.000 pieces of old ordnance.",
        ] {
            XCTAssertEqual(shown(text), ["640,000 pieces of old ordnance"], text)
            XCTAssertEqual(figures(text).first?.value, 640_000, text)
            XCTAssertEqual(figures(text).first?.kind, .items, text)
        }
        XCTAssertEqual(figures("It trained 1 250 000 students.").map(\.value), [1_250_000])
        XCTAssertEqual(figures("It trained 1,250,000 students.").map(\.value), [1_250_000])
        XCTAssertEqual(figures("It trained 1.250.000 students.").map(\.value), [1_250_000])
        XCTAssertEqual(figures("It trained 12,5 thousand students.").map(\.value), [12_500])
    }

    func testScalesAndDecimals() {
        XCTAssertEqual(figures("Some 1.2 million people fled.").map(\.value), [1_200_000])
        XCTAssertEqual(figures("Some 2,5 million people fled.").map(\.value), [2_500_000])
        XCTAssertEqual(figures("Some 1.500 million people fled.").map(\.value), [1_500_000], "a scale: decimal point")
        XCTAssertEqual(shown("Some 1.2 million people fled."), ["some 1.2 million people"])
        XCTAssertEqual(figures("It counted 1,234.5 tonnes and 1.234,5 tonnes.").map(\.value), [1234.5, 1234.5])
    }

    func testCountNounsWithModifiersAndKinds() {
        let f = figures("With some 1100 Australian Defence Force personnel, it ran 30 cooperative projects.")
        XCTAssertEqual(f.map(\.display), ["some 1,100 Australian Defence Force personnel", "30 cooperative projects"])
        XCTAssertEqual(f.map(\.kind), [.troops, .projects])
        XCTAssertEqual(f.map(\.unit), ["personnel", "projects"])
        XCTAssertEqual(figures("It ran 1 project and 1 activity.").map(\.unit), ["projects", "activities"])
        XCTAssertEqual(figures("It donated 17,000 test kits.").first?.kind, .items)
        XCTAssertEqual(shown("It joined with 1,000 NATO-led troops."), ["1,000 NATO-led troops"])
        XCTAssertEqual(figures("It trained 400 civil servants and two battalions.").map(\.kind), [.troops, .troops])
        XCTAssertEqual(shown("It has 4 very old rusty Soviet tanks."), [], "at most three words between")
        XCTAssertEqual(
            shown("It sent a 1,200-strong contingent and a 300-strong force."),
            ["1,200-strong contingent", "300-strong force"])
        XCTAssertEqual(figures("It sent a 1,200-strong contingent.").first?.kind, .troops)
        XCTAssertEqual(shown("It sent 2,000 of its soldiers and 5 of the 30 Allies."), ["2,000 of its soldiers"])
        XCTAssertEqual(shown("It has a 12-day plan and a 2008-strong myth."), [])
        XCTAssertEqual(shown("It has 5 of the projects and 12 hours of talks."), [], "no count noun after the number")
    }

    func testQualifiers() {
        XCTAssertEqual(
            shown("It sent about 95 personnel, over 30 experts, up to 12 instructors and more than 4 courses."),
            ["about 95 personnel", "over 30 experts", "up to 12 instructors", "more than 4 courses"])
        XCTAssertEqual(figures("It sent nearly 200 troops.").first?.qualifier, "nearly")
        XCTAssertEqual(shown("It sent an estimated 3,000 troops."), ["an estimated 3,000 troops"])
        XCTAssertEqual(shown("It sent a total of 12 trainers."), ["a total of 12 trainers"])
    }

    func testMoneyInEveryNotation() {
        let cases: [(String, String, Double, String)] = [
            ("NATO gave €2.5 million to the fund.", "€2.5 million", 2_500_000, "EUR"),
            ("NATO gave EUR 1.2 million to the fund.", "€1.2 million", 1_200_000, "EUR"),
            ("NATO gave US$ 30 million to the fund.", "US$30 million", 30_000_000, "USD"),
            ("NATO gave US$145 million to the fund.", "US$145 million", 145_000_000, "USD"),
            ("NATO gave $10m to the fund.", "US$10 million", 10_000_000, "USD"),
            ("NATO gave 1 million euros to the fund.", "€1 million", 1_000_000, "EUR"),
            ("NATO gave USD 4.75 billion to the fund.", "US$4.75 billion", 4_750_000_000, "USD"),
            ("NATO gave £2.75 million to the fund.", "£2.75 million", 2_750_000, "GBP"),
            ("NATO gave 250 000 € to the fund.", "€250,000", 250_000, "EUR"),
            ("NATO gave CHF 3 million to the fund.", "CHF 3 million", 3_000_000, "CHF"),
            ("NATO gave 2,5 million US dollars to the fund.", "US$2.5 million", 2_500_000, "USD"),
            ("NATO gave €2bn to the fund.", "€2 billion", 2_000_000_000, "EUR"),
        ]
        for (text, display, value, code) in cases {
            let f = figures(text)
            XCTAssertEqual(f.map(\.display), [display], text)
            XCTAssertEqual(f.first?.value, value, text)
            XCTAssertEqual(f.first?.currency, code, text)
            XCTAssertEqual(f.first?.kind, .money, text)
        }
        XCTAssertEqual(shown("The fund holds over €40 million."), ["over €40 million"])
        XCTAssertEqual(shown("It holds EUR10m and USD 30 mn."), ["€10 million", "US$30 million"])
        XCTAssertEqual(shown("We try 20 times and carried 500 pounds of food."), [], "codes as written; a weight")
        XCTAssertEqual(shown("It cost CHF 1’000 and 2 million Australian dollars."), ["CHF 1,000", "A$2 million"])
    }

    func testPercentages() {
        for text in [
            "Gas is up to 90 % of exports.", "Gas is up to 90% of exports.", "Gas is up to 90 per cent of exports.",
            "Gas is up to 90 percent of exports.",
        ] {
            XCTAssertEqual(shown(text), ["up to 90% of exports"], text)
            XCTAssertEqual(figures(text).first?.kind, .percent, text)
        }
        XCTAssertEqual(figures("Women are 12,5 % of cadets and 7.25 percent of officers.").map(\.value), [12.5, 7.25])
    }

    func testRangesGiveBothBounds() {
        for text in [
            "It sent between 40 and 50 troops.", "It sent 40–50 troops.", "It sent 40-50 troops.",
            "It sent 40 to 50 troops.",
        ] {
            let f = figures(text)
            XCTAssertEqual(f.map(\.display), ["40–50 troops"], text)
            XCTAssertEqual(f.first?.low, 40, text)
            XCTAssertEqual(f.first?.value, 50, text)
        }
        XCTAssertEqual(shown("It cost between €1 million and €2 million."), ["€1–2 million"])
        XCTAssertEqual(figures("It cost €1–2 million.").map(\.low), [1_000_000])
        XCTAssertEqual(shown("Turnout was 40%–50%."), ["40–50%"])
        let change = figures("The contingent grew from 45 to 90 personnel.")
        XCTAssertEqual(change.map(\.display), ["90 personnel"], "a change, not a range")
        XCTAssertNil(change.first?.low)
    }

    func testYearsAreNeverCounts() {
        for text in [
            "From 1999 to 2008, troops from the country served in KFOR.", "In 2008 troops were sent to the mission.",
            "Since 2002 personnel have rotated.", "Between 1999 and 2008 troops served.", "In 1999-2008 troops served.",
            "By 2020 projects had ended.", "In early 2015 officers trained.", "On 7 April 2016 experts met.",
            "It was founded in March 2004 projects began.", "The 2014 NATO exercises took place.",
            "In 2010, 2011 projects were reviewed.", "2016 Exercises were held in the steppe.",
            "2004 project of the year was launched.",
        ] {
            XCTAssertEqual(shown(text), [], text)
        }
        XCTAssertEqual(
            shown("The country sent 2008 troops."), ["2,008 troops"], "a count noun right after, no date word")
        XCTAssertEqual(shown("It has some 2000 troops."), ["some 2,000 troops"])
        XCTAssertEqual(shown("It spent €2015 million."), ["€2,015 million"], "money is never a year")
    }

    func testNumbersThatAreNoFigures() {
        for text in [
            "Resolution 1325 troops were praised.", "Under Article 5 troops may be sent.", "See No. 52 projects.",
            "F-16 aircraft and Mi-17 helicopters arrived.", "The COVID-19 test kits arrived.",
            "The 3rd battalion and the 5th troops left.", "They marched 10km soldiers said.",
            "It was done in the region.5 Troops came later.", "The cable Kyrgyzstan3 projects had ended.",
            "The 9/11 troops were honoured.", "The meeting began at 10:30 experts said.",
            "See report.pdf?name=2018%20035%20final for details.",
        ] {
            XCTAssertEqual(shown(text), [], text)
        }
        XCTAssertEqual(shown("2.1 Projects and activities of the partnership."), [], "a section number")
        XCTAssertEqual(shown("Section 1.2.3 projects."), [])
        for digits in [20, 400] {
            XCTAssertEqual(shown("Serial " + String(repeating: "9", count: digits) + " troops."), [], "\(digits)")
        }
    }

    func testSmallCountsWrittenAsWords() {
        XCTAssertEqual(shown("It sent two officers and some three projects."), ["2 officers", "some 3 projects"])
        XCTAssertEqual(figures("It sent two officers.").first?.value, 2)
        XCTAssertEqual(shown("One of the projects and twenty-two troops."), [], "no pronoun, no compound")
        XCTAssertEqual(shown("Then the two officers met."), [], "pointing back, not counting")
    }

    func testEveryFigureKeepsItsSentenceAndWords() throws {
        let f = try XCTUnwrap(figures("It began in 2004. Some 640 000 pieces of old ordnance were cleared.").first)
        XCTAssertEqual(f.evidence.text, "Some 640 000 pieces of old ordnance were cleared.")
        XCTAssertEqual(f.evidence.span, SourceSpan(file: "fixture.txt", startLine: 7))
        XCTAssertEqual(f.written, "Some 640 000 pieces of old ordnance")
        XCTAssertEqual(f.of, "old ordnance")
        XCTAssertEqual(f.noun, "pieces")
        XCTAssertEqual(shown("Oil is 80 percent of its total exports."), ["80% of its total exports"])
    }
}
