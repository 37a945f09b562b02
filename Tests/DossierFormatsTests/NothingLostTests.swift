import DossierCore
import DossierFormats
import Foundation
import XCTest

/// Nothing lost: every word and every number token of what ingest extracted ends up in the
/// normalized body (passages, headings, milestone years), a footnote (its number or text), the
/// title, or the removed-text log with its rule — for the sample corpus and every fixture.
final class NothingLostTests: XCTestCase {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    /// The sample corpus, the format fixtures (not the deliberately broken ones) and the real PDFs.
    static func fixtureFiles() throws -> [URL] {
        let fm = FileManager.default
        var files: [URL] = []
        for dir in [
            Support.repo.appendingPathComponent("corpus"), tests.appendingPathComponent("DossierFormatsTests/Fixtures"),
            tests.appendingPathComponent("Fixtures/real/pdf"),
        ] {
            for url in try fm.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            where ["txt", "md", "html", "pdf"].contains(url.pathExtension) {
                files.append(url)
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    func testEveryWordAndNumberOfEveryFixtureIsAccountedFor() throws {
        let runner = try Support.runner()
        var checked = 0
        for url in try Self.fixtureFiles() {
            let file = InputFile(path: url.lastPathComponent, bytes: [UInt8](try Data(contentsOf: url)))
            let raw = try Support.ingest(file)
            let normalized = try runner.processDocument(file)
            let lost = Self.lostTokens(raw: raw, normalized: normalized)
            XCTAssertEqual(lost, [], "\(url.lastPathComponent) lost: \(lost.prefix(40).joined(separator: " | "))")
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 15)
    }

    /// The check itself catches a lost decimal digit and names it.
    func testTheCheckNamesWhatWasLost() throws {
        let file = InputFile(
            path: "numbers-and-notes.txt",
            bytes: [UInt8](
                try Data(
                    contentsOf: Self.tests.appendingPathComponent("DossierFormatsTests/Fixtures/numbers-and-notes.txt"))
            ))
        let raw = try Support.ingest(file)
        var broken = try Support.runner().processDocument(file)
        XCTAssertEqual(Self.lostTokens(raw: raw, normalized: broken), [])
        broken.updatePassages { $0.text = $0.text.replacingOccurrences(of: "$8.8 billion", with: "$8. billion") }
        XCTAssertEqual(Self.lostTokens(raw: raw, normalized: broken), ["$8.8"])
    }

    // MARK: - Tokens

    /// Lower-cased tokens: runs of letters, and numbers with their inner '.' and ',' ("8.8",
    /// "13,000"), a currency sign before and a '%' after.
    static func tokens(_ text: String) -> [String] {
        let chars = Array(
            text.precomposedStringWithCanonicalMapping.lowercased().filter {
                !"\u{00AD}\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}".contains($0)
            })
        var out: [String] = []
        var i = 0
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        while i < chars.count {
            let c = chars[i]
            if c.isLetter {
                var j = i
                while j < chars.count, chars[j].isLetter { j += 1 }
                out.append(String(chars[i..<j]))
                i = j
            } else if isDigit(c) {
                var j = i
                while j < chars.count,
                    isDigit(chars[j]) || (".,".contains(chars[j]) && j + 1 < chars.count && isDigit(chars[j + 1]))
                { j += 1 }
                if j < chars.count, chars[j] == "%" { j += 1 }
                let start = i > 0 && "$€£¥".contains(chars[i - 1]) ? i - 1 : i
                out.append(String(chars[start..<j]))
                i = j
            } else {
                i += 1
            }
        }
        return out
    }

    /// Raw tokens not found in what the normalized document keeps or logs.
    static func lostTokens(raw: Document, normalized d: Document) -> [String] {
        var pool = keptTokens(d)
        func take(_ t: String) -> Bool {
            guard let n = pool[t], n > 0 else { return false }
            pool[t] = n - 1
            return true
        }
        let (singles, pairs) = rawTokens(raw)
        var lost: [String] = []
        var unmatched: [String] = []
        for t in singles where !take(t) { unmatched.append(t) }
        for t in unmatched {
            // "2015.1": a year ending a sentence and a note call, the call now a reference.
            let parts = t.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if parts.count == 2, parts[0].count == 4, Int(parts[0]) != nil, (1...3).contains(parts[1].count),
                (pool[parts[0]] ?? 0) > 0, (pool[parts[1]] ?? 0) > 0
            {
                _ = take(parts[0])
                _ = take(parts[1])
                continue
            }
            lost.append(t)
        }
        for (left, right) in pairs where !take(left + right) {
            if !take(left) { lost.append(left) }
            if !take(right) { lost.append(right) }
        }
        return lost
    }

    /// Every token the normalized document keeps or logs, counted.
    static func keptTokens(_ d: Document) -> [String: Int] {
        var pool: [String: Int] = [:]
        func add(_ text: String) { for t in tokens(text) { pool[t, default: 0] += 1 } }
        add(d.title ?? "")
        for s in d.sections { add(s.heading ?? "") }
        for p in d.passages {
            add(p.text)
            if let y = p.milestoneYear { add(String(y)) }
            for n in p.footnoteCalls { add(String(n)) }
        }
        for n in d.footnotes {
            add(n.text)
            add(String(n.number))
        }
        for r in d.removed { add(r.text) }
        return pool
    }

    /// The raw document's tokens, with a word hyphenated at a line's end as a pair of halves
    /// (found either joined or as both halves).
    static func rawTokens(_ raw: Document) -> (singles: [String], pairs: [(String, String)]) {
        let lines = raw.lines.filter { $0.role != .pageBreak }
        let texts = lines.map(\.text) + raw.removed.map(\.text)
        var singles: [String] = []
        var pairs: [(String, String)] = []  // a word hyphenated at a line's end: joined, or both halves
        var carried: String?
        for (k, text) in texts.enumerated() {
            var ts = tokens(text)
            if let left = carried {
                if let right = ts.first {
                    pairs.append((left, right))
                    ts.removeFirst()
                } else {
                    singles.append(left)
                }
            }
            carried = nil
            let next = k + 1 < texts.count ? texts[k + 1] : ""
            // A hyphen, or the soft and typographic hyphens typesetters break words with.
            if let hyphen = text.last, "-\u{2010}\u{00AD}".contains(hyphen), text.dropLast().last?.isLetter == true,
                next.first?.isLetter == true,
                let last = ts.last
            {
                carried = last
                ts.removeLast()
            }
            singles += ts
        }
        if let left = carried { singles.append(left) }
        return (singles, pairs)
    }
}
