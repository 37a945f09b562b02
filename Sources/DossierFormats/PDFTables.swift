/// Tables in a PDF's geometry: rows of short cells standing side by side, their cells falling
/// into the same columns down three rows or more, with numbers in them.
///
/// pdftotext prints a table cell by cell, often column by column, and a cell's label in bold
/// looks like a heading while its figures look like a chart's data labels: read line by line,
/// a results table becomes a run of headings with its numbers logged as figure text. Found by
/// position instead, it comes out as rows ("ID Sales | 1.0% | 5.8%").
///
/// What keeps prose and charts out: every cell is short (`maxCellWords`) and narrow (two-column
/// prose has a line a column wide), at least half the rows hold a number and at least half a
/// label (a chart's axis ticks and data labels are numbers only).
struct PDFTables {
    struct Table: Equatable {
        /// Top to bottom, each row's cells by column (nil where the row has none), each cell the
        /// page-line indices it is made of, top to bottom.
        var rows: [[[Int]?]]
        var lines: [Int] { rows.flatMap { $0.compactMap { $0 }.flatMap { $0 } } }

        /// A row's cell texts, left to right, empty cells left out. A currency sign pdftotext
        /// printed at the end of the cell before ("46,059 $", "$" alone) goes to the figure it
        /// stands before.
        func texts(of row: [[Int]?], in lines: [PDFLayout.TextLine]) -> [String] {
            var cells = row.compactMap { $0 }.map {
                $0.flatMap { lines[$0].text.split(separator: " ").map(String.init) }
            }
            for k in cells.indices.dropLast() {
                while let last = cells[k].last, Self.currencies.contains(last) {
                    cells[k].removeLast()
                    cells[k + 1].insert(last, at: 0)
                }
            }
            return cells.filter { !$0.isEmpty }.map { $0.joined(separator: " ") }
        }

        static let currencies: Set<String> = ["$", "€", "£", "¥", "US$"]
    }

    /// `ingest.pdf`'s `table-max-cell-words`, `table-min-rows` and `table-max-cell-width-share`.
    var maxCellWords: Int
    var minRows: Int
    var maxCellWidthShare: Double

    func find(in page: PDFLayout.Page, bodySize: Double) -> [Table] {
        let lines = page.lines
        guard lines.count >= 2 * minRows, bodySize > 0 else { return [] }
        let prose = Self.proseLines(lines)
        var tables: [Table] = []
        var run: [[Int]] = []
        var previous: PDFLayout.Box?
        func end() {
            if let table = table(of: run, lines, prose: prose, bodySize: bodySize, pageWidth: page.width) {
                tables.append(table)
            }
            run = []
        }
        for row in Self.rows(lines) {
            let band = row.map { lines[$0].box }.reduce(lines[row[0]].box) { $0.union($1) }
            let near = previous.map { band.y0 - $0.y1 <= 2.5 * max(lines[row[0]].size, bodySize) } ?? true
            let short = row.allSatisfy { lines[$0].words.count <= maxCellWords }
            if row.count >= 2, short, near || run.isEmpty {
                run.append(row)
            } else if row.count == 1, !run.isEmpty, near, continues(row[0], run.last!, lines) {
                run.append(row)
            } else {
                end()
                if row.count >= 2, short { run = [row] }
            }
            previous = band
        }
        end()
        return tables
    }

    /// A header set over several lines above the figures ("2023" over "(in millions)") is one
    /// row, each column's lines joined: the rows before the first that has both a label in the
    /// first column and figures.
    static func joiningHeader(_ rows: [[[Int]?]], words: ([Int]?) -> [String]) -> [[[Int]?]] {
        let firstFigures = rows.firstIndex { row in
            row[0] != nil && row.contains { words($0).contains(where: PDFLayoutAnalysis.isNumber) }
        }
        guard let k = firstFigures, k >= 2 else { return rows }
        var header = [[Int]?](repeating: nil, count: rows[0].count)
        for row in rows[..<k] {
            for (c, cell) in row.enumerated() where cell != nil { header[c] = (header[c] ?? []) + cell! }
        }
        return [header] + rows[k...]
    }

    /// Lines of wrapped prose: in a block of four lines or more, as wide as the block (within
    /// 15 %), four words or more. Columns of a three-column page stand side by side like cells;
    /// their lines are this, a table's cells are not (a column of figures has one or two words).
    static func proseLines(_ lines: [PDFLayout.TextLine]) -> Set<Int> {
        var blocks: [Int: (count: Int, box: PDFLayout.Box)] = [:]
        for line in lines {
            let b = blocks[line.block]
            blocks[line.block] = ((b?.count ?? 0) + 1, b?.box.union(line.box) ?? line.box)
        }
        return Set(
            lines.indices.filter { i in
                guard let b = blocks[lines[i].block], b.count >= 4, lines[i].words.count >= 4 else { return false }
                return lines[i].box.x1 - lines[i].box.x0 >= 0.85 * (b.box.x1 - b.box.x0)
            })
    }

