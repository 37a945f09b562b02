import Foundation
import Logging

/// Scores the pipeline against gold annotations (`dossier eval`).
///
/// Classification is cross-validated by document: each document is classified by a model
/// trained on the *other* documents' headed sections, so the learned component is never scored
/// on text it was trained on. The rules are scored alone too, to show what the model adds.
/// Facts do not depend on the model and are scored once.
public struct Evaluator: Sendable {
    public let trainer: AreaTrainer

    public init(trainer: AreaTrainer) { self.trainer = trainer }

    public func evaluate(_ gold: GoldSet) throws -> EvaluationReport {
        let prepared = try gold.documents.map { try trainer.prepare($0.source) }
        let usesModel = trainer.classifier.options.model != nil
        var report = EvaluationReport(crossValidated: usesModel, documents: gold.documents.count)
        for (i, g) in gold.documents.enumerated() {
            let others = prepared.enumerated().filter { $0.offset != i }.map(\.element)
            let model = usesModel ? trainer.train(on: others) : nil
            let document = try trainer.finish(prepared[i], model: model)
            let rulesOnly = usesModel ? try trainer.finish(prepared[i], model: nil) : document
            if let passages = g.passages {
                score(
                    passages, in: document, source: g.source, into: &report.passages, misses: &report.misclassified,
                    unaligned: &report.unalignedPassages)
                var ignoredMisses: [EvaluationReport.Miss] = []
                var ignoredCount = 0
                score(
                    passages, in: rulesOnly, source: g.source, into: &report.passagesRulesOnly, misses: &ignoredMisses,
                    unaligned: &ignoredCount)
            }
            if let areas = g.areas {
                let predicted = Set(document.areas.map(\.area))
                let expected = Set(areas)
                report.documentAreas.add(predicted: predicted, expected: expected)
                for area in predicted.symmetricDifference(expected).sorted() {
                    let evidence = document.areas.first { $0.area == area }?.evidence.first
                    report.factMisses.append(
                        .init(
                            source: g.source, what: "area \(area)", expected: expected.contains(area) ? "yes" : "no",
                            found: evidence.map { "\($0.span.startLine): \($0.text.prefix(100))" } ?? "no"))
                }
            }
            if let relations = g.counterpartAreas {
                let (predicted, expected) = (AreaPairs.predicted(document), AreaPairs.expected(relations))
                report.documentAreaPairs.add(predicted: predicted, expected: expected)
                report.counterpartDocuments += 1
                for pair in predicted.symmetricDifference(expected).sorted() {
                    report.factMisses.append(
                        .init(
                            source: g.source, what: "pair \(pair)", expected: expected.contains(pair) ? "yes" : "no",
                            found: predicted.contains(pair) ? "yes" : "no"))
                }
            }
            if let statements = g.statements {
                report.factMisses += report.statements.add(document, gold: statements, source: g.source)
            }
            scoreFacts(document, against: g, into: &report)
        }
        report.misclassified.sort { ($0.source, $0.line, $0.area) < ($1.source, $1.line, $1.area) }
        return report
    }

    /// Passage areas: each gold passage is matched to the output passage that contains its
    /// first line. An output passage no gold passage starts in is scored as if the gold said
    /// it has no area, so areas given to captions or furniture count as false alarms.
    private func score(
        _ gold: [GoldPassage], in document: Document, source: String, into scores: inout LabelScores,
        misses: inout [EvaluationReport.Miss], unaligned: inout Int
    ) {
        let passages = document.passages
        var matched = Set<Int>()
        for g in gold {
            let index = passages.firstIndex { $0.span.startLine <= g.line && g.line <= $0.span.endLine }
            let predicted = index.map { Set(passages[$0].areas.map(\.area)) } ?? []
            if let index { matched.insert(index) } else { unaligned += 1 }
            let expected = Set(g.areas)
            scores.add(predicted: predicted, expected: expected)
            for area in predicted.symmetricDifference(expected).sorted() {
                let p = index.map { passages[$0] }
                misses.append(
                    .init(
                        source: source, line: g.line, area: area, expected: expected.contains(area),
                        text: p?.text ?? "(no passage found at this line)",
                        signals: p?.areas.first { $0.area == area }?.evidence.first?.signals ?? []))
            }
        }
        for (i, p) in passages.enumerated() where !matched.contains(i) {
            let predicted = Set(p.areas.map(\.area))
            scores.add(predicted: predicted, expected: [])
            for area in predicted.sorted() {
                misses.append(
                    .init(
                        source: source, line: p.span.startLine, area: area, expected: false, text: p.text,
                        signals: p.areas.first { $0.area == area }?.evidence.first?.signals ?? []))
            }
        }
    }

