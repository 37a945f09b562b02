import DossierCore
import Foundation

/// Reads saved web pages: the page's main content, its metadata, and a record of all it left out.
///
/// libxml2 parses the page (`HTMLTree`, the only file that calls it); `ContentExtractor`
/// scores candidate containers as Readability does and picks the article with its good
/// siblings (retrying with fewer rules when that comes out short); `BlockWriter` turns the page
/// into headings, paragraphs, list items, table rows and captions, each kept or dropped with a
/// reason. JSON-LD `articleBody` stands in when the page's own text is too short, then the
/// page's description. Every dropped block goes to `Document.removed` with its reason; captions
/// are lines of role `caption` (normalize.captions takes them out of the body). The title
/// (og:title, JSON-LD headline, `<h1>` or `<title>`, without the site suffix) is the first line,
/// a level-1 heading.
public struct IngestHTML: IngestStage {
    public static let id = "ingest.html"
    public static let summary =
        "Read saved HTML pages (libxml2, no network): main content, metadata; chrome recorded as removed"
    public static let requires: Set<Artifact> = []
    public static let produces: Set<Artifact> = [.text]

    let options: Options

    public init(options: Options, context: StageContext) {
        self.options = options
    }

    public func accepts(_ file: InputFile) -> Bool { options.extensions.contains(file.fileExtension) }

    public func ingest(_ file: InputFile) throws -> Document {
        // Decoding first gives the same encoding rules and errors as text files (BOM, UTF-16, binary, empty).
        let decoded = try TextDecoding.decode(file.bytes, file: file.path)
        var document = Document(source: file.path, format: .html, contentHash: SHA256.hex(file.bytes))
        document.warnings = decoded.warnings
        let tree = try HTMLTree.parse(
            utf8: Array(decoded.text.utf8), file: file.path, maxDepth: max(8, options.maxDepth))
        let page = PageShape(tree: tree, options: options)
        let metadata = PageMetadata(tree: tree, page: page, separators: options.titleSeparators)
        let extracted = extract(tree, page, title: metadata.headline)
        document.decisions.append(extracted.decision)
        var blocks = Self.droppingTrailingStubs(extracted.blocks, minParagraph: options.minParagraphChars)
        let keptText = blocks.reduce(0) { $0 + ($1.removal == nil && !$1.isHeading ? $1.text.count : 0) }
        if keptText < options.minArticleChars, let body = metadata.articleBody, body.text.count > keptText {
            blocks =
                blocks.map { b in
                    var b = b
                    b.removal = b.removal ?? "replaced by the JSON-LD articleBody"
                    return b
                } + Self.paragraphs(body.text, line: body.line)
        } else if keptText == 0, !blocks.contains(where: { $0.removal == nil }), let d = metadata.description {
            blocks += Self.paragraphs(d.text, line: d.line)
        }
        document.lines = lines(
            blocks, title: metadata.title, file: file.path, removed: &document.removed, decisions: &document.decisions)
        document.title = metadata.title?.text
        document.metadata = SourceMetadata(
            author: metadata.author, siteName: metadata.siteName, published: metadata.published,
            modified: metadata.modified, language: metadata.language,
            canonicalURL: metadata.canonicalURL, description: metadata.description?.text,
            publishedLine: metadata.publishedLine, modifiedLine: metadata.modifiedLine)
        if document.lines.allSatisfy(\.isBlank) {
            throw HTMLProblem.noReadableText
        }
        return document
    }

