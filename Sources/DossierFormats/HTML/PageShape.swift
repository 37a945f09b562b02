/// What the extractor needs to know about every node that does not depend on the rules of an
/// attempt: computed once per page, in one pass down and one pass up the node array (parents
/// come before children), so no walk recurses.
struct PageShape {
    let tree: HTMLTree
    let positive, negative, keep: ClassHints
    let skip, pageChrome, skipRoles, semantic: Set<String>
    /// Not page text (scripts, styles, `<head>`), with everything under it.
    private(set) var silent: [Bool]
    /// Has an `<article>`/`<main>` ancestor.
    private(set) var insideArticle: [Bool]
    private(set) var insideTableOrCode: [Bool]
    /// Is or contains the article container (`<article>`, `<main>`, `role=main`, `itemprop=articleBody`).
    private(set) var hasArticleMarker: [Bool]
    /// A footnote or reference list by its class or id (kept outside the content too).
    private(set) var keepNote: [Bool]

    init(tree: HTMLTree, options: IngestHTML.Options) {
        self.tree = tree
        positive = ClassHints(options.positiveHints)
        negative = ClassHints(options.negativeHints)
        keep = ClassHints(options.keepHints)
        let lower = { (list: [String]) in Set(list.map { $0.lowercased() }) }
        skip = lower(options.skip)
        pageChrome = lower(options.pageChrome)
        skipRoles = lower(options.skipRoles)
        semantic = lower(options.semanticElements)
        let nonText = lower(options.nonText)
        let n = tree.count
        silent = [Bool](repeating: false, count: n)
        insideArticle = [Bool](repeating: false, count: n)
        insideTableOrCode = [Bool](repeating: false, count: n)
        hasArticleMarker = [Bool](repeating: false, count: n)
        keepNote = [Bool](repeating: false, count: n)
        for i in 1..<n {
            let p = tree[i].parent
            let name = tree[i].name
            silent[i] = silent[p] || nonText.contains(name)
            insideArticle[i] = insideArticle[p] || semantic.contains(tree[p].name) || isSemantic(p)
            insideTableOrCode[i] = insideTableOrCode[p] || ["table", "code", "pre"].contains(tree[p].name)
            if !tree[i].isText {
                keepNote[i] = [tree.attribute("class", of: i), tree.attribute("id", of: i)].contains {
                    $0.map { keep.match($0) != nil } ?? false
                }
            }
        }
        for i in stride(from: n - 1, to: 0, by: -1) where !tree[i].isText {
            if isSemantic(i) || tree.attribute("itemprop", of: i)?.lowercased() == "articlebody" {
                hasArticleMarker[i] = true
            }
            if hasArticleMarker[i] { hasArticleMarker[tree[i].parent] = true }
        }
    }

    func isSemantic(_ i: Int) -> Bool {
        guard i > 0, !tree[i].isText else { return false }
        return semantic.contains(tree[i].name) || tree.attribute("role", of: i)?.lowercased() == "main"
    }

    func isHidden(_ i: Int) -> Bool {
        if tree.attribute("hidden", of: i) != nil { return true }
        if tree.attribute("aria-hidden", of: i)?.lowercased() == "true" { return true }
        if let style = tree.attribute("style", of: i)?.lowercased().filter({ !$0.isWhitespace }),
            style.contains("display:none") || style.contains("visibility:hidden")
        {
            return true
        }
        return false
    }

    /// Phrasing elements; every other element (custom elements such as `<story-body>` included)
    /// is a block, since libxml2's HTML4 parser knows nothing of them.
    static let inline: Set<String> = [
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i",
        "img",
        "ins", "kbd", "label", "mark", "picture", "q", "rp", "rt", "ruby", "s", "samp", "small", "source", "span",
        "strike",
        "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "nobr", "output", "meter", "progress", "audio",
        "video",
    ]

    static func isBlock(_ name: String) -> Bool { !inline.contains(name) }
}

