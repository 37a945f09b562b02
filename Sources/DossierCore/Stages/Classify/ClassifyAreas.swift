import Foundation

/// Classifies every passage into cooperation areas (multi-label), then decides which areas
/// the document as a whole substantively discusses.
///
/// Rule signals, all from the taxonomy: the section heading a passage sits under (and, more
/// weakly, its parent heading) matched against each area's `headings`; and each area's
/// weighted `phrases` found in the passage. Their raw sum is squashed to 0–1 with
/// `1 − e^(−raw/scale)`, so one strong phrase or a heading alone lands near the threshold and
/// several signals near 1. When a learned `AreaModel` is configured, it is one more signal:
/// its probability p adds `model-weight × (2p − 1)` to the raw sum, so a confident model
/// supports an area and a confident "no" takes evidence away. Areas the model was not
/// trained on keep the rules alone, so a new taxonomy area works before anyone retrains.
/// A `broad` area (political dialogue, say) that only the section heading supports gives way
/// when a specific area claims the passage more strongly: a milestone about civil emergency
/// courses under "Evolution of relations" is about civil emergency planning.
/// A document-level area needs enough summed passage evidence, not one passing mention, and
/// brings the areas it `implies` (ClassifyAreas+DocumentAreas).
public struct ClassifyAreas: DocumentStage {
    public static let id = "classify.areas"
    public static let summary = "Score passages and documents against the taxonomy's areas, with evidence"
    public static let requires: Set<Artifact> = [.passages]
    public static let produces: Set<Artifact> = [.areas]

    public let options: Options
    let areaIDs: [String]
    let phrases: PhraseMatcher<PhraseHit>
    let headings: PhraseMatcher<Int>
    let listingCues: PhraseMatcher<Bool>
    let threatCues: PhraseMatcher<Bool>
    let cooperationCues: PhraseMatcher<Bool>
    let relationCues: PhraseMatcher<Bool>
    /// Per area: does it give way to specific areas (see the type's comment)? What does it imply?
    let broad: [Bool]
    let implies: [String: [String]]
    /// The learned component, if configured.
    public private(set) var model: AreaModel?
    /// The model, arranged for scoring passages.
    private var scorer: AreaModel.Scorer?
    /// Where the model file is, for `dossier train`.
    public let modelURL: URL?
    public let fingerprint: String
    /// Identifies the taxonomy a model is trained for.
    public let taxonomyHash: String

    struct PhraseHit: Sendable {
        let area: Int
        let weight: Double
        let notNear: Set<String>
        let otherPowers: Bool
    }

    /// How many words either side of a phrase its `not-near` words are looked for.
    static let notNearReach = 6

    public init(options: Options, context: StageContext) throws {
        self.options = options
        areaIDs = context.taxonomy.ids
        var phrases = PhraseMatcher<PhraseHit>(
            spellings: context.taxonomy.spellings, plurals: context.taxonomy.plurals)
        var headings = PhraseMatcher<Int>(spellings: context.taxonomy.spellings, plurals: context.taxonomy.plurals)
        for (i, area) in context.taxonomy.areas.enumerated() {
            for p in area.phrases {
                phrases.add(
                    p.phrase,
                    payload: PhraseHit(
                        area: i, weight: p.weight, notNear: Set(p.notNear.map { $0.lowercased() }),
                        otherPowers: p.otherPowers))
            }
            for h in area.headings { headings.add(h, payload: i) }
        }
        self.phrases = phrases
        self.headings = headings
        var listing = PhraseMatcher<Bool>()
        for cue in options.listingCues { listing.add(cue, payload: true) }
        listingCues = listing
        var threats = PhraseMatcher<Bool>()
        var cooperation = PhraseMatcher<Bool>()
        for cue in options.threatCues { threats.add(cue, payload: true) }
        for cue in options.cooperationCues { cooperation.add(cue, payload: true) }
        threatCues = threats
        cooperationCues = cooperation
        relationCues = try Self.relationCueMatcher(options, areas: areaIDs, context: context)
        broad = context.taxonomy.areas.map(\.broad)
        implies = Dictionary(context.taxonomy.areas.map { ($0.id, $0.implies) }) { first, _ in first }
        taxonomyHash = SHA256.hex((try? StableJSON.encode(context.taxonomy)) ?? [])
        modelURL = options.model.map(context.url(for:))
        if let path = options.model, let url = modelURL, context.loadsLearnedModels {
            let model = try AreaModel.load(from: url, configFile: context.configFile)
            self.model = model
            scorer = AreaModel.Scorer(model)
            fingerprint = SHA256.hex(try model.encoded())
            if model.taxonomyHash != taxonomyHash {
                let why = "areas it lacks use the rules alone (run 'dossier train')"
                context.logger.warning("the area model \(path) was trained for another version of the taxonomy; \(why)")
            }
        } else {
            model = nil
            fingerprint = ""
        }
    }

