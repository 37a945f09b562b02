import CCmark
import Foundation

/// Markdown → HTML through libcmark (Debian's 0.30), in cmark's safe default mode.
///
/// The only file that calls cmark. C lifetimes stay inside each function (`defer` frees
/// right after each allocation); only Swift strings come out.
///
/// What a page needs beyond CommonMark is done on the node tree before it is rendered, never
/// on the HTML text: link destinations are set on link nodes, and headings, tables, the notes
/// list, the contents list and the index cards become custom nodes. cmark 0.30 has no tables,
/// so GFM pipe tables are found after parsing (paragraphs whose source lines are a header row
/// and a delimiter row), each cell rendered by cmark itself. Custom nodes bypass safe mode, so
/// only HTML that cmark rendered from a node, or markup built from escaped values and ids,
/// goes into them.
public enum Cmark {
    /// What a page needs beyond CommonMark; the default changes nothing.
    public struct PageEdits: Sendable {
        /// Link destinations to replace, keyed by the part before any `#` (`x.md` → `x.html`).
        public var links: [String: String] = [:]
        /// The id of the heading after which the first ordered list holds the notes: its items
        /// get the ids `note-1`, `note-2`, … that citations link to.
        public var notesHeading: String?
        /// With at least this many level-2 headings, a contents list follows the first level-1 heading.
        public var contentsMinimum: Int?
        /// Each level-3 heading and the bullet list right after it become a card; adjacent cards
        /// share one grid.
        public var cards = false

        public init() {}
    }

    public static func html(fromMarkdown markdown: String, edits: PageEdits = PageEdits()) -> String {
        guard let root = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_SOURCEPOS) else { return "" }
        defer { cmark_node_free(root) }
        let found = walk(root, links: edits.links)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        for paragraph in found.paragraphs {
            replaceTable(paragraph, lines: lines, links: edits.links)
        }
        let headings = replaceHeadings(found.headings)
        if let id = edits.notesHeading, let notes = headings.first(where: { $0.level == 2 && $0.id == id }) {
            numberNotes(after: notes.block)
        }
        if let minimum = edits.contentsMinimum {
            insertContents(headings, minimum: minimum)
        }
        if edits.cards {
            groupCards(root, headings: headings)
        }
        return render(root)
    }

    // MARK: - Reading the tree

    private struct Found {
        var paragraphs: [OpaquePointer] = []
        var headings: [OpaquePointer] = []
    }

    /// Collects paragraphs and headings, and rewrites link destinations on the way (a
    /// destination is not structure; the tree itself must not change while it is iterated).
    private static func walk(_ root: OpaquePointer, links: [String: String]) -> Found {
        var found = Found()
        guard let iter = cmark_iter_new(root) else { return found }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH: found.paragraphs.append(node)
            case CMARK_NODE_HEADING: found.headings.append(node)
            case CMARK_NODE_LINK: rewrite(node, links)
            default: continue
            }
        }
        return found
    }

    /// `x.md` and `x.md#fragment` → the page `links` names for `x.md`, fragment kept.
    private static func rewrite(_ link: OpaquePointer, _ links: [String: String]) {
        guard !links.isEmpty, let c = cmark_node_get_url(link) else { return }
        let parts = String(cString: c).split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard let file = parts.first, let target = links[String(file)] else { return }
        cmark_node_set_url(link, target + (parts.count > 1 ? "#" + parts[1] : ""))
    }

    /// The text a heading's id is made from: what its HTML shows outside tags (image alt text
    /// is inside one), with `&` read as "and" and the other characters cmark escapes kept as
    /// their entities, so ids are those of the pages made before the tree was edited.
    static func idText(_ heading: OpaquePointer) -> String {
        var text = ""
        guard let iter = cmark_iter_new(heading) else { return text }
        defer { cmark_iter_free(iter) }
        var insideImage = 0
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_IMAGE {
                insideImage += event == CMARK_EVENT_ENTER ? 1 : -1
                continue
            }
            guard event == CMARK_EVENT_ENTER, insideImage == 0 else { continue }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += HeadingIDs.escaped(cmark_node_get_literal(node).map(String.init(cString:)) ?? "")
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += "\n"
            default: continue
            }
        }
        return text
    }

    // MARK: - Rendering

    /// The HTML of one node (and its children), safe mode.
    private static func render(_ node: OpaquePointer) -> String {
        guard let c = cmark_render_html(node, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(c) }
        return String(cString: c)
    }

    /// The HTML of a node's children: a heading's or a paragraph's content without its tags.
    private static func renderChildren(_ node: OpaquePointer) -> String {
        var html = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            html += render(current)
            child = cmark_node_next(current)
        }
        return html
    }

    /// Inline Markdown (a table cell) → HTML without the paragraph wrapper, links rewritten.
    static func inlineHTML(_ markdown: String, links: [String: String] = [:]) -> String {
        let trimmed = markdown.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, let doc = cmark_parse_document(trimmed, trimmed.utf8.count, CMARK_OPT_DEFAULT) else {
            return ""
        }
        defer { cmark_node_free(doc) }
        // A cell is inline content: if cmark reads it as anything but one paragraph (a lone
        // "#" is a heading), show the text as it is instead.
        guard let paragraph = cmark_node_first_child(doc), cmark_node_next(paragraph) == nil,
            cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH
        else { return HTMLText.escape(trimmed) }
        _ = walk(doc, links: links)
        return renderChildren(paragraph)
    }
}

