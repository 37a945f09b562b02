/// Separates numbered footnotes (and the citation fragments that belong to them) from the
/// body, and turns the body's call markers ("gas issues.1", "summit. 2") into references.
///
/// Notes are recognised by sequence: a block line that starts with the next expected note
/// number. A note runs until a blank line, the next note, or an indented line that resumes
/// the body (text extracted from PDFs interleaves them). Citation-looking lines just before a
/// note (a note continued from the previous page) are given to the note before it. A call
/// marker is a known note number right after punctuation; other numbers are left alone.
public struct SeparateFootnotes: LineNormalizer {
    public static let id = "normalize.footnotes"
    public static let summary = "Move numbered footnotes out of the body; link call markers to notes"

    public struct Options: StageOptions {
        /// Lines that look like a bibliographic citation (URLs, volumes, dates).
        public var citationPatterns: [Pattern] = []
        public static let settings: [Setting<Self>] = [
            .init("citation-patterns", \.citationPatterns, "what a line of a note looks like (URL, 'Vol.', a date)")
        ]
        public init() {}
    }

    let options: Options
    public init(options: Options, context: StageContext) { self.options = options }

    public func process(_ document: Document) throws -> Document {
        var d = document
        let (noteLines, owner) = findNotes(in: d.lines)
        for (number, indices) in noteLines.sorted(by: { $0.key < $1.key }) {
            let lines = indices.sorted().map { d.lines[$0] }
            var text = lines.joinedText()
            if let n = Self.noteNumber(text), n == number { text = String(text.drop { $0.isNumber }).trimmingSpaces() }
            d.footnotes.append(Footnote(number: number, text: text, urls: Self.urls(in: text), span: lines.span()!))
        }
        let known = Set(noteLines.keys)
        d.removeLines(owner.mapValues { "footnote \($0)" }, stage: Self.id)
        for i in d.lines.indices {
            let (text, calls) = Self.extractCalls(d.lines[i].text, known: known)
            guard !calls.isEmpty else { continue }
            // Recorded, so `--explain` (and the nothing-lost check) can account for the digits.
            let span = d.lines[i].span
            d.decisions.append(
                "\(span.file):\(span.startLine): note call\(calls.count > 1 ? "s" : "") "
                    + calls.map(String.init).joined(separator: ", ") + " taken out of the text")
            d.lines[i].text = text
            d.lines[i].footnoteCalls += calls
        }
        return d
    }

    /// Which lines are footnotes: numbered notes in sequence (a skipped number is a note whose
    /// first line was lost), citation lines before a number, notes continued after a page break.
    /// Returns each note's line indices and each note line's note.
    private func findNotes(in lines: [Line]) -> (noteLines: [Int: [Int]], owner: [Int: Int]) {
        var noteLines: [Int: [Int]] = [:]  // note number → line indices
        var owner: [Int: Int] = [:]  // line index → note number
        var expected = 1
        func assign(_ range: Range<Int>, to note: Int) {
            for k in range where owner[k] == nil {
                owner[k] = note
                noteLines[note, default: []].append(k)
            }
        }
        let paged = lines.contains { $0.role == .pageBreak }
        for block in LineBlocks(lines).ranges {
            var current: Int? = nil
            // A note continued from the previous page, running into the body at an indented line.
            if expected > 1, let resume = block.dropFirst().first(where: { lines[$0].indent > 0 }),
                Self.noteNumber(lines[block.lowerBound].text) == nil,
                (block.lowerBound..<resume).contains(where: { isCitation(lines[$0].text) }),
                !(block.lowerBound..<resume).contains(where: { Self.noteNumber(lines[$0].text) != nil })
            {
                assign(block.lowerBound..<resume, to: expected - 1)
            }
            for i in block where owner[i] == nil {
                let line = lines[i]
                let citationsBefore = citationStart(block, before: i, lines: lines) < i
                if let n = Self.noteNumber(line.text),
                    n == expected || (n == expected + 1 && (current != nil || citationsBefore))
                {
                    if current == nil, expected > 1 || n > expected {
                        // Citation lines just before it belong to the note before it; when a number
                        // was skipped, they are that note, whose first line (and number) was lost.
                        assign(
                            citationStart(block, before: i, lines: lines)..<i,
                            to: n > expected ? expected : expected - 1)
                    }
                    current = n
                    expected = n + 1
                } else if current != nil, line.indent > 0, !isCitation(line.text),
                    !(lines[i - 1].text.hasSuffix("-") && line.text.first?.isLowercase == true)
                {
                    // An indented line that is neither a citation nor a word's second half resumes the body.
                    current = nil
                } else if current == nil, i == block.lowerBound, expected > 1, isCitation(line.text),
                    !paged || continuesAcrossPage(block, after: noteLines[expected - 1]?.max() ?? 0, lines: lines)
                {
                    current = expected - 1  // a note continued after a page break
                }
                if let c = current { assign(i..<(i + 1), to: c) }
            }
        }
        return (noteLines, owner)
    }

