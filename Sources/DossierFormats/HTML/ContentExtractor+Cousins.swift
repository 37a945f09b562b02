import Foundation

extension ContentExtractor {
    /// Parts of the article the page sets apart from the chosen container: a CMS that breaks an
    /// article into several blocks of the same class around a figure, an advert or a pull quote
    /// ("post__content" … figure … "post__content") leaves the first block a cousin of the
    /// container, not its sibling, and the sibling pass never sees it. An element elsewhere on
    /// the page with exactly the class of the best-scoring block (`best`, before the climb to
    /// the container), scoring at least `sibling-ratio` of the container, is content too; one
    /// that holds a root already, or lies inside one, adds nothing. (`same-class-blocks`)
    func cousins(of best: Int, roots: Set<Int>, topScore: Double, final: [Int: Double], stats: TextStats) -> Set<Int> {
        guard options.sameClassBlocks, let bestClass = tree.attribute("class", of: best), !bestClass.trimmed.isEmpty
        else { return [] }
        let threshold = max(10, topScore * options.siblingRatio)
        var found: Set<Int> = []
        for i in 1..<tree.count where i != best && !tree[i].isText && !stats.excluded[i] {
            guard tree.attribute("class", of: i) == bestClass, let score = final[i], score >= threshold,
                !isInside(i, roots), !roots.contains(where: { tree.isAncestor(i, of: $0) })
            else { continue }
            found.insert(i)
        }
        return found
    }
}