    /// The blocks of the first attempt whose content is long enough, else of the longest one;
    /// when no attempt kept any text but the page has some, the whole page (never a title alone).
    ///
    /// A relaxed attempt that only climbs to an ancestor of the first attempt's content is not
    /// a rescue, just the same article with the chrome around it (a paywalled page's short
    /// teaser is the article): it does not count.
    private func extract(_ tree: HTMLTree, _ page: PageShape, title: Int?) -> (blocks: [PageBlock], decision: String) {
        let extractor = ContentExtractor(tree: tree, options: options, page: page, title: title)
        var best: BlockWriter?
        var bestAttempt = 0
        var firstRoots: Set<Int> = []
        for (n, rules) in ContentExtractor.Rules.attempts.enumerated() {
            var writer = BlockWriter(tree: tree, page: page, selection: extractor.select(rules))
            writer.write()
            if n == 0 {
                firstRoots = writer.keptCharacters > 0 ? writer.selection.roots : []
            } else if writer.selection.roots.contains(where: { root in
                firstRoots.contains { tree.isAncestor(root, of: $0) }
            }) {
                continue
            }
            if best == nil || writer.keptCharacters > best!.keptCharacters { (best, bestAttempt) = (writer, n + 1) }
            if writer.keptCharacters >= options.minArticleChars { break }
        }
        if best!.keptCharacters == 0 {
            var whole = BlockWriter(
                tree: tree, page: page, selection: ContentExtractor.Selection(roots: [0], wholeBody: true))
            whole.write()
            if whole.keptCharacters > 0 {
                return (whole.blocks, "ingest.html: no container scored; the whole page kept")
            }
        }
        let roots = best!.selection.roots.sorted().map(tree.describe).joined(separator: ", ")
        let what = best!.selection.wholeBody ? "the whole body" : "content from \(roots)"
        return (
            best!.blocks, "ingest.html: \(what) (attempt \(bestAttempt) of \(ContentExtractor.Rules.attempts.count))"
        )
    }

    /// Headings and short lines after the content's last paragraph (one long enough to score)
    /// are chrome that stood inside the article's container: "Share this:", "Subscribe to our
    /// newsletter", "Comments" with its "0 comments" under it.
    static func droppingTrailingStubs(_ blocks: [PageBlock], minParagraph: Int) -> [PageBlock] {
        let isParagraph = { (b: PageBlock) in b.removal == nil && !b.isHeading && b.text.count >= minParagraph }
        guard let last = blocks.lastIndex(where: isParagraph) else { return blocks }
        var blocks = blocks
        for k in blocks.indices where k > last && blocks[k].removal == nil {
            blocks[k].removal = "after the content's last paragraph"
        }
        return blocks
    }

    /// Kept blocks as lines (blank lines between), the title first; dropped blocks into `removed`.
    private func lines(
        _ blocks: [PageBlock], title: (text: String, line: Int, node: Int?)?, file: String,
        removed: inout [RemovedText], decisions: inout [String]
    ) -> [Line] {
        var lines: [Line] = []
        let span = { (line: Int) in SourceSpan(file: file, startLine: line) }
        // The title goes on top unless the content already opens with it as its first heading.
        var insertTitle = false
        if let title {
            let first = blocks.first { $0.removal == nil && $0.isHeading }
            insertTitle = !(first?.kind == .heading(1) && PageMetadata.same(first!.text, title.text))
            if insertTitle {
                lines += [
                    Line(text: title.text, span: span(title.line), role: .heading, headingLevel: 1),
                    Line(text: "", span: span(title.line)),
                ]
            }
        }
        for block in blocks {
            if let reason = block.removal {
                // The headline block that became the title is used, not removed.
                if let title, block.node == title.node || (block.isHeading && PageMetadata.same(block.text, title.text))
                {
                    continue
                }
                removed.append(RemovedText(text: block.text, span: span(block.line), stage: Self.id, reason: reason))
                continue
            }
            var line = Line(text: block.text, span: span(block.line))
            switch block.kind {
            case .heading(let level):
                line.role = .heading
                // With the title on top, the page's own level-1 headings are sections under it.
                line.headingLevel = level == 1 && insertTitle ? 2 : level
            case .listItem:
                line.role = .listItem
            case .caption:
                line.role = .caption
            case .row:
                line.role = .tableRow
            case .paragraph:
                break
            }
            lines += [line, Line(text: "", span: span(block.line))]
        }
        return lines
    }

    /// Paragraphs of a plain-text body (JSON-LD `articleBody`, a description), split at blank
    /// lines or, failing those, at newlines.
    static func paragraphs(_ text: String, line: Int) -> [PageBlock] {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        let parts =
            normalized.contains("\n\n")
            ? normalized.components(separatedBy: "\n\n") : normalized.components(separatedBy: "\n")
        return parts.map(BlockWriter.collapse).filter { !$0.isEmpty }.map {
            PageBlock(text: $0, line: line, kind: .paragraph, removal: nil, node: 0)
        }
    }
}