// MARK: - Editing the tree

extension Cmark {
    /// A heading as the page shows it, and the custom block that now stands in its place.
    struct Heading {
        let block: OpaquePointer
        let level: Int
        let id: String
        /// cmark's HTML of the heading's content.
        let inner: String
        let html: String
    }

    private static func custom(_ type: cmark_node_type, _ enter: String, _ exit: String) -> OpaquePointer? {
        guard let node = cmark_node_new(type) else { return nil }
        cmark_node_set_on_enter(node, enter)
        cmark_node_set_on_exit(node, exit)
        return node
    }

    /// Puts `new` where `old` was and frees `old` (replace unlinks it but does not free it).
    @discardableResult
    private static func replace(_ old: OpaquePointer, with new: OpaquePointer) -> Bool {
        guard cmark_node_replace(old, new) == 1 else {
            cmark_node_free(new)
            return false
        }
        cmark_node_free(old)
        return true
    }

    fileprivate static func replaceTable(_ paragraph: OpaquePointer, lines: [Substring], links: [String: String]) {
        let start = Int(cmark_node_get_start_line(paragraph))
        let end = Int(cmark_node_get_end_line(paragraph))
        guard start >= 1, end <= lines.count else { return }
        guard let table = PipeTable(lines[(start - 1)..<end].map(String.init)) else { return }
        let html = table.html { inlineHTML($0, links: links) }
        guard let block = custom(CMARK_NODE_CUSTOM_BLOCK, html, "") else { return }
        replace(paragraph, with: block)
    }

    /// Each heading becomes a custom block with a stable id (for links and the contents list).
    fileprivate static func replaceHeadings(_ nodes: [OpaquePointer]) -> [Heading] {
        var ids = HeadingIDs()
        var headings: [Heading] = []
        for node in nodes {
            let level = Int(cmark_node_get_heading_level(node))
            let id = ids.make(from: idText(node))
            let inner = renderChildren(node)
            let html = "<h\(level) id=\"\(id)\">\(inner)</h\(level)>\n"
            guard let block = custom(CMARK_NODE_CUSTOM_BLOCK, html, ""), replace(node, with: block) else { continue }
            headings.append(Heading(block: block, level: level, id: id, inner: inner, html: html))
        }
        return headings
    }