/// Text measures of every node for one attempt, leaving out the excluded subtrees.
struct TextStats {
    let tree: HTMLTree
    /// Silent, or under a dropped subtree root (the root included).
    private(set) var excluded: [Bool]
    /// Characters of whitespace-collapsed text.
    private(set) var text: [Int]
    /// Characters of that text inside links.
    private(set) var links: [Int]
    private(set) var commas: [Int]
    /// Has a block element child (other than `<br>`).
    private(set) var hasBlockChild: [Bool]
    /// A table with header cells or a caption.
    private(set) var isDataTable: [Bool]
    /// The outermost `<article>` elements below a node (none inside another): how many, their
    /// text, and the largest one's text; what tells a list of other posts (`isListing`).
    private(set) var articles: [Int]
    private(set) var articleText: [Int]
    private(set) var largestArticle: [Int]

    init(tree: HTMLTree, page: PageShape, excluded dropped: [Int: String]) {
        self.tree = tree
        let n = tree.count
        excluded = [Bool](repeating: false, count: n)
        for i in 1..<n {
            excluded[i] = excluded[tree[i].parent] || page.silent[i] || dropped[i] != nil
        }
        text = [Int](repeating: 0, count: n)
        links = [Int](repeating: 0, count: n)
        commas = [Int](repeating: 0, count: n)
        hasBlockChild = [Bool](repeating: false, count: n)
        isDataTable = [Bool](repeating: false, count: n)
        articles = [Int](repeating: 0, count: n)
        articleText = [Int](repeating: 0, count: n)
        largestArticle = [Int](repeating: 0, count: n)
        var hasHeaderCell = [Bool](repeating: false, count: n)
        for i in stride(from: n - 1, to: 0, by: -1) where !excluded[i] {
            let node = tree[i]
            let p = node.parent
            if node.isText {
                let (length, c) = Self.measure(node.text)
                text[i] = length
                commas[i] = c
            } else {
                if node.name == "a" { links[i] = text[i] }
                if node.name == "th" || node.name == "caption" { hasHeaderCell[i] = true }
                if node.name == "table" { isDataTable[i] = hasHeaderCell[i] }
                if PageShape.isBlock(node.name) && node.name != "br" { hasBlockChild[p] = true }
                if hasHeaderCell[i] && node.name != "table" { hasHeaderCell[p] = true }
            }
            // Adjacent text pieces are separated by a space in the collapsed text.
            text[p] += text[i] + (text[i] > 0 && text[p] > 0 ? 1 : 0)
            links[p] += links[i]
            commas[p] += commas[i]
            // Children come after their parent, so `text[i]` and `i`'s own counts are complete.
            let isArticle = !node.isText && node.name == "article"
            articles[p] += isArticle ? 1 : articles[i]
            articleText[p] += isArticle ? text[i] : articleText[i]
            largestArticle[p] = max(largestArticle[p], isArticle ? text[i] : largestArticle[i])
        }
    }

    func linkDensity(_ i: Int) -> Double { text[i] == 0 ? 0 : min(1, Double(links[i]) / Double(text[i])) }

    /// Collapsed length and comma count of a text node, in one pass over its scalars.
    static func measure(_ s: String) -> (Int, Int) {
        var length = 0
        var commas = 0
        var pendingSpace = false
        for u in s.unicodeScalars {
            if u.properties.isWhitespace {
                pendingSpace = length > 0
                continue
            }
            if pendingSpace {
                length += 1
                pendingSpace = false
            }
            length += 1
            switch u.value {
            case 0x2C, 0x60C, 0xFE50, 0xFE10, 0xFE11, 0x2E41, 0x2E34, 0x2E32, 0xFF0C: commas += 1
            default: break
            }
        }
        return (length, commas)
    }

    /// The node's text, whitespace collapsed, leaving out excluded subtrees (an explicit stack).
    func plainText(_ i: Int) -> String {
        var pieces: [String] = []
        var stack = [i]
        while let j = stack.popLast() {
            if excluded[j] && j != i { continue }
            if tree[j].isText {
                pieces.append(tree[j].text)
                continue
            }
            stack.append(contentsOf: tree[j].children.reversed())
        }
        return pieces.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
