import DossierCore
import DossierFormats
import Foundation
import XCTest

/// A two-column page with a running header, page numbers and footnotes goes to PDF through
/// WeasyPrint and comes back through ingest.pdf and the normalizers: the body words return in
/// reading order, the furniture does not.
final class PDFRoundTripTests: XCTestCase {
    /// Deterministic body text: 14 paragraphs of 50–80 words from a small vocabulary.
    static func paragraphs() -> [String] {
        let vocabulary = [
            "cooperation", "partnership", "security", "dialogue", "training", "exercise", "reform", "border", "energy",
            "transit", "science", "environment", "council", "programme", "relations", "emergency", "planning",
            "defence", "education", "network", "research",
        ]
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        return (0..<14).map { _ in
            var words = (0..<(50 + next() % 31)).map { _ in vocabulary[next() % vocabulary.count] }
            words[0] = words[0].prefix(1).uppercased() + words[0].dropFirst()
            return words.joined(separator: " ") + "."
        }
    }

    func testTwoColumnPDFComesBackInReadingOrderWithoutFurniture() throws {
        guard Support.hasWeasyPrint else {
            throw XCTSkip("WeasyPrint is not installed (apt-get install weasyprint)")
        }
        let paragraphs = Self.paragraphs()
        let body = paragraphs.enumerated().map { i, p in
            i == 2 || i == 7
                ? "<p>\(p.dropLast())<span class=\"fn\">Source note \(i), https://example.org/n\(i).</span>.</p>"
                : "<p>\(p)</p>"
        }.joined()
        let html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><style>
            @page { size: A4; margin: 2.5cm 2cm;
                    @top-center { content: "Journal of Partnership Studies"; font-size: 9pt; }
                    @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; } }
            body { font-family: serif; font-size: 11pt; }
            .cols { columns: 2; column-gap: 1cm; }
            .fn { float: footnote; font-size: 8pt; }
            </style></head><body><h1>Partnerships in Ruritania</h1><div class="cols">\(body)</div></body></html>
            """
        let pdf = try Support.weasyprint(html)
        let d = try Support.runner().processDocument(InputFile(path: "out.pdf", bytes: pdf))

        XCTAssertEqual(d.title, "Partnerships in Ruritania", String(d.normalizedMarkdown(explain: true).prefix(1500)))
        let text = d.passages.map(\.text).joined(separator: " ")
        XCTAssertFalse(text.contains("Journal of Partnership Studies"), "running header in the body")
        XCTAssertNil(text.range(of: #"Page \d+ of \d+"#, options: .regularExpression), "page footer in the body")
        let expected = paragraphs.joined(separator: " ").split(separator: " ").map {
            $0.lowercased().trimmingCharacters(in: .punctuationCharacters)
        }
        let found = text.split(separator: " ").map { $0.lowercased().trimmingCharacters(in: .punctuationCharacters) }
        let kept = Double(Self.lcs(expected, found)) / Double(expected.count)
        XCTAssertGreaterThanOrEqual(kept, 0.98, "only \(Int(kept * 100))% of the body words came back in order")
    }

    /// Length of the longest common subsequence: words that came back, in order.
    static func lcs(_ a: [String], _ b: [String]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var current = [Int](repeating: 0, count: b.count + 1)
            for (j, y) in b.enumerated() {
                current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            previous = current
        }
        return previous[b.count]
    }
}