    /// Lines on one row, left to right; rows top to bottom. Lines share a row when their
    /// heights overlap by more than half the smaller one.
    static func rows(_ lines: [PDFLayout.TextLine]) -> [[Int]] {
        let order = lines.indices.sorted {
            let a = lines[$0].box
            let b = lines[$1].box
            return (a.y0 + a.y1, a.x0, $0) < (b.y0 + b.y1, b.x0, $1)
        }
        var rows: [[Int]] = []
        var band: PDFLayout.Box?
        for i in order {
            let box = lines[i].box
            if let b = band, min(b.y1, box.y1) - max(b.y0, box.y0) > 0.5 * min(b.height, box.height) {
                rows[rows.count - 1].append(i)
                band = b.union(box)
            } else {
                rows.append([i])
                band = box
            }
        }
        return rows.map { $0.sorted { lines[$0].box.x0 < lines[$1].box.x0 } }
    }

    /// A lone short line just under a row's cell, within its width and in its size: the cell's
    /// next line ("Earnings (Loss) Per" / "Share"), not the note or paragraph under the table.
    func continues(_ i: Int, _ row: [Int], _ lines: [PDFLayout.TextLine]) -> Bool {
        let box = lines[i].box
        guard lines[i].words.count <= maxCellWords else { return false }
        return row.contains { j in
            let above = lines[j].box
            return box.x0 >= above.x0 - above.height && box.x1 <= above.x1 + 2 * above.height
                && box.y0 - above.y1 < 0.6 * above.height && abs(lines[i].size - lines[j].size) <= 0.1 * lines[j].size
        }
    }

    /// The run as a table: its cells clustered into columns by overlapping x-ranges, each row's
    /// cells in different columns; nil when it is not one.
    private func table(
        of run: [[Int]], _ lines: [PDFLayout.TextLine], prose: Set<Int>, bodySize: Double, pageWidth: Double
    ) -> Table? {
        let multi = run.filter { $0.count >= 2 }
        guard multi.count >= minRows else { return nil }
        let members = run.flatMap { $0 }
        guard 2 * members.filter({ prose.contains($0) }).count < members.count else { return nil }
        let widths = members.map { lines[$0].box.x1 - lines[$0].box.x0 }.sorted()
        guard pageWidth <= 0 || widths[widths.count / 2] <= maxCellWidthShare * pageWidth else { return nil }
        // Columns: union of x-ranges that overlap, over the rows with several cells.
        var columns: [(x0: Double, x1: Double)] = []
        for i in multi.flatMap({ $0 }) {
            let b = lines[i].box
            var merged = (x0: b.x0, x1: b.x1)
            columns.removeAll { c in
                let overlaps = c.x0 <= merged.x1 && merged.x0 <= c.x1
                if overlaps { merged = (min(c.x0, merged.x0), max(c.x1, merged.x1)) }
                return overlaps
            }
            columns.append(merged)
        }
        columns.sort { $0.x0 < $1.x0 }
        guard columns.count >= 2 else { return nil }
        func column(of i: Int) -> Int? {
            let b = lines[i].box
            return columns.firstIndex { $0.x0 <= b.x1 && b.x0 <= $0.x1 }
        }
        // A column half of whose lines are wrapped prose is a paragraph that stands row by row
        // beside something else (a chart's axis ticks in the next column), not a table's labels.
        for c in columns.indices {
            let cells = members.filter { column(of: $0) == c }
            guard 2 * cells.filter({ prose.contains($0) }).count < max(1, cells.count) else { return nil }
        }
        var rows: [[[Int]?]] = []
        for row in run {
            if row.count == 1, !rows.isEmpty, let c = column(of: row[0]), rows[rows.count - 1][c] != nil {
                rows[rows.count - 1][c]!.append(row[0])
                continue
            }
            var cells = [[Int]?](repeating: nil, count: columns.count)
            for i in row {
                guard let c = column(of: i), cells[c] == nil else { return nil }
                cells[c] = [i]
            }
            rows.append(cells)
        }
        let words = { (cell: [Int]?) in (cell ?? []).flatMap { lines[$0].words.map(\.text) } }
        rows = Self.joiningHeader(rows, words: words)
        let numbered = rows.filter { $0.contains { words($0).contains(where: PDFLayoutAnalysis.isNumber) } }.count
        let labelled = rows.filter { row in
            row.contains { cell in words(cell).filter { $0.filter(\.isLetter).count >= 2 }.count > 0 }
        }.count
        guard 2 * numbered >= rows.count, 2 * labelled >= rows.count else { return nil }
        return Table(rows: rows)
    }
}
