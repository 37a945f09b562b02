/// The reading order of a page set in columns: each column top to bottom, left to right,
/// between the blocks that span the columns (a title, a full-width figure, the notes).
///
/// pdftotext orders blocks by its own flow analysis, which on a two-column page whose
/// paragraphs start at about the same heights in both columns often goes across instead of
/// down: the first paragraph of the left column, then the first of the right, then the second
/// of the left. Columns are found from where the body's lines stand: an x-interval no body line
/// of the page crosses (lines wider than `spanShare` of the text width are left out, so a
/// full-width abstract does not hide the gutter), with enough body lines on each side. A page
/// without that, a single-column page, keeps pdftotext's order. (A sidebar of three body lines
/// or more beside the text counts as a column: it is read after the text beside it.)
enum PDFReadingOrder {
    /// A line this share of the page's text width or wider spans the columns.
    static let spanShare = 0.6
    /// Lines of body text (of five words or more) each column needs before it counts as one.
    static let minColumnLines = 3

    /// The page's line indices in reading order (the identity where no columns are found).
    static func order(_ page: PDFLayout.Page, bodySize: Double) -> [Int] {
        let lines = page.lines
        let identity = Array(lines.indices)
        guard lines.count >= 2 * minColumnLines, bodySize > 0 else { return identity }
        let columns = Self.columns(lines, bodySize: bodySize)
        guard columns.count >= 2 else { return identity }
        let blocks = Self.blocks(lines)
        let slack = 0.5 * bodySize
        func within(_ box: PDFLayout.Box) -> Int? {
            columns.firstIndex { box.x0 >= $0.x0 - slack && box.x1 <= $0.x1 + slack }
        }
        // Where the columns' text starts: the second-highest column start, so a masthead or
        // running header of a line or two over one column's width (the first page of a gazette)
        // is above it, not the start of that column. It ends with the longest column.
        var starts = [Double](repeating: .infinity, count: columns.count)
        var ends = [Double](repeating: -.infinity, count: columns.count)
        var body: [(column: Int, box: PDFLayout.Box)] = []
        for line in lines where isBody(line, bodySize) {
            guard let c = within(line.box) else { continue }
            starts[c] = min(starts[c], line.box.y0)
            ends[c] = max(ends[c], line.box.y1)
            body.append((c, line.box))
        }
        let top = starts.sorted()[1]
        let bottom = ends.max() ?? 0
        func column(_ block: (lines: [Int], box: PDFLayout.Box)) -> Int? {
            // Above or below the columns' text (a running header, the page number): not in a
            // column. A short block beside another column's running text is that column's
            // heading ("Abstract" level with the right column's first line), not above the text.
            if block.box.y0 >= bottom { return nil }
            guard block.box.y1 <= top && block.lines.count <= 2 else { return within(block.box) }
            guard let c = within(block.box) else { return nil }
            let beside = body.contains { $0.column != c && $0.box.y0 < block.box.y1 && $0.box.y1 > block.box.y0 }
            return beside ? c : nil
        }
        let placed = blocks.indices.map { (block: $0, column: column(blocks[$0])) }
        let spanning = placed.filter { $0.column == nil }.sorted { blocks[$0.block].box.y0 < blocks[$1.block].box.y0 }
        // Each column block belongs to the band below the spanning blocks above it; within a band,
        // column by column, each top to bottom.
        let spanBottoms = spanning.map { blocks[$0.block].box.y1 }
        var bands = [[[Int]]](repeating: [[Int]](repeating: [], count: columns.count), count: spanning.count + 1)
        for p in placed {
            guard let c = p.column else { continue }
            let y = blocks[p.block].box.y0 + 0.5 * bodySize
            bands[spanBottoms.filter { $0 <= y }.count][c].append(p.block)
        }
        var order: [Int] = []
        for (k, band) in bands.enumerated() {
            for column in band {
                for b in column.sorted(by: { (blocks[$0].box.y0, $0) < (blocks[$1].box.y0, $1) }) {
                    order += blocks[b].lines
                }
            }
            if k < spanning.count { order += blocks[spanning[k].block].lines }
        }
        return order.count == lines.count ? order : identity
    }

