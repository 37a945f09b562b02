import Foundation

/// Unicode NFC, odd spaces to plain spaces, zero-width characters and soft hyphens out,
/// runs of spaces collapsed, lines trimmed. Quotes and dashes are kept as the author typed them.
public struct NormalizeWhitespace: LineNormalizer {
    public static let id = "normalize.whitespace"
    public static let summary = "Unicode NFC; no-break and odd spaces to spaces; trim and collapse"

    public init(options: NoOptions, context: StageContext) {}

    public func process(_ document: Document) throws -> Document {
        var d = document
        for i in d.lines.indices { d.lines[i].text = Self.clean(d.lines[i].text) }
        return d
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
