import Foundation

/// Gives every passage the counterpart of the relation it describes, before areas are
/// classified, so `classify.areas` can keep NATO's areas apart from Russia's or China's.
///
/// A passage that names counterparts (facts.yaml's `counterparts:`, metonyms included) is about
/// the one it names most; one that names none belongs to its section's most named counterpart,
/// else the document's. The document's default is NATO whenever it names NATO at all (a partner
/// page that mentions Moscow once stays NATO's), and otherwise its most named counterpart: an
/// analysis that never names NATO has no NATO material. Ties go to the counterpart facts.yaml
/// lists first. Within a passage, a sentence that names another counterpart and not the
/// passage's is that counterpart's (`Passage.sentenceCounterparts`).
public struct AttributeCounterparts: DocumentStage {
    public static let id = "attribute.counterparts"
    public static let summary = "Whose relation each passage describes: NATO or a named power (facts.yaml counterparts)"
    public static let requires: Set<Artifact> = [.passages]
    public static let produces: Set<Artifact> = []
    public static var mustPrecede: Set<Artifact> { [.areas] }

    public struct Options: StageOptions {
        public var rules = "facts.yaml"
        public static let settings: [Setting<Self>] = [
            .init("rules", \.rules, type: "path", "the rules file whose `counterparts:` lists the names")
        ]
        public init() {}
    }

    let names: CounterpartNames
    public let fingerprint: String

    public init(options: Options, context: StageContext) throws {
        let rules = try context.loadYAML(FactRules.self, path: options.rules)
        names = CounterpartNames(rules.counterparts)
        fingerprint = SHA256.hex(FileManager.default.contents(atPath: context.url(for: options.rules).path) ?? Data())
    }

    public init(names: CounterpartNames) {
        self.names = names
        fingerprint = ""
    }

    public func process(_ document: Document) throws -> Document {
        var d = document
        let whole = total(
            d.sections.map { section in
                total(
                    [names.mentions(in: section.heading ?? "")] + section.passages.map { names.mentions(in: $0.text) })
            } + [names.mentions(in: d.title ?? "")])
        let fallback: Counterpart = whole[.nato] != nil ? .nato : dominant(whole) ?? .nato
        for s in d.sections.indices {
            let own = d.sections[s].passages.map { names.mentions(in: $0.text) }
            let section = dominant(total(own + [names.mentions(in: d.sections[s].heading ?? "")])) ?? fallback
            for p in d.sections[s].passages.indices {
                let passage = dominant(own[p]) ?? section
                d.sections[s].passages[p].counterpart = passage
                d.sections[s].passages[p].sentenceCounterparts = strands(d.sections[s].passages[p].text, passage)
            }
        }
        return d
    }

    /// Sentences that name another counterpart and not the passage's own belong to the one they
    /// name most.
    private func strands(_ text: String, _ passage: Counterpart) -> [Int: Counterpart] {
        var found: [Int: Counterpart] = [:]
        for (i, sentence) in TextTools.sentences(text).enumerated() {
            let counts = names.mentions(in: sentence)
            guard counts[passage] == nil, let other = dominant(counts) else { continue }
            found[i] = other
        }
        return found
    }

    private func total(_ counts: [[Counterpart: Int]]) -> [Counterpart: Int] {
        counts.reduce(into: [:]) { sum, c in sum.merge(c, uniquingKeysWith: +) }
    }

    /// The most named counterpart; ties in facts.yaml order.
    private func dominant(_ counts: [Counterpart: Int]) -> Counterpart? {
        var best: (counterpart: Counterpart, count: Int)? = nil
        for c in names.known {
            guard let n = counts[c], n > (best?.count ?? 0) else { continue }
            best = (c, n)
        }
        return best?.counterpart ?? counts.keys.sorted().first
    }
}