    /// The page's blocks in pdftotext's order, each with its lines and box.
    static func blocks(_ lines: [PDFLayout.TextLine]) -> [(lines: [Int], box: PDFLayout.Box)] {
        var blocks: [(lines: [Int], box: PDFLayout.Box)] = []
        var index: [Int: Int] = [:]
        for (i, line) in lines.enumerated() {
            if let b = index[line.block] {
                blocks[b].lines.append(i)
                blocks[b].box = blocks[b].box.union(line.box)
            } else {
                index[line.block] = blocks.count
                blocks.append(([i], line.box))
            }
        }
        return blocks
    }

    /// A line of running text: the body's size, a few words.
    private static func isBody(_ line: PDFLayout.TextLine, _ bodySize: Double) -> Bool {
        abs(line.size - bodySize) <= 0.15 * bodySize && line.words.count >= 3
    }

    /// The x-ranges of the page's columns, left to right: the body's narrow lines merged where
    /// they overlap; each range needs `minColumnLines` lines. One range: no columns.
    static func columns(_ lines: [PDFLayout.TextLine], bodySize: Double) -> [(x0: Double, x1: Double)] {
        let body = lines.filter { isBody($0, bodySize) }
        guard let left = body.map(\.box.x0).min(), let right = body.map(\.box.x1).max(), right > left else {
            return []
        }
        let narrow = body.filter { $0.box.x1 - $0.box.x0 < spanShare * (right - left) }
        var ranges: [(x0: Double, x1: Double, count: Int)] = []
        for line in narrow.sorted(by: { $0.box.x0 < $1.box.x0 }) {
            if let last = ranges.last, line.box.x0 <= last.x1 {
                ranges[ranges.count - 1] = (last.x0, max(last.x1, line.box.x1), last.count + 1)
            } else {
                ranges.append((line.box.x0, line.box.x1, 1))
            }
        }
        // A column is running text: enough lines of five words or more (a table's cells, read
        // by PDFTables or not at all, are shorter).
        let columns = ranges.filter { r in
            narrow.filter { $0.box.x0 >= r.x0 && $0.box.x1 <= r.x1 && $0.words.count >= 5 }.count >= minColumnLines
        }
        // The gutter between two columns must be wide enough not to be a gap between words
        // (ranges of fewer than `minColumnLines` lines, a stray line in a gutter, are left out).
        for (a, b) in zip(columns, columns.dropFirst()) where b.x0 - a.x1 < bodySize { return [] }
        return columns.map { ($0.x0, $0.x1) }
    }
}

extension IngestPDF {
    /// The layout with each page's lines in reading order (`PDFReadingOrder`), and each line's
    /// pdftotext number, worked out in pdftotext's own order. A line that no longer follows the
    /// line it followed there opens a paragraph (a blank line is set before it) unless the line
    /// before it runs on (a hyphen, a comma or a lower-case word at its end): a paragraph
    /// continued at the top of the next column stays one, its broken word joined.
    static func inReadingOrder(
        _ layout: PDFLayout, bodySize: Double
    ) -> (PDFLayout, [(lines: [Int], blanks: [Int: Int])]) {
        var reordered = layout
        var numberings: [(lines: [Int], blanks: [Int: Int])] = []
        var number = 0
        for (p, page) in layout.pages.enumerated() {
            let numbering = numbers(of: page, after: number)
            number = numbering.lines.last ?? number
            if !page.lines.isEmpty { number += 1 }
            let order = PDFReadingOrder.order(page, bodySize: bodySize)
            reordered.pages[p].lines = order.map { page.lines[$0] }
            var blanks: [Int: Int] = [:]
            for (k, i) in order.enumerated() {
                if let blank = numbering.blanks[i] {
                    blanks[k] = blank
                } else if k > 0, order[k - 1] != i - 1, !runsOn(page.lines[order[k - 1]].text) {
                    blanks[k] = numbering.lines[i]
                }
            }
            numberings.append((order.map { numbering.lines[$0] }, blanks))
        }
        return (reordered, numberings)
    }

    /// A line that does not close its sentence: it ends in a hyphen, a comma or a lower-case letter.
    static func runsOn(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return "-\u{2010}\u{00AD},".contains(last) || last.isLowercase
    }

}
