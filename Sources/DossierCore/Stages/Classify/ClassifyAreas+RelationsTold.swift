import Foundation

extension ClassifyAreas {
    /// Relations an analysis tells without naming a cooperation area: "China, Russia and Iran
    /// congratulated him", "ties his government maintains with these countries", "the
    /// president visited Beijing". Readers (and the annotators of every gold set) credit such a
    /// relation with political dialogue, while the taxonomy's phrases find nothing to score. A
    /// power named in `relation-min-sentences` asserted sentences that hold a `relation-cue` and
    /// are its own or shared with it (`Passage.counterparts(ofSentence:)`, as strands are) gets
    /// `relation-area`, quoting those sentences, unless it has the area already.
    ///
    /// Only in documents where at most `relation-max-nato-share` of the passages are NATO's
    /// (name NATO, or are attributed to it, as an unnamed paragraph of a NATO section is): a
    /// NATO page names neighbours, Allies and organisations in sentences about NATO's own work,
    /// and its other powers are asides; a news item on a country's first talks with NATO still
    /// tells of its leader's visits to Washington.
    /// Constraint and future sentences never count (a decline is no dialogue held).
    func relationsTold(_ others: [AreaScore], passages: [Passage], lines: [Line]) -> [AreaScore] {
        guard options.relationMinSentences > 0, let area = options.relationArea,
            Double(passages.filter(Self.isNATOs).count) <= options.relationMaxNATOShare * Double(passages.count)
        else { return others }
        var told: [Counterpart: [Evidence]] = [:]
        for passage in passages where !passage.sentenceNames.isEmpty {
            // The whole sentences, to quote; split only for a passage that has a hit.
            var whole: [String]?
            for (index, asserted) in passage.assertedSentencesByIndex
            where !passage.sentencesBetweenOthers.contains(index) {
                guard let named = passage.sentenceNames[index],
                    let cue = relationCues.matches(in: TextTools.tokens(asserted)).first
                else { continue }
                // Only the relations the sentence is about: where it names its own counterpart
                // ("Russia's diplomatic advancements, driven by gas exports to China") the others
                // it names are asides unless they stand beside it; where it names only others
                // ("ties with these countries: China and Iran"), each of them.
                let own = passage.counterpart(ofSentence: index)
                let about = named.contains(own) ? Set(passage.counterparts(ofSentence: index)) : Set(named)
                let all = whole ?? TextTools.sentences(passage.text)
                whole = all
                for counterpart in Set(named).intersection(about) where counterpart != .nato {
                    told[counterpart, default: []].append(
                        passage.hedging(
                            Evidence(
                                text: all[index], span: Strand.span(of: all[index], in: passage, lines: lines),
                                signals: [.relationTold(cue: cue.phrase)], counterpart: counterpart)))
                }
            }
        }
        let score = Self.round(options.otherPowersDocumentMinScore ?? options.documentMinScore)
        var result = others
        for (counterpart, evidence) in told where evidence.count >= options.relationMinSentences {
            guard !others.contains(where: { $0.counterpart == counterpart && $0.area == area }) else { continue }
            result.append(
                AreaScore(area: area, score: score, evidence: Array(evidence.prefix(3)), counterpart: counterpart))
        }
        // As `relationAreas` orders them: by counterpart, strongest area first.
        return result.sorted { a, b in
            a.counterpart != b.counterpart ? a.counterpart < b.counterpart : Self.strongestFirst(a, b)
        }
    }

    /// The matcher of `relation-cues`; a `relation-area` the taxonomy lacks is a config error.
    static func relationCueMatcher(
        _ options: Options, areas: [String], context: StageContext
    ) throws -> PhraseMatcher<Bool> {
        if let area = options.relationArea, !areas.contains(area) {
            throw ConfigError(
                "classify.areas' relation-area '\(area)' is no area of the taxonomy",
                at: FileLocation(file: context.configFile), hint: "use one of: \(areas.joined(separator: ", "))")
        }
        var cues = PhraseMatcher<Bool>()
        for cue in options.relationCues { cues.add(cue, payload: true) }
        return cues
    }

    /// A passage NATO's: attributed to NATO, or naming it in some sentence.
    private static func isNATOs(_ passage: Passage) -> Bool {
        (passage.counterpart ?? .nato) == .nato || passage.sentenceNames.values.contains { $0.contains(.nato) }
    }
}
