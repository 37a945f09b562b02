import DossierCore

extension IngestHTML {
    /// Every list and threshold of the main-content extractor; defaults are the values tuned on
    /// the dev pages (`make eval-ingest`), and pipeline.yaml may override any of them.
    public struct Options: StageOptions {
        public var extensions: [String] = ["html", "htm", "xhtml"]
        /// Elements whose content is not page text: dropped without a removal record.
        public var nonText: [String] = [
            "script", "style", "template", "svg", "math", "canvas", "head", "link", "meta", "base",
        ]
        /// Elements dropped with their content wherever they stand (recorded as boilerplate);
        /// `rt` and `rp` are ruby annotations, a reading aid printed above the words they gloss.
        public var skip: [String] = [
            "nav", "form", "button", "select", "input", "textarea", "iframe", "noscript", "dialog", "menu", "rt", "rp",
        ]
        /// Page chrome dropped unless it stands inside an `<article>` or `<main>` (an article's own
        /// header holds its headline and byline).
        public var pageChrome: [String] = ["header", "footer", "aside"]
        /// ARIA roles dropped as boilerplate.
        public var skipRoles: [String] = [
            "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu",
            "menubar", "toolbar",
        ]
        /// Class and id words of main content; a trailing `*` matches any word it begins
        /// ("comment*": comments, commentList), a hyphen joins words ("most-read": most_read, mostRead).
        public var positiveHints: [String] = [
            "article*", "content*", "entry*", "main", "post", "story*", "body", "text", "blog*", "prose",
        ]
        /// Class and id words of page chrome, matched like `positiveHints`.
        public var negativeHints: [String] = [
            "nav*", "menu*", "footer*", "header*", "masthead", "sidebar*", "share*", "sharing", "social*", "subscri*",
            "newsletter*", "cookie*", "consent*", "gdpr", "banner*", "related*", "trending*", "popular*", "most-read",
            "mostread", "recommend*", "comment*", "disqus*", "breadcrumb*", "promo*", "advert*", "ad", "ads",
            "sponsor*",
            "widget*", "login", "signup", "sign-up", "register", "modal*", "popup*", "outbrain*", "taboola*",
            "skip", "tags", "toolbar*",
        ]
        /// Chrome hints that name an article's head: a box called only by these that holds the
        /// page's headline gives back its standfirst paragraphs (so does a `<header>`).
        public var headHints: [String] = ["header*"]
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
        /// Blocks elsewhere on the page with the best block's class join the content too (an
        /// article a CMS splits around figures and adverts).
        public var sameClassBlocks = true
        /// Below this many characters of main content, extraction is retried with fewer rules.
        public var minArticleChars = 500
        /// Inside the content, a list or box with fewer commas than this may be dropped as link-heavy.
        public var cleanMaxCommas = 10
        public var linkDensityMax = 0.33
        /// Inside the content, a paragraph with at least this share of link text is a teaser.
        public var linkOnlyMinDensity = 0.8
        /// An element holding an image and at least this many short children placed over it by
        /// inline coordinates (`top`/`bottom` and `left`/`right`) is a chart drawn with its labels
        /// laid on top, and those children are its labels (0 turns the rule off).
        public var chartLabelMin = 3
        /// A chart's label is this short (in characters); most placed children must be.
        public var chartLabelMaxChars = 40
        /// A title ends with " | Site" (or another separator) when it has one of these.
        public var titleSeparators: [String] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "]
        /// Deeper nesting is flattened into the ancestor at this depth (bounds every tree walk).
        public var maxDepth = 100

        public static let settings: [Setting<Self>] = [
            .init("extensions", \.extensions, "file extensions this stage reads"),
            .init("non-text", \.nonText, "elements whose content is not page text (dropped unrecorded)"),
            .init("skip", \.skip, "elements dropped with their content, recorded as boilerplate"),
            .init("page-chrome", \.pageChrome, "elements dropped unless inside `<article>` or `<main>`"),
            .init("skip-roles", \.skipRoles, "ARIA roles dropped as boilerplate"),
            .init("positive-hints", \.positiveHints, "class/id words of main content (word* = prefix)"),
            .init("negative-hints", \.negativeHints, "class/id words of page chrome"),
            .init("head-hints", \.headHints, "chrome hints of a headline's box, whose standfirst is kept"),
            .init("keep-hints", \.keepHints, "class/id words of notes kept outside the main content"),
            .init("semantic-elements", \.semanticElements, "elements (and role=main) that get the semantic bonus"),
            .init(
                "hint-prune-max-share", \.hintPruneMaxShare,
                "chrome holding more of the page's text is a wrapper: scored, not dropped"),
            .init("semantic-bonus", \.semanticBonus, "score added to a semantic article container"),
            .init("hint-weight", \.hintWeight, "score added (removed) per positive (negative) class or id"),
            .init("min-paragraph-chars", \.minParagraphChars, "shorter paragraphs do not score"),
            .init("sibling-ratio", \.siblingRatio, "share of the best score a sibling needs to join the content"),
            .init(
                "same-class-blocks", \.sameClassBlocks,
                "blocks anywhere on the page with the best block's class, scoring as a sibling must, join the content"),
            .init("min-article-chars", \.minArticleChars, "shorter content is extracted again with fewer rules"),
            .init(
                "clean-max-commas", \.cleanMaxCommas,
                "boxes inside the content with fewer commas may be dropped as link-heavy"),
            .init("link-density-max", \.linkDensityMax, "link text share above which such a box is dropped"),
            .init(
                "link-only-min-density", \.linkOnlyMinDensity,
                "a paragraph in the content with this share of link text is dropped"),
            .init(
                "chart-label-min", \.chartLabelMin,
                "short children placed by inline top/left beside an image that make it a chart (labels: figure text)"),
            .init("chart-label-max-chars", \.chartLabelMaxChars, "longest text of a chart's label"),
            .init("title-separators", \.titleSeparators, "what stands between a title and the site name"),
            .init("max-depth", \.maxDepth, "deeper nesting is flattened"),
        ]

        public init() {}
    }
}
