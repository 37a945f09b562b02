/// The words `FigureFinder` works from (the `figure-*` keys of facts.yaml): which nouns make
/// a number a figure and of what kind, currencies, scales, qualifiers, and the words that say a
/// number is a date or a label rather than a count.
public struct FigureRules: Decodable, Sendable {
    /// "about", "over", "more than" … (matched as whole words before the number).
    public var qualifiers: [String]
    /// Kind → the count nouns of that kind ("troops", "personnel"; multi-word: "test kits").
    /// Singular forms ("project", "activity") are matched too.
    public var kinds: [FigureKind: [String]]
    /// Words glued to a number by a hyphen that make it a count of a kind ("1,200-strong": troops).
    public var compounds: [String: FigureKind]
    /// What makes a number a share: "percent", "per cent", "%".
    public var percent: [String]
    public var currencies: [Currency]
    /// Scale words and suffixes → their factor ("million": 1e6, "m": 1e6, "bn": 1e9).
    public var scales: [String: Double]
    /// Small counts written as words ("two": 2), read only directly before a count noun.
    public var numberWords: [String: Double]
    /// Words after which a year-shaped number is a date ("in", "since", "from", "to").
    public var dateWords: [String]
    /// Words after which a number is a label, not a count ("Resolution 1325", "Article 5").
    public var labelWords: [String]
    /// How many words may stand between a number and its count noun ("30 cooperative projects").
    public var maxModifiers: Int
    /// Function words that are never such a word, and that end an "of" complement ("of the
    /// projects", "of exports were").
    public var breaks: [String]

    public struct Currency: Decodable, Sendable, Hashable {
        /// ISO 4217 code ("EUR").
        public var code: String
        /// How a display writes it before the amount ("€", "US$", "CHF").
        public var sign: String
        /// Symbols and codes written next to the amount, before or after it ("€", "EUR", "$").
        public var signs: [String]
        /// Words written after the amount ("euros", "US dollars").
        public var names: [String]

        enum CodingKeys: String, CodingKey { case code, sign, signs, names }
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            code = try c.decode(String.self, forKey: .code)
            sign = try c.decodeIfPresent(String.self, forKey: .sign) ?? code
            signs = try c.decodeIfPresent([String].self, forKey: .signs) ?? [code]
            names = try c.decodeIfPresent([String].self, forKey: .names) ?? []
        }
    }

    enum CodingKeys: String, CodingKey {
        case qualifiers = "figure-qualifiers"
        case kinds = "figure-kinds"
        case compounds = "figure-compounds"
        case percent = "figure-percent"
        case currencies = "figure-currencies"
        case scales = "figure-scales"
        case numberWords = "figure-number-words"
        case dateWords = "figure-date-words"
        case labelWords = "figure-label-words"
        case maxModifiers = "figure-max-modifiers"
        case breaks = "figure-breaks"
    }

    /// Reads the `figure-*` keys of the facts.yaml mapping the decoder stands at.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        qualifiers = try c.decodeIfPresent([String].self, forKey: .qualifiers) ?? []
        let named = try c.decodeIfPresent([String: [String]].self, forKey: .kinds) ?? [:]
        kinds = [:]
        for (name, words) in named {
            guard let kind = FigureKind(rawValue: name), kind != .money, kind != .percent else {
                let valid = FigureKind.allCases.filter { $0 != .money && $0 != .percent }.map(\.rawValue)
                throw DecodingError.dataCorruptedError(
                    forKey: .kinds, in: c,
                    debugDescription: "unknown figure kind '\(name)' (one of \(valid.joined(separator: ", ")); "
                        + "money and percent have keys of their own)")
            }
            kinds[kind] = words
        }
        compounds = try c.decodeIfPresent([String: FigureKind].self, forKey: .compounds) ?? [:]
        percent = try c.decodeIfPresent([String].self, forKey: .percent) ?? []
        currencies = try c.decodeIfPresent([Currency].self, forKey: .currencies) ?? []
        scales = try c.decodeIfPresent([String: Double].self, forKey: .scales) ?? [:]
        numberWords = try c.decodeIfPresent([String: Double].self, forKey: .numberWords) ?? [:]
        dateWords = try c.decodeIfPresent([String].self, forKey: .dateWords) ?? []
        labelWords = try c.decodeIfPresent([String].self, forKey: .labelWords) ?? []
        maxModifiers = try c.decodeIfPresent(Int.self, forKey: .maxModifiers) ?? 3
        breaks = try c.decodeIfPresent([String].self, forKey: .breaks) ?? []
    }
}
