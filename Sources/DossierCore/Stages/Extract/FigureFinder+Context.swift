/// What stands around a figure: the range it closes, the date it may be, its qualifier and
/// what it is "of".
extension FigureFinder {
    /// True when the number opens a range whose upper bound follows ("40" in "40–50 troops",
    /// "between €1 million and €2 million"): the upper bound reports the range.
    func opensRange(_ p: [FigurePiece], _ r: FigureReading, at j: Int) -> Bool {
        guard j + 1 < p.count, isConnector(p, at: j, lowStart: r.start) else { return false }
        let next = p[j + 1].kind == .sign && j + 2 < p.count ? j + 2 : j + 1
        return p[next].kind == .number
    }

    /// "-", "–", "to" (not after "from": that is a change), or "and" after "between".
    func isConnector(_ p: [FigurePiece], at j: Int, lowStart: Int) -> Bool {
        let before = lowStart >= 1 ? p[lowStart - 1].lower : ""
        switch p[j].lower {
        case "-", "–", "—": return true
        case "to": return before != "from"
        case "and": return before == "between"
        default: return false
        }
    }

    /// The lower bound of a range the number closes: "[between] [€]N [million] [%] and|to|– ".
    func readLow(_ p: [FigurePiece], _ r: inout FigureReading) {
        let c = r.start - 1
        guard c >= 2 else { return }
        var m = c - 1
        if p[m].text == "%" { m -= 1 }
        var ownScale: Double?
        if m >= 1, p[m].isWord, let s = config.scales[p[m].lower], p[m - 1].kind == .number {
            ownScale = s
            m -= 1
        }
        guard p[m].kind == .number, p[m].suffix.isEmpty || config.scales[p[m].suffix] != nil else { return }
        ownScale = ownScale ?? config.scales[p[m].suffix]
        var lowStart = m
        if m >= 1, p[m - 1].kind == .sign, signs[p[m - 1].text] != nil { lowStart = m - 1 }
        guard isConnector(p, at: c, lowStart: lowStart),
            let number = FigureNumber.value(p[m].text, scaled: ownScale != nil || r.scale != nil)
        else { return }
        // "between 1 and 2 million": the lower bound shares the scale when it is the smaller number.
        let mantissa = r.value / (r.scale ?? 1)
        let low = number * (ownScale ?? (number < mantissa ? r.scale ?? 1 : 1))
        guard low < r.value else { return }
        r.low = low
        r.start = lowStart >= 1 && p[lowStart - 1].lower == "between" ? lowStart - 1 : lowStart
        if r.currency == nil, lowStart < m, let sign = signs[p[lowStart].text] {
            r.currency = sign
            r.kind = .money
            r.unit = sign.code
        }
    }

    /// True for a year standing as a date. A number from 1900 to 2099, written without a
    /// separator, scale, currency or percent sign, counts only when a count noun follows it
    /// directly, in lower case and the plural, it closes no range, and the word before it is no
    /// date word, month, number, dash or comma.
    func isDate(_ p: [FigurePiece], _ r: FigureReading) -> Bool {
        let n = p[r.number]
        guard n.text.count == 4, n.text.unicodeScalars.allSatisfy(FigureScanner.isDigit), let year = Int(n.text),
            (1900...2099).contains(year), r.scale == nil, r.currency == nil, r.kind != .percent
        else { return false }
        if r.modifiers > 0 || r.low != nil { return true }
        // "2016 Exercise Steppe Eagle held": a milestone list's year before a capital or a
        // singular noun; a count is written in the plural, in lower case.
        let noun = p[r.number + 1]
        if noun.text.first?.isUppercase == true || noun.lower != r.unit.split(separator: " ").first.map(String.init) {
            return true
        }
        guard r.number >= 1 else { return false }
        let before = p[r.number - 1]
        if before.kind == .number || Self.dashes.contains(before.text) || before.text == "," { return true }
        return before.isWord && (dateWords.contains(before.lower) || isMonth(before.lower))
    }

    /// "April", "Apr", "Sept": a configured month name or its first three letters.
    private func isMonth(_ word: String) -> Bool {
        rules.months[word] != nil || word.count > 3 && rules.months[String(word.prefix(3))] != nil
    }

    /// The longest configured qualifier ending right before the figure ("up to", "about").
    func readQualifier(_ p: [FigurePiece], _ r: inout FigureReading) {
        for q in qualifiers where q.count <= r.start {
            let first = r.start - q.count
            if matches(q, at: first, in: p) {
                r.qualifier = q.joined(separator: " ")
                r.start = first
                return
            }
        }
    }

    /// Up to three words after "of" ("pieces of unexploded ordnance"), up to a mark, a number
    /// or a break word other than a determiner; determiners are not left at the end.
    func readOf(_ p: [FigurePiece], _ r: inout FigureReading) {
        let j = r.end
        guard j + 1 < p.count, p[j].isWord, p[j].lower == "of" else { return }
        let determiners: Set<String> = ["the", "a", "an", "its", "their", "his", "her"]
        var words: [String] = []
        var k = j + 1
        while k < p.count, words.count < 3, p[k].isWord, p[k].spaced {
            let w = p[k].lower
            guard !breaks.contains(w) || determiners.contains(w), config.numberWords[w] == nil else { break }
            words.append(p[k].text)
            k += 1
        }
        while let last = words.last, determiners.contains(last.lowercased()) {
            words.removeLast()
            k -= 1
        }
        guard !words.isEmpty else { return }
        r.of = words.joined(separator: " ")
        r.end = k
    }
}
