extension ContentExtractor {
    /// What one class or id attribute says about its element, read token by token.
    ///
    /// A token that names chrome is chrome even when it also names content: `related-articles`,
    /// `entry-footer`, `post-meta` and `story-tags` are boxes beside an article, not the article.
    /// Only a token naming content alone (`post`, `article-body`) speaks for the content.
    struct HintReading {
        /// The chrome hint of the first chrome token, as written in config.
        var chrome: String?
        var content = false

        var isEmpty: Bool { chrome == nil && !content }
    }

    func reading(_ attribute: String, of i: Int) -> HintReading {
        var result = HintReading()
        guard let value = tree.attribute(attribute, of: i), !value.isEmpty else { return result }
        for token in value.split(whereSeparator: \.isWhitespace) {
            if let hint = page.negative.match(String(token)) {
                result.chrome = result.chrome ?? hint
            } else if page.positive.match(String(token)) != nil {
                result.content = true
            }
        }
        return result
    }

    /// Why an element is dropped before scoring for its name: its class says chrome and nothing
    /// in it says content (the id is read only when the class names neither).
    func hintPruneReason(_ i: Int) -> String? {
        let name = tree[i].name
        guard !Self.neverUnlikely.contains(name), !page.hasArticleMarker[i], !page.keepNote[i],
            !page.insideTableOrCode[i]
        else { return nil }
        let byClass = reading("class", of: i)
        let attribute = byClass.isEmpty ? "id" : "class"
        let hints = byClass.isEmpty ? reading("id", of: i) : byClass
        guard let hint = hints.chrome, !hints.content, !isHeadingBox(i) else { return nil }
        return "boilerplate (\(attribute) '\(hint)')"
    }

    /// A head box that holds nothing but a heading is that heading, and a heading called a
    /// header is one: site builders wrap every section title in a "header" module
    /// (`<div class="j-module j-header"><h2 id="cc-m-header-1">…`).
    func isHeadingBox(_ i: Int) -> Bool {
        guard whole.text[i] > 0, isHeadBox(i), tree[i].name != "header" else { return false }
        if BlockWriter.headings[tree[i].name] != nil { return true }
        var j = i
        while true {
            let children = tree[j].children.filter { !page.silent[$0] && (!tree[$0].isText || whole.text[$0] > 0) }
            guard children.count == 1, let only = children.first, !tree[only].isText else { return false }
            if BlockWriter.headings[tree[only].name] != nil { return whole.text[only] == whole.text[i] }
            j = only
        }
    }

    /// Score added for content tokens and removed for chrome tokens, class and id each once.
    func classWeight(_ i: Int) -> Double {
        var weight = 0.0
        for attribute in ["class", "id"] {
            let hints = reading(attribute, of: i)
            if hints.chrome != nil { weight -= options.hintWeight }
            if hints.content { weight += options.hintWeight }
        }
        return weight
    }

    /// A paragraph inside the content that is all link: a "related story" or "subscribe" teaser
    /// between the article's paragraphs, not a sentence of the article. (Subheadings that are
    /// links stay: product and section names often are.)
    func isLinkOnlyBlock(_ i: Int, _ stats: TextStats) -> Bool {
        guard Self.teaserTags.contains(tree[i].name), stats.text[i] > 0 else { return false }
        return stats.linkDensity(i) >= options.linkOnlyMinDensity
    }

    static let teaserTags: Set<String> = ["p"]
}
