/// Dated events told in prose ("In 2014 NATO and the partner launched …", "adopted in March
/// 2012 an IPCP"): every body sentence that states a year becomes a timeline event, with the
/// sentence as its evidence, so a page without a milestones list still has a timeline.
///
/// A year inside a span of years ("the 2012–2013 cycle", "2014-2015") is a period, not an
/// event. A sentence that tells an event the milestones list already holds (same year, and
/// `minSharedWords` of its content words) adds nothing, and neither does the sentence a
/// list item took its year from. A year inside a future or conditional statement is no event.
struct ProseEvents {
    let rules: FactRules
    /// facts.yaml's `relative-words`, lower-cased.
    let relativeWords: Set<String>

    init(rules: FactRules) {
        self.rules = rules
        relativeWords = Set(rules.relativeWords.map { $0.lowercased() })
    }
    /// Content words a sentence must share with a list item of the same year to be the same event.
    let minSharedWords = 3

    func events(sentences: [Sentence], list: [Milestone]) -> [Milestone] {
        let stop = Set(rules.stopwords.map { $0.lowercased() })
        // Words compared by their first four letters, so "joins" and "joined" are one word (only
        // events of the same year are compared, so little else collides).
        func words(_ tokens: [Token]) -> Set<String> {
            Set(
                tokens.filter { !stop.contains($0.lower) && $0.year == nil && $0.lower.count > 2 }.map {
                    String($0.lower.prefix(4))
                })
        }
        let listed = list.map { (year: $0.year, words: words(TextTools.tokens($0.text))) }
        let lent = Set(
            list.filter(\.yearInferred).compactMap { $0.evidence.last.map { "\($0.span.startLine)|\($0.text)" } })
        var result: [Milestone] = []
        for sentence in sentences where sentence.passage.kind != .milestone {
            // A year in a future or conditional statement ("is expected to attend the 2012
            // meeting") dates no event yet; a milestones-list item stays, as the list dates it.
            let years = eventYears(sentence).filter { !sentence.futureYears.contains($0) }
            guard !years.isEmpty, !lent.contains("\(sentence.passage.span.startLine)|\(sentence.text)") else {
                continue
            }
            for year in years {
                // A sentence that dates two events ("joined the NACC in 1992 (renamed the EAPC in
                // 1997)") tells each in its own clause; the sentence stays the evidence.
                let text = years.count > 1 ? clause(of: year, in: sentence.text) : segment(of: year, in: sentence.text)
                let own = words(sentence.tokens)
                if listed.contains(where: { $0.year == year && $0.words.intersection(own).count >= minSharedWords }) {
                    continue
                }
                result.append(Milestone(year: year, text: text, fromProse: true, evidence: [sentence.evidence]))
            }
        }
        return result
    }

    /// The clause of `sentence` that states `year`: the piece between commas, semicolons and
    /// brackets that holds it, joined to the next piece while it is only a date ("In July 2006, …"),
    /// or, when the date closes the sentence ("…, EAPC, in 1997).") or the piece leans on the one
    /// before (`relative-words`: "…, which was agreed in 2014"), to the pieces before it.
    func clause(of year: Int, in sentence: String) -> String {
        let pieces = sentence.split(whereSeparator: { ",;()".contains($0) }).map { $0.trimmingSpaces() }
            .filter { $0.contains { $0.isLetter || $0.isNumber } }
        guard let at = pieces.firstIndex(where: { TextTools.tokens($0).contains { $0.year == year } }) else {
            return sentence
        }
        func isOnlyADate(_ text: String) -> Bool {
            TextTools.tokens(text).filter { $0.year == nil && Int($0.original) == nil }.count < 5
        }
        var text = pieces[at]
        var next = at + 1
        while next < pieces.count, isOnlyADate(text) {
            text += ", " + pieces[next]
            next += 1
        }
        var previous = at - 1
        // A clause that leans on the one before ("…, which was agreed in 2014") says nothing
        // alone: it keeps the clause it leans on.
        func leans(_ text: String) -> Bool {
            TextTools.tokens(text).first.map { relativeWords.contains($0.lower) } ?? false
        }
        while previous >= 0, isOnlyADate(text) || leans(text) {
            text = pieces[previous] + ", " + text
            previous -= 1
        }
        return text.first.map { String($0).uppercased() + text.dropFirst() } ?? text
    }

    /// The part of `sentence` between semicolons that states `year` (chronologies run several
    /// entries together: "…the first IPP; In 1996 Georgia submitted …").
    func segment(of year: Int, in sentence: String) -> String {
        guard sentence.contains(";") else { return sentence }
        let parts = sentence.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        return parts.first { TextTools.tokens($0).contains { $0.year == year } } ?? sentence
    }

    /// The distinct years a sentence states as points in time, in order.
    func eventYears(_ sentence: Sentence) -> [Int] {
        var years: [Int] = []
        let t = sentence.tokens
        guard t.contains(where: { $0.year != nil }) else { return [] }
        let marks = Self.periodMarks(sentence.text)
        for (i, token) in t.enumerated() {
            guard let year = token.year, !years.contains(year) else { continue }
            if isInRange(year, at: i, tokens: t, marks: marks) { continue }
            years.append(year)
        }
        return years
    }

    /// "2012-2013", "2012–13", "2014/2015", "from 2010 to 2014" are periods.
    private func isInRange(_ year: Int, at i: Int, tokens: [Token], marks: Set<String>) -> Bool {
        let y = String(year)
        for sep in Self.periodSeparators.map(String.init) {
            if marks.contains(y + sep) {
                if let next = i + 1 < tokens.count ? tokens[i + 1].original : nil, Int(next) != nil,
                    next.count == 2 || next.count == 4,
                    marks.contains(y + sep + next)
                {
                    return true
                }
            }
            if i > 0, Int(tokens[i - 1].original) != nil, tokens[i - 1].original.count == 4,
                marks.contains(tokens[i - 1].original + sep + y)
            {
                return true
            }
        }
        return false
    }

    static let periodSeparators: [Character] = ["-", "–", "—", "/"]

    /// Every place a period separator stands four characters into the text, as the text reads
    /// there for 5, 7 and 9 characters ("2012-", "2012-13", "2012-2013"): one pass over the
    /// sentence, so asking about each of its years scans nothing again (a long unpunctuated
    /// text with many years was quadratic).
    static func periodMarks(_ text: String) -> Set<String> {
        let chars = Array(text)
        var marks = Set<String>()
        guard chars.count >= 5 else { return marks }
        for i in 0...(chars.count - 5) where periodSeparators.contains(chars[i + 4]) {
            for length in [5, 7, 9] where i + length <= chars.count {
                marks.insert(String(chars[i..<(i + length)]))
            }
        }
        return marks
    }
}
