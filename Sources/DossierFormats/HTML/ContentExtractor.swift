/// Finds a page's main content, in the manner of Readability: paragraphs score their
/// ancestors (text length, commas), candidates are weighted by tag, class/id hints and
/// semantic elements, discounted by link density; the best candidate joins its good siblings,
/// and link-heavy boxes inside it are cleaned away.
///
/// Works on `HTMLTree` indices only. Every decision that drops text names its reason, so the
/// writer can record it in `Document.removed`.
struct ContentExtractor {
    /// Which of the rules an attempt applies; later attempts relax them when the content found
    /// is too short (as Readability retries).
    struct Rules: Hashable {
        var stripUnlikely = true
        var weightClasses = true
        var cleanConditionally = true

        static let attempts: [Rules] = [
            Rules(),
            Rules(stripUnlikely: false),
            Rules(stripUnlikely: false, weightClasses: false),
            Rules(stripUnlikely: false, weightClasses: false, cleanConditionally: false),
        ]
    }

    /// What one attempt chose.
    struct Selection {
        /// Nodes whose subtrees are the content (the best candidate, its siblings, kept notes).
        var roots: Set<Int> = []
        /// Subtree roots dropped, with the reason ("boilerplate (class 'share')").
        var dropped: [Int: String] = [:]
        /// True when nothing scored and the whole body was taken.
        var wholeBody = false
        /// Paragraphs of the headline's pruned box, kept as the article's head (`leads`).
        var leads: Set<Int> = []
    }

    let tree: HTMLTree
    let options: IngestHTML.Options
    let page: PageShape
    /// The page's headline heading, when other metadata confirms it (its box may hold the standfirst).
    let title: Int?

    /// Text measures of the page with nothing dropped.
    let whole: TextStats

    init(tree: HTMLTree, options: IngestHTML.Options, page: PageShape, title: Int? = nil) {
        self.tree = tree
        self.options = options
        self.page = page
        self.title = title
        whole = TextStats(tree: tree, page: page, excluded: [:])
    }

    // MARK: - One attempt

    func select(_ rules: Rules) -> Selection {
        var selection = Selection()
        let pruned = prune(rules)
        selection.dropped = pruned
        let stats = TextStats(tree: tree, page: page, excluded: pruned)

        var scores: [Int: Double] = [:]
        func initialize(_ i: Int) {
            guard scores[i] == nil else { return }
            scores[i] = baseScore(i) + (rules.weightClasses ? classWeight(i) : 0)
        }
        func credit(_ i: Int, _ length: Int, _ commas: Int) {
            guard length >= options.minParagraphChars else { return }
            let score = 1 + Double(commas) + min(Double(length / 100), 3)
            var ancestor = i
            for level in 0..<5 {
                guard ancestor > 0, tree[ancestor].parent > 0 else { break }
                initialize(ancestor)
                scores[ancestor]! += score / (level == 0 ? 1 : level == 1 ? 2 : Double(level) * 3)
                ancestor = tree[ancestor].parent
            }
        }
        for i in 1..<tree.count where !stats.excluded[i] && !tree[i].isText {
            let name = tree[i].name
            if Self.scoredTags.contains(name) || (Self.isDivLike(name) && !stats.hasBlockChild[i]) {
                credit(tree[i].parent, stats.text[i], stats.commas[i])
            } else if Self.isDivLike(name) || name == "body" {
                // Loose inline text between block children is a paragraph of this element.
                for run in inlineRuns(i, stats) { credit(i, run.length, run.commas) }
            }
        }
        guard let body = tree.first("body") ?? (tree.count > 1 ? 1 : nil) else { return selection }
        var final: [Int: Double] = [:]
        for (i, s) in scores { final[i] = s * (1 - stats.linkDensity(i)) }
        let ranked = final.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        guard var top = ranked.first?.key, top != body, tree[top].name != "html" else {
            selection.roots = [body]
            selection.wholeBody = true
            return selection
        }
        top = climb(from: top, ranked: ranked, final: final, body: body)
        let topScore = final[top] ?? 0
        selection.roots = siblings(of: top, topScore: topScore, final: final, stats: stats, body: body)
        selection.roots.formUnion(
            cousins(of: ranked[0].key, roots: selection.roots, topScore: topScore, final: final, stats: stats))
        for i in 1..<tree.count where page.keepNote[i] && !stats.excluded[i] && !isInside(i, selection.roots) {
            selection.roots.insert(i)
        }
        selection.leads = leads(title: title, roots: selection.roots, pruned: pruned)
        if rules.cleanConditionally {
            clean(
                inside: selection.roots, best: ranked[0].key, stats: stats, final: final,
                weightClasses: rules.weightClasses,
                into: &selection.dropped)
        }
        return selection
    }

