import Foundation

/// Unicode NFC, odd spaces to plain spaces, zero-width characters and soft hyphens out,
/// runs of spaces collapsed, lines trimmed. Quotes and dashes are kept as the author typed them,
/// except at a line's end: a soft hyphen (U+00AD) or a hyphen (U+2010) there is where a
/// typesetter broke a word (WeasyPrint and others print U+2010), so it becomes "-";
/// `normalize.dehyphenate` decides for U+2010 as for any hyphen ("deterio‐" + "rating"), and a
/// soft hyphen's halves always join (it is never part of a compound).
public struct NormalizeWhitespace: LineNormalizer {
    public static let id = "normalize.whitespace"
    public static let summary = "Unicode NFC; no-break and odd spaces to spaces; trim and collapse"

    public init(options: NoOptions, context: StageContext) {}

    public func process(_ document: Document) throws -> Document {
        var d = document
        for i in d.lines.indices {
            let (text, soft) = Self.plainLineEndHyphen(d.lines[i].text)
            d.lines[i].text = Self.clean(text)
            // A soft hyphen only ever breaks a word: its halves join, whatever the word.
            if soft { d.lines[i].joinNext = .dropHyphen }
        }
        return d
    }

    /// The line with a soft or typographic hyphen at its end (before trailing spaces) as "-",
    /// and whether it was a soft one.
    static func plainLineEndHyphen(_ text: String) -> (text: String, soft: Bool) {
        let trimmed = text.unicodeScalars.reversed().drop { $0.properties.isWhitespace }
        guard let last = trimmed.first, last.value == 0x00AD || last.value == 0x2010,
            trimmed.dropFirst().first.map({ $0.properties.isAlphabetic }) == true
        else { return (text, false) }
        return (String(String.UnicodeScalarView(trimmed.dropFirst().reversed())) + "-", last.value == 0x00AD)
    }

    static func clean(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        // Text with no scalar from U+0300 on is already NFC (nothing in it composes or
        // decomposes): skip Foundation's UTF-16 round trip for it.
        let nfc =
            text.unicodeScalars.allSatisfy { $0.value < 0x300 } ? text : text.precomposedStringWithCanonicalMapping
        for scalar in nfc.unicodeScalars {
            switch scalar.value {
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
                continue
            case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                pendingSpace = !out.isEmpty
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
