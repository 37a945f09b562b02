import Foundation

/// A document's annotated statements (the `constraints`, `hedged` and `future` keys of
/// Tests/Gold/counterparts/*.yaml): verbatim fragments of sentences.
public struct GoldStatements: Sendable, Hashable {
    public struct Constraint: Sendable, Hashable {
        public var text: String
        public var counterpart: Counterpart
        public var kind: DossierCore.Constraint.Kind
    }

    public var constraints: [Constraint] = []
    public var hedged: [String] = []
    public var future: [String] = []

    public init() {}
}

/// Found-and-right counts for fragment matching, where one predicted sentence may cover several
/// gold fragments and one fragment may run over several sentences: recall counts gold items
/// found, precision counts predictions that match some gold item, each on its own.
public struct MatchCounts: Codable, Hashable, Sendable {
    /// Gold items some prediction matches, of `expected`.
    public var found = 0
    public var expected = 0
    /// Predictions that match some gold item, of `predicted`.
    public var correct = 0
    public var predicted = 0

    public init() {}

    public var recall: Double { expected == 0 ? (predicted == 0 ? 1 : 0) : Double(found) / Double(expected) }
    public var precision: Double { predicted == 0 ? (expected == 0 ? 1 : 0) : Double(correct) / Double(predicted) }
    public var f1: Double {
        let p = precision
        let r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    public static func + (a: MatchCounts, b: MatchCounts) -> MatchCounts {
        var sum = a
        sum.found += b.found
        sum.expected += b.expected
        sum.correct += b.correct
        sum.predicted += b.predicted
        return sum
    }
}

/// How well `classify.statements` finds the annotated constraints (per kind and pooled), future
/// statements and hedged claims, over the gold documents that annotate them.
public struct StatementScores: Codable, Hashable, Sendable {
    public var documents = 0
    /// Constraint kind → counts: recall over gold items of the kind (found by a constraint of
    /// any kind), precision over predictions of the kind.
    public var constraints: [String: MatchCounts] = [:]
    public var future = MatchCounts()
    public var hedged = MatchCounts()
    /// Of the gold constraints found, how many were given the annotated counterpart.
    public var constraintCounterparts = Accuracy()

    public init() {}

    /// Every kind pooled.
    public var pooled: MatchCounts { constraints.values.reduce(MatchCounts(), +) }

    /// The figures a test gate holds (Tests/Gold/figures-statements.json).
    public var headline: [String: Double] {
        [
            "constraints-recall": pooled.recall,
            "constraints-precision": pooled.precision,
            "negations-and-limits-recall":
                (constraints["negation", default: MatchCounts()]
                + constraints["limit", default: MatchCounts()]).recall,
            "future-recall": future.recall,
            "future-precision": future.precision,
            "hedged-recall": hedged.recall,
            "hedged-precision": hedged.precision,
        ]
    }

    /// Scores one document; returns the gold fragments missed and the predictions no gold has.
    mutating func add(_ document: Document, gold: GoldStatements, source: String) -> [EvaluationReport.FactMiss] {
        documents += 1
        var misses: [EvaluationReport.FactMiss] = []
        let found = document.constraints
        for kind in Constraint.Kind.allCases {
            var counts = constraints[kind.rawValue, default: MatchCounts()]
            for g in gold.constraints where g.kind == kind {
                counts.expected += 1
                let match = found.first { Self.overlaps($0.text, g.text) }
                if let match {
                    counts.found += 1
                    constraintCounterparts.add(match.counterpart == g.counterpart)
                } else {
                    misses.append(.init(source: source, what: "constraint (\(kind))", expected: g.text, found: "no"))
                }
            }
            for p in found where p.kind == kind {
                counts.predicted += 1
                if gold.constraints.contains(where: { Self.overlaps(p.text, $0.text) }) {
                    counts.correct += 1
                } else {
                    misses.append(.init(source: source, what: "constraint (\(kind))", expected: "none", found: p.text))
                }
            }
            constraints[kind.rawValue] = counts
        }
        let passages = document.passages
        for (kind, expected) in [(StatementMark.Kind.future, gold.future), (.hedged, gold.hedged)] {
            let marked = passages.flatMap { $0.marks(kind).map(\.text) }
            let counts = Self.matched(expected, marked, source: source, what: "\(kind)", misses: &misses)
            if kind == .future { future = future + counts } else { hedged = hedged + counts }
        }
        return misses
    }

    /// Gold fragments against the sentences found: recall over `expected`, precision over
    /// `found`; each one the other side lacks goes to `misses`, as eval lists it.
    static func matched(
        _ expected: [String], _ found: [String], source: String, what: String,
        misses: inout [EvaluationReport.FactMiss]
    ) -> MatchCounts {
        var counts = MatchCounts()
        counts.expected = expected.count
        counts.predicted = found.count
        for g in expected {
            if found.contains(where: { overlaps($0, g) }) {
                counts.found += 1
            } else {
                misses.append(.init(source: source, what: what, expected: g, found: "no"))
            }
        }
        for f in found {
            if expected.contains(where: { overlaps(f, $0) }) {
                counts.correct += 1
            } else {
                misses.append(.init(source: source, what: what, expected: "none", found: f))
            }
        }
        return counts
    }

    /// How many words in a row a predicted sentence and a gold fragment must share to match,
    /// unless one of them is shorter: then it must lie wholly inside the other.
    static let minSharedRun = 6

    /// True when the sentence and the fragment share a run of words: the fragment inside the
    /// sentence, the sentence inside a fragment that runs over two sentences, or an overlap of
    /// `minSharedRun` words. Compared as lowercased word tokens, so spacing, line breaks and
    /// punctuation do not matter.
    static func overlaps(_ sentence: String, _ fragment: String) -> Bool {
        let a = TextTools.words(sentence)
        let b = TextTools.words(fragment)
        let need = min(minSharedRun, a.count, b.count)
        guard need > 0 else { return false }
        // Longest common run of words, by dynamic programming over one row.
        var previous = [Int](repeating: 0, count: b.count + 1)
        for i in a.indices {
            var row = [Int](repeating: 0, count: b.count + 1)
            for j in b.indices where a[i] == b[j] {
                row[j + 1] = previous[j] + 1
                if row[j + 1] >= need { return true }
            }
            previous = row
        }
        return false
    }
}
