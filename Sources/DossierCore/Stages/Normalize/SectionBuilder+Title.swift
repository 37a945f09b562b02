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
