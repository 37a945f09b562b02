import Foundation

extension ContentExtractor {
    /// How much text (characters) may stand between a cousin block and the content: a share
    /// box, a newsletter sign-up, a video's caption (one page's run of all three is about 450);
    /// a part of the article never hides behind more.
    static let cousinGapChars = 600

    /// Parts of the article the page sets apart from the chosen container: a CMS that breaks an
    /// article into several blocks of the same class around a figure, an advert or a pull quote
    /// ("post__content" … figure … "post__content") leaves the first block a cousin of the
    /// container, not its sibling, and the sibling pass never sees it. An element with the tag
    /// and the class of the best-scoring block (`best`, before the climb to the container),
    /// scoring at least `sibling-ratio` of the container, is content too when only a little text
    /// stands between it and the content (`isBeside`: a "Letters" box of cards with the same
    /// class under its own heading further down is another part of the page). One that holds a
    /// root already, or lies inside one, adds nothing. (`same-class-blocks`)
    func cousins(of best: Int, roots: Set<Int>, topScore: Double, final: [Int: Double], stats: TextStats) -> Set<Int> {
        guard options.sameClassBlocks, let bestClass = tree.attribute("class", of: best), !bestClass.trimmed.isEmpty
        else { return [] }
        let threshold = max(10, topScore * options.siblingRatio)
        // Scored blocks only (few), in document order.
        var candidates = final.keys.filter { i in
            i != best && (final[i] ?? 0) >= threshold && !stats.excluded[i] && tree[i].name == tree[best].name
                && tree.attribute("class", of: i) == bestClass
        }.sorted()
        var content = roots
        // A block joins next to the content as it stands, so a run of them joins one by one.
        while let k = candidates.firstIndex(where: { isBeside($0, content) }) {
            let i = candidates.remove(at: k)
            if !isInside(i, content), !content.contains(where: { tree.isAncestor(i, of: $0) }) { content.insert(i) }
        }
        return content.subtracting(roots)
    }

    /// True when at most `cousinGapChars` of text stand between `i` and the nearest part of
    /// `content` in document order, and, for a block after the content, no heading: an opening
    /// block may sit above a newsletter box with its own title, while a heading after the
    /// article opens another part of the page.
    private func isBeside(_ i: Int, _ content: Set<Int>) -> Bool {
        let end = subtreeEnd(i)
        if let next = content.filter({ $0 > end }).min(), gapIsSmall((end + 1)..<next, headingsAllowed: true) {
            return true
        }
        guard let previous = content.filter({ $0 < i }).map(subtreeEnd).filter({ $0 < i }).max() else { return false }
        return gapIsSmall((previous + 1)..<i, headingsAllowed: false)
    }

    private func gapIsSmall(_ gap: Range<Int>, headingsAllowed: Bool) -> Bool {
        var text = 0
        for j in gap {
            if !headingsAllowed, BlockWriter.headings[tree[j].name] != nil { return false }
            if tree[j].isText, !page.silent[tree[j].parent] { text += tree[j].text.trimmed.count }
            if text > Self.cousinGapChars { return false }
        }
        return true
    }

    /// The last node of `i`'s subtree: nodes are in document order, so it is the last child's
    /// last child, down to a leaf.
    private func subtreeEnd(_ i: Int) -> Int {
        var j = i
        while let last = tree[j].children.last { j = last }
        return j
    }
}
