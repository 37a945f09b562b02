import XCTest

@testable import DossierCore

/// Each normalizer on small cases that must change and cases that must not.
final class NormalizeTests: XCTestCase {
    private func normalize(_ text: String, stages: String) throws -> Document {
        try processText(
            text,
            stages: stages + """

                  - use: normalize.structure
                    meta-patterns: ['^last updated']
                    milestone-headings: ['^(key )?milestones$']
                """)
    }

    func testDehyphenationJoinsSyllableBreaksAndKeepsRealHyphens() throws {
        let d = try normalize(
            """
            Title of the piece

            The Turkmeni-
            stan government and the post-
            Soviet states met; counter-
            terrorism was discussed with Berdimuhamedow-
            led officials in Turkmenistan and elsewhere in the
            world.
            """,
            stages: """
                  - use: normalize.whitespace
                  - use: normalize.dehyphenate
                    keep-prefixes: [post, counter]
                    keep-suffixes: [led]
                """)
        let text = d.passages.map(\.text).joined(separator: " ")
        XCTAssertTrue(text.contains("The Turkmenistan government"), text)
        XCTAssertTrue(text.contains("post-Soviet"), text)
        XCTAssertTrue(text.contains("counter-terrorism"), text)
        XCTAssertTrue(text.contains("Berdimuhamedow-led"), text)
        XCTAssertEqual(d.decisions.count, 4)
    }

    /// A prefix before a word keeps its hyphen; before a syllable of a listed word it does not.
    func testACompoundPrefixNeedsAWordAfterIt() throws {
        let words = FileManager.default.temporaryDirectory.appendingPathComponent("words-\(UUID().uuidString)")
        try "expanded\npresident\n".write(to: words, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: words) }
        let d = try normalize(
            """
            Title of the piece

            The ex-
            president said the programme was ex-
            panded in 2010.
            """,
            stages: """
                  - use: normalize.whitespace
                  - use: normalize.dehyphenate
                    keep-prefixes: [ex]
                    word-lists: [\(words.path)]
                """)
        let text = d.passages.map(\.text).joined(separator: " ")
        XCTAssertTrue(text.contains("The ex-president said the programme was expanded in 2010."), text)
    }

    /// A soft hyphen at a line's end is a break, never a compound's hyphen, even after a prefix.
    func testASoftHyphenAtALineEndAlwaysJoins() throws {
        let d = try normalize(
            "Title of the piece\n\nThe co\u{00AD}\noperation and the co-\noperation went on.\n",
            stages: """
                  - use: normalize.whitespace
                  - use: normalize.dehyphenate
                    keep-prefixes: [co]
                """)
        let text = d.passages.map(\.text).joined(separator: " ")
        XCTAssertTrue(text.contains("The cooperation and the co-operation went on."), text)
    }

    func testRepeatedFurnitureGoesButAOneOffLineStays() throws {
        let d = try normalize(
            """
            An Article Title

            First page body text that runs on for a while and ends here.

            Journal of Things

            © 2024 Some Institute

            3

            Second page body text continues the argument and ends too.

            Journal Extra Running Title

            © 2024 Some Institute

            4

            A Heading Once

            Third page text.
            """,
            stages: """
                  - use: normalize.whitespace
                  - use: normalize.page-furniture
                """)
        let removed = Set(d.removed.map(\.text))
        XCTAssertTrue(
            removed.isSuperset(of: [
                "© 2024 Some Institute", "3", "4", "Journal of Things", "Journal Extra Running Title",
            ]), "\(removed)")
        XCTAssertEqual(d.sections.compactMap(\.heading), ["A Heading Once"])
    }

    /// A printout that repeats its title atop every page keeps the first as the title.
    func testATitleRepeatedAsARunningHeaderStaysOnce() throws {
        let d = try normalize(
            """
            Relations with Ruritania

            The first page says how relations began and ends here.

            1
            \u{0C}Relations with Ruritania

            The second page goes on with practical cooperation.

            2
            """,
            stages: """
                  - use: normalize.whitespace
                  - use: normalize.page-furniture
                    titles: ['^relations with']
                """)
        XCTAssertEqual(d.title, "Relations with Ruritania")
        XCTAssertEqual(d.removed.filter { $0.text == "Relations with Ruritania" }.count, 1, "the repeat goes")
        XCTAssertFalse(d.passages.contains { $0.text.contains("Relations with") })
    }

    func testFootnotesLeaveTheBodyAndCallsAreLinked() throws {
        let d = try normalize(
            """
            A Title Here

            Relations were shaped by gas issues.1 While the first
            spheres remained stable, in 2017 a treaty was signed. 2 Based on this,
            exports resumed in 2019 at 12 percent.

            1 Jan Author. “A paper,” Journal, Vol. 7, 2006, pp. 1–2.
            2 “Another source,” News, October 3, 2017, http://example.org/a-
            b/.
            """,
            stages: """
                  - use: normalize.whitespace
                  - use: normalize.footnotes
                    citation-patterns: ['https?://']
                """)
        XCTAssertEqual(d.footnotes.map(\.number), [1, 2])
        XCTAssertEqual(d.passages.count, 1)
        let body = d.passages[0].text
        XCTAssertFalse(body.contains("issues.1"), body)
        XCTAssertFalse(body.contains("http"), body)
        XCTAssertTrue(body.contains("at 12 percent"), "a number that is not a note stays: \(body)")
        XCTAssertEqual(d.passages[0].footnoteCalls, [1, 2])
    }

    func testCaptionsDuplicatesAndDropCapsGo() throws {
        let d = try normalize(
            """
            Relations with Ruritania

            Left to right: The President shaking hands with the Secretary General.

            The President shaking hands with then Secretary General.

            The Minister meets the Secretary General at Headquarters.

            Ruritania and the Alliance cooperate in many areas, and this paragraph is long enough to be body text, as \
            it has more than twenty words.

            T

            Left to right is also how this sentence reads, without a colon, so it stays in the body text.
            """,
            stages: """
                  - use: normalize.captions
                    patterns: ['^(from )?left to right:']
                """)
        XCTAssertEqual(
            d.removed.map(\.reason),
            ["photo caption", "duplicate of a caption", "caption line after a caption", "drop cap"])
        XCTAssertEqual(d.passages.count, 2)
    }

    func testMilestonesInTheThreeLayouts() throws {
        let yearLines = try normalize(
            """
            Relations with A

            History

                1992 A joins the Council.
                2007 The Secretary General meets the President.
                \u{00A0} A hosts a training team.
            """, stages: "")
        XCTAssertEqual(yearLines.passages.map(\.milestoneYear), [1992, 2007, 2007])
        XCTAssertEqual(yearLines.passages.last?.span.startLine, 7, "a continuation's span is its own line")
        XCTAssertEqual(
            yearLines.passages.last?.listYear?.span.startLine, 6, "and it carries the line its year stands on")

        let yearAlone = try normalize(
            """
            Relations with B

            Milestones

            1994

            B joins the Partnership for Peace.

            2004

            Leaders meet at a summit

            The first plan is presented.
            """, stages: "")
        XCTAssertEqual(yearAlone.passages.map(\.milestoneYear), [1994, 2004, 2004])
        XCTAssertEqual(yearAlone.passages.map(\.kind), [.milestone, .milestone, .milestone])

        let undated = try normalize(
            """
            Relations with C

            Key milestones

            C joins the Council.

            C signs an agreement.
            """, stages: "")
        XCTAssertEqual(undated.passages.map(\.milestoneYear), [nil, nil])
        XCTAssertEqual(undated.passages.map(\.kind), [.milestone, .milestone])
    }

    func testHeadingsTitleBylineAndMetadata() throws {
        let d = try normalize(
            """
             An Analysis of Things:

            or Other Things?

            Jane Author

              • Last updated: 07 Apr. 2016 15:10

            How does cooperation work in practice?

            Text follows the question heading here.

              • Key areas

                Security cooperation

                Security text follows.
            """, stages: "  - use: normalize.whitespace")
        XCTAssertEqual(d.title, "An Analysis of Things: or Other Things?")
        XCTAssertEqual(
            d.sections.compactMap(\.heading),
            ["How does cooperation work in practice?", "Key areas", "Security cooperation"])
        XCTAssertEqual(d.sections.map(\.level), [2, 1, 2])
        XCTAssertEqual(Set(d.removed.map(\.reason)), ["byline", "metadata line"])
    }
}

