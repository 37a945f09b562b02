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
