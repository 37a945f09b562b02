/// Separates numbered footnotes (and the citation fragments that belong to them) from the
/// body, and turns the body's call markers ("gas issues.1", "summit. 2") into references.
///
/// Notes are recognised by sequence: a block line that starts with the next expected note
/// number. A note runs until a blank line, the next note, or an indented line that resumes
/// the body (text extracted from PDFs interleaves them). Citation-looking lines just before a
/// note (a note continued from the previous page) are given to the note before it. A call
/// marker is a known note number right after punctuation; other numbers are left alone.
public struct SeparateFootnotes: DocumentStage {
    public static let id = "normalize.footnotes"
    public static let summary = "Move numbered footnotes out of the body; link call markers to notes"
    public static let requires: Set<Artifact> = [.text]
    public static let produces: Set<Artifact> = []
    public static let mustPrecede: Set<Artifact> = [.passages]

    public struct Options: StageOptions {
        /// Lines that look like a bibliographic citation (URLs, volumes, dates).
        public var citationPatterns: [Pattern] = []
        public static let fields = [
            OptionField("citation-patterns", "[regex]", default: "[]", "what a line of a note looks like (URL, 'Vol.', a date)"),
        ]
        enum CodingKeys: String, CodingKey { case citationPatterns = "citation-patterns" }
        public init() {}
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            citationPatterns = try c.decodeIfPresent([Pattern].self, forKey: .citationPatterns) ?? []
        }
    }

    let options: Options
    public init(options: Options, context: StageContext) { self.options = options }

    public func process(_ document: Document) throws -> Document {
        var d = document
        var noteLines: [Int: [Int]] = [:]       // note number → line indices
        var owner: [Int: Int] = [:]             // line index → note number
        var expected = 1
        func assign(_ range: Range<Int>, to note: Int) {
            for k in range where owner[k] == nil {
                owner[k] = note
                noteLines[note, default: []].append(k)
            }
        }
        for block in LineBlocks(d.lines).ranges {
            var current: Int? = nil
            // A note continued from the previous page, running into the body at an indented line.
            if expected > 1, let resume = block.dropFirst().first(where: { d.lines[$0].indent > 0 }),
               Self.noteNumber(d.lines[block.lowerBound].text) == nil,
               (block.lowerBound..<resume).contains(where: { isCitation(d.lines[$0].text) }),
               !(block.lowerBound..<resume).contains(where: { Self.noteNumber(d.lines[$0].text) != nil }) {
                assign(block.lowerBound..<resume, to: expected - 1)
            }
            for i in block where owner[i] == nil {
                let line = d.lines[i]
                let citationsBefore = citationStart(block, before: i, lines: d.lines) < i
                if let n = Self.noteNumber(line.text), n == expected || (n == expected + 1 && (current != nil || citationsBefore)) {
                    if current == nil, expected > 1 || n > expected {
                        // Citation lines just before it belong to the note before it; when a number
                        // was skipped, they are that note, whose first line (and number) was lost.
                        assign(citationStart(block, before: i, lines: d.lines)..<i, to: n > expected ? expected : expected - 1)
                    }
                    current = n
                    expected = n + 1
                } else if current != nil, line.indent > 0, !isCitation(line.text),
                          !(d.lines[i - 1].text.hasSuffix("-") && line.text.first?.isLowercase == true) {
                    current = nil   // an indented line that is neither a citation nor a word's second half resumes the body
                } else if current == nil, i == block.lowerBound, expected > 1, isCitation(line.text) {
                    current = expected - 1   // a note continued after a page break
                }
                if let c = current { assign(i..<(i + 1), to: c) }
            }
        }
        for (number, indices) in noteLines.sorted(by: { $0.key < $1.key }) {
            let lines = indices.sorted().map { d.lines[$0] }
            var text = lines.joinedText()
            if let n = Self.noteNumber(text), n == number { text = String(text.drop { $0.isNumber }).trimmingCharacters(in: .whitespaces) }
            d.footnotes.append(Footnote(number: number, text: text, urls: Self.urls(in: text), span: lines.span()!))
        }
        let known = Set(noteLines.keys)
        d.removeLines(owner.mapValues { "footnote \($0)" }, stage: Self.id)
        for i in d.lines.indices {
            let (text, calls) = Self.extractCalls(d.lines[i].text, known: known)
            d.lines[i].text = text
            d.lines[i].footnoteCalls += calls
        }
        return d
    }

    func isCitation(_ text: String) -> Bool { options.citationPatterns.contains { $0.matches(text) } }

    /// Where a run of citation-looking lines ending just before `index` starts (the whole
    /// block's beginning when its first line is one).
    private func citationStart(_ block: Range<Int>, before index: Int, lines: [Line]) -> Int {
        if index > block.lowerBound, isCitation(lines[block.lowerBound].text) { return block.lowerBound }
        var start = index
        while start > block.lowerBound, isCitation(lines[start - 1].text) { start -= 1 }
        return start
    }

    /// "12 Author…" → 12 (a note's first line: a small number, a space, then text).
    static func noteNumber(_ text: String) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count), let n = Int(digits) else { return nil }
        let rest = text.dropFirst(digits.count)
        guard rest.first == " ", let next = rest.drop(while: { $0 == " " }).first, next.isLetter || "“\"'‘„".contains(next) else { return nil }
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
    static func extractCalls(_ text: String, known: Set<Int>) -> (String, [Int]) {
        guard !known.isEmpty else { return (text, []) }
        var chars = Array(text)
        var calls: [Int] = []
        var i = 0
        while i < chars.count {
            guard ".,;:”\")’".contains(chars[i]) else { i += 1; continue }
            var j = i + 1
            if j < chars.count, chars[j] == " " { j += 1 }
            var k = j
            while k < chars.count, chars[k].isASCII, chars[k].isNumber { k += 1 }
            if k > j, k - j <= 3, let n = Int(String(chars[j..<k])), known.contains(n),
               k == chars.count || chars[k] == " " {
                calls.append(n)
                chars.removeSubrange((i + 1)..<k)
                if i + 1 < chars.count, chars[i + 1] == " " {
                    while i + 2 < chars.count, chars[i + 2] == " " { chars.remove(at: i + 2) }
                }
            }
            i += 1
        }
        return (String(chars).trimmingTrailingSpaces(), calls)
    }
}