final class WhitespaceTests: XCTestCase {
    func testOddSpacesGoQuotesAndDashesStay() {
        XCTAssertEqual(NormalizeWhitespace.clean("  A\u{00A0}B\u{2009}C\u{200B}D  e\u{0301}  "), "A B CD é")
        XCTAssertEqual(NormalizeWhitespace.clean("“Quoted” – ‘as typed’"), "“Quoted” – ‘as typed’")
        XCTAssertEqual(NormalizeWhitespace.clean("soft\u{00AD}hyphen"), "softhyphen")
    }

    /// A soft hyphen or U+2010 where a typesetter broke a word at a line's end is a plain hyphen
    /// there, for normalize.dehyphenate; inside a line, U+2010 stays as typed.
    func testALineEndHyphenOfAnyKindIsPlain() {
        XCTAssertEqual(NormalizeWhitespace.plainLineEndHyphen("deterio\u{2010}").text, "deterio-")
        XCTAssertEqual(NormalizeWhitespace.plainLineEndHyphen("deterio\u{00AD} ").text, "deterio-")
        XCTAssertTrue(NormalizeWhitespace.plainLineEndHyphen("deterio\u{00AD}").soft)
        XCTAssertEqual(NormalizeWhitespace.plainLineEndHyphen("well\u{2010}known").text, "well\u{2010}known")
        XCTAssertEqual(NormalizeWhitespace.plainLineEndHyphen("see 4\u{2010}").text, "see 4\u{2010}")
    }
}
