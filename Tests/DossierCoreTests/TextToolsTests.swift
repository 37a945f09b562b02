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
}
