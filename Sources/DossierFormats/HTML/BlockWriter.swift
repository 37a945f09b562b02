/// One block of page text, kept or dropped, in document order.
struct PageBlock: Equatable {
    enum Kind: Equatable {
        case heading(Int)
        case paragraph
        case listItem
        /// A table row, its cells joined by " | ".
        case row
        /// A `<figcaption>` or table `<caption>`.
        case caption
    }

    var text: String
    var line: Int
    var kind: Kind
    /// Why the extractor dropped it; nil when it is content.
    var removal: String?
    var node: Int
}

/// Writes the whole page as blocks, each marked kept or dropped by a `ContentExtractor.Selection`.
///
/// Headings, paragraphs, list items, table rows and captions become blocks; loose inline text
/// between block elements is a paragraph of its own. A block outside the selected content is a
/// "low-scoring block"; one under a dropped subtree carries that subtree's reason. Recursion is
/// bounded by the tree's depth limit.
struct BlockWriter {
    let tree: HTMLTree
    let page: PageShape
    let selection: ContentExtractor.Selection
    private(set) var blocks: [PageBlock] = []

    enum Status: Equatable {
        case outside
        case kept
        case removed(String)
    }

    init(tree: HTMLTree, page: PageShape, selection: ContentExtractor.Selection) {
        self.tree = tree
        self.page = page
        self.selection = selection
    }

    /// Characters of kept text outside headings.
    var keptCharacters: Int {
        blocks.reduce(0) { $0 + ($1.removal == nil && !$1.isHeading ? $1.text.count : 0) }
    }

    mutating func write() {
        visit(0, .outside)
    }

    private func resolve(_ i: Int, inherited: Status) -> Status {
        if selection.leads.contains(i) { return .kept }
        if let reason = selection.dropped[i] {
            if case .removed = inherited { return inherited }
            return .removed(reason)
        }
        if inherited == .outside, selection.roots.contains(i) { return .kept }
        return inherited
    }

    private mutating func visit(_ i: Int, _ inherited: Status) {
        guard !page.silent[i], !tree[i].isText else { return }
        let status = resolve(i, inherited: inherited)
        let name = tree[i].name
        if let level = Self.headings[name] {
            emit(text(of: i, status), i, .heading(level), status)
        } else if Self.leafBlocks.contains(name) && !hasBlockChild(i) {
            let kind: PageBlock.Kind =
                name == "li" || name == "dt" || name == "dd"
                ? .listItem
                : name == "figcaption" || name == "caption" ? .caption : .paragraph
            emit(text(of: i, status), i, kind, status)
        } else if name == "tr", !tree[i].children.contains(where: { hasBlockChild($0) }) {
            var cells: [String] = []
            for c in tree[i].children where ["td", "th"].contains(tree[c].name) && !page.silent[c] {
                cells.append(Self.collapse(text(of: c, resolve(c, inherited: status))))
            }
            emit(cells.filter { !$0.isEmpty }.joined(separator: " | "), i, .row, status)
        } else {
            var inline = ""
            var first: Int?
            for c in tree[i].children {
                let child = tree[c]
                if child.isText || (!page.silent[c] && !PageShape.isBlock(child.name) && selection.dropped[c] == nil) {
                    inline += child.isText ? child.text : " " + text(of: c, status) + " "
                    first = first ?? c
                } else {
                    if let n = first { emit(inline, n, .paragraph, status) }
                    inline = ""
                    first = nil
                    visit(c, status)
                }
            }
            if let n = first { emit(inline, n, .paragraph, status) }
        }
    }

    private func hasBlockChild(_ i: Int) -> Bool {
        tree[i].children.contains {
            !tree[$0].isText && !page.silent[$0] && PageShape.isBlock(tree[$0].name) && tree[$0].name != "br"
        }
    }

    private mutating func emit(_ raw: String, _ node: Int, _ kind: PageBlock.Kind, _ status: Status) {
        let text = Self.collapse(raw)
        guard !text.isEmpty else { return }
        let removal: String?
        switch status {
        case .kept: removal = nil
        case .outside: removal = "low-scoring block"
        case .removed(let reason): removal = reason
        }
        blocks.append(PageBlock(text: text, line: tree[node].line, kind: kind, removal: removal, node: node))
    }

    /// The text of an element and its descendants; a dropped descendant of kept text is
    /// recorded as a block of its own with its reason, not silently lost.
    private mutating func text(of i: Int, _ status: Status) -> String {
        var out = ""
        for c in tree[i].children {
            let child = tree[c]
            if child.isText {
                out += child.text
                continue
            }
            if page.silent[c] { continue }
            if let reason = selection.dropped[c] {
                if case .removed = status {
                } else {
                    let dropped = Self.collapse(text(of: c, .removed(reason)))
                    if !dropped.isEmpty {
                        blocks.append(
                            PageBlock(text: dropped, line: child.line, kind: .paragraph, removal: reason, node: c))
                    }
                }
                continue
            }
            if child.name == "br" {
                out += " "
                continue
            }
            let block = PageShape.isBlock(child.name)
            out += (block ? " " : "") + text(of: c, status) + (block ? " " : "")
        }
        return out
    }

    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static let leafBlocks: Set<String> = [
        "p", "li", "dt", "dd", "blockquote", "pre", "figcaption", "caption", "address", "summary", "legend",
    ]
    static let headings: [String: Int] = ["h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6]
}

extension PageBlock {
    var isHeading: Bool { if case .heading = kind { return true } else { return false } }
}
