/// The cues `classify.statements` reads sentences by (statements.yaml): words that make a
/// sentence a constraint of each kind, a future or conditional statement, or a hedged claim, and
/// the phrases inside which a cue does not count ("not only", "no later than").
///
/// Cues are phrases matched on word tokens (`PhraseMatcher`: case-insensitive, `word*` for any
/// ending), so the lists are words a reader would name, not patterns.
public struct StatementRules: Decodable, Sendable, Hashable {
    /// Constraint kind → its cues.
    public var constraints: [Constraint.Kind: [String]]
    /// Future tense and conditions: "will", "is expected to", "if", "unless".
    public var future: [String]
    /// Words of a condition ("if", "unless", "should"), read only where they open a sentence or
    /// a clause: inside a clause they are as often an obligation or an indirect question.
    public var conditions: [String]
    /// Words by which a writer qualifies a claim: "reportedly", "unconfirmed", "according to".
    public var hedges: [String]
    /// Phrases that contain a cue without meaning it ("not only", "no later than", "political
    /// will"): a cue whose words fall inside one of them is not read.
    public var exceptions: [String]
    /// Words that open a subordinate clause ("while", "prior to", "despite"): a cue in such a
    /// clause covers that clause only, not the main clause after it.
    public var subordinateOpeners: [String]
    /// Words that open a clause set against the one before ("but", "however"): a statement's
    /// reach ends there.
    public var contrastOpeners: [String]

    enum CodingKeys: String, CodingKey {
        case constraints, future, conditions, hedges, exceptions
        case subordinateOpeners = "subordinate-openers"
        case contrastOpeners = "contrast-openers"
    }

    /// The kinds as statements.yaml spells them, each a key of `constraints:`.
    struct KindCues: Decodable, Sendable, Hashable {
        var negation: [String]?
        var refusal: [String]?
        var limit: [String]?
        var decline: [String]?
        var suspension: [String]?
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let kinds = try c.decodeIfPresent(KindCues.self, forKey: .constraints)
        var constraints: [Constraint.Kind: [String]] = [:]
        constraints[.negation] = kinds?.negation
        constraints[.refusal] = kinds?.refusal
        constraints[.limit] = kinds?.limit
        constraints[.decline] = kinds?.decline
        constraints[.suspension] = kinds?.suspension
        self.constraints = constraints
        future = try c.decodeIfPresent([String].self, forKey: .future) ?? []
        conditions = try c.decodeIfPresent([String].self, forKey: .conditions) ?? []
        hedges = try c.decodeIfPresent([String].self, forKey: .hedges) ?? []
        exceptions = try c.decodeIfPresent([String].self, forKey: .exceptions) ?? []
        subordinateOpeners = try c.decodeIfPresent([String].self, forKey: .subordinateOpeners) ?? []
        contrastOpeners = try c.decodeIfPresent([String].self, forKey: .contrastOpeners) ?? []
    }

    public init(
        constraints: [Constraint.Kind: [String]] = [:], future: [String] = [], conditions: [String] = [],
        hedges: [String] = [], exceptions: [String] = [], subordinateOpeners: [String] = [],
        contrastOpeners: [String] = []
    ) {
        self.subordinateOpeners = subordinateOpeners
        self.contrastOpeners = contrastOpeners
        self.constraints = constraints
        self.future = future
        self.conditions = conditions
        self.hedges = hedges
        self.exceptions = exceptions
    }
}
