import Foundation

/// Cleaning inside the chosen content: low-scoring blocks, link-heavy boxes and tables, and
/// paragraphs of links only (teasers) leave, each with its rule.
extension ContentExtractor {
    func clean(
        inside roots: Set<Int>, stats: TextStats, final: [Int: Double], weightClasses: Bool,
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
