/// Removes page furniture: site banners, and running headers, footers and page numbers.
///
/// A line is furniture only with evidence that it repeats: the same short isolated line on
/// several pages (digits of page numbers folded, so "3" and "6" or "Page 3 of 9" and "Page 4 of 9"
/// count as the same line), or a short title-like line standing right beside such a repeated
/// line (the running header that alternates between odd and even pages). A line that
/// appears once, away from repeated furniture, is never dropped. A web page has no pages: its
/// chrome is ingest.html's to remove, and a line it repeats (two products with the same
/// feature list, a refrain) is content, so only banners apply to `unpaged-formats`.
public struct StripPageFurniture: LineNormalizer {
    public static let id = "normalize.page-furniture"
    public static let summary = "Drop site banners and repeated running headers, footers, page numbers"

    public struct Options: StageOptions {
        public var banners: [Pattern] = []
        public var minRepeats = 2
        public var maxWords = 15
        public var neighbourWindow = 3
        public var titles: [Pattern] = []
        public var edgeLines = 2
        public var unpagedFormats = ["html"]

        public static let settings: [Setting<Self>] = [
            .init("banners", \.banners, "whole lines that are a site's banner (removed wherever they stand)"),
            .init("min-repeats", \.minRepeats, "how often an isolated line must occur to count as furniture"),
            .init("max-words", \.maxWords, "longer lines are never furniture"),
            .init(
                "neighbour-window", \.neighbourWindow,
                "lines around repeated furniture searched for a running header"),
            .init(
                "edge-lines", \.edgeLines,
                "lines at each page's top and bottom that may be running headers, footers or page numbers"),
            .init(
                "titles", \.titles,
                "a document's first line that matches is its title even when later pages repeat it "
                    + "('^relations with')"),
            .init(
                "unpaged-formats", \.unpagedFormats,
                "source formats without pages (html): only banners are removed, a repeated line is content",
                check: { formats in
                    formats.allSatisfy { SourceFormat(rawValue: $0) != nil } ? nil : "text, markdown, html or pdf"
                }),
        ]
        public init() {}
    }

    let options: Options
    public init(options: Options, context: StageContext) { self.options = options }

    public func process(_ document: Document) throws -> Document {
        var d = document
        var drop: [Int: String] = [:]
        for (i, line) in d.lines.enumerated() where options.banners.contains(where: { $0.matches(line.text) }) {
            drop[i] = "site banner"
        }
        guard !options.unpagedFormats.contains(d.format.rawValue) else {
            d.removeLines(drop, stage: Self.id)
            return d
        }
        let isolated = LineBlocks(d.lines).isolated.filter {
            d.lines[$0].text.wordCount <= options.maxWords && drop[$0] == nil
        }
        // A first line shaped like a title ("Relations with X"), repeated atop later pages, is
        // the title printed again as a running header: the first stays. Only title-shaped: a
        // journal's name atop every page is furniture from the first page on.
        let first = d.lines.firstIndex { !$0.isBlank && $0.role != .pageBreak }
        let titleFirst = first.map { i in options.titles.contains { $0.matches(d.lines[i].text) } } ?? false
        var repeated = repeats(of: isolated, in: d.lines, keeping: titleFirst ? first : nil)
        // A title set as a first-level heading (a PDF's largest type) is the title, however often
        // the running header repeats its words.
        repeated.removeAll { d.lines[$0].role == .heading && d.lines[$0].headingLevel == 1 }
        for i in titleCopies(of: first, among: &repeated, in: d.lines) { drop[i] = "title repeated" }
        for i in repeated {
            drop[i] = Self.isPageNumber(d.lines[i].text) ? "page number" : "repeated running header or footer"
        }
        // By position: the lines at a page's top and bottom edge that recur at the edges of other
        // pages, isolated or not (a running header often runs into the page's first paragraph).
        // Counted per text, so a header that alternates between odd and even pages (a book's
        // title, its editors' names) repeats on every other page; page numbers fold to one key.
        for i in edgeRepeats(d.lines, keepFirst: titleFirst ? first : nil) where drop[i] == nil {
            drop[i] =
                Self.isPageNumber(d.lines[i].text)
                ? "page number at a page edge" : "running header or footer repeated at page edges"
            repeated.append(i)
        }
        // A running header that alternates between pages stands right beside repeated furniture.
        let isolatedSet = Set(isolated)
        // Only beside text furniture (a copyright line, a journal name), not beside a bare page
        // number: a real heading often follows a page break.
        for i in repeated where !Self.isPageNumber(d.lines[i].text) {
            let window = max(0, i - options.neighbourWindow)...min(d.lines.count - 1, i + options.neighbourWindow)
            for j in window
            where isolatedSet.contains(j) && drop[j] == nil && d.lines[j].role != .heading && j != first
                && Self.looksLikeRunningHeader(d.lines[j].text)
            {
                drop[j] = "running header beside repeated furniture"
            }
        }
        d.removeLines(drop, stage: Self.id)
        return d
    }

