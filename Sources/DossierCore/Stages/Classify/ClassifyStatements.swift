import Foundation

/// Marks, sentence by sentence, what a passage says beside its content: constraints
/// (negations, refusals, limits, declines, suspensions), future or conditional statements, and
/// hedged claims; and lists the document's constraints with their counterparts.
///
/// It runs before `classify.areas`, which reads the marks: "the country does not offer any
/// armed forces units … for NATO-led operations" names operations support in order to deny it,
/// and "is expected to attend" tells of something that has not happened, so neither may raise
/// an area's score, and `extract.facts` makes no past event of a future sentence. The cues live
/// in statements.yaml; a cue inside one of its `exceptions` ("not only … but also", "no later
/// than") does not count. When a sentence has cues of several constraint kinds, the most
/// specific wins (refusal, suspension, decline, limit), plain negation being the catch-all.
/// A constraint belongs to the counterpart its sentence names first (its subject, as a rule; as
/// `attribute.counterparts` read the names, `Passage.sentenceNames`), else its sentence's strand.
public struct ClassifyStatements: DocumentStage {
    public static let id = "classify.statements"
    public static let summary = "Mark constraint, future and hedged sentences (statements.yaml); list constraints"
    public static let requires: Set<Artifact> = [.passages]
    public static let produces: Set<Artifact> = []
    /// Areas and facts read the marks, so they must exist first.
    public static var mustPrecede: Set<Artifact> { [.areas, .facts] }

    public struct Options: StageOptions {
        public var rules = "statements.yaml"
        public static let settings: [Setting<Self>] = [
            .init("rules", \.rules, type: "path", "the cue lists: constraints by kind, future, hedges, exceptions")
        ]
        public init() {}
    }

    /// What a cue says about its sentence.
    struct Cue: Sendable {
        let kind: StatementMark.Kind
        var constraint: Constraint.Kind? = nil
        /// Counts only where it opens a sentence or a clause (a condition: "Should Malta wish …").
        var opensClause = false
    }

    /// Constraint kinds, most specific first: the first a sentence has cues of is its kind.
    static let precedence: [Constraint.Kind] = [.refusal, .suspension, .decline, .limit, .negation]

    let cues: PhraseMatcher<Cue>
    let exceptions: PhraseMatcher<Bool>
    let subordinate: PhraseMatcher<Bool>
    let contrast: PhraseMatcher<Bool>
    public let fingerprint: String

    public init(options: Options, context: StageContext) throws {
        let rules = try context.loadYAML(StatementRules.self, path: options.rules)
        let data = FileManager.default.contents(atPath: context.url(for: options.rules).path) ?? Data()
        self.init(rules: rules, fingerprint: SHA256.hex(data))
    }

    /// The stage from rules in memory (tests); `fingerprint` identifies the files they came from.
    public init(rules: StatementRules, fingerprint: String = "") {
        var cues = PhraseMatcher<Cue>()
        for kind in Self.precedence {
            for cue in rules.constraints[kind] ?? [] {
                cues.add(cue, payload: Cue(kind: .constraint, constraint: kind))
            }
        }
        for cue in rules.future { cues.add(cue, payload: Cue(kind: .future)) }
        for cue in rules.conditions { cues.add(cue, payload: Cue(kind: .future, opensClause: true)) }
        for cue in rules.hedges { cues.add(cue, payload: Cue(kind: .hedged)) }
        let exceptions = Self.matcher(rules.exceptions)
        self.cues = cues
        self.exceptions = exceptions
        subordinate = Self.matcher(rules.subordinateOpeners)
        contrast = Self.matcher(rules.contrastOpeners)
        self.fingerprint = fingerprint
    }

    public func process(_ document: Document) throws -> Document {
        var d = document
        var constraints: [Constraint] = []
        d.updatePassages { passage in
            passage.statements = TextTools.sentences(passage.text).enumerated().flatMap { i, sentence in
                marks(sentence, at: i)
            }
            for mark in passage.marks(.constraint) {
                guard let kind = mark.constraint else { continue }
                let counterpart =
                    passage.sentenceNames[mark.sentence]?.first ?? passage.counterpart(ofSentence: mark.sentence)
                constraints.append(
                    Constraint(text: mark.text, span: passage.span, counterpart: counterpart, kind: kind))
            }
        }
        d.constraints = constraints
        return d
    }

