import DossierCore

/// Where paragraphs start inside pdftotext's text, from the lines' geometry.
///
/// pdftotext prints a blank line only between flows; the paragraphs of one column usually come
/// out as one run of lines, and a paragraph whose last line happens to be long is then glued to
/// the next by `normalize.structure`, which sees only characters. Typesetters mark a new
/// paragraph in one of three ways, and each shows in the boxes:
/// - **space**: the gap between two lines is larger than the page's usual line pitch (twice as
///   much where the line above ends mid-sentence);
/// - **first-line indent**: after a flush line that ends a sentence, a line starts further
///   right than the run's left edge while the line after it comes back (a block quote, indented
///   throughout, does not, nor do the hanging indents of a list or a bibliography);
/// - **short last line** in justified text: a line that ends a sentence well before the right
///   edge every other line reaches. Ragged-right text is left alone: there a short line says
///   nothing a character count does not.
/// Only body lines next to each other in one column are compared (headings, notes, figures and
/// tables are set apart elsewhere).
enum PDFParagraphs {
    /// Space above the usual pitch, in body sizes, that sets a paragraph apart.
    static let extraSpace = 0.4
    /// A first-line indent, in body sizes; a line within `flush` body sizes of the left edge is flush.
    static let indent = 0.8
    static let flush = 0.3
    /// How far short of a justified column's right edge a paragraph's last line ends, in body sizes.
    static let shortfall = 1.5
    /// Share of a run's lines (the last aside) that must reach its right edge for it to be justified.
    static let justifiedShare = 0.6
    /// A run with more of its lines indented than this has hanging indents (a list, references).
    static let maxIndentedShare = 0.35

    /// Indices of the page's lines (in reading order) that start a paragraph the text alone
    /// would not show. `smallPrint` is the share of the body size at or below which a line is a
    /// note's small print (`PDFLayoutAnalysis.Options.footnoteRatio`).
    static func starts(
        of page: PDFLayout.Page, kinds: [PDFLayoutAnalysis.Kind], bodySize: Double,
        smallPrint: Double = PDFLayoutAnalysis.Options().footnoteRatio
    ) -> Set<Int> {
        let lines = page.lines
        guard bodySize > 0, lines.count > 1 else { return [] }
        // Prose: body size (not the small print of notes), with words (a bullet set apart from
        // its item's text is no line of prose). Once per line: a line's size sorts its words.
        let prose = lines.indices.map { i in
            let size = lines[i].size
            return kinds[i] == .body && size > smallPrint * bodySize && size <= 1.15 * bodySize
                && lines[i].words.contains { $0.text.contains(where: \.isLetter) }
        }
        // Line i follows line i - 1 in one column: both body text, below it, overlapping it.
        func follows(_ i: Int) -> Bool {
            let a = lines[i - 1].box
            let b = lines[i].box
            return prose[i - 1] && prose[i] && b.y1 > a.y1 && b.y0 >= a.y1 - 0.5 * bodySize && a.x0 < b.x1
                && b.x0 < a.x1
        }
        // Runs of lines that follow one another.
        var runs: [Range<Int>] = []
        var start = 0
        for i in 1...lines.count where i == lines.count || !follows(i) {
            if i - start >= 2 { runs.append(start..<i) }
            start = i
        }
        let pitches = runs.flatMap { run in run.dropFirst().map { lines[$0].box.y1 - lines[$0 - 1].box.y1 } }
        guard !pitches.isEmpty else { return [] }
        let usual = median(pitches)
        var starts = Set<Int>()
        for run in runs {
            // The run's edges are where most of its lines start and end: one URL overhanging the
            // margin or one indented line moves neither.
            let left = median(run.map { lines[$0].box.x0 })
            let right = median(run.map { lines[$0].box.x1 })
            func flushLeft(_ i: Int) -> Bool { lines[i].box.x0 - left <= flush * bodySize }
            let reaching = run.dropLast().filter { abs(right - lines[$0].box.x1) <= flush * bodySize }.count
            let justified = run.count >= 3 && Double(reaching) >= justifiedShare * Double(run.count - 1)
            // Many indented lines: a list or bibliography with hanging indents, not indented paragraphs.
            let hanging = Double(run.filter { !flushLeft($0) }.count) > maxIndentedShare * Double(run.count)
            for i in run.dropFirst() {
                let a = lines[i - 1]
                let b = lines[i]
                let ends = endsSentence(a.text)
                // Space alone, mid-sentence, must be twice as clear (a taller line holding a raised
                // note call is no paragraph break).
                let gap = b.box.y1 - a.box.y1 - usual
                let spaced = gap > extraSpace * bodySize && (ends || gap > 2 * extraSpace * bodySize)
                let indented =
                    !hanging && ends && flushLeft(i - 1) && b.box.x0 - left >= indent * bodySize
                    && (i + 1 == run.upperBound || flushLeft(i + 1))
                let short =
                    justified && ends && right - a.box.x1 >= shortfall * bodySize && TextTools.opensSentence(b.text)
                if spaced || indented || short { starts.insert(i) }
            }
        }
        return starts
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    /// Ends a sentence, a note call after the full stop aside ("… regional security.1", "summit. 2",
    /// "in 2011.3"); a decimal number ("Section 3.2") is no sentence's end.
    static func endsSentence(_ text: String) -> Bool {
        var t = Substring(text)
        let digits = t.reversed().prefix { $0.isNumber }.count
        if digits > 0, digits <= 3, t.count > digits {
            t = t.dropLast(digits)
            while t.last == " " { t = t.dropLast() }
            guard let last = t.last, ".!?”\"’)".contains(last) else { return false }
            // "3.2" is one number; a year before the full stop ("2011.3") ends a sentence.
            let before = t.dropLast().reversed().prefix { $0.isNumber }.count
            if last == ".", before > 0, before != 4 { return false }
        }
        return TextTools.endsSentence(String(t))
    }
}

extension PDFLayoutAnalysis {
    /// Where paragraphs start on the page (`PDFParagraphs`), by this document's body size and
    /// small print.
    func paragraphStarts(of page: PDFLayout.Page, kinds: [Kind]) -> Set<Int> {
        PDFParagraphs.starts(of: page, kinds: kinds, bodySize: bodySize, smallPrint: options.footnoteRatio)
    }
}
