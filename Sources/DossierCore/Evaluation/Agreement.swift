import Foundation

/// How far two annotations of the same documents agree, scored as `dossier eval` scores Dossier
/// against one of them: the second annotation takes the place of the output. It is a reference
/// point for the figures eval reports: where two careful readers agree on 75 % of the (area,
/// counterpart) pairs, a figure of 90 % against one of them would say more about that reader
/// than about the documents.
///
/// F1 is symmetric, so which annotation comes first changes only which side precision and
/// recall name. Only documents both annotate are compared.
public struct Agreement: Codable, Hashable, Sendable {
    /// File names both annotations cover, and those only one does (not compared).
    public var documents: [String] = []
    public var onlyOne: [String] = []
    /// (area, counterpart) pairs, labelled as `AreaPairs` labels them.
    public var pairs = LabelScores()
    /// NATO's pairs alone: the areas the briefings' heatmap shows.
    public var natoPairs = Counts()
    /// Which counterparts a document has at all, whatever their areas.
    public var counterparts = Counts()
    /// Constraints of any kind (a constraint the other calls a limit, not a negation, still
    /// agrees), future and hedged fragments, matched as eval matches sentences to fragments.
    public var constraints = MatchCounts()
    public var constraintKinds = Accuracy()
    public var future = MatchCounts()
    public var hedged = MatchCounts()
    /// The subject each annotator names.
    public var country = Accuracy()
    /// Every disagreement, for reading: file, what, first's answer, second's answer.
    public var differences: [EvaluationReport.FactMiss] = []

    public init() {}

    public static func compare(_ first: CounterpartGold, _ second: CounterpartGold) -> Agreement {
        var a = Agreement()
        a.documents = Set(first.byFile.keys).intersection(second.byFile.keys).sorted()
        a.onlyOne = Set(first.byFile.keys).symmetricDifference(second.byFile.keys).sorted()
        for file in a.documents {
            let one = first.byFile[file] ?? [:]
            let two = second.byFile[file] ?? [:]
            let expected = AreaPairs.expected(one)
            let found = AreaPairs.expected(two)
            a.pairs.add(predicted: found, expected: expected)
            for label in expected.symmetricDifference(found).sorted() {
                a.differences.append(
                    .init(
                        source: file, what: "pair \(label)", expected: expected.contains(label) ? "yes" : "no",
                        found: found.contains(label) ? "yes" : "no"))
            }
            let nato = Counterpart.nato
            for area in Set((one[nato] ?? []) + (two[nato] ?? [])) {
                a.natoPairs.add(
                    predicted: two[nato]?.contains(area) ?? false, expected: one[nato]?.contains(area) ?? false)
            }
            for c in Set(one.keys).union(two.keys) {
                a.counterparts.add(predicted: two[c] != nil, expected: one[c] != nil)
            }
            if let c1 = first.countries[file], let c2 = second.countries[file] {
                a.country.add(c1 == c2)
                if c1 != c2 { a.differences.append(.init(source: file, what: "country", expected: c1, found: c2)) }
            }
            let s1 = first.statements[file] ?? GoldStatements()
            let s2 = second.statements[file] ?? GoldStatements()
            a.constraints =
                a.constraints
                + StatementScores.matched(
                    s1.constraints.map(\.text), s2.constraints.map(\.text), source: file, what: "constraint",
                    misses: &a.differences)
            for c in s1.constraints {
                if let match = s2.constraints.first(where: { StatementScores.overlaps($0.text, c.text) }) {
                    a.constraintKinds.add(match.kind == c.kind)
                }
            }
            a.future =
                a.future
                + StatementScores.matched(s1.future, s2.future, source: file, what: "future", misses: &a.differences)
            a.hedged =
                a.hedged
                + StatementScores.matched(s1.hedged, s2.hedged, source: file, what: "hedged", misses: &a.differences)
        }
        return a
    }
}
