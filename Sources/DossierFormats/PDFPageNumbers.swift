/// Page numbers found by position and sequence: a line that is one whole number, standing at a
/// page's top or bottom edge (no text entirely above it, or none entirely below), whose value
/// goes up by one from page to page.
///
/// Why the sequence and not the digits: a journal's or gazette's page numbers ("47698",
/// "47699") look like years or figures to a text-only rule, and a header alternating between a
/// page's left and right corner puts the number anywhere in pdftotext's reading order, even in
/// the middle of the page's text. Its value minus the page's index is the same on every page
/// (the number is the page's, shifted by where the excerpt starts), which no year, table cell
/// or data label keeps up; two pages with the same shift are enough, as in
/// `normalize.page-furniture`'s default `min-repeats`.
enum PDFPageNumbers {
    static let minPages = 2

    /// Page index → index of its page-number line in `page.lines`.
    static func find(in layout: PDFLayout) -> [Int: Int] {
        var byShift: [Int: [(page: Int, line: Int)]] = [:]
        for (p, page) in layout.pages.enumerated() {
            for i in page.lines.indices {
                guard let value = number(page.lines[i]), atEdge(i, of: page) else { continue }
                byShift[value - p, default: []].append((p, i))
            }
        }
        var found: [Int: Int] = [:]
        for hits in byShift.values where Set(hits.map(\.page)).count >= minPages {
            for hit in hits where found[hit.page] == nil { found[hit.page] = hit.line }
        }
        return found
    }

    /// Page index → indices of lines that stand at a page's edge (`atEdge`) with the same text,
    /// digits folded, at the edge of at least `minPages` pages: running headers and footers,
    /// also those pdftotext's reading order puts in the middle of a page ("Copyright Office
    /// Summary" in the right corner of even pages). Case counts, so a title in capitals atop page 1
    /// stays when later pages repeat it in small letters; so does the document's first line when
    /// `keepFirst` (it is set as a heading: the title, which running headers repeat).
    static func runningLines(in layout: PDFLayout, keepFirst: Bool, maxWords: Int = 15) -> [Int: Set<Int>] {
        var byKey: [String: [(page: Int, line: Int)]] = [:]
        for (p, page) in layout.pages.enumerated() {
            // Beside other text, and no sentence: a page's only line, or one closing on '.', is content.
            guard page.lines.count > 1 else { continue }
            for i in page.lines.indices where !(keepFirst && p == 0 && i == 0) && page.lines[i].words.count <= maxWords
                && number(page.lines[i]) == nil && !".!?".contains(page.lines[i].text.last ?? " ") && atEdge(i, of: page) {
                byKey[folded(page.lines[i].text), default: []].append((p, i))
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
              word.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(word)
    }

    /// Nothing on the page lies wholly above the line, or nothing wholly below it.
    static func atEdge(_ i: Int, of page: PDFLayout.Page) -> Bool {
        let box = page.lines[i].box
        let others = page.lines.indices.filter { $0 != i }.map { page.lines[$0].box }
        return !others.contains { $0.y1 <= box.y0 } || !others.contains { $0.y0 >= box.y1 }
    }
}
