import Foundation

/// Turns cleaned lines into the document's title and a flat list of sections of passages.
///
/// Recognises: the title (and a title broken over two lines) and a byline; metadata lines
/// ("Last updated: …"); headings (short lines without closing punctuation that are followed
/// by text, bulleted "• Heading" lines, indented sub-headings, question headings, declared
/// Markdown/HTML headings); paragraphs (hard-wrapped lines joined, a paragraph split by a
/// page break rejoined); list items; and milestone lists in their three shapes: "YEAR event"
/// lines with continuation lines, a year alone on a line followed by its events, and events
/// with no year at all under a milestones heading.
public struct BuildSections: DocumentStage {
    public static let id = "normalize.structure"
    public static let summary = "Detect title, headings, paragraphs, lists and milestone lists"
    public static let requires: Set<Artifact> = [.text]
    public static let produces: Set<Artifact> = [.passages]

    public struct Options: StageOptions {
        public var headingMaxWords = 12
        public var bylineMaxWords = 4
        public var milestoneHeadings: [Pattern] = []
        public var milestoneDatePrefixes: [Pattern] = []
        public var milestoneDateLines: [Pattern] = []
        public var metaPatterns: [Pattern] = []
        public var bullets: [String] = ["•", "·", "▪", "-", "*"]
        public var headingNeverEndsWith: [String] = []
        public static let fields = [
            OptionField("heading-never-ends-with", "[string]", default: "[]", "words a heading cannot end on (of, the, and …): a line ending so runs on"),
            OptionField("heading-max-words", "int", default: "12", "longer lines are never headings"),
            OptionField("byline-max-words", "int", default: "4", "a capitalised line this short under the title is a byline"),
            OptionField("milestone-headings", "[regex]", default: "[]", "headings that open a milestones list"),
            OptionField("milestone-date-prefixes", "[regex]", default: "[]", "what may stand before a milestone's year ('June 2012: …'); matched at the line start"),
            OptionField("milestone-date-lines", "[regex]", default: "[]", "a line that is only a date stamp ('1992-06-05 00:00:00'), first group the year: it opens a timeline entry, the blocks after it up to the next stamp are that event"),
            OptionField("meta-patterns", "[regex]", default: "[]", "metadata lines kept out of the body ('^last updated')"),
            OptionField("bullets", "[string]", default: "[•, ·, ▪, -, *]", "characters that mark a bulleted line"),
        ]
        enum CodingKeys: String, CodingKey {
            case headingMaxWords = "heading-max-words", bylineMaxWords = "byline-max-words"
            case milestoneHeadings = "milestone-headings", milestoneDatePrefixes = "milestone-date-prefixes"
            case milestoneDateLines = "milestone-date-lines"
            case metaPatterns = "meta-patterns", bullets
            case headingNeverEndsWith = "heading-never-ends-with"
        }
        public init() {}
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            headingMaxWords = try c.decodeIfPresent(Int.self, forKey: .headingMaxWords) ?? headingMaxWords
            bylineMaxWords = try c.decodeIfPresent(Int.self, forKey: .bylineMaxWords) ?? bylineMaxWords
            milestoneHeadings = try c.decodeIfPresent([Pattern].self, forKey: .milestoneHeadings) ?? []
            milestoneDatePrefixes = try c.decodeIfPresent([Pattern].self, forKey: .milestoneDatePrefixes) ?? []
            milestoneDateLines = try c.decodeIfPresent([Pattern].self, forKey: .milestoneDateLines) ?? []
            metaPatterns = try c.decodeIfPresent([Pattern].self, forKey: .metaPatterns) ?? []
            bullets = try c.decodeIfPresent([String].self, forKey: .bullets) ?? bullets
            headingNeverEndsWith = try c.decodeIfPresent([String].self, forKey: .headingNeverEndsWith) ?? []
        }
    }

    let options: Options
    public init(options: Options, context: StageContext) { self.options = options }

    public func process(_ document: Document) throws -> Document {
        var builder = SectionBuilder(options: options, document: document)
        builder.run()
        return builder.document
    }
}

