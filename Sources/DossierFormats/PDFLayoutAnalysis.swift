import DossierCore

/// What the geometry of a PDF's text says about each line: body text, a heading (by font
/// size), text inside a figure (chart axis labels and legends), or the first line of a small-print
/// run at the bottom of a page (footnotes).
///
/// All of it is relative to the document's body size (the font size that carries the most
/// characters), so it needs no per-publisher numbers.
struct PDFLayoutAnalysis {
    struct Options {
        var headingRatio = 1.2
        var footnoteRatio = 0.9
        var figureMinNumbers = 4
    }

    enum Kind: Equatable {
        case body
        case heading(level: Int)
        case figure(rule: String)
        /// A page number or running header found by position (`PDFPageFurniture`).
        case furniture(rule: String)
        /// A cell of the page's `PDFTables` table with this index.
        case table(Int)
    }

    static let numbersRule = "figure text: numbers clustered like chart axis labels or data labels"
    static let labelRule = "figure text: short label inside a figure's numbers (legend or axis title)"
    static let pageNumberRule =
        "page number: alone at a page's top or bottom edge, counting up with the pages"
    static let onePageNumberRule = "page number: a lone 1 at the bottom edge of a one-page document"
    static let runningRule =
        "running header or footer: the same text at the top or bottom edge of several pages"

    let options: Options
    let bodySize: Double
    /// Heading font sizes, largest first; a line's level is its size's place here (plus one
    /// when the largest size is not a title).
    private let headingSizes: [Double]
    private let hasTitle: Bool

    init(_ layout: PDFLayout, options: Options) {
        self.options = options
        var chars: [Double: Int] = [:]
        for page in layout.pages {
            for line in page.lines {
                chars[Self.rounded(line.size), default: 0] += line.words.reduce(0) { $0 + $1.text.count }
            }
        }
        bodySize = chars.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? 0
        var sizes: [Double] = []
        for page in layout.pages {
            for line in page.lines where Self.headingShaped(line) && line.size >= options.headingRatio * bodySize {
                let s = Self.rounded(line.size)
                if !sizes.contains(where: { abs($0 - s) <= 0.05 * s }) { sizes.append(s) }
            }
        }
        sizes.sort(by: >)
        headingSizes = Array(sizes.prefix(4))
        // The largest size is the title when it stands only on the first page, in one block.
        if let top = headingSizes.first {
            var blocks = Set<Int>()
            var pages = Set<Int>()
            for (p, page) in layout.pages.enumerated() {
                for line in page.lines
                where Self.headingShaped(line) && abs(Self.rounded(line.size) - top) <= 0.05 * top {
                    blocks.insert(line.block)
                    pages.insert(p)
                }
            }
            hasTitle = pages == [0] && blocks.count == 1
        } else {
            hasTitle = false
        }
    }

    static func rounded(_ size: Double) -> Double { (size * 4).rounded() / 4 }

    /// Short, with letters, no closing full stop: what a heading line can look like. (A drop cap,
    /// one big letter, is not.)
    static func headingShaped(_ line: PDFLayout.TextLine) -> Bool {
        let text = line.text
        return line.words.count <= 12 && text.filter(\.isLetter).count >= 3 && !text.hasSuffix(".")
            && !text.hasSuffix(",")
    }

    /// The verdict for every line of a page, by index into `page.lines`.
    func kinds(of page: PDFLayout.Page) -> [PDFLayoutAnalysis.Kind] {
        var kinds = [Kind](repeating: .body, count: page.lines.count)
        for (i, rule) in figureLines(page) { kinds[i] = .figure(rule: rule) }
        for (i, line) in page.lines.enumerated() where kinds[i] == .body && Self.headingShaped(line) && bodySize > 0 {
            let s = Self.rounded(line.size)
            guard s >= options.headingRatio * bodySize,
                let rank = headingSizes.firstIndex(where: { abs($0 - s) <= 0.05 * $0 })
            else { continue }
            kinds[i] = .heading(level: min(4, rank + (hasTitle ? 1 : 2)))
        }
        return kinds
    }

    /// Lines at the bottom of a page in small print, each the first of its run: the notes under
    /// a page's text, set apart so `normalize.footnotes` sees them as a block of their own.
    func smallPrintStarts(of page: PDFLayout.Page) -> Set<Int> {
        var starts = Set<Int>()
        guard bodySize > 0 else { return starts }
        let small = page.lines.map { $0.size <= options.footnoteRatio * bodySize }
        for (i, line) in page.lines.enumerated() where i > 0 && small[i] && !small[i - 1] {
            let lowerHalf = line.box.y0 > page.height * 0.5
            let bodyBelow = page.lines[(i + 1)...].contains {
                !($0.size <= options.footnoteRatio * bodySize) && $0.words.count > 3
            }
            if lowerHalf, !bodyBelow, line.words.first.map({ Self.isNumber($0.text) }) == true { starts.insert(i) }
        }
        return starts
    }

    // MARK: - Figures

