extension Document {
    /// The normalized document as Markdown, with each block's source lines in a comment:
    /// what `dossier normalize` prints and what the golden files hold.
    public func normalizedMarkdown(explain: Bool = false) -> String {
        var s = "# \(title ?? source)\n"
        for section in sections {
            if let h = section.heading {
                s +=
                    "\n" + String(repeating: "#", count: section.level + 1)
                    + " \(h)  <!-- line \(section.headingSpan?.startLine ?? 0) -->\n"
            }
            for p in section.passages {
                let marker: String
                switch p.kind {
                case .milestone: marker = "- [\(p.milestoneYear.map(String.init) ?? "undated")] "
                case .listItem: marker = "- "
                case .paragraph, .tableRow: marker = ""
                }
                let calls =
                    p.footnoteCalls.isEmpty
                    ? "" : " [notes \(p.footnoteCalls.map(String.init).joined(separator: ", "))]"
                s += "\n\(marker)\(p.text)\(calls)  <!-- \(p.span.lineLabel) -->\n"
            }
        }
        if !footnotes.isEmpty {
            s += "\n## Footnotes\n\n"
            for n in footnotes { s += "\(n.number). \(n.text)  <!-- \(n.span.lineLabel) -->\n" }
        }
        if explain {
            s += "\n## Removed\n\n"
            for r in removed { s += "- \(r.span.lineLabel) [\(r.stage): \(r.reason)] \(r.text)\n" }
            s += "\n## Decisions\n\n"
            for x in decisions { s += "- \(x)\n" }
        }
        return s
    }
}
