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
            let rules = pipeline.factRules
            let one = try CounterpartGold.load(first, taxonomy: pipeline.taxonomy, names: names, countries: rules)
            let two = try CounterpartGold.load(second, taxonomy: pipeline.taxonomy, names: names, countries: rules)
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
        var s = "Agreement of \(second) with \(first) (\(a.documents.count) documents"
        s += a.onlyOne.isEmpty ? ")\n" : "; \(a.onlyOne.count) annotated in one file only, not compared)\n"
        s += "  " + "measure".padding(toLength: 24, withPad: " ", startingAt: 0) + "    P      R      F1   n\n"
        s += TableRow.counts("pairs", a.pairs.micro)
        s += TableRow.counts("NATO's areas", a.natoPairs)
        s += TableRow.counts("counterparts", a.counterparts)
        s += TableRow.matches("constraints", a.constraints)
        s += TableRow.matches("future", a.future)
        s += TableRow.matches("hedged", a.hedged)
        s += TableRow.accuracy("constraint kind", a.constraintKinds)
        s += TableRow.accuracy("country", a.country)
        if differences {
            s += "\nDifferences (first → second)\n"
            for d in a.differences { s += "  \(d.source)  \(d.what): \(d.expected) → \(d.found)\n" }
        }
        return s
    }
}