    /// A saved page's title printed twice at its top (the page's title, then the article's
    /// heading) is the title once: of the repeated lines among the first `edge-lines` + 1
    /// non-blank lines of the first page, those with the first line's text leave `repeated`, and
    /// all but the first are returned as copies. Copies further down stay furniture (a running
    /// header repeating the title on later pages); a single copy at the top is no pair.
    private func titleCopies(of first: Int?, among repeated: inout [Int], in lines: [Line]) -> [Int] {
        guard let f = first else { return [] }
        let furniture = Set(repeated)
        guard furniture.contains(f) else { return [] }
        var top: [Int] = []
        var i = f
        while i < lines.count, top.count <= options.edgeLines, lines[i].role != .pageBreak {
            if !lines[i].isBlank { top.append(i) }
            i += 1
        }
        let copies = top.filter { furniture.contains($0) && lines[$0].text == lines[f].text }
        guard copies.count >= 2 else { return [] }
        let atTop = Set(copies)
        repeated.removeAll(where: atTop.contains)
        return Array(copies.dropFirst())
    }

    /// Lines among the first and last `edgeLines` non-blank lines of a page whose text (digits
    /// folded) stands at the edge of at least `minRepeats` pages. Needs page breaks, so only
    /// paged sources (PDFs, text with form feeds) have edges.
    func edgeRepeats(_ lines: [Line], keepFirst: Int?) -> [Int] {
        var pages: [[Int]] = [[]]
        for (i, line) in lines.enumerated() {
            if line.role == .pageBreak { pages.append([]) } else if !line.isBlank { pages[pages.count - 1].append(i) }
        }
        pages.removeAll { $0.isEmpty }
        guard pages.count >= options.minRepeats else { return [] }
        var byKey: [String: (pages: Set<Int>, lines: [Int])] = [:]
        // From each edge inwards, while the lines look like furniture (a page number, or a short
        // line that is no sentence): a body line at a page's top is never a candidate.
        func furnitureShaped(_ i: Int) -> Bool {
            lines[i].role != .heading && lines[i].text.wordCount <= options.maxWords
                && (Self.isPageNumber(lines[i].text) || Self.looksLikeRunningHeader(lines[i].text))
        }
        for (p, indices) in pages.enumerated() {
            let edges = Set(
                indices.prefix(options.edgeLines).prefix(while: furnitureShaped)
                    + indices.suffix(options.edgeLines).reversed().prefix(while: furnitureShaped))
            for i in edges.sorted() {
                let key = Self.key(lines[i].text)
                byKey[key, default: ([], [])].pages.insert(p)
                byKey[key, default: ([], [])].lines.append(i)
            }
        }
        return byKey.values.filter { $0.pages.count >= options.minRepeats }.flatMap(\.lines).filter { $0 != keepFirst }
            .sorted()
    }

    /// The isolated lines whose text (digits folded) recurs `min-repeats` times; `kept`, a title
    /// printed again atop later pages, is not among them. A sentence must recur word for word,
    /// digits too: "Article 18 of the WPPT contains nearly identical language." and then "Article
    /// 19 …" are the author's, a disclaimer under every page is furniture.
    private func repeats(of isolated: [Int], in lines: [Line], keeping kept: Int?) -> [Int] {
        var byKey: [String: [Int]] = [:]
        for i in isolated {
            let text = lines[i].text
            byKey[Self.isSentence(text) ? "=" + text : Self.key(text), default: []].append(i)
        }
        return byKey.values.filter { $0.count >= options.minRepeats }.flatMap { $0 }.filter { $0 != kept }.sorted()
    }

    /// Five words or more ending as a sentence does (`TextTools.endsSentence`).
    static func isSentence(_ text: String) -> Bool {
        text.wordCount >= 5 && TextTools.endsSentence(text)
    }

    /// The line with short numbers folded to `#` (years stay: a year is content, not a page number).
    static func key(_ text: String) -> String {
        var out = ""
        var digits = ""
        func flush() {
            out += digits.count <= 3 && !digits.isEmpty ? "#" : digits
            digits = ""
        }
        for c in text.lowercased() {
            if c.isASCII && c.isNumber {
                digits.append(c)
            } else {
                flush()
                out.append(c)
            }
        }
        flush()
        return out
    }

    /// "12", "Page 3", "Page 3 of 9" (not a sentence that happens to start "Page 2 …").
    static func isPageNumber(_ text: String) -> Bool {
        let k = key(text)
        return k.allSatisfy { "# ".contains($0) } || (k.hasPrefix("page #") && text.wordCount <= 4)
    }

    /// Short, capitalised, no sentence punctuation, not broken off after a word that needs a
    /// next one ("SUMMARY: The FAA proposes to", a column's first line): the shape of a running title.
    static func looksLikeRunningHeader(_ text: String) -> Bool {
        guard let first = text.first, first.isUppercase || first.isNumber else { return false }
        let last = text.split(separator: " ").last.map(String.init) ?? ""
        return text.wordCount <= 10 && !TextTools.endsSentence(text) && !text.hasSuffix(",")
            && !runsOn.contains(last)
    }

    /// Lower-case words a title does not end on: an article, a preposition, a conjunction.
    static let runsOn: Set<String> = [
        "a", "an", "the", "to", "of", "in", "on", "for", "with", "by", "from", "at",
        "and", "or", "that", "as", "is", "are", "was", "were",
    ]
}
