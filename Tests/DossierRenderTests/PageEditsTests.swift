import XCTest

@testable import DossierRender

/// What render.html asks of cmark's tree: each edit on its own, compared with the exact HTML
/// the pages had when these edits were made on the rendered text.
final class PageEditsTests: XCTestCase {
    private func edits(
        links: [String: String] = [:], notes: String? = nil, contents: Int? = nil,
        cards: Bool = false
    ) -> Cmark.PageEdits {
        var edits = Cmark.PageEdits()
        edits.links = links
        edits.notesHeading = notes
        edits.contentsMinimum = contents
        edits.cards = cards
        return edits
    }

    func testReportLinksBecomePagesInTextHeadingsAndCells() {
        let md = "# [A](a.md#x)\n\nSee [a](a.md), [b](b.md) and [n](#note-1).\n\n| l |\n|---|\n| [a](a.md) |\n"
        let html = Cmark.html(fromMarkdown: md, edits: edits(links: ["a.md": "a.html"]))
        XCTAssertEqual(
            html,
            """
            <h1 id="a"><a href="a.html#x">A</a></h1>
            <p>See <a href="a.html">a</a>, <a href="b.md">b</a> and <a href="#note-1">n</a>.</p>
            <table>
            <thead>
            <tr><th scope="col">l</th></tr>
            </thead>
            <tbody>
            <tr><td><a href="a.html">a</a></td></tr>
            </tbody>
            </table>

            """)
        XCTAssertFalse(Cmark.html(fromMarkdown: md).contains("a.html"), "no edits, no rewriting")
    }

    func testNotesGetIdsAndAContentsListFollowsTheTitle() {
        let md = "# T\n\n## One\n\n1. early\n\n## Two & *more*\n\n## Notes\n\n1. first [x](#a)\n2. second\n"
        let html = Cmark.html(fromMarkdown: md, edits: edits(notes: "notes", contents: 3))
        XCTAssertEqual(
            html,
            """
            <h1 id="t">T</h1>
            <nav class="toc" aria-label="Contents"><p>Contents</p><ol>
            <li><a href="#one">One</a></li>
            <li><a href="#two-and-more">Two &amp; <em>more</em></a></li>
            <li><a href="#notes">Notes</a></li>
            </ol></nav>
            <h2 id="one">One</h2>
            <ol>
            <li>early</li>
            </ol>
            <h2 id="two-and-more">Two &amp; <em>more</em></h2>
            <h2 id="notes">Notes</h2>
            <ol>
            <li id="note-1">first <a href="#a">x</a></li>
            <li id="note-2">second</li>
            </ol>

            """)
        let fewer = Cmark.html(fromMarkdown: md, edits: edits(contents: 4))
        XCTAssertFalse(fewer.contains("<nav"), "three sections are fewer than four")
    }

    func testALooseNotesListIsLeftAsCmarkRendersIt() {
        let html = Cmark.html(fromMarkdown: "## Notes\n\n1. a\n\n2. b\n", edits: edits(notes: "notes"))
        XCTAssertEqual(html, "<h2 id=\"notes\">Notes</h2>\n<ol>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ol>\n")
    }

    func testIndexCardsGroupEachHeadingAndTheListAfterIt() {
        let md = "## Countries\n\n### A\n\n- [x](a.md)\n- two\n\n### B\n\n- three\n\nAfter.\n\n- not a card\n"
        let html = Cmark.html(fromMarkdown: md, edits: edits(links: ["a.md": "a.html"], cards: true))
        XCTAssertEqual(
            html,
            """
            <h2 id="countries">Countries</h2>
            <div class="cards">
            <section class="card"><h3 id="a">A</h3>
            <ul>
            <li><a href="a.html">x</a></li>
            <li>two</li>
            </ul></section>
            <section class="card"><h3 id="b">B</h3>
            <ul>
            <li>three</li>
            </ul></section>
            </div>
            <p>After.</p>
            <ul>
            <li>not a card</li>
            </ul>

            """)
    }

    func testHeadingIDsReadEscapedCharactersAsThePagesAlwaysHave() {
        let html = Cmark.html(fromMarkdown: "## a<b \"c\" & d ![alt](x.png) `e>f`\n")
        XCTAssertTrue(html.hasPrefix("<h2 id=\"a-lt-b-quot-c-quot-and-d-e-gt-f\">"), html)
    }
}
