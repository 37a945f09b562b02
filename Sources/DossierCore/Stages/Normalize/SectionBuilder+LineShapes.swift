import Foundation

/// The shapes of single lines the builder decides on: bullets, headings, years, metadata.
extension SectionBuilder {
    /// A block whose first line is a heading run into its text (no blank line between, as
    /// PDF text often has): heading-shaped, no comma, clearly shorter than the column, and the
    /// next line starts a sentence.
    func startsWithHeading(_ block: [Line]) -> Bool {
        let first = block[0].text
        guard isHeadingLike(first), !first.contains(","), Double(first.count) < 0.75 * Double(columnWidth),
            !bullet(first).bulleted,
            let c = block[1].text.first
        else { return false }
        return c.isUppercase || "“\"‘".contains(c)
    }

    func isMeta(_ line: Line) -> Bool {
        let body = bullet(line.text).body
        return options.metaPatterns.contains { $0.matches(body) }
    }

    func bullet(_ text: String) -> (bulleted: Bool, body: String) {
        for b in options.bullets where text.hasPrefix(b + " ") {
            return (true, String(text.dropFirst(b.count)).trimmingSpaces())
        }
        return (false, text)
    }

    func isHeadingLike(_ text: String) -> Bool {
        guard let first = text.first, first.isUppercase || first.isNumber, text.contains(where: \.isLetter) else {
            return false
        }
        guard text.wordCount <= options.headingMaxWords, yearPrefixed(text) == nil else { return false }
        if let last = text.split(separator: " ").last, options.headingNeverEndsWith.contains(last.lowercased()) {
            return false
        }
        if text.hasSuffix("?") { return true }
        return !TextTools.endsSentence(text) && !text.hasSuffix(",")
    }

    func yearOnly(_ text: String) -> Int? {
        let t = text.trimmingSpaces()
        return t.count == 4 ? Token(original: t).year : nil
    }

    /// "1994 Ruritania joins …", "1994 – Ruritania joins …", "1994: Ruritania joins …" →
    /// (1994, "Ruritania joins …").
    func yearPrefixed(_ text: String) -> (Int, String)? {
        var t = bullet(text).body
        // "June 2012: …": the year leads; the configured day/month prefix is kept before the
        // event ("June: …"), so no word of the line is lost. (Only lines that start with a letter
        // can have one; this runs on every line of every block.)
        var date = ""
        if t.first?.isLetter == true {
            for prefix in options.milestoneDatePrefixes {
                if let end = prefix.prefixEnd(in: t), Token(original: String(t[end...].prefix(4))).year != nil {
                    date = t[..<end].trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ",")))
                    t = String(t[end...])
                    break
                }
            }
        }
        guard t.count > 5, let year = Token(original: String(t.prefix(4))).year else { return nil }
        var rest = t.dropFirst(4)
        if rest.first == ":" {
            rest = rest.dropFirst()
        } else if rest.first == " ", let dash = rest.dropFirst().first, "–—-".contains(dash),
            rest.dropFirst(2).first == " "
        {
            rest = rest.dropFirst(2)
        }
        guard rest.first == " ", let next = rest.dropFirst().first, next.isUppercase || next.isNumber || next == "“"
        else { return nil }
        let event = rest.trimmingSpaces()
        return (year, date.isEmpty ? event : date + ": " + event)
    }
}
