import Foundation

/// Cleaning inside the chosen content: low-scoring blocks, link-heavy boxes and tables, and
/// paragraphs of links only (teasers) leave, each with its rule. So does a list of other
/// posts (`isListing`) beside an article of its own
/// (`min-article-chars` of the content's text outside the list): a container climbed to can
/// take in the teasers under the article, and their excerpts may even outscore it.
extension ContentExtractor {
    func clean(
        inside roots: Set<Int>, best: Int, stats: TextStats, final: [Int: Double], weightClasses: Bool,
        into dropped: inout [Int: String]
    ) {
        var inContent = [Bool](repeating: false, count: tree.count)
        for i in 1..<tree.count {
            let parent = tree[i].parent
            inContent[i] = roots.contains(i) || (inContent[parent] && !stats.excluded[parent])
            guard inContent[i], !roots.contains(i), !stats.excluded[i], dropped[i] == nil, !page.keepNote[i]
            else { continue }
            if isLinkOnlyBlock(i, stats), !hasDroppedAncestor(i, dropped, within: roots) {
                dropped[i] = "link-only block"
            }
            if isListing(i, stats, best: best),
                let root = roots.first(where: { tree.isAncestor($0, of: i) }),
                stats.text[root] - stats.text[i] >= options.minArticleChars,
                !hasDroppedAncestor(i, dropped, within: roots)
            {
                dropped[i] = "list of other articles"
                continue
            }
            guard Self.cleanable.contains(tree[i].name), !hasDroppedAncestor(i, dropped, within: roots),
                !(weightClasses && isHeadingBox(i))
            else { continue }
            let weight = weightClasses ? classWeight(i) : 0
            if weight + (final[i] ?? 0) < 0 {
                dropped[i] = "low-scoring block"
                continue
            }
            guard stats.commas[i] < options.cleanMaxCommas else { continue }
            let density = stats.linkDensity(i)
            let name = tree[i].name
            let isList = name == "ul" || name == "ol" || name == "dl"
            if name == "table", stats.isDataTable[i] {
                if density > 0.5 { dropped[i] = "link-heavy block" }
            } else if stats.text[i] < options.minParagraphChars && stats.links[i] > 0 && !isList {
                dropped[i] = "link-heavy block"
            } else if isList
                ? density > 0.5 : (weight < options.hintWeight ? density > options.linkDensityMax : density > 0.5)
            {
                dropped[i] = "link-heavy block"
            }
        }
    }

    /// True when `i` is a list of other posts' teasers ("You may also like", an archive): two or
    /// more `<article>` elements, none holding more than two thirds of their text, that hold
    /// nearly all of `i`'s text. A story body with a box of related articles inside is not one
    /// (the box is). Teasers' excerpts may outscore a short article, so a list of three or more
    /// may hold the best-scoring block; two that hold it are the article and one teaser.
    func isListing(_ i: Int, _ stats: TextStats, best: Int? = nil) -> Bool {
        guard stats.articles[i] >= 2, 3 * stats.largestArticle[i] <= 2 * stats.articleText[i],
            Double(stats.articleText[i]) >= 0.8 * Double(stats.text[i])
        else { return false }
        guard stats.articles[i] < 3, let best else { return true }
        return i != best && !tree.isAncestor(i, of: best)
    }

    func hasDroppedAncestor(_ i: Int, _ dropped: [Int: String], within roots: Set<Int>) -> Bool {
        var a = tree[i].parent
        while a > 0 {
            if dropped[a] != nil { return true }
            if roots.contains(a) { return false }
            a = tree[a].parent
        }
        return false
    }
}
