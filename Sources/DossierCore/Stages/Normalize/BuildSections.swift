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
        public var datelinePatterns: [Pattern] = []
        public var bullets: [String] = ["•", "·", "▪", "-", "*"]
        public var headingNeverEndsWith: [String] = []
        public static let settings: [Setting<Self>] = [
            .init(
                "heading-never-ends-with", \.headingNeverEndsWith,
                "words a heading cannot end on (of, the, and …): a line ending so runs on"),
            .init("heading-max-words", \.headingMaxWords, "longer lines are never headings"),
            .init("byline-max-words", \.bylineMaxWords, "a capitalised line this short under the title is a byline"),
            .init("milestone-headings", \.milestoneHeadings, "headings that open a milestones list"),
            .init(
                "milestone-date-prefixes", \.milestoneDatePrefixes,
                "what may stand before a milestone's year ('June 2012: …'); matched at the line start"),
            .init(
                "milestone-date-lines", \.milestoneDateLines,
                "a line that is only a date stamp ('1992-06-05 00:00:00'), first group the year: it opens a timeline "
                    + "entry, the blocks after it up to the next stamp are that event"),
            .init("meta-patterns", \.metaPatterns, "metadata lines kept out of the body ('^last updated')"),
            .init(
                "dateline-patterns", \.datelinePatterns,
                "a line that is only a date ('12 March 2023', '2000-04-06'): standing under the title, before the "
                    + "text, it dates the source (kept out of the body as its dateline, never an event or a heading); "
                    + "not where such lines recur down the document, as a timeline's stamps do"),
            .init("bullets", \.bullets, "characters that mark a bulleted line"),
        ]
        public init() {}
    }

    /// The reason a removed date line under the title is logged with; `extract.facts` reads the
    /// source's publication date from the line removed so.
    public static let datelineReason = "dateline"

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
    var blocks: [[Line]] = []
    var sections: [Section] = [Section(heading: nil, level: 1)]
    var removed: [RemovedText] = []
    var milestones: MilestoneMode = .none
    var docHasBulletHeadings = false
    /// The line the list's current year stands on, and whether it stands there alone (a
    /// year-alone line heads events; a "YEAR event" line is an event of its own). Events that
    /// take their year from it keep it as `Passage.listYear`, so a citation can show the year.
    var yearLine: Line?
    var yearLineStandsAlone = false
    /// Inside a timeline of date stamps: waiting for the event after a stamp, or telling it.
    var stampedEntry: StampedEntry = .none
    enum StampedEntry { case none, awaitingEvent, telling }
    /// Lines at least this long are hard-wrapped, not ended by the author.
    var wrapWidth = 0
    /// The 90th percentile of line lengths: the width of the text column.
    var columnWidth = 0

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
        docHasBulletHeadings = blocks.contains {
            $0.count == 1 && bullet($0[0].text).bulleted && isHeadingLike(bullet($0[0].text).body)
        }
        var index = takeTitle()
        takeHead(from: index)
        index = min(index, blocks.count)
        while index < blocks.count {
            handle(blocks[index], next: index + 1 < blocks.count ? blocks[index + 1] : nil)
            index += 1
        }
        mergeSplitParagraphs()
        document.sections = sections.filter { $0.heading != nil || !$0.passages.isEmpty }
        document.removed += removed
    }

    /// Capitalised words of letters (initials and hyphens allowed), `fewest` up to
    /// `byline-max-words` of them: a name as a byline prints it.
    func isByline(_ text: String, fewest: Int = 2) -> Bool {
        let words = text.split(separator: " ")
        return (fewest...options.bylineMaxWords).contains(words.count)
            && words.allSatisfy {
                $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" }
            }
    }

    // MARK: - Blocks

    mutating func handle(_ block: [Line], next: [Line]?) {
        // A table's rows are passages as they stand: never headings, events or one paragraph.
        if block.contains(where: { $0.role == .tableRow }) {
            for line in block {
                append(Passage(kind: line.role == .tableRow ? .tableRow : .paragraph, text: line.text, span: line.span))
            }
            return
        }
        if block.count > 1, milestones == .none, startsWithHeading(block) {
            startSection(block[0].text, line: block[0], bulleted: false)
            handle(Array(block.dropFirst()), next: next)
            return
        }
        if block.count == 1, takeSingleLine(block[0], next: next) {
            return
        }
        // A title-case heading broken over two short lines.
        if block.count == 2, next != nil, milestones == .none, block.allSatisfy({ $0.text.count < columnWidth }),
            block[1].text.first?.isUppercase == true, isHeadingLike(block.joinedText()), !block[0].text.contains(",")
        {
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
        if milestones == .none,
            yearLines >= 2 || (yearLines == 1 && block.count == 1 && isMilestoneRunStart(next: next))
        {
            milestones = .run(year: nil)
        }
        if milestones != .none {
            addMilestones(block)
        } else {
            addParagraphs(block)
        }
    }

    /// A block of one line: metadata, a caption, a date stamp or a year opening list entries,
    /// or a heading. Returns false for a line that is text (a paragraph or an event).
    private mutating func takeSingleLine(_ line: Line, next: [Line]?) -> Bool {
        let (bulleted, body) = bullet(line.text)
        if isMeta(line) {
            removed.append(
                RemovedText(text: line.text, span: line.span, stage: BuildSections.id, reason: "metadata line"))
            return true
        }
        // A declared caption normalize.captions did not take out (it is not in the pipeline).
        if line.role == .caption {
            removed.append(
                RemovedText(text: line.text, span: line.span, stage: BuildSections.id, reason: "figure caption"))
            return true
        }
        // A date stamp alone on a line ("1992-06-05 00:00:00") opens a timeline entry.
        if let year = dateStamp(body) {
            if milestones == .none { milestones = .run(year: year) } else { setMilestoneYear(year) }
            yearLine = line
            yearLineStandsAlone = true
            stampedEntry = .awaitingEvent
            return true
        }
        if stampedEntry != .none {
            addStampedEvent([line])
            return true
        }
        if milestones != .none, let year = yearOnly(body) {
            setMilestoneYear(year)
            yearLine = line
            yearLineStandsAlone = true
            return true
        }
        // A list item the markup declares (a web page's `<li>`) is never a heading by its shape:
        // a product's feature list is short title-case lines too.
        if line.role == .heading
            || (next != nil && line.role != .listItem && isHeadingLike(body)
                && !continuesMilestones(line, bulleted: bulleted))
        {
            startSection(body, line: line, bulleted: bulleted)
            return true
        }
        return false
    }

    mutating func startSection(_ heading: String, line: Line, bulleted: Bool) {
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
        milestones =
            options.milestoneHeadings.contains { $0.matches(heading) } ? .headed(indent: line.indent, year: nil) : .none
        yearLine = nil
        yearLineStandsAlone = false
    }
}
