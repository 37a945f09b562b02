/// What a sentence says beside its content: that something is not, or only partly, so (a
/// constraint); that it has not happened yet (future or conditional); or that the writer is not
/// sure of it (hedged). `classify.statements` marks them; `classify.areas` and `extract.facts`
/// read the marks, so "does not offer units for NATO-led operations" never counts for
/// operations support and "is expected to attend" never becomes a past event.
public struct StatementMark: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        case constraint
        /// Future tense or a condition: "will open talks", "is expected to attend", "should … waver".
        case future
        /// A claim the writer qualifies: "reportedly", "unconfirmed", "according to …".
        case hedged
    }

    /// The sentence's index in `TextTools.sentences(passage.text)`: marks point at sentences by
    /// position, so a reader splits the passage the same way and finds them again.
    public var sentence: Int
    /// The sentence itself, so a mark can be quoted without splitting again.
    public var text: String
    public var kind: Kind
    /// For a constraint: which kind (negation, refusal …).
    public var constraint: Constraint.Kind?
    /// The configured cue that matched, for `analyze --passages` to show why.
    public var cue: String
    /// The clauses (`TextTools.clauses(text)`, by index, in order) the statement covers: a
    /// constraint in "While relations declined after 2005, NATO and the partner now engage in
    /// dialogue" covers the first clause only, so the dialogue still counts.
    public var clauses: [Int]

    public init(
        sentence: Int, text: String, kind: Kind, constraint: Constraint.Kind? = nil, cue: String,
        clauses: [Int]? = nil
    ) {
        self.sentence = sentence
        self.text = text
        self.kind = kind
        self.constraint = constraint
        self.cue = cue
        self.clauses = clauses ?? Array(TextTools.clauses(text).indices)
    }
}

/// A negation, refusal, limit, decline or suspension a document states about a relation
/// ("NATO has no direct role in …", "relations declined … following the events in Andijan"):
/// briefings list them as constraints and limits, never as cooperation.
public struct Constraint: Codable, Hashable, Sendable {
    /// The kinds annotators tell apart (Tests/Gold/counterparts/README.md).
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
        /// Something the relation does not include: "does not offer any units".
        case negation
        /// A side that will not do something asked of it: "consistently refused".
        case refusal
        /// A condition or boundary on cooperation: "on a case-by-case basis", "neutrality".
        case limit
        /// Relations worsening: "declined", "deteriorated", "weakened".
        case decline
        /// Cooperation stopped or withdrawn: "suspended", "a pause", "withdrew".
        case suspension

        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    /// The sentence that states it.
    public var text: String
    public var span: SourceSpan
    /// Whose relation it limits: the counterpart the sentence names first, else its passage's.
    public var counterpart: Counterpart
    public var kind: Kind

    public init(text: String, span: SourceSpan, counterpart: Counterpart, kind: Kind) {
        self.text = text
        self.span = span
        self.counterpart = counterpart
        self.kind = kind
    }
}

extension Passage {
    /// The passage's marks of one kind.
    public func marks(_ kind: StatementMark.Kind) -> [StatementMark] { statements.filter { $0.kind == kind } }

    /// The passage's sentences without what its constraint and future marks cover: what it
    /// asserts as so, and so what may count as evidence of cooperation. A sentence wholly
    /// covered is left out; the others keep their unmarked clauses.
    public var assertedSentences: [String] { assertedSentencesByIndex.map(\.text) }

    /// `assertedSentences` with each one's index in `TextTools.sentences(text)`.
    public var assertedSentencesByIndex: [(index: Int, text: String)] {
        let sentences = TextTools.sentences(text)
        let marks = statements.filter { $0.kind != .hedged }
        guard !marks.isEmpty else { return sentences.enumerated().map { ($0.offset, $0.element) } }
        // By sentence once, so a long passage with many marks is not searched per sentence.
        let bySentence = Dictionary(grouping: marks, by: \.sentence).mapValues { $0.map(\.clauses) }
        return sentences.enumerated().compactMap { i, sentence in
            guard let covered = bySentence[i] else { return (i, sentence) }
            let kept = TextTools.clauses(sentence).enumerated().filter { c in
                !covered.contains { $0.contains(c.offset) }
            }
            let rest = kept.map { $0.element.trimmingSpaces() }.joined(separator: ", ")
            return TextTools.tokens(rest).isEmpty ? nil : (i, rest)
        }
    }

    /// Whose relation sentence `i` describes: its own counterpart, else the passage's.
    public func counterpart(ofSentence i: Int) -> Counterpart {
        sentenceCounterparts[i] ?? counterpart ?? .nato
    }

    /// Every relation sentence `i` speaks of: its own counterpart's, then those it names beside it.
    public func counterparts(ofSentence i: Int) -> [Counterpart] {
        [counterpart(ofSentence: i)] + (sentenceSharedWith[i] ?? [])
    }

    /// The counterparts some sentence of the passage is first about (shared sentences aside),
    /// the passage's own first.
    public var ownStrandCounterparts: [Counterpart] {
        let own = counterpart ?? .nato
        return [own] + Set(sentenceCounterparts.values).subtracting([own]).sorted()
    }

    /// Every counterpart some sentence of the passage is about, the passage's own first.
    public var strandCounterparts: [Counterpart] {
        let first = ownStrandCounterparts
        return [first[0]]
            + Set(first.dropFirst()).union(sentenceSharedWith.values.joined()).subtracting([first[0]]).sorted()
    }

    /// `assertedSentences` as one text: the passage itself when nothing is marked.
    public var assertedText: String {
        statements.allSatisfy { $0.kind == .hedged } ? text : assertedSentences.joined(separator: " ")
    }

    /// For each future or conditional sentence (by index), the clauses the mark covers.
    public var futureClauses: [Int: [Int]] {
        Dictionary(marks(.future).map { ($0.sentence, $0.clauses) }, uniquingKeysWith: { a, _ in a })
    }

    /// `evidence` from this passage, marked hedged when the sentence a quote of it shows is.
    public func hedging(_ evidence: Evidence) -> Evidence {
        let hedged = statements.filter { $0.kind == .hedged }.map(\.text)
        guard !hedged.isEmpty else { return evidence }
        var e = evidence
        e.hedged = hedged.contains(e.carryingSentence)
        return e
    }
}