    // MARK: - Pruning

    /// Subtree roots dropped before scoring: elements that are chrome wherever they stand,
    /// hidden ones, and (when `stripUnlikely`) ones whose class or id names page chrome.
    /// An element that holds most of the page's text is a wrapper, whatever it is called (an
    /// ASP.NET `<form>` around the page, a "has-sidebar" layout div): scoring decides there.
    func prune(_ rules: Rules) -> [Int: String] {
        var dropped: [Int: String] = [:]
        var under = [Bool](repeating: false, count: tree.count)
        let limit = options.hintPruneMaxShare * Double(whole.text[0])
        for i in 1..<tree.count where !tree[i].isText {
            if under[tree[i].parent] || page.silent[i] {
                under[i] = true
                continue
            }
            // Hidden text was never seen by the reader, however much of it there is; a chart's
            // labels, dropped by their parent below, were seen only as part of its picture.
            if dropped[i] == nil, page.isHidden(i) { dropped[i] = "hidden element" }
            if dropped[i] != nil {
                under[i] = true
                continue
            }
            for label in chartLabels(i) { dropped[label] = Self.chartOverlayRule }
            guard let reason = hardPruneReason(i) ?? (rules.stripUnlikely ? hintPruneReason(i) : nil),
                Double(whole.text[i]) < limit
            else { continue }
            dropped[i] = reason
            under[i] = true
        }
        return dropped
    }

    func hardPruneReason(_ i: Int) -> String? {
        let name = tree[i].name
        if page.skip.contains(name) { return "boilerplate (<\(name)>)" }
        if page.pageChrome.contains(name), !page.insideArticle[i] { return "boilerplate (<\(name)>)" }
        if let role = tree.attribute("role", of: i)?.lowercased(), page.skipRoles.contains(role),
            !page.hasArticleMarker[i]
        {
            return "boilerplate (role '\(role)')"
        }
        return nil
    }

    // MARK: - Scores

    func baseScore(_ i: Int) -> Double {
        let name = tree[i].name
        var score: Double
        switch name {
        case _ where Self.isDivLike(name) && name != "blockquote": score = 5
        case "pre", "td", "blockquote": score = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
        default: score = 0
        }
        if page.isSemantic(i) { score += options.semanticBonus }
        return score
    }

    /// Readability's choice of the content container: a shared ancestor of several close
    /// runners-up, a parent scoring higher than the candidate, then up through only children.
    func climb(from start: Int, ranked: [(key: Int, value: Double)], final: [Int: Double], body: Int) -> Int {
        var top = start
        let topScore = final[top] ?? 0
        let alternatives = ranked.dropFirst().prefix(4).filter { $0.value / max(topScore, 1e-9) >= 0.75 }.map {
            ancestors(of: $0.key)
        }
        if alternatives.count >= 3 {
            var parent = tree[top].parent
            while parent != body, parent > 0 {
                if alternatives.filter({ $0.contains(parent) }).count >= 3 {
                    top = parent
                    break
                }
                parent = tree[parent].parent
            }
        }
        var lastScore = final[top] ?? 0
        let threshold = lastScore / 3
        var parent = tree[top].parent
        while parent != body, parent > 0 {
            guard let parentScore = final[parent] else {
                parent = tree[parent].parent
                continue
            }
            if parentScore < threshold { break }
            if parentScore > lastScore {
                top = parent
                break
            }
            lastScore = parentScore
            parent = tree[parent].parent
        }
        while tree[top].parent != body, tree[top].parent > 0,
            tree[tree[top].parent].children.filter({ !tree[$0].isText && !page.silent[$0] }).count == 1
        {
            top = tree[top].parent
        }
        return top
    }

