/// Page furniture found by position and repetition: page numbers and running headers and
/// footers, the lines standing at a page's top or bottom edge (no text wholly above them, or
/// none wholly below).
///
/// Why by position and not by pdftotext's order: a header in a page's right corner, or one
/// that alternates between corners on odd and even pages, lands anywhere in the reading order,
/// even inside a paragraph, where a rule on the text's lines cannot see it. Why the sequence
/// for numbers: a gazette's page numbers ("47698", "47699") look like years or figures to a
/// text rule; a page number's value minus its page's index is the same on every page, which no
/// year, table cell or data label keeps up. Two pages are enough, as `normalize.page-furniture`'s
/// default `min-repeats`.
enum PDFPageFurniture {
    static let minPages = 2
    static let maxWords = 15

    /// Page index → line index (in `page.lines`) → the rule it is removed by.
    static func find(in layout: PDFLayout, keepFirst: Bool) -> [Int: [Int: String]] {
        var found: [Int: [Int: String]] = [:]
        for (page, line) in pageNumbers(in: layout) {
            found[page, default: [:]][line] =
                layout.pages.count == 1 ? PDFLayoutAnalysis.onePageNumberRule : PDFLayoutAnalysis.pageNumberRule
        }
        for (page, lines) in runningLines(in: layout, keepFirst: keepFirst) {
            for line in lines where found[page]?[line] == nil {
                found[page, default: [:]][line] = PDFLayoutAnalysis.runningRule
            }
        }
        return found
    }

    /// Page index → its page-number line: one whole number at the page's edge whose value minus
    /// the page's index recurs on `minPages` pages. A one-page document has no sequence: there,
    /// a "1" alone at the bottom edge is its page number.
    static func pageNumbers(in layout: PDFLayout) -> [Int: Int] {
        if layout.pages.count == 1, let page = layout.pages.first {
            let edge = Edges(page)
            let bottom = page.lines.indices.filter { i in
                number(page.lines[i]) == 1 && edge.contains(i)
                    && !page.lines.contains { $0.box.y0 >= page.lines[i].box.y1 }
            }
            return bottom.first.map { [0: $0] } ?? [:]
        }
        var byShift: [Int: [(page: Int, line: Int)]] = [:]
        for (p, page) in layout.pages.enumerated() {
            let edge = Edges(page)
            for i in page.lines.indices {
                guard let value = number(page.lines[i]), edge.contains(i) else { continue }
                byShift[value - p, default: []].append((p, i))
            }
        }
        var found: [Int: Int] = [:]
        for hits in byShift.values where Set(hits.map(\.page)).count >= minPages {
            for hit in hits where found[hit.page] == nil { found[hit.page] = hit.line }
        }
        return found
    }

    /// Page index → lines with the same text, digits folded, at the edge of `minPages` pages,
    /// beside other text and no sentence. Case counts, so a title in capitals atop page 1 stays
    /// when later pages repeat it in small letters; so does the document's first line when
    /// `keepFirst` (it is set as a heading: the title, which running headers repeat).
    static func runningLines(in layout: PDFLayout, keepFirst: Bool) -> [Int: Set<Int>] {
        var byKey: [String: [(page: Int, line: Int)]] = [:]
        for (p, page) in layout.pages.enumerated() where page.lines.count > 1 {
            let edge = Edges(page)
            for i in page.lines.indices where !(keepFirst && p == 0 && i == 0) && edge.contains(i) {
                let line = page.lines[i]
                // A page's only line, or one closing on '.', is content.
                let closes = ".!?".contains(line.text.last ?? " ")
                guard line.words.count <= maxWords, number(line) == nil, !closes else { continue }
                byKey[folded(line.text), default: []].append((p, i))
            }
        }
        var found: [Int: Set<Int>] = [:]
        for hits in byKey.values where Set(hits.map(\.page)).count >= minPages {
            for hit in hits { found[hit.page, default: []].insert(hit.line) }
        }
        return found
    }

    /// Digit runs folded to one '#', so "Page 3 of 9" and "Page 4 of 9" are one text.
    static func folded(_ text: String) -> String {
        var out = ""
        for c in text {
            if c.isASCII && c.isNumber {
                if out.last != "#" { out.append("#") }
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// The line's value when it is one word of one to six digits.
    static func number(_ line: PDFLayout.TextLine) -> Int? {
        guard line.words.count == 1, let word = line.words.first?.text, (1...6).contains(word.count),
            word.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        return Int(word)
    }

    /// Which lines of a page stand at its edge: nothing else wholly above, or nothing wholly
    /// below. The two highest bottoms and two lowest tops are kept, so each line is checked
    /// against the others in constant time (a page of hundreds of lines stays linear).
    struct Edges {
        let boxes: [PDFLayout.Box]
        let topmost: [Int]  // line indices by bottom edge, smallest first (at most two)
        let bottommost: [Int]  // line indices by top edge, largest first (at most two)

        init(_ page: PDFLayout.Page) {
            let all = page.lines.map(\.box)
            var top: [Int] = []
            var bottom: [Int] = []
            for i in all.indices {
                top.append(i)
                top.sort { all[$0].y1 < all[$1].y1 }
                if top.count > 2 { top.removeLast() }
                bottom.append(i)
                bottom.sort { all[$0].y0 > all[$1].y0 }
                if bottom.count > 2 { bottom.removeLast() }
            }
            boxes = all
            topmost = top
            bottommost = bottom
        }

        func contains(_ i: Int) -> Bool {
            let box = boxes[i]
            let above = topmost.first { $0 != i }.map { boxes[$0].y1 <= box.y0 } ?? false
            let below = bottommost.first { $0 != i }.map { boxes[$0].y0 >= box.y1 } ?? false
            return !above || !below
        }
    }
}
