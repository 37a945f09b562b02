import Foundation

/// Milestone lists: under a milestones heading, runs of "YEAR event" lines, and timelines of
/// date stamps. The list's current year travels with each event for citations.
extension SectionBuilder {
    /// A single "YEAR event" line counts as a run only if the next block continues it.
    func isMilestoneRunStart(next: [Line]?) -> Bool {
        guard let first = next?.first else { return false }
        return yearPrefixed(first.text) != nil
    }

    /// Inside a milestones list, a heading-shaped line is still an event unless it is
    /// bulleted or stands left of the list's heading.
    func continuesMilestones(_ line: Line, bulleted: Bool) -> Bool {
        switch milestones {
        case .none: return false
        case .run: return yearPrefixed(line.text) != nil
        case .headed(let indent, _): return !bulleted && line.indent >= indent
        }
    }

    mutating func setMilestoneYear(_ year: Int) {
        switch milestones {
        case .headed(let indent, _): milestones = .headed(indent: indent, year: year)
        case .run, .none: milestones = .run(year: year)
        }
    }

    var milestoneYear: Int? {
        switch milestones {
        case .headed(_, let year), .run(let year): return year
        case .none: return nil
        }
    }

    /// In a stamped timeline: the first block after a stamp is the event (its headline), the
    /// blocks after it, up to the next stamp, tell it and join the same passage.
    mutating func addStampedEvent(_ block: [Line]) {
        let text = block.map { bullet($0.text).body }.joined(separator: " ")
        let span = block.span()!
        if stampedEntry == .awaitingEvent {
            let listYear = yearLine.map { Evidence(text: $0.text, span: $0.span, signals: [.dateStamp]) }
            append(
                Passage(
                    kind: .milestone, text: text, span: span, milestoneYear: milestoneYear, listYear: listYear,
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
                let group = groups[1], let year = Token(original: group).year
            {
                return year
            }
        }
        return nil
    }

    mutating func addMilestones(_ block: [Line]) {
        for line in block {
            if let year = yearOnly(line.text) {
                setMilestoneYear(year)
                yearLine = line
                yearLineStandsAlone = true
            } else if let (year, rest) = yearPrefixed(line.text) {
                setMilestoneYear(year)
                yearLine = line
                yearLineStandsAlone = false
                append(
                    Passage(
                        kind: .milestone, text: rest, span: line.span, milestoneYear: year,
                        footnoteCalls: line.footnoteCalls))
            } else if var last = sections[sections.count - 1].passages.last, last.kind == .milestone,
                !TextTools.endsSentence(last.text), line.text.first?.isLowercase == true
            {
                last.text += " " + line.text
                last.span = last.span.union(line.span)
                sections[sections.count - 1].passages[sections[sections.count - 1].passages.count - 1] = last
            } else {
                // The event's own line is its span (so its first line is its text); the line
                // its year stands on travels with it for citations.
                let listYear =
                    milestoneYear != nil
                    ? yearLine.map { Evidence(text: $0.text, span: $0.span, signals: [.yearOfTheList]) } : nil
                append(
                    Passage(
                        kind: .milestone, text: bullet(line.text).body, span: line.span,
                        milestoneYear: milestoneYear, listYear: listYear, footnoteCalls: line.footnoteCalls))
            }
        }
    }
}
