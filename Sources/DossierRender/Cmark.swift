import CCmark
import Foundation

/// Markdown → HTML through libcmark (Debian's 0.30), in cmark's safe default mode.
///
/// The only file that calls cmark. C lifetimes stay inside each function (`defer` frees
/// right after each allocation); only Swift strings come out.
///
/// cmark 0.30 has no tables, so GFM pipe tables are found after parsing (paragraphs whose
/// source lines are a header row and a delimiter row) and replaced by custom blocks holding
/// the table's HTML, each cell rendered by cmark itself. Headings are replaced the same way
/// to give them stable ids for links. Custom blocks bypass safe mode, so only HTML built from
/// cmark's own output or from escaped text goes into them.
public enum Cmark {
    public static func html(fromMarkdown markdown: String) -> String {
        let options = CMARK_OPT_SOURCEPOS
        guard let root = cmark_parse_document(markdown, markdown.utf8.count, options) else { return "" }
        defer { cmark_node_free(root) }
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)

        // Collect first: the tree must not change while it is being iterated.
        var replacements: [(node: OpaquePointer, html: String)] = []
        var ids = HeadingIDs()
        if let iter = cmark_iter_new(root) {
            defer { cmark_iter_free(iter) }
            while true {
                let event = cmark_iter_next(iter)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_PARAGRAPH:
                    let start = Int(cmark_node_get_start_line(node)), end = Int(cmark_node_get_end_line(node))
                    guard start >= 1, end <= lines.count, let table = PipeTable(lines[(start - 1)..<end].map(String.init)) else { continue }
                    replacements.append((node, table.html(renderCell: inlineHTML)))
                case CMARK_NODE_HEADING:
                    let level = Int(cmark_node_get_heading_level(node))
                    let inner = stripWrapper(render(node), open: "<h\(level)>", close: "</h\(level)>")
                    replacements.append((node, "<h\(level) id=\"\(ids.make(from: inner))\">\(inner)</h\(level)>\n"))
                default:
                    continue
                }
            }
        }
        for (node, html) in replacements {
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(block, html)
            cmark_node_set_on_exit(block, "")
            if cmark_node_replace(node, block) == 1 {
                cmark_node_free(node)   // replace unlinks the old node but does not free it
            } else {
                cmark_node_free(block)
            }
        }
        return render(root)
    }

    /// The HTML of one node (and its children), safe mode.
    private static func render(_ node: OpaquePointer) -> String {
        guard let c = cmark_render_html(node, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(c) }
        return String(cString: c)
    }

    /// Inline Markdown (a table cell) → HTML without the paragraph wrapper.
    static func inlineHTML(_ markdown: String) -> String {
        let trimmed = markdown.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, let c = cmark_markdown_to_html(trimmed, trimmed.utf8.count, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(c) }
        let html = String(cString: c).trimmingCharacters(in: .whitespacesAndNewlines)
        // A cell is inline content: if cmark read it as a block (a lone "#" is a heading),
        // show the text as it is instead.
        guard html.hasPrefix("<p>") && html.hasSuffix("</p>") else { return HTMLText.escape(trimmed) }
        return stripWrapper(html, open: "<p>", close: "</p>")
    }

    private static func stripWrapper(_ html: String, open: String, close: String) -> String {
        var s = html.trimmingCharacters(in: .whitespacesAndNewlines)
        if s.hasPrefix(open) && s.hasSuffix(close) {
            s = String(s.dropFirst(open.count).dropLast(close.count))
        }
        return s
    }
}

/// Unique, stable heading ids: lower-case letters and digits, other runs as `-`, `-2` on repeats.
struct HeadingIDs {
    private var used: [String: Int] = [:]

    mutating func make(from html: String) -> String {
        var text = ""
        var inTag = false
        for c in html {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { text.append(c) }
        }
        text = text.replacingOccurrences(of: "&amp;", with: "and")
        var slug = ""
        for c in text.lowercased() {
            if c.isLetter || c.isNumber { slug.append(c) } else if !slug.isEmpty && slug.last != "-" { slug.append("-") }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty { slug = "section" }
        let n = (used[slug] ?? 0) + 1
        used[slug] = n
        return n == 1 ? slug : "\(slug)-\(n)"
    }
}

/// A GFM pipe table read from the source lines of one paragraph.
struct PipeTable {
    enum Alignment { case none, left, center, right }
    let header: [String]
    let alignments: [Alignment]
    let rows: [[String]]

    /// nil unless the lines are a header row, a delimiter row and body rows, all with pipes.
    init?(_ lines: [String]) {
        guard lines.count >= 2, lines.allSatisfy({ $0.contains("|") }) else { return nil }
        let header = Self.cells(lines[0])
        let delimiter = Self.cells(lines[1])
        guard delimiter.count == header.count, !header.isEmpty else { return nil }
        var alignments: [Alignment] = []
        for d in delimiter {
            let core = d.trimmingCharacters(in: CharacterSet(charactersIn: ":"))
            guard !core.isEmpty, core.allSatisfy({ $0 == "-" }) else { return nil }
            switch (d.hasPrefix(":"), d.hasSuffix(":")) {
            case (true, true): alignments.append(.center)
            case (false, true): alignments.append(.right)
            case (true, false): alignments.append(.left)
            default: alignments.append(.none)
            }
        }
        self.header = header
        self.alignments = alignments
        rows = lines.dropFirst(2).map { row in
            let c = Self.cells(row)
            return Array((c + Array(repeating: "", count: max(0, header.count - c.count))).prefix(header.count))
        }
    }

    /// Splits a row on unescaped pipes, dropping the outer ones.
    static func cells(_ line: String) -> [String] {
        var s = line.trimmingCharacters(in: .whitespaces)
        if s.hasPrefix("|") { s.removeFirst() }
        if s.hasSuffix("|") && !s.hasSuffix("\\|") { s.removeLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for c in s {
            if escaped { current.append(c); escaped = false; continue }
            if c == "\\" { current.append(c); escaped = true; continue }
            if c == "|" { cells.append(current.trimmingCharacters(in: .whitespaces)); current = ""; continue }
            current.append(c)
        }
        cells.append(current.trimmingCharacters(in: .whitespaces))
        return cells
    }

    func html(renderCell: (String) -> String) -> String {
        func style(_ i: Int) -> String {
            switch alignments[i] {
            case .none: return ""
            case .left: return " style=\"text-align:left\""
            case .center: return " style=\"text-align:center\""
            case .right: return " style=\"text-align:right\""
            }
        }
        var out = "<table>\n<thead>\n<tr>"
        for (i, cell) in header.enumerated() { out += "<th scope=\"col\"\(style(i))>\(renderCell(cell))</th>" }
        out += "</tr>\n</thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() { out += "<td\(style(i))>\(renderCell(cell))</td>" }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
