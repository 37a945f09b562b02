import Foundation

/// Who wrote a source and who published it, as the source itself says: the page's metadata
/// (author, site name), a byline or © line matching facts.yaml's `byline-patterns` and
/// `publisher-patterns`, or — for an analysis — a name standing alone on a line just under the
/// title, as article PDFs print their author.
struct SourceByline {
    let rules: FactRules
    /// How many non-empty lines under the title a bare name may stand and still be the byline.
    static let reach = 4

    func author(_ d: Document) -> NamedFact? {
        if let name = d.metadata?.author?.trimmingSpaces(), !name.isEmpty {
            return NamedFact(value: name, evidence: metadataEvidence(d, name, signal: .byline))
        }
        if let found = firstMatch(d, rules.bylinePatterns, signal: .byline, accept: Self.looksLikeNames) {
            // "By Jane Doe" names its author whatever kind of document it stands in.
            return found
        }
        guard d.kind == .analysis else { return nil }
        let titleEnd = d.titleSpan?.endLine ?? 0
        let candidates = d.lines.filter { $0.span.startLine > titleEnd && !$0.text.trimmingSpaces().isEmpty }
        let never = Set(rules.bylineNever.map { $0.lowercased() })
        for line in candidates.prefix(Self.reach) where Self.looksLikeName(line.text.trimmingSpaces()) {
            guard !TextTools.words(line.text).contains(where: never.contains) else { continue }
            let name = line.text.trimmingSpaces()
            return NamedFact(value: name, evidence: Evidence(text: name, span: line.span, signals: [.byline]))
        }
        return nil
    }

    func publisher(_ d: Document) -> NamedFact? {
        if let site = d.metadata?.siteName?.trimmingSpaces(), !site.isEmpty {
            return NamedFact(value: site, evidence: metadataEvidence(d, site, signal: .publisherLine))
        }
        return firstMatch(d, rules.publisherPatterns, signal: .publisherLine)
    }

    /// The first line (body, then removed furniture, in line order) whose pattern captures a name.
    private func firstMatch(
        _ d: Document, _ patterns: [Pattern], signal: Signal, accept: (String) -> Bool = { _ in true }
    ) -> NamedFact? {
        guard !patterns.isEmpty else { return nil }
        let candidates = (d.lines.map { ($0.text, $0.span) } + d.removed.map { ($0.text, $0.span) })
            .sorted { $0.1 < $1.1 }
        for (text, span) in candidates {
            for pattern in patterns {
                guard let groups = pattern.firstMatch(in: text), let raw = groups.dropFirst().first ?? nil else {
                    continue
                }
                let value = raw.trimmingSpaces().trimmingCharacters(in: CharacterSet(charactersIn: ".,;:"))
                guard !value.isEmpty, accept(value) else { continue }
                return NamedFact(
                    value: value, evidence: Evidence(text: text.trimmingSpaces(), span: span, signals: [signal]))
            }
        }
        return nil
    }

    private func metadataEvidence(_ d: Document, _ text: String, signal: Signal) -> Evidence {
        Evidence(text: text, span: SourceSpan(file: d.source, startLine: 1), signals: [signal])
    }

    /// One name or several joined by "and" or commas ("Jane Doe and John Roe").
    static func looksLikeNames(_ text: String) -> Bool {
        text.replacingOccurrences(of: " and ", with: ",").split(separator: ",").allSatisfy {
            looksLikeName($0.trimmingSpaces())
        }
    }

    /// Two to four capitalised words of letters, with initials allowed ("Jane Q. Doe"), and
    /// nothing else: the shape of a personal name standing alone as a byline.
    static func looksLikeName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...4).contains(words.count), text.count <= 40 else { return false }
        return words.allSatisfy { w in
            guard let first = w.first, first.isUppercase else { return false }
            let rest = w.dropFirst()
            return rest.allSatisfy { $0.isLetter || $0 == "-" || $0 == "’" || $0 == "'" }
                && (rest.contains { $0.isLowercase } || rest == ".")
                || (w.count == 2 && w.last == ".")
        }
    }
}
