import Foundation

/// Numbers the text states about something, with their unit and kind: "about 95 personnel",
/// "some 640 000 pieces of unexploded ordnance", "€2.5 million", "up to 90 percent".
///
/// A number is a figure only when a configured count noun follows it (up to `maxModifiers`
/// words later: "30 cooperative projects"), a currency stands before or after it, or it is a
/// share ("%", "per cent"). What is never a figure:
/// - a year standing as a date: a number from 1900 to 2099 counts only when a count noun
///   follows it directly and no date word ("in", "since", "from", "to", a month) stands before
///   it, so "from 1999 to 2008, troops" and "in 2008 troops" hold no figure, "2008 troops" may;
/// - a label: after a configured label word ("Resolution 1325", "Article 5", "No. 52");
/// - a number glued to the word before it ("F-16", "COVID-19", "region.5": a model number or a
///   footnote call) or to letters after it ("5th", "10km"), except a scale ("$10m");
/// - a section number opening a sentence ("2.1 Projects").
///
/// Ranges ("between 40 and 50 troops", "40–50 troops", "40 to 50 troops") give the upper bound
/// as `value` and the lower as `low`; "from 45 to 90 personnel" is a change, so only 90 is a
/// figure.
struct FigureFinder {
    let rules: FactRules
    let config: FigureRules
    let qualifiers: [[String]]
    /// Count nouns with their kind, longest phrase first.
    let units: [(words: [String], kind: FigureKind)]
    let percentWords: [[String]]
    /// Sign or code exactly as written ("€", "US$", "EUR"; "TRY" but never "try") → currency.
    let signs: [String: FigureRules.Currency]
    /// Words after an amount ("us dollars"), longest first.
    let currencyNames: [(words: [String], currency: FigureRules.Currency)]
    let dateWords: Set<String>
    let labelWords: Set<String>
    /// Function words: no modifier of a count noun, the end of an "of" complement.
    let breaks: Set<String>

    init(rules: FactRules) {
        self.rules = rules
        config = rules.figures
        let longestFirst: ([String], [String]) -> Bool = { $0.count > $1.count }
        qualifiers = config.qualifiers.map { TextTools.words($0) }.sorted(by: longestFirst)
        units = config.kinds.sorted { $0.key.rawValue < $1.key.rawValue }
            .flatMap { kind, words in words.map { (TextTools.words($0), kind) } }
            .sorted { $0.words.count > $1.words.count }
        percentWords = config.percent.map { TextTools.words($0) }.filter { !$0.isEmpty }
        var signs: [String: FigureRules.Currency] = [:]
        for c in config.currencies {
            for sign in c.signs where signs[sign] == nil { signs[sign] = c }
        }
        self.signs = signs
        currencyNames = config.currencies.flatMap { c in c.names.map { (TextTools.words($0), c) } }
            .sorted { $0.words.count > $1.words.count }
        dateWords = Set(config.dateWords.map { $0.lowercased() }).union(rules.months.keys)
        labelWords = Set(config.labelWords.map { $0.lowercased() })
        breaks = Set(config.breaks.map { $0.lowercased() })
    }

    func figures(in sentences: [Sentence]) -> [Figure] {
        sentences.flatMap { figures(in: $0) }
    }

    func figures(in s: Sentence) -> [Figure] {
        // Most sentences hold no digit and no number word: look no further (long documents).
        guard
            s.text.utf8.contains(where: { (0x30...0x39).contains($0) })
                || s.tokens.contains(where: { config.numberWords[$0.lower] != nil })
        else { return [] }
        let pieces = FigureScanner.pieces(s.text)
        var found: [Figure] = []
        var scalars: [Unicode.Scalar]?
        for i in pieces.indices {
            let reading =
                pieces[i].kind == .number ? reading(at: i, in: pieces) : numberWordReading(at: i, in: pieces)
            guard let reading else { continue }
            if scalars == nil { scalars = Array(s.text.unicodeScalars) }
            found.append(figure(reading, pieces: pieces, scalars: scalars!, evidence: s.evidence))
        }
        return found
    }

    /// The figure a number piece states, if it states one.
    func reading(at i: Int, in p: [FigurePiece]) -> FigureReading? {
        guard standsAlone(p, i) else { return nil }
        var r = FigureReading(number: i)
        guard readScale(p, &r) else { return nil }
        let afterNumber = r.end
        readCurrencyBefore(p, &r)
        guard readWhat(p, &r),
            let value = FigureNumber.value(p[i].text, scaled: r.scale != nil || r.kind == .percent)
        else { return nil }
        r.value = value * (r.scale ?? 1)
        // A run of digits no count reaches (a serial number, an overflow) is no figure: JSON
        // cannot hold an infinite value either.
        guard r.value.isFinite, r.value < 1e15 else { return nil }
        guard !opensRange(p, r, at: afterNumber), !opensRange(p, r, at: r.whatEnd) else { return nil }
        readLow(p, &r)
        guard !isDate(p, r) else { return nil }
        readQualifier(p, &r)
        readOf(p, &r)
        return r
    }

    /// "two battalions", "three projects": a configured number word directly before a count
    /// noun. After "the", "these" or "those" it points back ("the two officers met") and is no figure.
    func numberWordReading(at i: Int, in p: [FigurePiece]) -> FigureReading? {
        guard p[i].isWord, let value = config.numberWords[p[i].lower], i + 1 < p.count,
            i == 0 || !["-", "the", "these", "those"].contains(p[i - 1].lower), let unit = unit(at: i + 1, in: p)
        else { return nil }
        var r = FigureReading(number: i)
        r.value = value
        r.kind = unit.kind
        r.unit = unit.word
        r.noun = Self.text(p[(i + 1)..<unit.end])
        r.end = unit.end
        r.whatEnd = unit.end
        readQualifier(p, &r)
        readOf(p, &r)
        return r
    }

    /// The `Figure` of a reading, with its words as written and its display form.
    func figure(
        _ r: FigureReading, pieces p: [FigurePiece], scalars: [Unicode.Scalar], evidence: Evidence
    ) -> Figure {
        let written = String(String.UnicodeScalarView(scalars[p[r.start].start..<p[r.end - 1].end]))
        var f = Figure(
            value: r.value, low: r.low, qualifier: r.qualifier, unit: r.currency?.code ?? r.unit, kind: r.kind,
            currency: r.currency?.code, noun: r.noun, of: r.of, written: written, evidence: evidence)
        f.display = f.displayed(sign: r.currency?.sign)
        return f
    }
}

/// What `FigureFinder` has read of one figure so far: piece indices and the parts found.
struct FigureReading {
    /// The number's piece.
    let number: Int
    /// The first piece of the figure as written (qualifier, "between", currency sign).
    var start: Int
    /// After the last piece of the figure as written.
    var end: Int
    /// After the unit, currency name or "%" (before any "of" complement).
    var whatEnd: Int
    var scale: Double?
    var value = 0.0
    var low: Double?
    var qualifier = ""
    var kind = FigureKind.other
    var unit = ""
    var currency: FigureRules.Currency?
    var noun: String?
    var of: String?
    /// Words between the number and its count noun ("cooperative" in "30 cooperative projects").
    var modifiers = 0

    init(number: Int) {
        self.number = number
        start = number
        end = number + 1
        whatEnd = number + 1
    }
}