    private func scoreFacts(_ d: Document, against g: GoldDocument, into r: inout EvaluationReport) {
        let found = Dictionary(d.facts.frameworks.map { ($0.id, $0.year) }, uniquingKeysWith: { a, _ in a })
        let expected = Dictionary(g.frameworks.map { ($0.id, $0.year) }, uniquingKeysWith: { a, _ in a })
        r.frameworks.add(predicted: Set(found.keys), expected: Set(expected.keys))
        for id in Set(found.keys).symmetricDifference(expected.keys).sorted() {
            r.factMisses.append(
                .init(
                    source: g.source, what: "framework \(id)", expected: expected[id] == nil ? "no" : "yes",
                    found: found[id] == nil ? "no" : "yes"))
        }
        for (id, year) in expected.sorted(by: { $0.key < $1.key }) {
            // A framework not found has no join year: that is a wrong answer, not a skipped one.
            let right = found[id].map { $0 == year } ?? false
            r.joinYears.add(right)
            if !right, let got = found[id] {
                let evidence = d.facts.frameworks.first { $0.id == id }?.evidence
                r.factMisses.append(
                    .init(
                        source: g.source, what: "join year \(id)", expected: year.map(String.init) ?? "none",
                        found: (got.map(String.init) ?? "none")
                            + (evidence.map { " (\($0.span.startLine): \($0.text.prefix(90)))" } ?? "")))
            }
        }
        scoreMilestones(d, against: g, into: &r)
        r.lastUpdated.add(d.facts.lastUpdated?.date == g.lastUpdated)
        if d.facts.lastUpdated?.date != g.lastUpdated {
            r.factMisses.append(
                .init(
                    source: g.source, what: "last updated", expected: g.lastUpdated ?? "none",
                    found: d.facts.lastUpdated?.date ?? "none"))
        }
        r.country.add(d.country == g.country)
        if d.country != g.country {
            r.factMisses.append(
                .init(source: g.source, what: "country", expected: g.country ?? "none", found: d.country ?? "none"))
        }
        if g.annotatesTitle { r.title.add(d.title == g.title) }
        r.contactPointEmbassy.add(d.facts.contactPointEmbassy?.country == g.contactPointEmbassy)
    }

    /// Milestones: line-placed gold items are found when an output milestone covers their line
    /// (and its year must match); unplaced ones are matched by year and words.
    private func scoreMilestones(_ d: Document, against g: GoldDocument, into r: inout EvaluationReport) {
        var used = Set<Int>()
        if g.milestones.contains(where: { $0.line == nil }) {
            scoreUnplacedMilestones(g.milestones, d, source: g.source, used: &used, into: &r)
        }
        // Line-placed gold (the samples) annotates the milestones list only: prose events are not scored there.
        if !g.milestones.contains(where: { $0.line == nil }) {
            for i in d.facts.milestones.indices where d.facts.milestones[i].fromProse { used.insert(i) }
        }
        // Milestones: an item is found when an output milestone covers its line.
        for m in g.milestones {
            guard let line = m.line else { continue }
            let index = d.facts.milestones.firstIndex {
                !$0.fromProse && $0.span.startLine <= line && line <= $0.span.endLine
            }
            r.milestones.add(predicted: index != nil, expected: true)
            guard let index else { continue }
            used.insert(index)
            let out = d.facts.milestones[index]
            // The year is right when it is the list's year, or the year another sentence gives
            // (marked inferred), or absent where the gold has neither.
            let want = m.year ?? m.inferredYear
            let right = out.year == want && out.yearInferred == (m.year == nil && m.inferredYear != nil)
            r.milestoneYears.add(right)
            if !right {
                r.factMisses.append(
                    .init(
                        source: g.source, what: "milestone year (\(line))", expected: want.map(String.init) ?? "none",
                        found: (out.year.map(String.init) ?? "none")
                            + (out.yearInferred ? " inferred from \(out.evidence.last?.span.startLine ?? 0)" : "")))
            }
        }
        for i in d.facts.milestones.indices where !used.contains(i) {
            r.milestones.add(predicted: true, expected: false)
            let m = d.facts.milestones[i]
            r.factMisses.append(
                .init(
                    source: g.source, what: "milestone", expected: "none",
                    found: "\(m.year.map(String.init) ?? "undated") (\(m.span.startLine)): \(m.text.prefix(90))"))
        }
    }

