/// The reading order of a page set in columns: each column top to bottom, left to right,
/// between the blocks that span the columns (a title, a full-width figure, the notes).
///
/// pdftotext orders blocks by its own flow analysis, which on a two-column page whose
/// paragraphs start at about the same heights in both columns often goes across instead of
/// down: the first paragraph of the left column, then the first of the right, then the second
/// of the left. Columns are found from where the body's lines stand: an x-interval no body line
/// of the page crosses (lines wider than `spanShare` of the text width are left out, so a
/// full-width abstract does not hide the gutter), with enough body lines on each side. A page
/// without that, a single-column page, keeps pdftotext's order.
enum PDFReadingOrder {
    /// A line this share of the page's text width or wider spans the columns.
    static let spanShare = 0.6
    /// Lines of body text each column needs before it counts as one.
    static let minColumnLines = 3

    /// The page's line indices in reading order (the identity where no columns are found).
    static func order(_ page: PDFLayout.Page, bodySize: Double) -> [Int] {
        let lines = page.lines
        let identity = Array(lines.indices)
        guard lines.count >= 2 * minColumnLines, bodySize > 0 else { return identity }
        let columns = Self.columns(lines, bodySize: bodySize)
        guard columns.count >= 2 else { return identity }
        // Blocks in pdftotext's order, each with its box and the column it stands in (nil: spans).
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
        let slack = 0.5 * bodySize
        func within(_ box: PDFLayout.Box) -> Int? {
            columns.firstIndex { box.x0 >= $0.x0 - slack && box.x1 <= $0.x1 + slack }
        }
        // Where the columns' text starts and ends: the second-highest column start and the
        // second-lowest column end, so a masthead or running header at the top of one column's
        // width (the first page of a gazette) is above it, not the start of that column.
        var starts = [Double](repeating: .infinity, count: columns.count)
        var ends = [Double](repeating: -.infinity, count: columns.count)
        for line in lines where isBody(line, bodySize) {
            guard let c = within(line.box) else { continue }
            starts[c] = min(starts[c], line.box.y0)
            ends[c] = max(ends[c], line.box.y1)
        }
        let top = starts.sorted()[1]
        let bottom = ends.sorted(by: >)[1]
        func column(_ box: PDFLayout.Box) -> Int? {
            // Above or below the columns' text (a running header, the page number): not in a column.
            guard box.y1 > top, box.y0 < bottom else { return nil }
            return within(box)
        }
        let placed = blocks.indices.map { (block: $0, column: column(blocks[$0].box)) }
        let spanning = placed.filter { $0.column == nil }.sorted { blocks[$0.block].box.y0 < blocks[$1.block].box.y0 }
        // Each column block belongs to the band below the spanning blocks above it.
        func band(_ b: Int) -> Int {
            spanning.filter { blocks[$0.block].box.y1 <= blocks[b].box.y0 + 0.5 * bodySize }.count
        }
        var order: [Int] = []
        for k in 0...spanning.count {
            let inBand = placed.filter { $0.column != nil && band($0.block) == k }
            for c in columns.indices {
                let down = inBand.filter { $0.column == c }.map(\.block).sorted {
                    (blocks[$0].box.y0, $0) < (blocks[$1].box.y0, $1)
                }
                for b in down { order += blocks[b].lines }
            }
            if k < spanning.count { order += blocks[spanning[k].block].lines }
        }
        return order.count == lines.count ? order : identity
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
        let columns = ranges.filter { $0.count >= minColumnLines }
        // The gutter between columns must be clear of every narrow body line (ranges merged
        // above) and wide enough not to be a gap between words.
        for (a, b) in zip(columns, columns.dropFirst()) where b.x0 - a.x1 < bodySize { return [] }
        return columns.map { ($0.x0, $0.x1) }
    }
}
