import DossierCore

/// Builds Markdown from trusted structure and untrusted text. Every piece of source text goes
/// through `MarkdownText.escape`, so nothing a document says can become Markdown or HTML syntax.
struct MarkdownBuilder {
    private(set) var text = ""

    mutating func heading(_ level: Int, _ title: String) {
        block(String(repeating: "#", count: level) + " " + MarkdownText.escape(title))
    }

    /// A paragraph of already-built inline Markdown (use `MarkdownText.escape` on source text).
    mutating func paragraph(_ inline: String) { block(inline) }

    /// Opens a level-2 section: its heading, then `empty` as its only paragraph when it has
    /// nothing to show (false: the caller writes no more), else `intro` when given (true).
    mutating func section(_ title: String, hasContent: Bool, empty: String, intro: String? = nil) -> Bool {
        heading(2, title)
        guard hasContent else {
            paragraph(empty)
            return false
        }
        if let intro { paragraph(intro) }
        return true
    }

    mutating func bullets(_ items: [String]) {
        guard !items.isEmpty else { return }
        block(items.map { "- " + $0 }.joined(separator: "\n"))
    }

    mutating func numbered(_ items: [String]) {
        guard !items.isEmpty else { return }
        block(items.enumerated().map { "\($0.offset + 1). " + $0.element }.joined(separator: "\n"))
    }

    mutating func quote(_ inline: String) { block("> " + inline) }

    /// A GFM pipe table. Header cells are plain text (escaped here); body cells are inline
    /// Markdown already escaped for cells.
    mutating func table(_ header: [String], _ rows: [[String]], align: [Character]? = nil) {
        guard !rows.isEmpty else { return }
        var lines = ["| " + header.map(MarkdownText.escapeCell).joined(separator: " | ") + " |"]
        lines.append(
            "|"
                + header.indices.map { i in
                    switch align?[i] {
                    case "r": return "---:"
                    case "c": return ":---:"
                    default: return "---"
                    }
                }.joined(separator: "|") + "|")
        for row in rows { lines.append("| " + row.joined(separator: " | ") + " |") }
        block(lines.joined(separator: "\n"))
    }

    mutating func image(_ alt: String, _ path: String) { block("![\(MarkdownText.escape(alt))](\(path))") }

    private mutating func block(_ s: String) {
        if !text.isEmpty { text += "\n" }
        text += s + "\n"
    }
}

/// Numbered citations: each distinct span gets one note, numbered in order of first use.
struct Citations {
    struct Note {
        let number: Int
        let evidence: Evidence
        /// The sentence the note is cited for, in full: what the reader checks against the source.
        let quote: String
    }
    private(set) var notes: [Note] = []
    private var index: [String: Int] = [:]

    /// The inline marker for `evidence`, e.g. `[3](#note-3)`. `sentence` is the sentence of the
    /// evidence the text quotes (default: all of it); citing one passage for two different
    /// sentences makes two notes, so each note shows the sentence it is cited for.
    mutating func cite(_ evidence: Evidence, for sentence: String? = nil) -> String {
        let quote = sentence ?? evidence.text
        let key = "\(evidence.span.file)|\(evidence.span.startLine)|\(evidence.span.endLine)|\(quote)"
        let n: Int
        if let existing = index[key] {
            n = existing
        } else {
            n = notes.count + 1
            index[key] = n
            notes.append(Note(number: n, evidence: evidence, quote: quote))
        }
        return "[\\[\(n)\\]](#note-\(n))"
    }
}

/// Short quotes from long passages: the sentence that carries the evidence, trimmed.
enum Quote {
    /// The sentence of `text` that contains most of `needles` (phrases from the evidence
    /// signals), at most `limit` characters, cut at a word with "…".
    static func best(_ text: String, needles: [String] = [], limit: Int = 280) -> String {
        trim(Evidence.carryingSentence(of: text, needles: needles), limit: limit)
    }

    static func trim(_ s: String, limit: Int) -> String {
        guard s.count > limit else { return s }
        var cut = String(s.prefix(limit))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut + " …"
    }
}
