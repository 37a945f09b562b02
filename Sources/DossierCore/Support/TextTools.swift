import Foundation

/// Small text helpers shared by the stages (mechanisms only: no word lists here).
public enum TextTools {
    /// Sentences of a paragraph: split after `.`, `!`, `?` (with closing quotes/brackets) when
    /// followed by a space and an uppercase letter, a digit or a quote; abbreviations such as
    /// "Apr." or "Mr." and initials ("F.") do not end a sentence.
    public static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            current.append(c)
            if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < chars.count, "”\"’')]".contains(chars[j]) { current.append(chars[j]); j += 1 }
                if j < chars.count, chars[j] == " ", j + 1 < chars.count,
                   chars[j + 1].isUppercase || chars[j + 1].isNumber || "“\"‘(".contains(chars[j + 1]),
                   !endsWithAbbreviation(current) {
                    result.append(current.trimmingCharacters(in: .whitespaces))
                    current = ""
                    i = j
                    continue
                }
                i = j
                continue
            }
            i += 1
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { result.append(rest) }
        return result
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
        var t = Substring(text.trimmingCharacters(in: .whitespaces))
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
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
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
        guard original.count == 4, original.allSatisfy(\.isASCII), let y = Int(original), (1900...2099).contains(y) else { return nil }
        return y
    }
}
