import Foundation

/// Numbers the text states about something, with their unit: "about 95 personnel",
/// "grant awards for over 50 projects", "up to 90 percent".
struct FigureFinder {
    let rules: FactRules

    func figures(in sentences: [Sentence]) -> [Figure] {
        let qualifiers = rules.figureQualifiers.map { TextTools.words($0) }.sorted { $0.count > $1.count }
        let units = Set(rules.figureUnits.map { $0.lowercased() })
        var found: [Figure] = []
        for s in sentences {
            let raw = s.text.split(separator: " ").map(String.init)
            for (i, word) in raw.enumerated() {
                // Most words are not numbers; look no further at them (long documents).
                guard let first = word.utf8.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
                    continue
                }
                let number = word.replacingOccurrences(of: ",", with: "")
                guard let value = Double(number),
                    Token(original: number).year == nil || i + 1 < raw.count && units.contains(Self.bare(raw[i + 1])),
                    i + 1 < raw.count
                else { continue }
                var unitIndex = i + 1
                var multiplier = 1.0
                if ["million", "thousand"].contains(Self.bare(raw[unitIndex])), unitIndex + 1 < raw.count {
                    multiplier = Self.bare(raw[unitIndex]) == "million" ? 1e6 : 1e3
                    unitIndex += 1
                }
                let unit = Self.bare(raw[unitIndex])
                guard units.contains(unit) else { continue }
                let before = raw[..<i].map { Self.bare($0) }
                let qualifier =
                    qualifiers.first { q in before.suffix(q.count).elementsEqual(q) }?.joined(separator: " ") ?? ""
                found.append(Figure(value: value * multiplier, qualifier: qualifier, unit: unit, evidence: s.evidence))
            }
        }
        return found
    }

    static func bare(_ word: String) -> String {
        word.lowercased().trimmingCharacters(in: CharacterSet.letters.inverted)
    }
}