    /// The marks of one sentence: at most one of each kind, with the cue that decided it.
    public func marks(_ sentence: String, at index: Int) -> [StatementMark] {
        let tokens = TextTools.tokens(sentence)
        var excluded = Set<Int>()
        for m in exceptions.matches(in: tokens) { excluded.formUnion(m.start..<m.end) }
        let starts = Self.clauseStarts(sentence)
        let found = cues.matches(in: tokens).filter { m in
            !(m.start..<m.end).contains(where: excluded.contains)
                && (!m.payload.opensClause || starts.contains(m.start))
        }
        let subordinateAt = Set(subordinate.matches(in: tokens).map(\.start))
        let contrastAt = Set(contrast.matches(in: tokens).map(\.start))
        // Chronologies run entries together with semicolons: a statement ends at one.
        let afterSemicolon = Self.clausesAfterSemicolons(sentence)
        // The clauses from a cue's on that its statement covers (see statements.yaml).
        func reach(_ cue: PhraseMatcher<Cue>.Match) -> Range<Int> {
            let first = starts.filter { $0 <= cue.start }.count - 1
            if subordinateAt.contains(starts[first]), first + 1 < starts.count { return first..<(first + 1) }
            let end =
                starts.indices.first { $0 > first && (contrastAt.contains(starts[$0]) || afterSemicolon.contains($0)) }
                ?? starts.count
            return first..<end
        }
        // Several cues of a kind cover what each of them reaches.
        func reach(_ cues: [PhraseMatcher<Cue>.Match]) -> [Int] {
            Array(Set(cues.flatMap { Array(reach($0)) })).sorted()
        }
        var marks: [StatementMark] = []
        let constraints = found.filter { $0.payload.kind == .constraint }
        if let kind = Self.precedence.first(where: { k in constraints.contains { $0.payload.constraint == k } }),
            let cue = constraints.first(where: { $0.payload.constraint == kind })
        {
            marks.append(
                StatementMark(
                    sentence: index, text: sentence, kind: .constraint, constraint: kind, cue: cue.phrase,
                    clauses: reach(constraints)))
        }
        let future = found.filter { $0.payload.kind == .future }
        if let cue = future.first {
            marks.append(
                StatementMark(sentence: index, text: sentence, kind: .future, cue: cue.phrase, clauses: reach(future)))
        }
        if let cue = found.first(where: { $0.payload.kind == .hedged }) {
            marks.append(StatementMark(sentence: index, text: sentence, kind: .hedged, cue: cue.phrase))
        }
        return marks
    }

    /// Token indices that open the sentence or one of its clauses (after `,`, `;`, `:`, a dash
    /// or a bracket), counted as `TextTools.tokens` counts the whole sentence.
    /// One entry per clause of `TextTools.clauses(sentence)`, in order.
    static func clauseStarts(_ sentence: String) -> [Int] {
        var starts: [Int] = []
        var count = 0
        for clause in TextTools.clauses(sentence) {
            starts.append(count)
            count += TextTools.tokens(clause).count
        }
        return starts.isEmpty ? [0] : starts
    }

    /// Indices of the clauses of `TextTools.clauses(sentence)` that follow a semicolon.
    static func clausesAfterSemicolons(_ sentence: String) -> Set<Int> {
        var result = Set<Int>()
        var index = 0
        var inPiece = false
        var semicolon = false
        for c in sentence {
            if ",;:—–()".contains(c) {
                if inPiece { index += 1 }
                inPiece = false
                semicolon = semicolon || c == ";"
            } else {
                if !inPiece && semicolon { result.insert(index) }
                if !inPiece { semicolon = false }
                inPiece = true
            }
        }
        return result
    }

    private static func matcher(_ phrases: [String]) -> PhraseMatcher<Bool> {
        var matcher = PhraseMatcher<Bool>()
        for phrase in phrases { matcher.add(phrase, payload: true) }
        return matcher
    }
}