/// The state of one pass over a document's blocks.
struct SectionBuilder {
    let options: BuildSections.Options
    var document: Document
    private var blocks: [[Line]] = []
    private var sections: [Section] = [Section(heading: nil, level: 1)]
    private var removed: [RemovedText] = []
    private var milestones: MilestoneMode = .none
    private var docHasBulletHeadings = false
    /// The line the list's current year stands on, and whether it stands there alone (a
    /// year-alone line heads events; a "YEAR event" line is an event of its own). Events that
    /// take their year from it keep it as `Passage.listYear`, so a citation can show the year.
    private var yearLine: Line?
    private var yearLineStandsAlone = false
    /// Inside a timeline of date stamps: waiting for the event after a stamp, or telling it.
    private var stampedEntry: StampedEntry = .none
    enum StampedEntry { case none, awaitingEvent, telling }
    /// Lines at least this long are hard-wrapped, not ended by the author.
    private var wrapWidth = 0
    /// The 90th percentile of line lengths: the width of the text column.
    private var columnWidth = 0

    enum MilestoneMode: Equatable {
        case none
        /// Under a milestones heading (indent of the heading), with the current year.
        case headed(indent: Int, year: Int?)
        /// A run of "YEAR event" lines with no heading.
        case run(year: Int?)
    }

    init(options: BuildSections.Options, document: Document) {
        self.options = options
        self.document = document
    }

    mutating func run() {
        // Indentation is kept in `Line.indent`; the text itself is trimmed here so the shapes
        // below do not depend on whether normalize.whitespace ran.
        let lines = document.lines.map { line in
            var l = line
            l.text = line.text.trimmingSpaces()
            return l
        }
        blocks = LineBlocks(lines).ranges.map { Array(lines[$0]) }
        let lengths = lines.filter { !$0.isBlank }.map(\.text.count).sorted()
        columnWidth = lengths.isEmpty ? 0 : lengths[lengths.count * 9 / 10]
        wrapWidth = Int(Double(columnWidth) * 0.7)
        docHasBulletHeadings = blocks.contains { $0.count == 1 && bullet($0[0].text).bulleted && isHeadingLike(bullet($0[0].text).body) }
        var index = takeTitle()
        while index < blocks.count {
            handle(blocks[index], next: index + 1 < blocks.count ? blocks[index + 1] : nil)
            index += 1
        }
        mergeSplitParagraphs()
        document.sections = sections.filter { $0.heading != nil || !$0.passages.isEmpty }
        document.removed += removed
    }

    // MARK: - Title and byline

