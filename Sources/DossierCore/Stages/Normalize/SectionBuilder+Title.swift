import Foundation

/// The document's title: the heading a format declares (and its copy in a web page's body), or
/// a short first block of text, with its byline.
extension SectionBuilder {
    /// A web page states its headline twice, as the title ingest.html declares (from `<title>`
    /// or metadata) and as the article's own heading; the body's copy, a heading with the
    /// title's words before the first paragraph, leaves with its reason instead of opening a
    /// section named like the page. A later section of that name is the author's and stays.
    mutating func dropRepeatedTitle(_ title: Line) {
        guard document.format == .html else { return }
        let key = title.text.lowercased().split(whereSeparator: \.isWhitespace)
        for b in blocks.indices {
            let stop = blocks[b].firstIndex { line in
                line.role != .heading || line.text.lowercased().split(whereSeparator: \.isWhitespace) == key
            }
            guard let k = stop else { continue }
            guard blocks[b][k].role == .heading else { return }
            let line = blocks[b].remove(at: k)
            removed.append(
                RemovedText(text: line.text, span: line.span, stage: BuildSections.id, reason: "title repeated"))
            blocks.removeAll { $0.isEmpty }
            return
        }
    }

    /// Takes the title (and byline) blocks; returns the index of the first body block.
    mutating func takeTitle() -> Int {
        if let declared = document.lines.firstIndex(where: { $0.role == .heading && $0.headingLevel == 1 }) {
            document.title = document.lines[declared].text
            document.titleSpan = document.lines[declared].span
            // Only that one line: in minified HTML every heading can share the h1's source line.
            let title = document.lines[declared]
            var taken = false
            blocks = blocks.map { block in
                block.filter { line in
                    guard !taken, line.span == title.span, line.role == .heading, line.headingLevel == 1,
                        line.text == title.text
                    else { return true }
                    taken = true
                    return false
                }
            }.filter { !$0.isEmpty }
            dropRepeatedTitle(title)
            return 0
        }
        // A web page's title is declared: ingest.html emits a level-1 heading whenever the page
        // has one. Without it, a short first block is body text (a one-line page must not come
        // out as a title and nothing else).
        if document.format == .html { return 0 }
        var index = 0
        while index < blocks.count, blocks[index].count == 1, isMeta(blocks[index][0]) { index += 1 }
        // Text from PDFs often has no blank line between the title and the first paragraph.
        if index < blocks.count, blocks[index].count > 1, startsWithHeading(blocks[index]) {
            let first = blocks[index][0]
            document.title = first.text
            document.titleSpan = first.span
            blocks[index].removeFirst()
            return index
        }
        guard index < blocks.count, blocks[index].count <= 2 else { return 0 }
        let first = blocks[index]
        var title = first.joinedText()
        guard title.wordCount <= 20, !title.hasSuffix("."), title.first?.isLetter == true else { return 0 }
        var span = first.span()!
        index += 1
        if index < blocks.count, blocks[index].count == 1, let c = blocks[index][0].text.first, c.isLowercase,
            blocks[index][0].text.wordCount <= 8
        {
            title += " " + blocks[index][0].text
            span = span.union(blocks[index][0].span)
            index += 1
        }
        document.title = title
        document.titleSpan = span
        if index < blocks.count, blocks[index].count == 1, isByline(blocks[index][0].text) {
            removed.append(
                RemovedText(
                    text: blocks[index][0].text, span: blocks[index][0].span,
                    stage: BuildSections.id, reason: "byline"))
            index += 1
        }
        return index
    }
}

/// The lines between the title and the text that belong to the source, not to its text.
extension SectionBuilder {
    /// How many byline, dateline and metadata lines may stand between the title and the text.
    static let headReach = 4

    /// Bylines ("By Anna Keller") and datelines ("12 March 2023", "• 2000-04-06") in the head,
    /// the lines before the text (under the title, or at the top of a document without one), on
    /// lines of their own or opening the first paragraph's block (saved pages run them
    /// together), are the source's: removed with their reason, so `extract.facts` reads
    /// the dateline as the publication date, and neither becomes a heading, a paragraph's first
    /// words or a dated event. A date line counts only where it is the document's one: a
    /// timeline's stamps recur, and each opens an entry.
    mutating func takeHead(from start: Int) {
        guard start < blocks.count else { return }
        // Two date lines are enough to know the document has more than one.
        let dates = blocks[start...].lazy.joined().filter(isDateline).prefix(2).count
        // Lines are taken off the front of the block at `start`; an emptied block goes, and the
        // next one moves up into its place.
        var taken = 0
        while start < blocks.count, taken < Self.headReach, let line = blocks[start].first {
            let reason: String
            if dates == 1, isDateline(line) {
                reason = BuildSections.datelineReason
            } else if isCreditLine(bullet(line.text).body) {
                reason = "byline"
            } else if isMeta(line) {
                reason = "metadata line"
            } else {
                return
            }
            removed.append(RemovedText(text: line.text, span: line.span, stage: BuildSections.id, reason: reason))
            blocks[start].removeFirst()
            if blocks[start].isEmpty { blocks.remove(at: start) }
            taken += 1
        }
    }

    /// A line that is only a date (`dateline-patterns`), bullet aside.
    func isDateline(_ line: Line) -> Bool {
        let body = bullet(line.text).body
        return options.datelinePatterns.contains { $0.matches(body) }
    }

    /// "By" and one or more names ("By Jane Doe and John Roe", "By Reuters"): a byline wherever
    /// it stands in the head. A bare name is one only alone under the title (`isByline`), where
    /// a heading could not stand. One word is a name only alone (an agency): in a list it is
    /// more likely a date broken off ("By Jane Doe and John Roe, Janu-").
    func isCreditLine(_ text: String) -> Bool {
        guard text.lowercased().hasPrefix("by ") else { return false }
        let names = String(text.dropFirst(3)).replacingOccurrences(of: " and ", with: ",")
            .split(separator: ",").map { $0.trimmingSpaces() }
        return !names.isEmpty && names.allSatisfy { isByline($0, fewest: names.count == 1 ? 1 : 2) }
    }
}
