import CCmark
// TEMPORARY stand-in until the real renderer lands.
public enum Cmark {
    public static func html(fromMarkdown markdown: String) -> String {
        guard let p = cmark_markdown_to_html(markdown, markdown.utf8.count, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(p) }
        return String(cString: p)
    }
}
import Foundation
