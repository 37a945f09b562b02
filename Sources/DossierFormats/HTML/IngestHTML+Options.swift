import DossierCore

extension IngestHTML {
    /// Every list and threshold of the main-content extractor; defaults are the values tuned on
    /// the dev pages (`make eval-ingest`), and pipeline.yaml may override any of them.
    public struct Options: StageOptions {
        public var extensions: [String] = ["html", "htm", "xhtml"]
        /// Elements whose content is not page text: dropped without a removal record.
        public var nonText: [String] = ["script", "style", "template", "svg", "math", "canvas", "head", "link", "meta", "base"]
        /// Elements dropped with their content wherever they stand (recorded as boilerplate).
        public var skip: [String] = ["nav", "form", "button", "select", "input", "textarea", "iframe", "noscript", "dialog", "menu"]
        /// Page chrome dropped unless it stands inside an `<article>` or `<main>` (an article's own
        /// header holds its headline and byline).
        public var pageChrome: [String] = ["header", "footer", "aside"]
        /// ARIA roles dropped as boilerplate.
        public var skipRoles: [String] = ["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar", "toolbar"]
        /// Class and id words of main content; a trailing `*` matches any word it begins
        /// ("comment*": comments, commentList), a hyphen joins words ("most-read": most_read, mostRead).
        public var positiveHints: [String] = ["article*", "content*", "entry*", "main", "post", "story*", "body", "text", "blog*", "prose"]
        /// Class and id words of page chrome, matched like `positiveHints`.
        public var negativeHints: [String] = [
            "nav*", "menu*", "footer*", "header*", "masthead", "sidebar*", "share*", "sharing", "social*", "subscri*",
            "newsletter*", "cookie*", "consent*", "gdpr", "banner*", "related*", "trending*", "popular*", "most-read",
            "mostread", "recommend*", "comment*", "disqus*", "breadcrumb*", "promo*", "advert*", "ad", "ads", "sponsor*",
            "widget*", "login", "signup", "sign-up", "register", "modal*", "popup*", "outbrain*", "taboola*",
            "skip", "tags", "toolbar*",
        ]
        /// Class or id hints of notes and references kept even outside the main content.
        public var keepHints: [String] = ["footnote*", "endnote*", "references", "reflist"]
        /// Elements that count as the article container (`role=main` counts too).
        public var semanticElements: [String] = ["article", "main"]
        /// Chrome (by element, role, hint or hiding) is dropped before scoring only when it holds
        /// less than this share of the page's text (more, and it is a wrapper: scoring decides).
        public var hintPruneMaxShare = 0.5
        public var semanticBonus = 25.0
        public var hintWeight = 25.0
        public var minParagraphChars = 25
        /// Siblings of the best candidate join it when they score this share of its score (or 10).
        public var siblingRatio = 0.2
        /// Below this many characters of main content, extraction is retried with fewer rules.
        public var minArticleChars = 500
        /// Inside the content, a list or box with fewer commas than this may be dropped as link-heavy.
        public var cleanMaxCommas = 10
        public var linkDensityMax = 0.33
        /// Inside the content, a paragraph with at least this share of link text is a teaser.
        public var linkOnlyMinDensity = 0.8
        /// A title ends with " | Site" (or another separator) when it has one of these.
        public var titleSeparators: [String] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "]
        /// Deeper nesting is flattened into the ancestor at this depth (bounds every tree walk).
        public var maxDepth = 100

