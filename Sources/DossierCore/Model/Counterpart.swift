/// The other side of a relation a text describes: NATO, or a named power or organisation
/// (Russia, China, the European Union …). A partner's NATO page and an analyst's article on its
/// ties with Moscow describe different relations; keeping the counterpart on each area is what
/// lets a briefing say whose relation a quote is about.
///
/// Encoded as its bare name, so JSON and YAML read `"counterpart": "Russia"`.
public struct Counterpart: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The canonical name, as facts.yaml's `counterparts:` list spells it.
    public var name: String

    public init(_ name: String) { self.name = name }

    /// The relation the briefings' cooperation areas are about.
    public static let nato = Counterpart("NATO")

    public var description: String { name }

    public static func < (a: Counterpart, b: Counterpart) -> Bool { a.name < b.name }

    public init(from decoder: any Decoder) throws {
        name = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(name)
    }
}