    /// Milestones annotated without lines (the flat layout): a gold item is found by an output
    /// milestone of the same year that shares enough of its words (at least two content words,
    /// or all of them when the item has fewer). Each output milestone matches one item at most.
    private func scoreUnplacedMilestones(
        _ gold: [GoldDocument.Milestone], _ d: Document, source: String, used: inout Set<Int>,
        into r: inout EvaluationReport
    ) {
        let stop = Set(trainer.pipeline.factRules?.stopwords ?? [])
        func words(_ s: String) -> Set<String> { Set(TextTools.words(s).filter { !stop.contains($0) && $0.count > 2 }) }
        let found = d.facts.milestones.map { words($0.evidence.map(\.text).joined(separator: " ")) }
        for m in gold where m.line == nil {
            let want = words(m.text)
            let best = d.facts.milestones.indices
                .filter { !used.contains($0) && d.facts.milestones[$0].year == m.year }
                .map { (index: $0, shared: found[$0].intersection(want).count) }
                .filter { $0.shared >= min(2, want.count) }
                .max { ($0.shared, -$0.index) < ($1.shared, -$1.index) }
            r.milestones.add(predicted: best != nil, expected: true)
            if let best {
                used.insert(best.index)
            } else {
                r.factMisses.append(
                    .init(
                        source: source, what: "milestone",
                        expected: "\(m.year.map(String.init) ?? "undated"): \(m.text.prefix(90))", found: "no"))
            }
        }
    }
}

/// What `dossier eval` prints (as text or JSON).
public struct EvaluationReport: Codable, Sendable {
    /// True when a learned model took part, trained leave-one-document-out.
    public var crossValidated: Bool
    public var documents: Int
    public var passages = LabelScores()
    /// The same passages with the rules alone, for comparison.
    public var passagesRulesOnly = LabelScores()
    /// Gold passages whose first line is in no output passage.
    public var unalignedPassages = 0
    public var documentAreas = LabelScores()
    /// Document areas as (area, counterpart) pairs, labelled "Counterpart: area", over the
    /// `counterpartDocuments` gold documents that carry counterpart annotations.
    public var documentAreaPairs = LabelScores()
    public var counterpartDocuments = 0
    /// Constraints, future and hedged statements, over the gold documents that annotate them.
    public var statements = StatementScores()
    public var frameworks = LabelScores()
    public var joinYears = Accuracy()
    public var milestones = Counts()
    public var milestoneYears = Accuracy()
    public var lastUpdated = Accuracy()
    public var country = Accuracy()
    public var title = Accuracy()
    public var contactPointEmbassy = Accuracy()
    /// Every passage-area disagreement with the gold.
    public var misclassified: [Miss] = []
    /// Every document-level disagreement (areas, frameworks, years, milestones, country, dates).
    public var factMisses: [FactMiss] = []

    public init(crossValidated: Bool, documents: Int) {
        self.crossValidated = crossValidated
        self.documents = documents
    }

    public struct Miss: Codable, Sendable, Hashable {
        public var source: String
        public var line: Int
        public var area: String
        /// True: the gold has the area and the output missed it; false: a false alarm.
        public var expected: Bool
        public var text: String
        public var signals: [Signal]
    }

    public struct FactMiss: Codable, Sendable, Hashable {
        public var source: String
        public var what: String
        public var expected: String
        public var found: String
    }

    /// The headline figures a test gate compares with the recorded ones; (area, counterpart)
    /// pairs only where the gold carries counterparts.
    public var headline: [String: Double] {
        var figures = [
            "passage-macro-f1": passages.macroF1,
            "document-area-f1": documentAreas.micro.f1,
            "document-area-precision": documentAreas.micro.precision,
            "frameworks-f1": frameworks.micro.f1,
            "join-year-accuracy": joinYears.value,
            "milestones-f1": milestones.f1,
            "milestone-year-accuracy": milestoneYears.value,
            "last-updated-accuracy": lastUpdated.value,
            "country-accuracy": country.value,
            "title-accuracy": title.value,
            "contact-point-accuracy": contactPointEmbassy.value,
        ]
        if counterpartDocuments > 0 { figures["area-pairs-f1"] = documentAreaPairs.micro.f1 }
        return figures
    }
}
