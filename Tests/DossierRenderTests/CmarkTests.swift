import XCTest

@testable import DossierRender

final class CmarkTests: XCTestCase {
    func testPipeTableWithAlignmentEscapedPipesAndInlineMarkdown() {
        let html = Cmark.html(
            fromMarkdown: """
                Before.

                | Name | Year | Note |
                |:---|---:|:---:|
                | *PfP* | 1994 | a \\| b |
                | EAPC | 1997 | |

                After.
                """)
        XCTAssertTrue(html.contains("<p>Before.</p>"))
        XCTAssertTrue(html.contains("<th scope=\"col\" style=\"text-align:left\">Name</th>"), html)
        XCTAssertTrue(
            html.contains(
                "<td style=\"text-align:left\"><em>PfP</em></td><td style=\"text-align:right\">1994</td><td "
                    + "style=\"text-align:center\">a | b</td>"
            ), html)
        XCTAssertTrue(html.contains("<td style=\"text-align:center\"></td></tr>"), "a short row is padded")
        XCTAssertTrue(html.contains("<p>After.</p>"))
        XCTAssertEqual(html.components(separatedBy: "<table>").count, 2)
    }

    func testACellThatLooksLikeABlockStaysText() {
        let html = Cmark.html(fromMarkdown: "| # | - |\n|---|---|\n| > | 1. |\n")
        XCTAssertTrue(html.contains("<th scope=\"col\">#</th><th scope=\"col\">-</th>"), html)
        XCTAssertFalse(
            html.contains("<h1>") || html.contains("<ul>") || html.contains("<blockquote>") || html.contains("<ol>"),
            html)
    }

    func testAParagraphWithAPipeIsNotATable() {
        let html = Cmark.html(fromMarkdown: "A | B is not a table.\n\nNor is | this\nline two.\n")
        XCTAssertFalse(html.contains("<table>"))
    }

    func testTwoTablesAndHostileCells() {
        let md = "| a |\n|---|\n| <script>x</script> |\n\ntext\n\n| b |\n|---|\n| [l](javascript:alert(1)) |\n"
        let html = Cmark.html(fromMarkdown: md)
        XCTAssertEqual(html.components(separatedBy: "<table>").count, 3)
        XCTAssertFalse(html.contains("<script>"), "cells keep cmark's safe mode")
        XCTAssertFalse(html.contains("javascript:"))
    }

    func testSafeModeOmitsRawHTMLAndBadLinks() {
        let html = Cmark.html(fromMarkdown: "<div onclick=x>hi</div>\n\n[a](javascript:alert(1)) <b>x</b>\n")
        XCTAssertFalse(html.contains("<div"))
        XCTAssertFalse(html.contains("<b>"))
        XCTAssertFalse(html.contains("javascript:"))
    }

    func testHeadingIDsAreStableAndUnique() {
        let html = Cmark.html(fromMarkdown: "# Notes & *More*\n\n## Notes & More\n\n## 2009: a year\n")
        XCTAssertTrue(html.contains("<h1 id=\"notes-and-more\">Notes &amp; <em>More</em></h1>"), html)
        XCTAssertTrue(html.contains("<h2 id=\"notes-and-more-2\">"), html)
        XCTAssertTrue(html.contains("<h2 id=\"2009-a-year\">"), html)
    }
}

/// Escaped text must come back from cmark as the same text, with no markup at all.
final class MarkdownTextTests: XCTestCase {
    static let hostile = [
        "<script>alert(1)</script>", "[x](javascript:alert(1))", "![img](x)", "a | b", "# heading", "> quote",
        "- item", "+ item", "* item", "1. one", "12) twelve", "back\\slash", "`code`", "&amp; &#x41; &copy",
        "*em* _em_ **strong** __strong__", "<http://x.org>", "http://bare.example", "=====", "---", "***",
        "line\nbreak\n\n# new block", "tab\there", "trailing\\", "[ref]: http://x", "<!-- comment -->", "~~strike~~",
        String(repeating: "![[]()", count: 200),
        String(repeating: ">", count: 300) + String(repeating: "a*", count: 300),
        String(repeating: "- ", count: 300), String(repeating: "[", count: 500) + String(repeating: "*", count: 500),
    ]

    /// Deterministic combinations of the dangerous characters.
    static var generated: [String] {
        var rng = SplitMix(seed: 42)
        let alphabet = Array("\\`*_[]()<>!#&|-+.=:;\"' a1\n")
        return (0..<400).map { _ in
            String((0..<Int(rng.next() % 24 + 1)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
        }
    }

    private func plain(_ html: String) -> String {
        var s = html.trimmingCharacters(in: .whitespacesAndNewlines)
        for (entity, char) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")] {
            s = s.replacingOccurrences(of: entity, with: char)
        }
        return s
    }

    private func collapsed(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    func testEscapedTextRendersLiterallyInEveryContext() {
        for text in Self.hostile + Self.generated {
            let expected = collapsed(text)
            guard !expected.isEmpty else { continue }
            let escaped = MarkdownText.escape(text)
            for (markdown, open, close) in [
                (escaped, "<p>", "</p>"), ("## " + escaped, "<h2 id=", "</h2>"),
                ("- " + escaped, "<ul>\n<li>", "</li>\n</ul>"),
            ] {
                let html = Cmark.html(fromMarkdown: markdown)
                XCTAssertTrue(html.hasPrefix(open), "\(text.debugDescription) → \(html.debugDescription)")
                var inner = html.trimmingCharacters(in: .whitespacesAndNewlines)
                inner = String(inner.dropLast(close.count))
                if open == "<h2 id=" {
                    inner = String(inner.drop { $0 != ">" }.dropFirst())
                } else {
                    inner = String(inner.dropFirst(open.count))
                }
                for tag in [
                    "<a", "<img", "<em", "<strong", "<code", "<script", "<li", "<blockquote", "<h1", "<hr", "<br",
                    "<!--",
                ] {
                    XCTAssertFalse(
                        inner.contains(tag), "\(text.debugDescription) made \(tag): \(html.debugDescription)")
                }
                XCTAssertEqual(plain(inner), expected, "\(text.debugDescription) in \(open)")
            }
            let cell = Cmark.html(fromMarkdown: "| h |\n|---|\n| \(MarkdownText.escapeCell(text)) |\n")
            XCTAssertTrue(cell.contains("<td>"), cell)
            let td = cell.components(separatedBy: "<td>")[1].components(separatedBy: "</td>")[0]
            XCTAssertEqual(plain(td), expected, "\(text.debugDescription) in a table cell")
        }
    }

    func testReadableWhereNothingCanHappen() {
        XCTAssertEqual(
            MarkdownText.escape("Euro-Atlantic Partnership Council, renamed in 1997."),
            "Euro-Atlantic Partnership Council, renamed in 1997.")
        XCTAssertEqual(MarkdownText.escape("corpus/nato-relations.txt"), "corpus/nato-relations.txt")
    }
}

/// A tiny deterministic generator so the property test is the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
