/// PLACEHOLDER until the statements branch lands (it defines Constraint).
public struct Constraint: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable { case negation, refusal, limit, decline, suspension }
    public var text: String
    public var span: SourceSpan
    public var counterpart: Counterpart
    public var kind: Kind
}
