import Foundation

/// Paragraphs and list items: hard-wrapped lines joined, author's line breaks kept, paragraphs
/// split by a page break or a footnote block rejoined.
extension SectionBuilder {
    mutating func addParagraphs(_ block: [Line]) {
        var current: [Line] = []
        var currentIsItem = false
        func flush() {
            guard !current.isEmpty else { return }
            let text = current.joinedText()
            append(
                Passage(
                    kind: currentIsItem ? .listItem : .paragraph, text: text, span: current.span()!,
                    footnoteCalls: current.flatMap(\.footnoteCalls)))
            current = []
        }
        for line in block {
            let (bulleted, body) = bullet(line.text)
            if bulleted || line.role == .listItem {
                flush()
                var l = line
                l.text = body
                current = [l]
                currentIsItem = true
                continue
            }
            if let previous = current.last, endsParagraph(previous, before: line) {
                flush()
                currentIsItem = false
            }
            current.append(line)
        }
        flush()
    }

    /// A line ends its paragraph when it finishes a sentence, the next starts a new one, and
    /// the line is shorter than the document's wrap width (so the author broke it, not the layout).
    func endsParagraph(_ line: Line, before next: Line) -> Bool {
        guard line.joinNext == .space, TextTools.endsSentence(line.text) else { return false }
        guard TextTools.opensSentence(next.text) else { return false }
        return line.text.count < wrapWidth
    }

    mutating func append(_ passage: Passage) {
        sections[sections.count - 1].passages.append(passage)
    }

    /// Rejoins paragraphs split by a page break or a footnote block: one that does not end a
    /// sentence followed, in the same section, by one that starts in lower case (or that ends
    /// on a lower-case word, which no finished paragraph does).
    mutating func mergeSplitParagraphs() {
        for s in sections.indices {
            var merged: [Passage] = []
            for p in sections[s].passages {
                if var last = merged.last, last.kind == .paragraph, p.kind == .paragraph,
                    !TextTools.endsSentence(last.text),
                    p.text.first?.isLowercase == true || Self.endsMidSentence(last.text)
                {
                    last.text += (last.text.hasSuffix("-") ? "" : " ") + p.text
                    last.span = last.span.union(p.span)
                    last.footnoteCalls += p.footnoteCalls
                    merged[merged.count - 1] = last
                } else {
                    merged.append(p)
                }
            }
            sections[s].passages = merged
        }
    }

    /// Ends on a lower-case word with no punctuation: the sentence goes on elsewhere.
    static func endsMidSentence(_ text: String) -> Bool {
        guard let last = text.split(separator: " ").last else { return false }
        return last.allSatisfy { $0.isLetter } && last.first?.isLowercase == true
    }
}