    /// Takes the title (and byline) blocks; returns the index of the first body block.
    private mutating func takeTitle() -> Int {
        if let declared = document.lines.firstIndex(where: { $0.role == .heading && $0.headingLevel == 1 }) {
            document.title = document.lines[declared].text
            document.titleSpan = document.lines[declared].span
            // Only that one line: in minified HTML every heading can share the h1's source line.
            let title = document.lines[declared]
            var taken = false
            blocks = blocks.map { block in
                block.filter { line in
                    guard !taken, line.span == title.span, line.role == .heading, line.headingLevel == 1, line.text == title.text else { return true }
                    taken = true
                    return false
                }
            }.filter { !$0.isEmpty }
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
           blocks[index][0].text.wordCount <= 8 {
            title += " " + blocks[index][0].text
            span = span.union(blocks[index][0].span)
            index += 1
        }
        document.title = title
        document.titleSpan = span
        if index < blocks.count, blocks[index].count == 1, isByline(blocks[index][0].text) {
            removed.append(RemovedText(text: blocks[index][0].text, span: blocks[index][0].span,
                                       stage: BuildSections.id, reason: "byline"))
            index += 1
        }
        return index
    }

    private func isByline(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return (2...options.bylineMaxWords).contains(words.count)
            && words.allSatisfy { $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" } }
    }

    // MARK: - Blocks

    private mutating func handle(_ block: [Line], next: [Line]?) {
        if block.count > 1, milestones == .none, startsWithHeading(block) {
            startSection(block[0].text, line: block[0], bulleted: false)
            handle(Array(block.dropFirst()), next: next)
            return
        }
        if block.count == 1 {
            let line = block[0]
            let (bulleted, body) = bullet(line.text)
            if isMeta(line) {
                removed.append(RemovedText(text: line.text, span: line.span, stage: BuildSections.id, reason: "metadata line"))
                return
            }
            // A declared caption normalize.captions did not take out (it is not in the pipeline).
            if line.role == .caption {
                removed.append(RemovedText(text: line.text, span: line.span, stage: BuildSections.id, reason: "figure caption"))
                return
            }
            // A date stamp alone on a line ("1992-06-05 00:00:00") opens a timeline entry.
            if let year = dateStamp(body) {
                if milestones == .none { milestones = .run(year: year) } else { setMilestoneYear(year) }
                yearLine = line
                yearLineStandsAlone = true
                stampedEntry = .awaitingEvent
                return
            }
            if stampedEntry != .none {
                addStampedEvent(block)
                return
            }
            if milestones != .none, let year = yearOnly(body) {
                setMilestoneYear(year)
                yearLine = line
                yearLineStandsAlone = true
                return
            }
            if line.role == .heading || (next != nil && isHeadingLike(body) && !continuesMilestones(line, bulleted: bulleted)) {
                startSection(body, line: line, bulleted: bulleted)
                return
            }
        }
        // A title-case heading broken over two short lines.
        if block.count == 2, next != nil, milestones == .none, block.allSatisfy({ $0.text.count < columnWidth }),
           block[1].text.first?.isUppercase == true, isHeadingLike(block.joinedText()), !block[0].text.contains(",") {
            var joined = block[0]
            joined.text = block.joinedText()
            joined.span = block.span()!
            startSection(joined.text, line: joined, bulleted: false)
            return
        }
        let yearLines = block.filter { yearPrefixed($0.text) != nil }.count
        if case .run = milestones, yearPrefixed(block[0].text) == nil {
            milestones = .none
        }
        // A headed list whose items carry their years ("2006 Kazakhstan agrees …") ends at a
        // block that starts without one: a paragraph after the list, not an undated event.
        // (Undated items belong to lists that never had years, or follow a year-alone line.)
        if case .headed(_, .some) = milestones, !yearLineStandsAlone, yearPrefixed(block[0].text) == nil {
            milestones = .none
        }
        if milestones == .none, yearLines >= 2 || (yearLines == 1 && block.count == 1 && isMilestoneRunStart(next: next)) {
            milestones = .run(year: nil)
        }
        if milestones != .none {
            addMilestones(block)
        } else {
            addParagraphs(block)
        }
    }

    /// A single "YEAR event" line counts as a run only if the next block continues it.
    private func isMilestoneRunStart(next: [Line]?) -> Bool {
        guard let first = next?.first else { return false }
        return yearPrefixed(first.text) != nil
    }

    /// Inside a milestones list, a heading-shaped line is still an event unless it is
    /// bulleted or stands left of the list's heading.
    private func continuesMilestones(_ line: Line, bulleted: Bool) -> Bool {
        switch milestones {
        case .none: return false
        case .run: return yearPrefixed(line.text) != nil
        case let .headed(indent, _): return !bulleted && line.indent >= indent
        }
    }

    private mutating func startSection(_ heading: String, line: Line, bulleted: Bool) {
        let level: Int
        if line.role == .heading, let declared = line.headingLevel {
            level = max(1, declared - 1)
        } else if bulleted || !docHasBulletHeadings {
            level = 1
        } else {
            level = 2
        }
        sections.append(Section(heading: heading, level: level, headingSpan: line.span))
        stampedEntry = .none
        milestones = options.milestoneHeadings.contains { $0.matches(heading) } ? .headed(indent: line.indent, year: nil) : .none
        yearLine = nil
        yearLineStandsAlone = false
    }

    private mutating func setMilestoneYear(_ year: Int) {
        switch milestones {
        case let .headed(indent, _): milestones = .headed(indent: indent, year: year)
        case .run, .none: milestones = .run(year: year)
        }
    }

    private var milestoneYear: Int? {
        switch milestones {
        case let .headed(_, year), let .run(year): return year
        case .none: return nil
        }
    }

    /// In a stamped timeline: the first block after a stamp is the event (its headline), the
    /// blocks after it, up to the next stamp, tell it and join the same passage.
    private mutating func addStampedEvent(_ block: [Line]) {
        let text = block.map { bullet($0.text).body }.joined(separator: " ")
        let span = block.span()!
        if stampedEntry == .awaitingEvent {
            let listYear = yearLine.map { Evidence(text: $0.text, span: $0.span, signals: [.dateStamp]) }
            append(Passage(kind: .milestone, text: text, span: span, milestoneYear: milestoneYear, listYear: listYear,
                           footnoteCalls: block.flatMap(\.footnoteCalls)))
            stampedEntry = .telling
        } else if var last = sections[sections.count - 1].passages.last {
            // A headline has no full stop; the story after it starts a new sentence.
            last.text += (TextTools.endsSentence(last.text) ? " " : ". ") + text
            last.span = last.span.union(span)
            last.footnoteCalls += block.flatMap(\.footnoteCalls)
            sections[sections.count - 1].passages[sections[sections.count - 1].passages.count - 1] = last
        }
    }

    /// The year of a line that is only a date stamp (`milestone-date-lines`).
    func dateStamp(_ text: String) -> Int? {
        for pattern in options.milestoneDateLines {
            if let groups = pattern.firstMatch(in: text.trimmingSpaces()), groups.count > 1,
               let group = groups[1], let year = Token(original: group).year { return year }
        }
        return nil
    }

    private mutating func addMilestones(_ block: [Line]) {
        for line in block {
            if let year = yearOnly(line.text) {
                setMilestoneYear(year)
                yearLine = line
                yearLineStandsAlone = true
            } else if let (year, rest) = yearPrefixed(line.text) {
                setMilestoneYear(year)
                yearLine = line
                yearLineStandsAlone = false
                append(Passage(kind: .milestone, text: rest, span: line.span, milestoneYear: year, footnoteCalls: line.footnoteCalls))
            } else if var last = sections[sections.count - 1].passages.last, last.kind == .milestone,
                      !TextTools.endsSentence(last.text), line.text.first?.isLowercase == true {
                last.text += " " + line.text
                last.span = last.span.union(line.span)
                sections[sections.count - 1].passages[sections[sections.count - 1].passages.count - 1] = last
            } else {
                // The event's own line is its span (so its first line is its text); the line
                // its year stands on travels with it for citations.
                let listYear = milestoneYear != nil ? yearLine.map { Evidence(text: $0.text, span: $0.span, signals: [.yearOfTheList]) } : nil
                append(Passage(kind: .milestone, text: bullet(line.text).body, span: line.span,
                               milestoneYear: milestoneYear, listYear: listYear, footnoteCalls: line.footnoteCalls))
            }
        }
    }

    private mutating func addParagraphs(_ block: [Line]) {
        var current: [Line] = []
        var currentIsItem = false
        func flush() {
            guard !current.isEmpty else { return }
            let text = current.joinedText()
            append(Passage(kind: currentIsItem ? .listItem : .paragraph, text: text, span: current.span()!,
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
    private func endsParagraph(_ line: Line, before next: Line) -> Bool {
        guard line.joinNext == .space, TextTools.endsSentence(line.text) else { return false }
        guard let c = next.text.first, c.isUppercase || "“\"‘(".contains(c) || c.isNumber else { return false }
        return line.text.count < wrapWidth
    }

    private mutating func append(_ passage: Passage) {
        sections[sections.count - 1].passages.append(passage)
    }

    /// Rejoins paragraphs split by a page break or a footnote block: one that does not end a
    /// sentence followed, in the same section, by one that starts in lower case (or that ends
    /// on a lower-case word, which no finished paragraph does).
    private mutating func mergeSplitParagraphs() {
        for s in sections.indices {
            var merged: [Passage] = []
            for p in sections[s].passages {
                if var last = merged.last, last.kind == .paragraph, p.kind == .paragraph,
                   !TextTools.endsSentence(last.text), p.text.first?.isLowercase == true || Self.endsMidSentence(last.text) {
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

    // MARK: - Line shapes

    /// A block whose first line is a heading run into its text (no blank line between, as
    /// PDF text often has): heading-shaped, no comma, clearly shorter than the column, and the
    /// next line starts a sentence.
    private func startsWithHeading(_ block: [Line]) -> Bool {
        let first = block[0].text
        guard isHeadingLike(first), !first.contains(","), Double(first.count) < 0.75 * Double(columnWidth), !bullet(first).bulleted,
              let c = block[1].text.first else { return false }
        return c.isUppercase || "“\"‘".contains(c)
    }

    private func isMeta(_ line: Line) -> Bool {
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
        guard let first = text.first, first.isUppercase || first.isNumber, text.contains(where: \.isLetter) else { return false }
        guard text.wordCount <= options.headingMaxWords, yearPrefixed(text) == nil else { return false }
        if let last = text.split(separator: " ").last, options.headingNeverEndsWith.contains(last.lowercased()) { return false }
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
        } else if rest.first == " ", let dash = rest.dropFirst().first, "–—-".contains(dash), rest.dropFirst(2).first == " " {
            rest = rest.dropFirst(2)
        }
        guard rest.first == " ", let next = rest.dropFirst().first, next.isUppercase || next.isNumber || next == "“" else { return nil }
        let event = rest.trimmingSpaces()
        return (year, date.isEmpty ? event : date + ": " + event)
    }
}