    /// Where the source marks its pages, a block continues the note that ended at `last` only
    /// across a page break, and only as far as a continuation runs before the next note: "On
    /// November 7, 2018, the FAA issued …" under a note on the same page, or a page's first
    /// paragraph opening with a date, is the body going on.
    private func continuesAcrossPage(_ block: Range<Int>, after last: Int, lines: [Line]) -> Bool {
        lines[min(last, block.lowerBound)..<block.lowerBound].contains { $0.role == .pageBreak }
            && block.prefix { Self.noteNumber(lines[$0].text) == nil }.count <= Self.continuationMaxLines
    }

    /// The most lines a note continued from the previous page is taken to run.
    static let continuationMaxLines = 4

    func isCitation(_ text: String) -> Bool { options.citationPatterns.contains { $0.matches(text) } }

    /// Where a run of citation-looking lines ending just before `index` starts (the whole
    /// block's beginning when its first line is one and the block is no longer than a note's
    /// continuation: fifteen lines of prose opening "On March 10, 2019, a Boeing …" are body).
    private func citationStart(_ block: Range<Int>, before index: Int, lines: [Line]) -> Int {
        if index > block.lowerBound, index - block.lowerBound <= Self.continuationMaxLines,
            isCitation(lines[block.lowerBound].text)
        {
            return block.lowerBound
        }
        var start = index
        while start > block.lowerBound, isCitation(lines[start - 1].text) { start -= 1 }
        return start
    }

    /// "12 Author…" → 12 (a note's first line: a small number, a space, then text).
    static func noteNumber(_ text: String) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count), let n = Int(digits) else { return nil }
        let rest = text.dropFirst(digits.count)
        guard rest.first == " ", let next = rest.drop(while: { $0 == " " }).first,
            next.isLetter || "“\"'‘„".contains(next)
        else { return nil }
        return n
    }

    /// URLs in a note, rejoined where the line break split them ("https://ca-" + "bar.asia/…").
    static func urls(in text: String) -> [String] {
        var found: [String] = []
        for word in text.split(separator: " ") {
            if word.hasPrefix("http://") || word.hasPrefix("https://") {
                var url = String(word)
                while let last = url.last, ".,;)".contains(last) { url.removeLast() }
                found.append(url)
            }
        }
        return found
    }

    /// Removes call markers: a known note number right after `.`, `,`, `;`, `:`, `”`, `"` or `)`,
    /// optionally after one space, and followed by a space or the end of the line.
    ///
    /// Digits on both sides of the punctuation are one number ("$8.8 billion", "5.4 percent",
    /// "13,000", "10:30"), never a number and its call; the one exception is a year ending a
    /// sentence ("in 2015.1 Growth…"), where the call is followed by a new sentence or the end
    /// of the line. After a space, a number followed by a lower-case word is a count that opens
    /// a sentence ("in 2019. 10 members stayed"), not a call.
    static func extractCalls(_ text: String, known: Set<Int>) -> (String, [Int]) {
        guard !known.isEmpty else { return (text, []) }
        var chars = Array(text)
        var calls: [Int] = []
        var i = 0
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        while i < chars.count {
            guard ".,;:”\")’".contains(chars[i]) else {
                i += 1
                continue
            }
            var j = i + 1
            let spaced = j < chars.count && chars[j] == " "
            if spaced { j += 1 }
            var k = j
            while k < chars.count, isDigit(chars[k]) { k += 1 }
            guard k > j, k - j <= 3, let n = Int(String(chars[j..<k])), known.contains(n),
                k == chars.count || chars[k] == " "
            else {
                i += 1
                continue
            }
            // What follows the number: nothing, or the first character of the next word.
            let after = chars[k...].drop { $0 == " " }.first
            let opensSentence = after.map { !$0.isLowercase } ?? true
            if !spaced, i > 0, isDigit(chars[i - 1]) {
                // "8.8", "13,000": one number, unless a year ends the sentence before the call.
                guard chars[i] == ".", opensSentence, Self.endsWithYear(chars[..<i]) else {
                    i += 1
                    continue
                }
            }
            if spaced, !opensSentence {
                i += 1
                continue
            }
            calls.append(n)
            chars.removeSubrange((i + 1)..<k)
            if i + 1 < chars.count, chars[i + 1] == " " {
                while i + 2 < chars.count, chars[i + 2] == " " { chars.remove(at: i + 2) }
            }
            i += 1
        }
        return (String(chars).trimmingTrailingSpaces(), calls)
    }

    /// The characters end with a year standing as its own number (" 2015", not "12015" or "1.2015").
    static func endsWithYear(_ chars: ArraySlice<Character>) -> Bool {
        let digits = chars.reversed().prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 4, let year = Int(String(digits.reversed())), (1800...2099).contains(year) else {
            return false
        }
        let before = chars.dropLast(4).last
        return before.map { !($0.isNumber || $0 == "." || $0 == ",") } ?? true
    }
}