    func siblings(of top: Int, topScore: Double, final: [Int: Double], stats: TextStats, body: Int) -> Set<Int> {
        let parent = tree[top].parent
        guard parent > 0 else { return [top] }
        var roots: Set<Int> = [top]
        let threshold = max(10, topScore * options.siblingRatio)
        let topClass = tree.attribute("class", of: top) ?? ""
        for s in tree[parent].children where s != top && !tree[s].isText && !stats.excluded[s] && !isListing(s, stats) {
            let bonus =
                !topClass.isEmpty && tree.attribute("class", of: s) == topClass ? topScore * options.siblingRatio : 0
            if let score = final[s], score + bonus >= threshold {
                roots.insert(s)
            } else if tree[s].name == "p" || (Self.isDivLike(tree[s].name) && !stats.hasBlockChild[s]) {
                let length = stats.text[s]
                let density = stats.linkDensity(s)
                if length > 80 && density < 0.25 {
                    roots.insert(s)
                } else if length > 0, length <= 80, density == 0, Self.endsSentence(stats.plainText(s)) {
                    roots.insert(s)
                }
            }
        }
        // A heading right before a joined sibling is that part's title.
        let elements = tree[parent].children.filter { !tree[$0].isText && !page.silent[$0] && !stats.excluded[$0] }
        for (k, s) in elements.enumerated().dropLast() where roots.contains(elements[k + 1]) && !roots.contains(s) {
            if BlockWriter.headings[tree[s].name] != nil || isHeadingBox(s) { roots.insert(s) }
        }
        return roots
    }

    // MARK: - Helpers

    func ancestors(of i: Int) -> Set<Int> {
        var result: Set<Int> = []
        var a = tree[i].parent
        while a > 0 {
            result.insert(a)
            a = tree[a].parent
        }
        return result
    }

    func isInside(_ i: Int, _ roots: Set<Int>) -> Bool {
        var a = i
        while a > 0 {
            if roots.contains(a) { return true }
            a = tree[a].parent
        }
        return false
    }

    /// Runs of text and inline elements between the block children of `i`.
    func inlineRuns(_ i: Int, _ stats: TextStats) -> [(length: Int, commas: Int)] {
        var runs: [(length: Int, commas: Int)] = []
        var length = 0
        var commas = 0
        for c in tree[i].children where !stats.excluded[c] {
            if tree[c].isText || !PageShape.isBlock(tree[c].name) {
                length += stats.text[c]
                commas += stats.commas[c]
            } else {
                if length > 0 { runs.append((length, commas)) }
                length = 0
                commas = 0
            }
        }
        if length > 0 { runs.append((length, commas)) }
        return runs
    }

    static func endsSentence(_ text: String) -> Bool { text.hasSuffix(".") || text.contains(". ") }

    /// Paragraph-like elements whose text scores their ancestors.
    static let scoredTags: Set<String> = ["p", "pre", "td", "h2", "h3", "h4", "h5", "h6"]
    /// Containers that score as a paragraph when they hold no block element.
    static let leafContainers: Set<String> = ["div", "section", "article", "main", "blockquote", "center"]
    /// A container that scores like a `<div>`; custom elements (`<story-body>`) are ones.
    static func isDivLike(_ name: String) -> Bool { leafContainers.contains(name) || name.contains("-") }
    /// Never dropped for their class or id alone.
    static let neverUnlikely: Set<String> = [
        "html", "body", "article", "main", "a", "table", "tbody", "thead", "tr", "td", "th", "code", "pre",
    ]
    /// Boxes inside the content that may be cleaned away.
    static let cleanable: Set<String> = ["div", "section", "ul", "ol", "dl", "table", "aside", "fieldset", "form"]
}