    /// The same classifier with another learned model (or none): for training and
    /// leave-one-document-out evaluation.
    public func using(_ model: AreaModel?) -> ClassifyAreas {
        var copy = self
        copy.model = model
        copy.scorer = model.map(AreaModel.Scorer.init)
        return copy
    }

    /// Trains the learned component on normalized documents (see `trainingExamples`).
    public func train(on documents: [Document]) -> AreaModel {
        AreaModel.train(
            documents.flatMap(trainingExamples), areas: areaIDs, taxonomyHash: taxonomyHash, settings: options.training)
    }

    /// Training examples from a normalized document: each passage under a section heading that
    /// names areas (through the taxonomy's `headings`) is an example of those areas and a
    /// counter-example of the rest. Passages under other headings say nothing and are left out.
    public func trainingExamples(_ document: Document) -> [AreaModel.Example] {
        var examples: [AreaModel.Example] = []
        for section in document.sections {
            let named = Set(headingAreas(section.heading).keys.map { areaIDs[$0] })
            guard !named.isEmpty else { continue }
            for p in section.passages {
                examples.append(AreaModel.Example(text: p.text, document: document.source, areas: named))
            }
        }
        return examples
    }

    public func process(_ document: Document) throws -> Document {
        var d = document
        var parent: String? = nil
        // Areas a section is titled by ("Security cooperation"), with the section's first passage.
        var titled: [String: Evidence] = [:]
        for s in d.sections.indices {
            let section = d.sections[s]
            if section.level == 1 { parent = nil }
            let own = headingAreas(section.heading)
            if let first = section.passages.first {
                for (area, phrase) in own where titled[areaIDs[area]] == nil {
                    titled[areaIDs[area]] = first.hedging(
                        Evidence(
                            text: first.text, span: first.span,
                            signals: [.sectionTitled(section.heading ?? "", phrase: phrase)],
                            counterpart: first.counterpart ?? .nato))
                }
            }
            let inherited = section.level > 1 ? headingAreas(parent) : [:]
            for p in d.sections[s].passages.indices {
                let passage = d.sections[s].passages[p]
                var areas: [AreaScore] = []
                // Each relation the passage speaks of is classified from its own sentences; the
                // heading speaks for the passage's own relation only.
                for strand in Strand.all(of: passage) {
                    var found = classify(
                        passage, strand, heading: section.heading, own: strand.isMain ? own : [:], parent: parent,
                        inherited: strand.isMain ? inherited : [:])
                    Self.attribute(&found, to: strand.counterpart)
                    areas += found
                }
                let notes = d.footnotes(calledBy: passage)
                if !notes.isEmpty { for i in areas.indices { areas[i].evidence[0].footnotes = notes } }
                // A strand's quote starts inside the passage: cite from the line it starts on.
                for i in areas.indices where areas[i].evidence[0].text != passage.text {
                    areas[i].evidence[0].span = Strand.span(of: areas[i].evidence[0].text, in: passage, lines: d.lines)
                }
                d.sections[s].passages[p].areas = areas
            }
            if section.level == 1 { parent = section.heading }
        }
        let (nato, others) = relationAreas(d.passages, titled: titled)
        d.areas = nato
        d.counterpartAreas = relationsTold(others, passages: d.passages, lines: d.lines)
        return d
    }

    /// Areas named by a heading.
    private func headingAreas(_ heading: String?) -> [Int: String] {
        guard let heading else { return [:] }
        var found: [Int: String] = [:]
        for m in headings.matches(in: TextTools.tokens(heading)) where found[m.payload] == nil {
            found[m.payload] = m.phrase
        }
        return found
    }

