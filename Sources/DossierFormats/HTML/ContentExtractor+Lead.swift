/// The head of an article: headline and standfirst.
///
/// Sites set an article's headline in a box named as a header (`<header>`, `article-header`,
/// `entry-header`, `m-intro-header`) together with its byline, date and share buttons, so the
/// box is pruned as chrome, and with it the standfirst: the article's first paragraph, often
/// the one sentence a reader needs. When the page's title heading stands in such a pruned box,
/// inside the chosen content or before it, the box's own paragraphs come back; what in it is
/// chrome by its own name (a byline, a date, a share bar) stays out, and so do subtitles set
/// as headings: a news page's deck, which the article bodies news sites publish leave out.
extension ContentExtractor {
    func leads(title: Int?, roots: Set<Int>, pruned: [Int: String]) -> Set<Int> {
        guard let title, let first = roots.min() else { return [] }
        var box = title
        while box > 0, pruned[box] == nil { box = tree[box].parent }
        guard box > 0, isHeadBox(box), box < first || isInside(box, roots) else { return [] }
        var found: Set<Int> = []
        func visit(_ i: Int) {
            guard !tree[i].isText, !page.silent[i] else { return }
            if i != box, page.isHidden(i) || hardPruneReason(i) != nil || hintPruneReason(i) != nil { return }
            if tree[i].name == "p", whole.text[i] >= options.minParagraphChars,
                whole.linkDensity(i) < options.linkDensityMax
            {
                found.insert(i)
                return
            }
            for c in tree[i].children { visit(c) }
        }
        visit(box)
        return found
    }

    /// A `<header>`, or a box whose class or id names no chrome but a head (`head-hints`).
    func isHeadBox(_ i: Int) -> Bool {
        if tree[i].name == "header" { return true }
        let hints = ["class", "id"].flatMap { page.negative.matches(tree.attribute($0, of: i) ?? "") }
        return !hints.isEmpty && hints.allSatisfy(options.headHints.contains)
    }
}
