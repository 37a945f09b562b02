/// A piece of a sentence as `FigureFinder` reads it: a number as printed ("640 000", "2,5",
/// "1.250.000"), a word, a currency sign or "%", or another mark.
struct FigurePiece {
    enum Kind { case number, word, sign, mark }

    let kind: Kind
    /// As written: "640 000", "US$", "troops", ",".
    let text: String
    let lower: String
    /// Unicode-scalar offsets in the sentence, for the words as written.
    let start: Int
    let end: Int
    /// Whitespace stands before it (or it opens the sentence).
    let spaced: Bool
    /// For a number: letters glued right after it ("m" in "10m", "th" in "5th", "km").
    var suffix = ""
    /// For a number: the scalar right before it when no space separates them ("-" in "F-16",
    /// "." in "region.5", "$" in "$10").
    var before: Unicode.Scalar?

    var isWord: Bool { kind == .word }
}

/// Cuts a sentence into `FigurePiece`s. Digits joined by "," or "." are one number, and so are
/// groups of three digits after a space (ordinary, no-break U+00A0, narrow no-break U+202F or
/// thin U+2009, or a Swiss apostrophe) as long as the first group has at most three digits:
/// "640 000", "1 250 000", "1’000",
/// never "2014 120". Which separator is the decimal point is left to `FigureNumber`.
enum FigureScanner {
    static func pieces(_ text: String) -> [FigurePiece] {
        let u = Array(text.unicodeScalars)
        var out: [FigurePiece] = []
        var i = 0
        var spaced = true
        while i < u.count {
            let c = u[i]
            if c.isSpaceSeparator {
                spaced = true
                i += 1
                continue
            }
            let start = i
            var kind = FigurePiece.Kind.mark
            var suffix = ""
            if isDigit(c) {
                kind = .number
                i = numberEnd(u, from: i)
                let letters = wordEnd(u, from: i)
                suffix = String(String.UnicodeScalarView(u[i..<letters]))
                if letters > i { i = letters }
            } else if TextTools.isLetter(c) {
                kind = .word
                i = wordEnd(u, from: i)
                // "EUR10m", "USD1.5bn": three capitals glued to an amount are a currency code.
                if i - start > 3, (start..<start + 3).allSatisfy({ (0x41...0x5A).contains(u[$0].value) }),
                    isDigit(u[start + 3])
                {
                    i = start + 3
                }
                // "US$", "A$": a country's dollar is one sign.
                if i < u.count, isSign(u[i]) {
                    kind = .sign
                    i += 1
                }
            } else {
                kind = isSign(c) ? .sign : .mark
                i += 1
            }
            let end = kind == .number ? i - suffix.unicodeScalars.count : i
            let text = String(String.UnicodeScalarView(u[start..<end]))
            var piece = FigurePiece(
                kind: kind, text: text, lower: text.lowercased(), start: start, end: end, spaced: spaced)
            piece.suffix = suffix.lowercased()
            if kind == .number, !spaced, start > 0 { piece.before = u[start - 1] }
            out.append(piece)
            spaced = false
        }
        return out
    }

    /// The end of a number starting at `start`: digits, then "," or "." followed by digits, or
    /// (before any "," or ".") a group space followed by exactly three digits.
    private static func numberEnd(_ u: [Unicode.Scalar], from start: Int) -> Int {
        var i = digitsEnd(u, from: start)
        var spaceGroups = i - start <= 3
        while i + 1 < u.count {
            if u[i] == "," || u[i] == ".", isDigit(u[i + 1]) {
                i = digitsEnd(u, from: i + 1)
                spaceGroups = false
            } else if spaceGroups, groupSpaces.contains(u[i]), digitsEnd(u, from: i + 1) == i + 4,
                i + 4 == u.count || !TextTools.isLetter(u[i + 4])
            {
                i += 4
            } else {
                break
            }
        }
        return i
    }

    private static func digitsEnd(_ u: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < u.count, isDigit(u[i]) { i += 1 }
        return i
    }

    /// Letters and digits of a word ("G7" and "Kyrgyzstan3" stay one word, never a number).
    private static func wordEnd(_ u: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < u.count, TextTools.isLetter(u[i]) || isDigit(u[i]) { i += 1 }
        return i
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { (0x30...0x39).contains(s.value) }

    private static func isSign(_ s: Unicode.Scalar) -> Bool {
        s == "%" || (!s.isASCII || s == "$") && s.properties.generalCategory == .currencySymbol
    }

    /// Spaces that group thousands, and the apostrophes Swiss texts group them with ("1’000").
    private static let groupSpaces: Set<Unicode.Scalar> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}", "’", "'"]
}