    /// "1800", "12.5%", "$3.2", "(40)", "−5": a number standing alone.
    static func isNumber(_ word: String) -> Bool {
        var w = Substring(word)
        while let c = w.first, "($€£¥-−+".contains(c) { w = w.dropFirst() }
        while let c = w.last, ")%".contains(c) { w = w.dropLast() }
        guard let first = w.first, first.isASCII, first.isNumber, w.count <= 9 else { return false }
        return w.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," }
    }

    /// Lines of a figure: clusters of lines made only of numbers (axis ticks, data labels) with
    /// enough numbers between them, and the short lines inside such a cluster's region (legend
    /// entries, axis titles). Captions ("Figure 1. …") and sentences stay.
    func figureLines(_ page: PDFLayout.Page) -> [Int: String] {
        let lines = page.lines
        // Lines that are numbers, or at least half numbers ("1995 Imports": a tick beside a legend).
        func numbers(_ i: Int) -> Int { lines[i].words.filter { Self.isNumber($0.text) }.count }
        // A line closing a sentence on a word ("10 seconds.", a note's last line) is text, not a label.
        func closesOnWord(_ i: Int) -> Bool {
            lines[i].text.hasSuffix(".") && !(lines[i].words.last.map { Self.isNumber($0.text) } ?? false)
        }
        // A date with its day ("Scissors January 20, 2012", a byline beside a chart) is half
        // numbers too, but no tick: month-and-year ticks ("Jan 2020 Apr 2020") have no day.
        let numeric = lines.indices.filter { i in
            lines[i].words.count <= 6 && 2 * numbers(i) >= lines[i].words.count && !closesOnWord(i)
                && !Self.hasDayDate(lines[i].words.map(\.text))
        }
        guard numeric.count >= 2 else { return [:] }
        let reach = 3 * max(bodySize, 1)
        // Union–find over numeric lines that stand near each other.
        var parent = Dictionary(uniqueKeysWithValues: numeric.map { ($0, $0) })
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x]! != x { x = parent[x]! }
            return x
        }
        for (a, i) in numeric.enumerated() {
            for j in numeric[(a + 1)...] where Self.near(lines[i].box, lines[j].box, reach: reach) {
                parent[root(j)] = root(i)
            }
        }
        // A line of a block that also holds a line no label could be (a sentence, a caption) is
        // prose: in a narrow column every line is as short as a legend entry.
        var proseBlocks = Set<Int>()
        let numericSet = Set(numeric)
        for (i, line) in lines.enumerated() where !numericSet.contains(i) && !Self.isLabel(line.text) {
            proseBlocks.insert(line.block)
        }
        func inProse(_ i: Int) -> Bool { proseBlocks.contains(lines[i].block) }
        var clusters: [Int: [Int]] = [:]
        for i in numeric { clusters[root(i), default: []].append(i) }
        var found: [Int: String] = [:]
        for members in clusters.values {
            guard members.count >= 2, members.reduce(0, { $0 + numbers($1) }) >= options.figureMinNumbers else {
                continue
            }
            var region = lines[members[0]].box
            for m in members { region = region.union(lines[m].box) }
            region = region.expanded(by: 1.5 * max(bodySize, 1))
            for m in members { found[m] = Self.numbersRule }
            for (i, line) in lines.enumerated()
            where found[i] == nil && region.distance(to: line.box) == 0 && Self.isLabel(line.text)
                && !inProse(i)
            {
                found[i] = Self.labelRule
            }
        }
        return found
    }

    /// "January 20, 2012", "20 January 2012": a month's name beside a day number (1–31) and a year.
    static func hasDayDate(_ words: [String]) -> Bool {
        func day(_ w: String) -> Bool { Int(w.trimmingCharacters(in: [","])).map { (1...31).contains($0) } ?? false }
        func year(_ w: String) -> Bool { w.count == 4 && Int(w.trimmingCharacters(in: [",", "."])) != nil }
        for (k, w) in words.enumerated()
        where MonthNames.full.contains(w.lowercased().trimmingCharacters(in: [",", "."])) {
            let after = words.dropFirst(k + 1).prefix(2)
            let before = words.prefix(k).suffix(1)
            if after.count == 2, day(after.first!), year(after.last!) { return true }
            if before.count == 1, day(before.first!), after.first.map(year) == true { return true }
        }
        return false
    }

    /// Near enough to belong to one figure: within `reach`, or on one row (an axis's years,
    /// spread along it) within four times that.
    static func near(_ a: PDFLayout.Box, _ b: PDFLayout.Box, reach: Double) -> Bool {
        let d = a.distance(to: b)
        let sameRow = min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5 * min(a.height, b.height)
        return d <= reach || (sameRow && d <= 4 * reach)
    }

    /// A legend entry or axis title: a few words, no sentence, not a caption.
    static func isLabel(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count <= 5, let last = text.last, !".:;!?".contains(last) else { return false }
        let lower = text.lowercased()
        return !["figure", "fig.", "chart", "table", "source", "graph", "map"].contains { lower.hasPrefix($0) }
    }
}
