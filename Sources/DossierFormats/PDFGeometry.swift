import DossierCore

/// The text of a PDF as poppler lays it out: pages of flows of blocks of lines of words, each
/// word with its box, as `pdftotext -bbox-layout` prints them.
///
/// Why `-bbox-layout` rather than `pdftohtml -xml -i`: it is pdftotext itself, so the words,
/// their order and the lines are those of pdftotext's default (reading-order) mode, only with
/// coordinates; line numbers therefore still count the lines `pdftotext FILE -` prints (one per
/// poppler text line, a blank line after each flow, a form feed between pages, a line ending
/// in a hyphen printed together with the next). `pdftohtml -xml` has font sizes, but groups text
/// by its own rules (lines merged or split differently, another reading order), so its line
/// numbers would not match anything a reader can reproduce with pdftotext. Font size is
/// taken from the height of a line's words, which is all the analysis below needs.
struct PDFLayout {
    struct Box: Equatable {
        var x0, y0, x1, y1: Double
        var height: Double { y1 - y0 }
        func union(_ b: Box) -> Box { Box(x0: min(x0, b.x0), y0: min(y0, b.y0), x1: max(x1, b.x1), y1: max(y1, b.y1)) }
        func expanded(by d: Double) -> Box { Box(x0: x0 - d, y0: y0 - d, x1: x1 + d, y1: y1 + d) }
        /// The gap between two boxes (0 when they overlap), the larger of the two axes.
        func distance(to b: Box) -> Double {
            max(max(b.x0 - x1, x0 - b.x1, 0), max(b.y0 - y1, y0 - b.y1, 0))
        }
    }
    struct Word {
        var text: String
        var box: Box
    }
    struct TextLine {
        var words: [Word]
        var box: Box
        var block: Int
        var flow: Int
        /// The typical word height: the font size, near enough.
        var size: Double {
            let heights = words.map(\.box.height).sorted()
            return heights.isEmpty ? 0 : heights[heights.count / 2]
        }
        /// The words joined by spaces, except a word in another size that touches the one before
        /// (a superscript note call: "2015." + "1"), which pdftotext also prints without one.
        var text: String {
            var s = ""
            for (i, w) in words.enumerated() {
                if i > 0 {
                    let before = words[i - 1].box
                    let touches = w.box.x0 - before.x1 < 0.05 * max(w.box.height, before.height)
                    let resized = abs(w.box.height - before.height) > 0.05 * max(w.box.height, before.height)
                    let raised = w.box.y1 < before.y1 - 0.15 * before.height
                    if !(touches && (resized || raised)) { s += " " }
                }
                s += w.text
            }
            return s
        }
    }
    struct Page {
        var width = 0.0, height = 0.0
        var lines: [TextLine] = []
    }

    var pages: [Page] = []

    /// Parses pdftotext's `-bbox-layout` XHTML (a fixed, machine-written shape: attributes in
    /// one order, text escaped with the five XML entities).
    init(xhtml: [UInt8]) {
        var i = 0
        let n = xhtml.count
        var flow = -1
        var block = -1
        var current: TextLine?
        func starts(_ tag: String, at k: Int) -> Bool {
            let t = Array(tag.utf8)
            return k + t.count <= n && xhtml[k..<(k + t.count)].elementsEqual(t)
        }
        func attribute(_ name: String, in range: Range<Int>) -> Double {
            let key = Array((name + "=\"").utf8)
            var k = range.lowerBound
            while k + key.count < range.upperBound {
                if xhtml[k..<(k + key.count)].elementsEqual(key) {
                    var e = k + key.count
                    while e < range.upperBound, xhtml[e] != UInt8(ascii: "\"") { e += 1 }
                    return Double(String(decoding: xhtml[(k + key.count)..<e], as: UTF8.self)) ?? 0
                }
                k += 1
            }
            return 0
        }
        func box(_ range: Range<Int>) -> Box {
            Box(
                x0: attribute("xMin", in: range), y0: attribute("yMin", in: range), x1: attribute("xMax", in: range),
                y1: attribute("yMax", in: range))
        }
        while i < n {
            guard xhtml[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            var end = i
            while end < n, xhtml[end] != UInt8(ascii: ">") { end += 1 }
            let tag = i..<min(end, n)
            if starts("<page ", at: i) {
                pages.append(Page(width: attribute("width", in: tag), height: attribute("height", in: tag)))
            } else if starts("<flow", at: i) {
                flow += 1
            } else if starts("<block", at: i) {
                block += 1
            } else if starts("<line", at: i) {
                current = TextLine(words: [], box: box(tag), block: block, flow: flow)
            } else if starts("</line>", at: i), let line = current {
                if !line.words.isEmpty, !pages.isEmpty { pages[pages.count - 1].lines.append(line) }
                current = nil
            } else if starts("<word ", at: i) {
                var close = end + 1
                while close < n, xhtml[close] != UInt8(ascii: "<") { close += 1 }
                let text = Self.unescape(String(decoding: xhtml[min(end + 1, n)..<close], as: UTF8.self))
                current?.words.append(Word(text: text, box: box(tag)))
                end = close
                while end < n, xhtml[end] != UInt8(ascii: ">") { end += 1 }
            }
            i = end + 1
        }
    }

    static func unescape(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
