/// The steps of reading one figure, in the order `FigureFinder.reading(at:in:)` takes them.
extension FigureFinder {
    /// Marks a number may follow without a space: an opening bracket or quote, a currency sign,
    /// a tilde. A dash only between two numbers ("40–50"); anything else glues it to a word.
    private static let openers: Set<Unicode.Scalar> = ["(", "[", "“", "\"", "‘", "'", "~", "≈", "+"]
    static let dashes: Set<String> = ["-", "–", "—"]

    /// False for a number that is part of something else: a model number, a footnote call, a
    /// label, a section number, an ordinal or a measure glued to letters.
    func standsAlone(_ p: [FigurePiece], _ i: Int) -> Bool {
        let afterSign = i >= 1 && (p[i - 1].kind == .sign || signs[p[i - 1].text] != nil) && p[i].before != "%"
        if let before = p[i].before, !Self.openers.contains(before), !afterSign {
            // "40–50", "40%–50%", "1 million–2 million": a dash closing a range.
            guard Self.dashes.contains(p[i - 1].text), i >= 2,
                p[i - 2].kind == .number || p[i - 2].text == "%" || config.scales[p[i - 2].lower] != nil
            else { return false }
        }
        if i >= 1, p[i - 1].isWord, labelWords.contains(p[i - 1].lower) { return false }
        if i >= 2, [".", "#"].contains(p[i - 1].text), p[i - 2].isWord, labelWords.contains(p[i - 2].lower) {
            return false
        }
        if i == 0, p[i].text.contains("."), p.count > 1, p[1].isWord, p[1].text.first?.isUppercase == true {
            return false
        }
        return p[i].suffix.isEmpty || config.scales[p[i].suffix] != nil
    }

    /// A scale glued to the number ("10m", "2bn") or written after it ("1.2 million"). A
    /// scale of two letters or fewer counts as a word of its own only after a currency sign
    /// ("$10 m"), where it cannot be a metre.
    func readScale(_ p: [FigurePiece], _ r: inout FigureReading) -> Bool {
        let i = r.number
        if !p[i].suffix.isEmpty {
            r.scale = config.scales[p[i].suffix]
            return r.scale != nil
        }
        guard i + 1 < p.count, p[i + 1].isWord, let scale = config.scales[p[i + 1].lower] else { return true }
        let afterSign = i >= 1 && (p[i - 1].kind == .sign || signs[p[i - 1].text] != nil)
        if p[i + 1].lower.count > 2 || afterSign {
            r.scale = scale
            r.end = i + 2
        }
        return true
    }

    /// A currency sign or code right before the number ("€2.5", "US$ 30", "EUR 1.2"), or before
    /// the lower bound of the range it closes ("€1–2 million", "€1 million to 2 million").
    func readCurrencyBefore(_ p: [FigurePiece], _ r: inout FigureReading) {
        let i = r.number
        guard i >= 1 else { return }
        let signAt = i - 1
        if ["-", "–", "—", "to", "and"].contains(p[i - 1].lower), i >= 3 {
            let low = p[i - 2].kind == .number ? i - 2 : i - 3
            guard low >= 1, p[low].kind == .number, let c = signs[p[low - 1].text], p[low - 1].text != "%",
                isConnector(p, at: i - 1, lowStart: low - 1)
            else { return }
            r.currency = c
            r.kind = .money
            r.unit = c.code
            return
        }
        guard p[signAt].kind == .sign || p[signAt].isWord, let c = signs[p[signAt].text] else { return }
        r.currency = c
        r.kind = .money
        r.unit = c.code
        r.start = i - 1
    }

    /// What the number is of: a share, money (a currency before or after it) or a count noun.
    /// False when it is none of them.
    func readWhat(_ p: [FigurePiece], _ r: inout FigureReading) -> Bool {
        let j = r.end
        if j < p.count, p[j].text == "%" || percentWords.contains(where: { matches($0, at: j, in: p) }) {
            let length = p[j].text == "%" ? 1 : percentWords.first { matches($0, at: j, in: p) }!.count
            r.kind = .percent
            r.unit = "percent"
            r.end = j + length
        } else if r.currency == nil, j < p.count, let (c, length) = currencyAfter(p, j) {
            r.currency = c
            r.kind = .money
            r.unit = c.code
            r.end = j + length
        } else if r.currency == nil {
            guard let found = compoundNoun(p, after: j) ?? countNoun(p, after: j) else { return false }
            r.kind = found.kind
            r.unit = found.word
            r.modifiers = found.modifiers
            r.noun = Self.text(p[j..<found.end])
            r.end = found.end
        }
        r.whatEnd = r.end
        return true
    }

