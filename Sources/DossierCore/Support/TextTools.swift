import Foundation

/// Small text helpers shared by the stages (mechanisms only: no word lists here).
public enum TextTools {
    /// Sentences of a paragraph: split after `.`, `!`, `?` (with closing quotes/brackets) when
    /// followed by a space and an uppercase letter, a digit or a quote; abbreviations such as
    /// "Apr." or "Mr." and initials ("F.") do not end a sentence.
    public static func sentences(_ text: String) -> [String] {
        // Scans Unicode scalars (every delimiter is one scalar) and slices the text, rather
        // than appending characters one by one: this runs over every passage of a document.
        var result: [String] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let c = scalars[i]
            i = scalars.index(after: i)
            guard c == "." || c == "!" || c == "?" else { continue }
            var j = i
            while j < scalars.endIndex, closers.contains(scalars[j]) { j = scalars.index(after: j) }
            if j < scalars.endIndex, scalars[j] == " " {
                let next = scalars.index(after: j)
                if next < scalars.endIndex, opensSentence(scalars[next]) {
                    let sentence = String(scalars[start..<j])
                    if !endsWithAbbreviation(sentence) {
                        result.append(sentence.trimmingSpaces())
                        start = j
                    }
                }
            }
            i = j
        }
        let rest = String(scalars[start...]).trimmingSpaces()
        if !rest.isEmpty { result.append(rest) }
        return result
    }

    /// Clauses of a sentence, as far as punctuation shows them: the pieces between `,` `;` `:`,
    /// dashes and brackets, untrimmed, so tokenizing them one by one gives the sentence's tokens.
    public static func clauses(_ sentence: String) -> [String] {
        sentence.split(whereSeparator: { ",;:—–()".contains($0) }).map(String.init)
    }

    /// Closing quotes and brackets that stay with the sentence they end.
    private static let closers: Set<Unicode.Scalar> = ["”", "\"", "’", "'", ")", "]"]

    /// True when the text starts as a sentence may: an uppercase letter, a digit, an opening
    /// quote or bracket.
    public static func opensSentence(_ text: String) -> Bool {
        text.unicodeScalars.first.map(opensSentence) ?? false
    }

    /// What may start the next sentence: an uppercase letter, a digit, an opening quote or bracket.
    private static func opensSentence(_ s: Unicode.Scalar) -> Bool {
        s.properties.isUppercase || s.properties.numericType != nil || s == "“" || s == "\"" || s == "‘" || s == "("
    }

    private static func endsWithAbbreviation(_ s: String) -> Bool {
        guard s.hasSuffix(".") else { return false }
        let word = s.dropLast().split(separator: " ").last ?? ""
        // A single capital ("F."), or a short capitalised word with no vowel-final sentence shape
        // ("Mr.", "Apr.", "Vol.", "St."): treated as abbreviations.
        if word.count == 1, word.first!.isUppercase { return true }
        if word.count <= 3, word.first?.isUppercase == true, word.dropFirst().allSatisfy(\.isLowercase) {
            return !["Sea", "War", "Day", "Law", "Act", "Bay", "Ice"].contains(String(word)) && word.count < 4
        }
        return false
    }

    /// True when the text ends like a finished sentence.
    public static func endsSentence(_ text: String) -> Bool {
        var t = Substring(text.trimmingSpaces())
        while let last = t.last, "”\"’')]".contains(last) { t = t.dropLast() }
        guard let last = t.last else { return false }
        return ".!?:;".contains(last)
    }

    /// Word tokens with their original spelling; punctuation and hyphens separate words.
    ///
    /// Walks Unicode scalars with an ASCII fast path: every stage tokenizes every passage, and
    /// `Character`'s letter test dominated the time on long documents. A combining mark stays
    /// in its word, as it would inside a `Character`.
    public static func tokens(_ text: String) -> [Token] {
        var result: [Token] = []
        let scalars = text.unicodeScalars
        var start: String.UnicodeScalarView.Index?
        var i = scalars.startIndex
        while i < scalars.endIndex {
            if isWordScalar(scalars[i]) {
                if start == nil { start = i }
            } else if let s = start {
                result.append(Token(original: String(scalars[s..<i])))
                start = nil
            }
            i = scalars.index(after: i)
        }
        if let s = start { result.append(Token(original: String(scalars[s...]))) }
        return result
    }

    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            switch s.value {
            case 48...57, 65...90, 97...122: return true
            default: return false
            }
        }
        let p = s.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        // Not .otherNumber: superscript note calls ("Macedonia¹") are not part of the word.
        case .decimalNumber, .letterNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// A letter, or a mark that belongs to the letter before it (ASCII first, for speed).
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return (65...90).contains(s.value) || (97...122).contains(s.value) }
        let p = s.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Lowercased word tokens.
    public static func words(_ text: String) -> [String] { tokens(text).map(\.lower) }

    /// File-name-safe lowercase slug: "Bosnia and Herzegovina" → "bosnia-and-herzegovina".
    public static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var out = ""
        var dash = false
        for c in folded {
            if c.isASCII && (c.isLetter || c.isNumber) {
                out.append(c)
                dash = false
            } else if !dash && !out.isEmpty {
                out.append("-")
                dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}

/// A word of text, as written and lowercased.
public struct Token: Hashable, Sendable {
    public let original: String
    public let lower: String

    public init(original: String) {
        self.original = original
        self.lower = original.lowercased()
    }

    /// The year this token is, if it is a four-digit year from 1900 to 2099.
    public var year: Int? {
        guard original.count == 4, original.allSatisfy(\.isASCII), let y = Int(original), (1900...2099).contains(y)
        else { return nil }
        return y
    }
}

extension StringProtocol {
    /// The text without leading and trailing `CharacterSet.whitespaces` (tab and the Unicode
    /// space separators, no-break space included): what `trimmingCharacters(in: .whitespaces)`
    /// gives, without Foundation's copy of the whole string to UTF-16 (it was a quarter of the
    /// time of a large page). Only the ends are looked at.
    public func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceSeparator }) else { return "" }
        let last = scalars.lastIndex { !$0.isSpaceSeparator }!
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }
}

extension Unicode.Scalar {
    /// A member of `CharacterSet.whitespaces`: tab or a space separator (category Zs).
    var isSpaceSeparator: Bool {
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        return properties.generalCategory == .spaceSeparator
    }
}