    /// The items of the first ordered list after the notes heading get the ids `note-N`.
    fileprivate static func numberNotes(after heading: OpaquePointer) {
        var next = cmark_node_next(heading)
        while let node = next, !isList(node, CMARK_ORDERED_LIST) {
            next = cmark_node_next(node)
        }
        guard let list = next, cmark_node_get_list_start(list) == 1 else { return }
        var n = 0
        rebuildList(list, open: "<ol>", close: "</ol>") {
            n += 1
            return "<li id=\"note-\(n)\">"
        }
    }

    /// A contents list of the level-2 sections, right after the first level-1 heading.
    fileprivate static func insertContents(_ headings: [Heading], minimum: Int) {
        let sections = headings.filter { $0.level == 2 }
        guard sections.count >= minimum, let title = headings.first(where: { $0.level == 1 }) else { return }
        let items = sections.map { "<li><a href=\"#\($0.id)\">\($0.inner)</a></li>" }.joined(separator: "\n")
        let nav = "<nav class=\"toc\" aria-label=\"Contents\"><p>Contents</p><ol>\n\(items)\n</ol></nav>"
        guard let block = custom(CMARK_NODE_CUSTOM_BLOCK, nav, "") else { return }
        if cmark_node_insert_after(title.block, block) != 1 { cmark_node_free(block) }
    }

    /// Each level-3 heading at the top level with a bullet list right after it becomes a card
    /// (`section.card`); a run of cards shares one grid (`div.cards`).
    fileprivate static func groupCards(_ root: OpaquePointer, headings: [Heading]) {
        let level3 = Dictionary(uniqueKeysWithValues: headings.filter { $0.level == 3 }.map { ($0.block, $0.html) })
        var grid: OpaquePointer?
        var next = cmark_node_first_child(root)
        while let node = next {
            guard let html = level3[node], let list = cmark_node_next(node), isList(list, CMARK_BULLET_LIST),
                let card = rebuildList(list, open: "<ul>", close: "</ul></section>", itemOpen: { "<li>" })
            else {
                grid = nil
                next = cmark_node_next(node)
                continue
            }
            cmark_node_set_on_enter(node, "<section class=\"card\">" + html)
            if grid == nil, let block = custom(CMARK_NODE_CUSTOM_BLOCK, "<div class=\"cards\">", "</div>") {
                cmark_node_insert_before(node, block)
                grid = block
            }
            guard let grid else { return }
            cmark_node_append_child(grid, node)
            cmark_node_append_child(grid, card)
            next = cmark_node_next(grid)
        }
    }

    private static func isList(_ node: OpaquePointer, _ type: cmark_list_type) -> Bool {
        cmark_node_get_type(node) == CMARK_NODE_LIST && cmark_node_get_list_type(node) == type
    }

    /// Replaces a tight list whose items are each one paragraph (or empty) by a custom block
    /// that renders as cmark renders the list, with `itemOpen` as each item's opening tag; the
    /// paragraphs' inline nodes move into it untouched. nil, and the list left as it is, when
    /// the list is loose or an item holds other blocks.
    @discardableResult
    private static func rebuildList(
        _ list: OpaquePointer, open: String, close: String,
        itemOpen: () -> String
    ) -> OpaquePointer? {
        guard cmark_node_get_list_tight(list) == 1 else { return nil }
        var paragraphs: [OpaquePointer?] = []
        var next = cmark_node_first_child(list)
        while let item = next {
            let first = cmark_node_first_child(item)
            if let first, cmark_node_get_type(first) != CMARK_NODE_PARAGRAPH || cmark_node_next(first) != nil {
                return nil
            }
            paragraphs.append(first)
            next = cmark_node_next(item)
        }
        guard let block = custom(CMARK_NODE_CUSTOM_BLOCK, open, close) else { return nil }
        for paragraph in paragraphs {
            guard let item = custom(CMARK_NODE_CUSTOM_INLINE, itemOpen(), "</li>\n") else { continue }
            // append_child unlinks each node from the paragraph first.
            while let paragraph, let child = cmark_node_first_child(paragraph),
                cmark_node_append_child(item, child) == 1
            {
            }
            cmark_node_append_child(block, item)
        }
        return replace(list, with: block) ? block : nil
    }
}