    private func currencyAfter(_ p: [FigurePiece], _ j: Int) -> (FigureRules.Currency, Int)? {
        if p[j].kind == .sign || p[j].isWord, let c = signs[p[j].text], p[j].text != "%" { return (c, 1) }
        return currencyNames.first { matches($0.words, at: j, in: p) }.map { ($0.currency, $0.words.count) }
    }

    /// "1,200-strong contingent": a configured compound word glued to the number by a hyphen,
    /// with the noun after it when one follows.
    private func compoundNoun(_ p: [FigurePiece], after j: Int) -> (
        kind: FigureKind, word: String, end: Int, modifiers: Int
    )? {
        guard j + 1 < p.count, p[j].text == "-", !p[j].spaced, p[j + 1].isWord, !p[j + 1].spaced,
            let kind = config.compounds[p[j + 1].lower]
        else { return nil }
        let next = j + 2 < p.count && p[j + 2].isWord && p[j + 2].spaced && isModifier(p[j + 2].lower)
        return (kind, p[j + 1].lower, next ? j + 3 : j + 2, 0)
    }

    /// A count noun at `j` or after up to `maxModifiers` plain words ("30 cooperative projects");
    /// a hyphenated word counts as one ("1,000 NATO-led troops"). "Of" and a
    /// possessive may come first: "2,000 of its soldiers" (not "5 of the projects", a part of a
    /// set told elsewhere).
    private func countNoun(_ p: [FigurePiece], after j: Int) -> (
        kind: FigureKind, word: String, end: Int, modifiers: Int
    )? {
        var k = j
        if j + 2 < p.count, p[j].lower == "of", ["its", "their", "our", "his", "her"].contains(p[j + 1].lower) {
            k = j + 2
        }
        for m in 0...max(0, config.maxModifiers) {
            if let found = unit(at: k, in: p) { return (found.kind, found.word, found.end, m) }
            guard m < config.maxModifiers, k < p.count, p[k].isWord, p[k].spaced, isModifier(p[k].lower) else {
                return nil
            }
            k += 1
            while k + 1 < p.count, p[k].text == "-", !p[k].spaced, p[k + 1].isWord, !p[k + 1].spaced { k += 2 }
        }
        return nil
    }

    private func isModifier(_ word: String) -> Bool {
        !breaks.contains(word) && !dateWords.contains(word) && config.numberWords[word] == nil
            && config.scales[word] == nil
    }

    /// Pieces as written, a space wherever the sentence had one.
    static func text(_ pieces: ArraySlice<FigurePiece>) -> String {
        var out = ""
        for piece in pieces {
            if piece.spaced, !out.isEmpty { out += " " }
            out += piece.text
        }
        return out
    }

    /// The configured count noun starting at `j`, singular forms included.
    func unit(at j: Int, in p: [FigurePiece]) -> (kind: FigureKind, word: String, end: Int)? {
        guard j < p.count, p[j].isWord else { return nil }
        for u in units where matches(u.words, at: j, in: p, singular: true) {
            return (u.kind, u.words.joined(separator: " "), j + u.words.count)
        }
        return nil
    }

    /// True when the words of `phrase` stand at `j` as whole, space-separated words; with
    /// `singular`, the last may be written in the singular ("project", "activity").
    func matches(_ phrase: [String], at j: Int, in p: [FigurePiece], singular: Bool = false) -> Bool {
        guard !phrase.isEmpty, j + phrase.count <= p.count else { return false }
        for (k, word) in phrase.enumerated() {
            let piece = p[j + k]
            guard piece.isWord, k == 0 || piece.spaced else { return false }
            if piece.lower == word { continue }
            guard singular, k == phrase.count - 1, Self.plural(piece.lower) == word else { return false }
        }
        return true
    }

    /// The regular plural of a noun: "project" → "projects", "activity" → "activities".
    static func plural(_ word: String) -> String {
        if word.hasSuffix("y"), let before = word.dropLast().last, !"aeiou".contains(before) {
            return word.dropLast() + "ies"
        }
        return word + "s"
    }
}
