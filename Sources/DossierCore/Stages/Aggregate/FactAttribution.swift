/// Whose relation each of a document's dated events and figures belongs to: the counterpart of
/// the sentence that states it (its strand), else of the passage it stands in, else NATO's.
///
/// Built once per document: passages are found by binary search on their first line, and a
/// passage's strand sentences are split once, so attributing thousands of facts of a long
/// document costs a lookup each, not a scan of every passage and a re-split per fact.
struct FactAttribution {
    /// The passages by first line.
    private let passages: [Passage]
    /// For each passage (by position in `passages`) that has strands: sentence → its counterpart.
    private let strands: [Int: [String: Counterpart]]

    init(_ d: Document) {
        passages = d.passages.enumerated()
            .sorted { ($0.element.span.startLine, $0.offset) < ($1.element.span.startLine, $1.offset) }
            .map(\.element)
        var strands: [Int: [String: Counterpart]] = [:]
        for (i, p) in passages.enumerated() where !p.sentenceCounterparts.isEmpty {
            var bySentence: [String: Counterpart] = [:]
            for (s, text) in TextTools.sentences(p.text).enumerated() where bySentence[text] == nil {
                bySentence[text] = p.counterpart(ofSentence: s)
            }
            strands[i] = bySentence
        }
        self.strands = strands
    }

    /// The document's milestones and figures, each marked with its counterpart.
    static func facts(of d: Document) -> (milestones: [Milestone], figures: [Figure]) {
        let attribution = FactAttribution(d)
        let milestones = d.facts.milestones.map { m in
            var m = m
            m.counterpart = attribution.counterpart(of: m.evidence[0])
            return m
        }
        let figures = d.facts.figures.map { f in
            var f = f
            f.evidence.counterpart = attribution.counterpart(of: f.evidence)
            return f
        }
        return (milestones, figures)
    }

    func counterpart(of e: Evidence) -> Counterpart {
        let line = e.span.startLine
        // The last passage starting at or before the line; it holds the fact if it reaches it.
        var low = 0
        var high = passages.count
        while low < high {
            let mid = (low + high) / 2
            if passages[mid].span.startLine <= line { low = mid + 1 } else { high = mid }
        }
        guard low > 0, passages[low - 1].span.endLine >= line else { return .nato }
        let p = passages[low - 1]
        return strands[low - 1]?[e.text] ?? p.counterpart ?? .nato
    }
}
