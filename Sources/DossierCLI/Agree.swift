import ArgumentParser
import DossierCore
import Foundation

/// `dossier agree`: how far two annotators agree, the ceiling for what `dossier eval` measures.
struct Agree: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score one counterpart annotation of some documents against another of the same documents.",
        discussion: """
            Both files have the layout of Tests/Gold/counterparts/*.yaml. The second is scored as eval \
            scores Dossier's output against the first: (area, counterpart) pairs, NATO's areas, which \
            counterparts, constraints, future and hedged fragments, the subject country. Names and area \
            keys go through the pipeline's facts and taxonomy, as in eval.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The annotation scored against.", valueName: "first"))
    var first: String

    @Argument(help: ArgumentHelp("The annotation scored.", valueName: "second"))
    var second: String

    @Flag(name: .long, help: "List every disagreement.")
    var differences = false

    func run() throws {
        try reportingErrors {
            let pipeline = try global.pipeline()
            let names = CounterpartNames(pipeline.factRules?.counterparts ?? [])
            let one = try CounterpartGold.load(first, taxonomy: pipeline.taxonomy, names: names)
            let two = try CounterpartGold.load(second, taxonomy: pipeline.taxonomy, names: names)
            let a = Agreement.compare(one, two)
            guard !a.documents.isEmpty else {
                throw ConfigError(
                    "'\(first)' and '\(second)' annotate no document in common", at: FileLocation(file: second),
                    hint: "the files are matched by their `file:` names")
            }
            print(text(a), terminator: "")
            return .success
        }
    }

    private func text(_ a: Agreement) -> String {
        var s = "Agreement of \(second) with \(first) (\(a.documents.count) documents)\n"
        s += "  " + "measure".padding(toLength: 24, withPad: " ", startingAt: 0) + "    P      R      F1   n\n"
        s += row("pairs", a.pairs.micro.precision, a.pairs.micro.recall, a.pairs.micro.f1, a.pairs.micro.support)
        s += row("NATO's areas", a.natoPairs.precision, a.natoPairs.recall, a.natoPairs.f1, a.natoPairs.support)
        s += row(
            "counterparts", a.counterparts.precision, a.counterparts.recall, a.counterparts.f1, a.counterparts.support)
        for (label, c) in [("constraints", a.constraints), ("future", a.future), ("hedged", a.hedged)] {
            s += row(label, c.precision, c.recall, c.f1, c.expected)
        }
        s += accuracy("constraint kind", a.constraintKinds)
        s += accuracy("country", a.country)
        if differences {
            s += "\nDifferences (first → second)\n"
            for d in a.differences { s += "  \(d.source)  \(d.what): \(d.expected) → \(d.found)\n" }
        }
        return s
    }

    private func row(_ label: String, _ p: Double, _ r: Double, _ f: Double, _ n: Int) -> String {
        String(
            format: "  %@ %.3f  %.3f  %.3f  %d\n", label.padding(toLength: 24, withPad: " ", startingAt: 0), p, r, f, n)
    }

    private func accuracy(_ label: String, _ a: Accuracy) -> String {
        String(
            format: "  %@ %.3f  (%d/%d)\n", label.padding(toLength: 24, withPad: " ", startingAt: 0), a.value,
            a.correct, a.total)
    }
}
