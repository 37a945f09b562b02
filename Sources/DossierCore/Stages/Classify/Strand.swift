/// The sentences of a passage about one relation: the passage's own counterpart's, or another
/// one's that some sentences name instead (`Passage.sentenceCounterparts`). `classify.areas`
/// scores each strand on its own, so an aside on Moscow in a NATO paragraph makes a Russian
/// area, not a NATO one.
struct Strand {
    var counterpart: Counterpart
    /// True for the passage's own counterpart (its heading speaks for it).
    var isMain: Bool
    /// The strand's asserted sentences (constraint and future clauses left out).
    var sentences: [String]
    /// The same as one text, for the learned model.
    var asserted: String
    /// The quoted evidence: the passage itself when it has one strand and no marks, else the
    /// strand's own sentences not wholly marked as constraint or future (nor between others),
    /// verbatim.
    var text: String

    static func all(of passage: Passage) -> [Strand] {
        let own = passage.counterpart ?? .nato
        let unmarked = passage.statements.allSatisfy { $0.kind == .hedged }
        guard
            !passage.sentenceCounterparts.isEmpty || !passage.sentenceSharedWith.isEmpty
                || !passage.sentencesBetweenOthers.isEmpty || !unmarked
        else {
            return [
                Strand(
                    counterpart: own, isMain: true, sentences: passage.assertedSentences,
                    asserted: passage.assertedText, text: passage.text)
            ]
        }
        let all = TextTools.sentences(passage.text)
        let asserted = passage.assertedSentencesByIndex
        return passage.strandCounterparts.map { who in
            // A relation between others is evidence for none (`Passage.sentencesBetweenOthers`).
            let mine = asserted.filter {
                !passage.sentencesBetweenOthers.contains($0.index)
                    && passage.counterparts(ofSentence: $0.index).contains(who)
            }
            // Quoted: the strand's sentences verbatim, leaving out those a constraint or future
            // mark covers whole ("does not offer any units …" is a limit, never evidence).
            let verbatim = mine.map { all[$0.index] }
            return Strand(
                counterpart: who, isMain: who == own, sentences: mine.map(\.text),
                asserted: mine.map(\.text).joined(separator: " "), text: verbatim.joined(separator: " "))
        }
    }

    /// The passage's span from the line the quote's opening words start on (whitespace aside,
    /// read across line breaks), so a citation of a strand points where its quote begins; the
    /// whole passage when its lines do not hold them (a word dehyphenated across a line break).
    /// `lines` are the document's, in reading order: source order, except a PDF page in columns
    /// (`ingest.pdf` keeps pdftotext's numbers on lines it puts in column order).
    static func span(of quote: String, in passage: Passage, lines: [Line]) -> SourceSpan {
        let opening = quote.split(whereSeparator: \.isWhitespace).prefix(4).joined(separator: " ")
        guard !opening.isEmpty else { return passage.span }
        // Lines are in source order: find the passage's first line by binary search, then walk
        // its lines only (a long document's lines are never all scanned per quote).
        var low = 0
        var high = lines.count
        while low < high {
            let mid = (low + high) / 2
            if lines[mid].span.startLine < passage.span.startLine { low = mid + 1 } else { high = mid }
        }
        // Where reading order is not line order, the binary search can miss: look the line up.
        if low >= lines.count || lines[low].span.startLine != passage.span.startLine {
            low = lines.firstIndex { $0.span.startLine == passage.span.startLine } ?? lines.count
            guard low < lines.count else { return passage.span }
        }
        // The passage's lines joined by spaces, so opening words wrapped onto the next line
        // ("Russia, unsatisfied with" / "Kazakhstan's …") are found on the line they start on.
        var joined = ""
        var starts: [(offset: Int, line: Int)] = []
        for line in lines[low...].prefix(while: { $0.span.startLine <= passage.span.endLine }) {
            if !joined.isEmpty { joined += " " }
            starts.append((joined.utf8.count, line.span.startLine))
            joined += line.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        guard let found = joined.range(of: opening) else { return passage.span }
        let offset = joined.utf8.distance(from: joined.startIndex, to: found.lowerBound)
        var span = passage.span
        span.startLine = starts.last { $0.offset <= offset }?.line ?? passage.span.startLine
        return span
    }
}