    private func classify(
        _ passage: Passage, _ strand: Strand, heading: String?, own: [Int: String], parent: String?,
        inherited: [Int: String]
    ) -> [AreaScore] {
        // A passage that only denies, limits or announces (every sentence a constraint or a
        // future statement) asserts no cooperation, whatever its heading.
        let asserted = strand.asserted
        guard !asserted.isEmpty else { return [] }
        var raw = [Double](repeating: 0, count: areaIDs.count)
        var signals = [[Signal]](repeating: [], count: areaIDs.count)
        for (area, phrase) in own {
            raw[area] += options.headingWeight
            signals[area].append(.heading(heading ?? "", phrase: phrase))
        }
        for (area, phrase) in inherited where own[area] == nil {
            raw[area] += options.parentHeadingWeight
            signals[area].append(.parentHeading(parent ?? "", phrase: phrase))
        }
        let listed = addPhraseEvidence(
            strand.sentences, otherPower: strand.counterpart != .nato, raw: &raw, signals: &signals)
        // Only the heading speaks for an area: remember, for broad areas.
        let headingOnly = areaIDs.indices.map { i in !signals[i].isEmpty && signals[i].allSatisfy(\.isHeading) }
        for (area, learned) in scorer?.predict(asserted) ?? [:] {
            guard let i = areaIDs.firstIndex(of: area), raw[i] > 0 || learned.probability > 0.5 else { continue }
            raw[i] += options.modelWeight * (2 * learned.probability - 1)
            if learned.probability > 0.5 {
                signals[i].append(.model(probability: Self.round(learned.probability), strongest: learned.strongest))
            }
        }
        let score = raw.map { 1 - exp(-max(0, $0) / options.scale) }
        let strongestSpecific = areaIDs.indices.filter { !broad[$0] }.map { score[$0] }.max() ?? 0
        func strongestOther(_ i: Int) -> Double { areaIDs.indices.filter { $0 != i }.map { score[$0] }.max() ?? 0 }
        var scores: [AreaScore] = []
        let minScore = strand.counterpart == .nato ? options.minScore : options.otherPowersMinScore ?? options.minScore
        for i in areaIDs.indices {
            let score = score[i]
            guard score >= minScore, score > 0 else { continue }
            // A heading that names several areas ("Gas competitors or economic allies?") does
            // not say which one a passage under it is about: the passage's own words decide.
            if headingOnly[i] && own.count > 1 && strongestOther(i) > score { continue }
            if broad[i] && headingOnly[i] && strongestSpecific > score { continue }
            scores.append(
                AreaScore(
                    area: areaIDs[i], score: Self.round(score),
                    evidence: [
                        passage.hedging(Evidence(text: strand.text, span: passage.span, signals: signals[i]))
                    ]))
        }
        return Array(scores.sorted(by: Self.strongestFirst).prefix(listed ? areaIDs.count : options.maxAreas))
    }

    /// Adds the passage's taxonomy phrases to `raw` and `signals`; true when a sentence of it
    /// lists areas (then every area it names is kept).
    private func addPhraseEvidence(
        _ sentences: [String], otherPower: Bool, raw: inout [Double], signals: inout [[Signal]]
    ) -> Bool {
        var seen = Set<String>()
        // Sentence by sentence: a list of areas ("key areas include border security, crisis
        // management and …") names each area once, briefly, so each named area counts more and
        // all of them are kept; a list of threats ("threats come from terrorism, trafficking …")
        // with no word of cooperating names problems, not cooperation, and counts less.
        var listed = false
        // Constraint and future statements ("does not offer units for NATO-led operations", "is
        // expected to attend") name an area without cooperating in it (classify.statements).
        for sentence in sentences {
            let tokens = TextTools.tokens(sentence)
            let listing = listingCues.matches(in: tokens).first
            let threat =
                listing == nil && !threatCues.matches(in: tokens).isEmpty && cooperationCues.matches(in: tokens).isEmpty
            let factor = listing != nil ? options.listingBoost : threat ? options.threatFactor : 1
            listed = listed || listing != nil
            var threatCounted: [Int: Double] = [:]
            for m in phrases.matches(in: tokens) where otherPower || !m.payload.otherPowers {
                if !m.payload.notNear.isEmpty,
                    tokens[max(0, m.start - Self.notNearReach)..<min(tokens.count, m.end + Self.notNearReach)].contains(
                        where: { m.payload.notNear.contains($0.lower) })
                {
                    continue
                }
                let key = "\(m.payload.area)|\(m.phrase)"
                // A phrase counts fully once, then half for each repeat; among threats, only an
                // area's strongest phrase counts ("drug", "drug trafficking", "trafficking" name one threat).
                let weight = (seen.contains(key) ? m.payload.weight / 2 : m.payload.weight) * factor
                if threat {
                    raw[m.payload.area] += max(0, weight - threatCounted[m.payload.area, default: 0])
                    threatCounted[m.payload.area] = max(threatCounted[m.payload.area, default: 0], weight)
                } else {
                    raw[m.payload.area] += weight
                }
                if seen.insert(key).inserted {
                    signals[m.payload.area].append(.phrase(m.phrase))
                    // The context is a signal of its own, once per area, beside the phrase signal.
                    let note = listing.map { Signal.listing(cue: $0.phrase) } ?? (threat ? .amongThreats : nil)
                    if let note, !signals[m.payload.area].contains(note) { signals[m.payload.area].append(note) }
                }
            }
        }
        return listed
    }

    /// Higher score first; ties by area id, then by position, so order never depends on timing.
    static func strongestFirst(_ a: AreaScore, _ b: AreaScore) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.area != b.area { return a.area < b.area }
        return (a.evidence.first?.span.startLine ?? 0) < (b.evidence.first?.span.startLine ?? 0)
    }

    /// Scores are rounded so the reports do not show floating-point noise.
    static func round(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}
