import ArgumentParser
import DossierCore
import Foundation

/// `dossier eval`: precision, recall and F1 against gold annotations.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score areas and facts against gold annotations (areas cross-validated by document).",
        discussion: """
            Passage areas are scored leave-one-document-out: each document is classified by a model \
            trained on the other documents. Exit 1 with --min when a headline figure falls below the \
            recorded one.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A gold folder: documents/ and passages/, or gold.yaml and docs/ (the devset layout). Repeat to pool "
                + "several; documents are cross-validated over the pool.",
            valueName: "dir"))
    var gold: [String] = ["Tests/Gold"]

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A counterpart annotation file (Tests/Gold/counterparts/*.yaml), matched to the gold documents by file "
                + "name; document areas are then also scored as (area, counterpart) pairs. Repeatable.",
            valueName: "file"))
    var counterparts: [String] = []

    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    @Flag(name: .long, help: "List every passage whose areas disagree with the gold.")
    var misses = false

    @Option(name: .long, help: "A JSON file of recorded headline figures; exit 1 if any figure is lower.")
    var min: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write the headline figures (rounded to three places) to this JSON file, to record them as a gate for "
                + "--min.",
            valueName: "file"))
    var writeFigures: String?

    enum Format: String, ExpressibleByArgument { case text, json }

    func run() throws {
        try reportingErrors {
            let trainer = try AreaTrainer(
                config: try PipelineConfig.load(path: global.config), registry: .standard, logger: global.logger())
            var pooled = GoldSet(documents: [])
            for dir in gold {
                let url = URL(fileURLWithPath: dir)
                let set =
                    FlatGold.isFlat(url)
                    ? try FlatGold.load(
                        from: url, taxonomy: trainer.pipeline.taxonomy,
                        rules: trainer.pipeline.factRules
                            ?? {
                                throw ConfigError(
                                    "flat gold needs an extract.facts stage for its framework and country names",
                                    at: FileLocation(file: global.config))
                            }())
                    : try GoldSet.load(from: url)
                pooled.documents += set.documents
            }
            var relations = CounterpartGold()
            let names = CounterpartNames(trainer.pipeline.factRules?.counterparts ?? [])
            for file in counterparts {
                relations.merge(try CounterpartGold.load(file, taxonomy: trainer.pipeline.taxonomy, names: names))
            }
            for name in relations.attach(to: &pooled) {
                printError("warning: counterpart annotation for '\(name)' matches no gold document")
            }
            let report = try Evaluator(trainer: trainer).evaluate(pooled)
            switch format {
            case .json: FileHandle.standardOutput.write(Data(try StableJSON.encode(report) + [UInt8(ascii: "\n")]))
            case .text: print(EvaluationText(report, misses: misses).text, terminator: "")
            }
            if let writeFigures {
                let rounded = report.headline.mapValues { ($0 * 1000).rounded() / 1000 }
                try Data(try StableJSON.encode(rounded) + [UInt8(ascii: "\n")]).write(
                    to: URL(fileURLWithPath: writeFigures))
            }
            guard let min else { return .success }
            let recorded = try RecordedFigures.load(min)
            let drops = recorded.drops(in: report)
            for d in drops { printError("below the recorded figure: \(d)") }
            return drops.isEmpty ? .success : .buildFailed
        }
    }
}

/// The text form of an evaluation: tables of P/R/F1 and the facts' accuracies.
struct EvaluationText {
    let report: EvaluationReport
    let misses: Bool

    init(_ report: EvaluationReport, misses: Bool) {
        self.report = report
        self.misses = misses
    }

    var text: String {
        var s = "Passage areas (\(report.documents) documents, "
        s += report.crossValidated ? "learned model trained leave-one-document-out)\n" : "rules only)\n"
        s += table(report.passages)
        if report.crossValidated {
            s += String(format: "  rules alone: macro-F1 %.3f\n", report.passagesRulesOnly.macroF1)
        }
        if report.unalignedPassages > 0 {
            s += "  \(report.unalignedPassages) gold passages matched no output passage\n"
        }
        s += "\nDocument areas\n" + table(report.documentAreas)
        if report.counterpartDocuments > 0 { s += pairs }
        if report.statements.documents > 0 { s += statements }
        s += "\nFacts\n"
        s += row("frameworks", report.frameworks.micro)
        s += row("milestones", report.milestones)
        s += accuracy("join years", report.joinYears)
        s += accuracy("milestone years", report.milestoneYears)
        s += accuracy("last updated", report.lastUpdated)
        s += accuracy("country", report.country)
        s += accuracy("title", report.title)
        s += accuracy("contact point", report.contactPointEmbassy)
        if misses {
            s += "\nDocument-level misses (expected → found)\n"
            for m in report.factMisses {
                s += "  \((m.source as NSString).lastPathComponent)  \(m.what): \(m.expected) → \(m.found)\n"
            }
            s += "\nMisclassified passages (− missed, + false alarm)\n"
            for m in report.misclassified {
                let excerpt = m.text.count > 110 ? String(m.text.prefix(110)) + "…" : m.text
                s += "  \(m.expected ? "−" : "+") \(m.area)  \(m.source):\(m.line)  \(excerpt)\n"
                if !m.signals.isEmpty {
                    s += "      signals: \(m.signals.map(\.description).joined(separator: "; "))\n"
                }
            }
        }
        return s
    }

    /// Pairs grouped by counterpart (micro over each one's areas), then all pairs pooled.
    private var pairs: String {
        var s = "\nDocument areas as (area, counterpart) pairs (\(report.counterpartDocuments) documents)\n"
        var byCounterpart: [String: Counts] = [:]
        for (label, c) in report.documentAreaPairs.labels {
            let name = String(label.prefix { $0 != ":" })
            byCounterpart[name, default: Counts()].truePositives += c.truePositives
            byCounterpart[name, default: Counts()].falsePositives += c.falsePositives
            byCounterpart[name, default: Counts()].falseNegatives += c.falseNegatives
        }
        s += "  " + "counterpart".padding(toLength: 24, withPad: " ", startingAt: 0) + "    P      R      F1   n\n"
        for (name, c) in byCounterpart.sorted(by: { $0.key < $1.key }) { s += row(name, c) }
        let micro = report.documentAreaPairs.micro
        s += String(
            format: "  %@ %.3f  %.3f  %.3f\n", "pairs".padding(toLength: 24, withPad: " ", startingAt: 0),
            micro.precision, micro.recall, micro.f1)
        return s
    }

    /// Constraints per kind and pooled, then future and hedged statements: recall over gold
    /// fragments, precision over the sentences marked.
    private var statements: String {
        let scores = report.statements
        var s = "\nStatements (\(scores.documents) documents)\n"
        s += "  " + "kind".padding(toLength: 24, withPad: " ", startingAt: 0) + "    P      R      F1   n\n"
        for kind in Constraint.Kind.allCases {
            s += row("constraint: \(kind)", scores.constraints[kind.rawValue] ?? MatchCounts())
        }
        s += row("constraints pooled", scores.pooled)
        s += row("future", scores.future)
        s += row("hedged", scores.hedged)
        s += accuracy("constraint counterpart", scores.constraintCounterparts)
        return s
    }

    private func row(_ label: String, _ c: MatchCounts) -> String { TableRow.matches(label, c) }

    private func table(_ scores: LabelScores) -> String {
        var s = "  " + "area".padding(toLength: 24, withPad: " ", startingAt: 0) + "    P      R      F1   n\n"
        for (label, c) in scores.labels.sorted(by: { $0.key < $1.key }) { s += row(label, c) }
        s += String(
            format: "  %@ %.3f\n", "macro-F1".padding(toLength: 24, withPad: " ", startingAt: 0), scores.macroF1)
        let micro = scores.micro
        s += String(
            format: "  %@ %.3f  %.3f  %.3f\n", "micro".padding(toLength: 24, withPad: " ", startingAt: 0),
            micro.precision, micro.recall, micro.f1)
        return s
    }

    private func row(_ label: String, _ c: Counts) -> String { TableRow.counts(label, c) }

    private func accuracy(_ label: String, _ a: Accuracy) -> String { TableRow.accuracy(label, a) }
}

/// One row of the score tables `dossier eval` and `dossier agree` print.
enum TableRow {
    static func scores(_ label: String, _ p: Double, _ r: Double, _ f: Double, _ n: Int) -> String {
        String(
            format: "  %@ %.3f  %.3f  %.3f  %d\n", label.padding(toLength: 24, withPad: " ", startingAt: 0), p, r, f, n)
    }

    static func counts(_ label: String, _ c: Counts) -> String { scores(label, c.precision, c.recall, c.f1, c.support) }

    static func matches(_ label: String, _ c: MatchCounts) -> String {
        scores(label, c.precision, c.recall, c.f1, c.expected)
    }

    static func accuracy(_ label: String, _ a: Accuracy) -> String {
        String(
            format: "  %@ %.3f  (%d/%d)\n", label.padding(toLength: 24, withPad: " ", startingAt: 0), a.value,
            a.correct, a.total)
    }
}
