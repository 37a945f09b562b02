/// Escapes untrusted source text so it renders literally wherever the Markdown writer puts it.
///
/// Escaping is minimal where a character cannot form syntax (a hyphen inside a word, a period
/// after a word), so the Markdown stays readable in a diff, and complete where it can: every
/// character that opens inline syntax (`\`, `` ` ``, `*`, `_`, `[`, `]`, `<`, entity-like `&`)
/// is escaped everywhere, and the block markers (`#`, `>`, `-`, `+`, `1.`) are escaped where
/// the text starts. Newlines, tabs and control characters become spaces, so text never starts
/// a new block. This is also the defence against cmark 0.30's quadratic inputs: after
/// escaping, no run of link, emphasis, block-quote or list syntax survives.
public enum MarkdownText {
    /// Text safe anywhere inline Markdown is allowed (paragraphs, list items, headings, quotes).
    public static func escape(_ text: String) -> String { escape(text, pipes: false) }

    /// The same, also safe inside a GFM pipe-table cell.
    public static func escapeCell(_ text: String) -> String { escape(text, pipes: true) }

    /// The text as escaping leaves it for a reader: whitespace and control characters folded
    /// to single spaces, none at the ends. A report's plain title is its heading text so folded.
    public static func singleLine(_ text: String) -> String { String(folded(text)) }

    /// Whitespace and control characters fold to single spaces: text stays on one line.
    private static func folded(_ text: String) -> [Character] {
        var chars: [Character] = []
        chars.reserveCapacity(text.count)
        for c in text {
            let space = c.isWhitespace || (c.isASCII && c.asciiValue! < 0x20)
            if space { if let last = chars.last, last != " " { chars.append(" ") } } else { chars.append(c) }
        }
        while chars.last == " " { chars.removeLast() }
        return chars
    }

    private static func escape(_ text: String, pipes: Bool) -> String {
        let chars = folded(text)
        var out = ""
        out.reserveCapacity(chars.count + chars.count / 8)
        for (i, c) in chars.enumerated() {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<":
                out.append("\\")
            case "|" where pipes:
                out.append("\\")
            case "&" where i + 1 < chars.count && (chars[i + 1].isLetter || chars[i + 1] == "#"):
                out.append("\\")
            // (`where` binds only to the last pattern of a list, so the conditions are spelt out.)
            case _ where i == 0 && "#>-+=".contains(c):
                out.append("\\")
            case _ where (c == "." || c == ")") && i > 0 && i <= 9 && chars[..<i].allSatisfy(\.isNumber):
                out.append("\\")  // "1." or "1)" at the start would open an ordered list
            default:
                break
            }
            out.append(c)
        }
        return out
    }
}
