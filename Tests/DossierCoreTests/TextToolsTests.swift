import XCTest

@testable import DossierCore

/// The text helpers every stage runs over every passage; they were rewritten for speed on
/// long documents, so their edge cases are pinned here.
final class TextToolsTests: XCTestCase {
    func testSentencesSplitAfterClosersButNotAfterAbbreviations() {
        XCTAssertEqual(
            TextTools.sentences(
                "It began in Apr. 2016 with Mr. Smith. Then “it ended.” (Later) it resumed! 2019 came."),
            ["It began in Apr. 2016 with Mr. Smith.", "Then “it ended.”", "(Later) it resumed!", "2019 came."])
        XCTAssertEqual(
            TextTools.sentences("Talks with J. F. Kennedy. done. Over"), ["Talks with J. F. Kennedy. done.", "Over"])
        XCTAssertEqual(TextTools.sentences("  No end  "), ["No end"])
    }

    func testTokensKeepLettersDigitsAndMarksAndSplitOnTheRest() {
        let decomposed = "Cafe\u{301}-au-lait"  // e + combining acute stays inside the word
        XCTAssertEqual(
            TextTools.tokens("Türkmenistan’s 2,5 NATO-led \(decomposed) 1994.").map(\.original),
            ["Türkmenistan", "s", "2", "5", "NATO", "led", "Cafe\u{301}", "au", "lait", "1994"])
        XCTAssertEqual(TextTools.tokens("НАТО и Узбекистан").map(\.lower), ["нато", "и", "узбекистан"])
        XCTAssertTrue(TextTools.tokens(" —… ").isEmpty)
    }

    func testPrefixPhrasesOfAnyLengthAndCaseMatchInOrder() {
        var m = PhraseMatcher<String>()
        m.add("terroris*", payload: "long prefix")
        m.add("eu*", payload: "short prefix")
        m.add("x*", payload: "one letter")
        m.add("PfP*", caseSensitive: true, payload: "case-sensitive prefix")
        m.add("counter terrorism", payload: "phrase")
        let tokens = TextTools.tokens("Counter-terrorism EU Euro x PfPs pfps Terrorist te")
        XCTAssertEqual(
            m.matches(in: tokens).map { "\($0.payload)@\($0.start)" },
            [
                "phrase@0", "long prefix@1", "short prefix@2", "short prefix@3", "one letter@4",
                "case-sensitive prefix@5", "long prefix@7",
            ])
    }

    /// Spelling variants are one word on both sides: a phrase written "defence cooperation"
    /// finds "defense cooperation", and a phrase written in the variant finds the other.
    func testSpellingVariantsMatchAsOneWord() {
        var m = PhraseMatcher<String>(spellings: ["defense": "defence", "Program": "programme"])
        m.add("defence cooperation", payload: "defence")
        m.add("partnership program", payload: "programme")
        m.add("DEFENSE", caseSensitive: true, payload: "as written")
        let tokens = TextTools.tokens("Defense cooperation and defence cooperation; Partnership Programme. DEFENCE")
        XCTAssertEqual(
            m.matches(in: tokens).map { "\($0.payload)@\($0.start)" }, ["defence@0", "defence@3", "programme@5"])
        XCTAssertEqual(PhraseMatcher<String>().matches(in: TextTools.tokens("defense")).count, 0)
    }

    /// With plurals on, a phrase's last word matches its regular plural, and only its last:
    /// "foreign ministers", "ministries", "taxes", never "class" for "clas" or a plural inside.
    func testPluralsMatchOnAPhrasesLastWordOnly() {
        var m = PhraseMatcher<String>(plurals: true)
        m.add("foreign minister", payload: "minister")
        m.add("ministry", payload: "ministry")
        m.add("tax", payload: "tax")
        m.add("border guard", payload: "guard")
        m.add("clas", payload: "never")
        let text = "Foreign ministers met ministries on taxes; borders guard the class."
        XCTAssertEqual(
            m.matches(in: TextTools.tokens(text)).map { "\($0.payload)@\($0.start)" },
            ["minister@0", "ministry@3", "tax@5"])
        XCTAssertEqual(PhraseMatcher<String>.plurals(of: "tie"), ["ties"])
        XCTAssertEqual(PhraseMatcher<String>.plurals(of: "ministry"), ["ministries"])
        XCTAssertEqual(PhraseMatcher<String>.plurals(of: "day"), ["days"])
        XCTAssertEqual(PhraseMatcher<String>.plurals(of: "bus"), ["buses"])
        var plain = PhraseMatcher<String>()
        plain.add("foreign minister", payload: "minister")
        XCTAssertEqual(plain.matches(in: TextTools.tokens("foreign ministers")).count, 0)
    }

    /// A phrase listed beside its plural, or in two spellings, would count twice: refused.
    func testTheTaxonomyRefusesAPhraseListedTwice() throws {
        func taxonomy(_ phrases: [String], plurals: Bool) -> Taxonomy {
            Taxonomy(
                areas: [Taxonomy.Area(id: "a", label: "A", phrases: phrases.map { WeightedPhrase($0) })],
                spellings: ["defense": "defence"], plurals: plurals)
        }
        XCTAssertNoThrow(try taxonomy(["summit", "summits"], plurals: false).validate(file: "t.yaml"))
        XCTAssertThrowsError(try taxonomy(["summit", "summits"], plurals: true).validate(file: "t.yaml"))
        XCTAssertThrowsError(try taxonomy(["defense talks", "defence talks"], plurals: false).validate(file: "t.yaml"))
        XCTAssertThrowsError(
            try taxonomy(["search and rescue", "Search-and-rescue"], plurals: false).validate(file: "t.yaml"))
        XCTAssertThrowsError(try taxonomy(["defense", "defences"], plurals: true).validate(file: "t.yaml"))
        // A prefix beside a longer word it covers weighs that word more, by design.
        XCTAssertNoThrow(try taxonomy(["terroris*", "terrorist*"], plurals: true).validate(file: "t.yaml"))
        var chained = taxonomy(["talks"], plurals: false)
        chained.spellings = ["defense": "defence", "defence": "defense"]
        XCTAssertThrowsError(try chained.validate(file: "t.yaml"))
        chained.spellings = ["air defense": "air defence"]
        XCTAssertThrowsError(try chained.validate(file: "t.yaml"))
    }
}
