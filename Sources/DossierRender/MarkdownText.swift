// TEMPORARY stand-in until the real escaper lands.
public enum MarkdownText {
    public static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if c == "\n" || c == "\t" { out.append(" "); continue }
            if c.isASCII, c.isPunctuation || c.isSymbol { out.append("\\") }
            out.append(c)
        }
        return out
    }
    public static func escapeCell(_ text: String) -> String { escape(text) }
}
