/// Blocks of consecutive non-blank lines: the unit most normalizers reason about.
///
/// A line alone in its block is "isolated": page furniture, captions and headings are.
struct LineBlocks {
    /// Index ranges into `lines`.
    let ranges: [Range<Int>]

    init(_ lines: [Line]) {
        var ranges: [Range<Int>] = []
        var start: Int?
        for (i, line) in lines.enumerated() {
            let blank = line.isBlank || line.role == .pageBreak
            if blank {
                if let s = start { ranges.append(s..<i) }
                start = nil
            } else if start == nil {
                start = i
            }
        }
        if let s = start { ranges.append(s..<lines.count) }
        self.ranges = ranges
    }

    /// Indices of lines that form a block by themselves.
    var isolated: [Int] { ranges.filter { $0.count == 1 }.map(\.lowerBound) }
}

extension Document {
    /// Removes the lines at `indices`, recording each with the stage and reason. A removed run
    /// leaves one blank line behind, so the text on either side is not glued into one block
    /// (a paragraph split this way is rejoined by `normalize.structure` when a sentence runs on).
    mutating func removeLines(_ indices: [Int: String], stage: String) {
        for i in indices.keys.sorted() {
            removed.append(RemovedText(text: lines[i].text, span: lines[i].span, stage: stage, reason: indices[i]!))
        }
        var kept: [Line] = []
        kept.reserveCapacity(lines.count)
        for (i, line) in lines.enumerated() {
            if indices[i] == nil {
                kept.append(line)
            } else if let last = kept.last, !last.isBlank {
                kept.append(Line(text: "", span: line.span))
            }
        }
        lines = kept
    }
}

extension Array where Element == Line {
    /// The lines' text as one paragraph, honouring each line's `joinNext`.
    func joinedText() -> String {
        var text = ""
        for (i, line) in enumerated() {
            var piece = line.text
            if i > 0 {
                switch self[i - 1].joinNext {
                case .space: text += text.isEmpty ? "" : " "
                case .dropHyphen: if text.hasSuffix("-") { text.removeLast() }
                case .keepHyphen: break
                }
            }
            if i < count - 1, line.joinNext != .space { piece = piece.trimmingTrailingSpaces() }
            text += piece
        }
        return text
    }

    /// The span from the first to the last line.
    func span() -> SourceSpan? {
        guard let first else { return nil }
        return dropFirst().reduce(first.span) { $0.union($1.span) }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }

    /// Number of whitespace-separated words.
    var wordCount: Int { split(separator: " ").count }
}