        public static let fields = [
            OptionField("extensions", "[string]", default: "[html, htm, xhtml]", "file extensions this stage reads"),
            OptionField("non-text", "[string]", default: "[script, style, template, svg, math, canvas, head, …]", "elements whose content is not page text (dropped unrecorded)"),
            OptionField("skip", "[string]", default: "[nav, form, button, select, input, textarea, iframe, noscript, dialog, menu]", "elements dropped with their content, recorded as boilerplate"),
            OptionField("page-chrome", "[string]", default: "[header, footer, aside]", "elements dropped unless inside <article> or <main>"),
            OptionField("skip-roles", "[string]", default: "[navigation, banner, contentinfo, complementary, search, dialog, …]", "ARIA roles dropped as boilerplate"),
            OptionField("positive-hints", "[string]", default: "[article*, content*, entry*, main, post, story*, body, text, …]", "class/id words of main content (word* = prefix)"),
            OptionField("negative-hints", "[string]", default: "[nav*, menu*, footer*, header*, sidebar*, share*, social*, subscri*, …]", "class/id words of page chrome"),
            OptionField("keep-hints", "[string]", default: "[footnote*, endnote*, references, reflist]", "class/id words of notes kept outside the main content"),
            OptionField("semantic-elements", "[string]", default: "[article, main]", "elements (and role=main) that get the semantic bonus"),
            OptionField("hint-prune-max-share", "number", default: "0.5", "chrome holding more of the page's text is a wrapper: scored, not dropped"),
            OptionField("semantic-bonus", "number", default: "25", "score added to a semantic article container"),
            OptionField("hint-weight", "number", default: "25", "score added (removed) per positive (negative) class or id"),
            OptionField("min-paragraph-chars", "int", default: "25", "shorter paragraphs do not score"),
            OptionField("sibling-ratio", "number", default: "0.2", "share of the best score a sibling needs to join the content"),
            OptionField("min-article-chars", "int", default: "500", "shorter content is extracted again with fewer rules"),
            OptionField("clean-max-commas", "int", default: "10", "boxes inside the content with fewer commas may be dropped as link-heavy"),
            OptionField("link-density-max", "number", default: "0.33", "link text share above which such a box is dropped"),
            OptionField("link-only-min-density", "number", default: "0.8",
                        "a paragraph in the content with this share of link text is dropped"),
            OptionField("title-separators", "[string]", default: "[' | ', ' - ', ' – ', ' — ', …]", "what stands between a title and the site name"),
            OptionField("max-depth", "int", default: "100", "deeper nesting is flattened"),
        ]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case extensions, nonText = "non-text", skip, pageChrome = "page-chrome", skipRoles = "skip-roles"
            case positiveHints = "positive-hints", negativeHints = "negative-hints", keepHints = "keep-hints"
            case semanticElements = "semantic-elements", hintPruneMaxShare = "hint-prune-max-share", semanticBonus = "semantic-bonus", hintWeight = "hint-weight"
            case minParagraphChars = "min-paragraph-chars", siblingRatio = "sibling-ratio", minArticleChars = "min-article-chars"
            case cleanMaxCommas = "clean-max-commas", linkDensityMax = "link-density-max", titleSeparators = "title-separators"
            case linkOnlyMinDensity = "link-only-min-density"
            case maxDepth = "max-depth"
        }

        public init() {}

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func list(_ key: CodingKeys, _ value: inout [String]) throws {
                value = try c.decodeIfPresent([String].self, forKey: key) ?? value
            }
            try list(.extensions, &extensions)
            try list(.nonText, &nonText)
            try list(.skip, &skip)
            try list(.pageChrome, &pageChrome)
            try list(.skipRoles, &skipRoles)
            try list(.positiveHints, &positiveHints)
            try list(.negativeHints, &negativeHints)
            try list(.keepHints, &keepHints)
            try list(.semanticElements, &semanticElements)
            try list(.titleSeparators, &titleSeparators)
            hintPruneMaxShare = try c.decodeIfPresent(Double.self, forKey: .hintPruneMaxShare) ?? hintPruneMaxShare
            semanticBonus = try c.decodeIfPresent(Double.self, forKey: .semanticBonus) ?? semanticBonus
            hintWeight = try c.decodeIfPresent(Double.self, forKey: .hintWeight) ?? hintWeight
            minParagraphChars = try c.decodeIfPresent(Int.self, forKey: .minParagraphChars) ?? minParagraphChars
            siblingRatio = try c.decodeIfPresent(Double.self, forKey: .siblingRatio) ?? siblingRatio
            minArticleChars = try c.decodeIfPresent(Int.self, forKey: .minArticleChars) ?? minArticleChars
            cleanMaxCommas = try c.decodeIfPresent(Int.self, forKey: .cleanMaxCommas) ?? cleanMaxCommas
            linkDensityMax = try c.decodeIfPresent(Double.self, forKey: .linkDensityMax) ?? linkDensityMax
            linkOnlyMinDensity = try c.decodeIfPresent(Double.self, forKey: .linkOnlyMinDensity) ?? linkOnlyMinDensity
            maxDepth = try c.decodeIfPresent(Int.self, forKey: .maxDepth) ?? maxDepth
        }
    }
}
