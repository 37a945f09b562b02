import DossierCore
import Foundation
import XCTest
import Yams

/// `attribute.counterparts`: a passage belongs to the counterpart it names most, else its
/// section's, else the document's (NATO whenever the document names NATO); only NATO
/// passages make NATO's document areas.
final class AttributeCounterpartsTests: XCTestCase {
    private func stage() throws -> AttributeCounterparts {
        let yaml = """
            - {name: NATO, aliases: [Allies], abbreviations: [NATO]}
            - {name: Borduria, aliases: [Bordurian, Szohôd]}
            - {name: Syldavia, aliases: [Klow]}
            """
        return AttributeCounterparts(
            names: CounterpartNames(try YAMLDecoder().decode([CounterpartRule].self, from: yaml)))
    }

    private func document(_ sections: [(String?, [String])]) -> Document {
        var d = Document(source: "ruritania.txt", format: .text, contentHash: "")
        var line = 1
        d.sections = sections.map { heading, texts in
            Section(
                heading: heading, level: 1,
                passages: texts.map { text in
                    line += 1
                    return Passage(
                        kind: .paragraph, text: text, span: SourceSpan(file: "ruritania.txt", startLine: line))
                })
        }
        return d
    }

    /// The shipped pipeline's counterpart and area stages.
    private func shippedStages() throws -> (AttributeCounterparts, ClassifyAreas) {
        let stages = try corePipeline().documentStages
        return (
            try XCTUnwrap(stages.first { $0 is AttributeCounterparts } as? AttributeCounterparts),
            try XCTUnwrap(stages.first { $0 is ClassifyAreas } as? ClassifyAreas)
        )
    }

    private func counterparts(_ d: Document) -> [String?] { d.passages.map { $0.counterpart?.name } }

    func testAnAnalysisThatNeverNamesNATOHasNoNATOMaterial() throws {
        let d = try stage().process(
            document([
                ("Gas", ["Szohôd buys Ruritanian gas; Bordurian firms run the fields.", "Prices fell in 2010."]),
                ("Rivals", ["Klow objected to the deal.", "The army is small."]),
                (nil, ["Elections were held."]),
            ]))
        XCTAssertEqual(counterparts(d), ["Borduria", "Borduria", "Syldavia", "Syldavia", "Borduria"])
    }

    func testAPageThatNamesNATOKeepsItsUnnamedPassagesForNATO() throws {
        let d = try stage().process(
            document([
                ("Partnership", ["Ruritania joined NATO's programme.", "Exercises followed."]),
                ("Region", ["Szohôd sells arms to Ruritania."]),
                ("Emergencies", ["Floods were handled jointly."]),
            ]))
        XCTAssertEqual(counterparts(d), ["NATO", "NATO", "Borduria", "NATO"])
    }

    func testTheMostNamedCounterpartWinsAndTiesGoToTheFirstListed() throws {
        let d = try stage().process(
            document([(nil, ["Klow and Szohôd met; Klow hosted.", "NATO and Szohôd met.", "Allies met."])]))
        XCTAssertEqual(counterparts(d), ["Syldavia", "NATO", "NATO"])
    }

    /// The shipped pipeline: an analyst's paragraph on Moscow's gas deals makes an energy area
    /// of Russia's, not of NATO's, while the page's own NATO material stays NATO's.
    func testOnlyNATOMaterialMakesNATOAreas() throws {
        let (attribute, classify) = try shippedStages()
        let d = try classify.process(
            try attribute.process(
                document([
                    ("Energy", ["Gazprom and Moscow signed gas supply and pipeline agreements with Ruritania."]),
                    (
                        "Civil emergency planning",
                        ["NATO helped Ruritania with disaster response and search and rescue."]
                    ),
                ])))
        XCTAssertFalse(d.areas.contains { $0.area == "energy" }, "\(d.areas.map(\.area))")
        XCTAssertTrue(d.areas.contains { $0.area == "civil-emergency" && $0.counterpart == .nato })
        let russian = d.counterpartAreas.filter { $0.counterpart == Counterpart("Russia") }
        // "signed … agreements" also tells a relation (classify.areas `relation-cues`) in a
        // document only half NATO's.
        XCTAssertEqual(russian.map(\.area), ["energy", "political-dialogue"])
        XCTAssertEqual(russian.first?.evidence.first?.counterpart, Counterpart("Russia"))
    }

    /// A sentence that names another power and not its passage's own is that power's: its
    /// areas are scored apart and quote only it.
    func testAnAsideOnAnotherPowerIsItsOwnStrand() throws {
        let d = try stage().process(
            document([(nil, ["NATO trains Ruritanian officers. Szohôd buys its gas. The Allies run courses."])]))
        XCTAssertEqual(counterparts(d), ["NATO"])
        XCTAssertEqual(d.passages[0].sentenceCounterparts, [1: Counterpart("Borduria")])
        XCTAssertEqual(d.passages[0].strandCounterparts, [.nato, Counterpart("Borduria")])

        let (attribute, classify) = try shippedStages()
        let text =
            "NATO helped Ruritania with disaster response and search and rescue training. "
            + "Gazprom and Moscow signed gas supply and pipeline agreements with Ruritania."
        let classified = try classify.process(try attribute.process(document([("Cooperation", [text])])))
        let passage = classified.passages[0]
        let energy = passage.areas.filter { $0.area == "energy" }
        XCTAssertEqual(energy.map(\.counterpart), [Counterpart("Russia")], "\(passage.areas.map(\.area))")
        XCTAssertEqual(
            energy.first?.evidence.first?.text,
            "Gazprom and Moscow signed gas supply and pipeline agreements with Ruritania.")
        XCTAssertFalse(passage.areas.contains { $0.counterpart == .nato && $0.area == "energy" })
    }

    /// Powers named side by side ("ties with Klow and Szohôd") share the sentence, whichever
    /// is its own; named as places ("dissidents in Klow and Szohôd") they do not, and a power
    /// named apart from the others in the sentence does not join them.
    func testPowersNamedSideBySideShareTheSentence() throws {
        let d = try stage().process(
            document([
                (
                    nil,
                    [
                        "NATO trains Ruritanian officers. Ruritania deepened its ties with Klow and Szohôd. "
                            + "Dissidents fled from Klow and Szohôd. NATO courses, unlike Szohôd's, are open "
                            + "to the Allies."
                    ]
                )
            ]))
        let p = d.passages[0]
        XCTAssertEqual(p.sentenceCounterparts, [1: Counterpart("Borduria"), 2: Counterpart("Borduria")])
        XCTAssertEqual(p.sentenceSharedWith, [1: [Counterpart("Syldavia")]])
        XCTAssertEqual(p.counterparts(ofSentence: 1), [Counterpart("Borduria"), Counterpart("Syldavia")])
        XCTAssertEqual(p.strandCounterparts, [.nato, Counterpart("Borduria"), Counterpart("Syldavia")])

        let (attribute, classify) = try shippedStages()
        let text =
            "NATO helped Ruritania with disaster response and search and rescue training. "
            + "Ruritania signed gas supply and pipeline agreements with Moscow and Beijing."
        let classified = try classify.process(try attribute.process(document([("Cooperation", [text])])))
        let energy = classified.passages[0].areas.filter { $0.area == "energy" }
        XCTAssertEqual(Set(energy.map(\.counterpart)), [Counterpart("Russia"), Counterpart("China")])
        XCTAssertEqual(
            energy.map { $0.evidence.first?.text },
            Array(repeating: "Ruritania signed gas supply and pipeline agreements with Moscow and Beijing.", count: 2))
    }

    /// In a document that never names NATO, every country facts.yaml lists is a counterpart
    /// too (by name or adjective), except the document's subject and a country named as a
    /// place ("to Bangladesh", "through India"); a document that names NATO keeps to the
    /// configured counterparts.
    func testListedCountriesAreCounterpartsWhereNATOIsNotNamed() throws {
        let (attribute, classify) = try shippedStages()
        let analysis = try classify.process(
            try attribute.process(
                document([
                    (
                        "Partners",
                        [
                            "Nepal signed a defence cooperation agreement with Japan. Japanese officers train "
                                + "Nepal's army in joint training and exercises.",
                            "Nepal's exports go to Bangladesh through India. Nepal's leaders hold elections.",
                        ]
                    )
                ])))
        XCTAssertEqual(analysis.passages.map(\.counterpart), [Counterpart("Japan"), Counterpart("Japan")])
        XCTAssertEqual(analysis.passages[1].strandCounterparts, [Counterpart("Japan")])
        let japanese = analysis.counterpartAreas.filter { $0.counterpart == Counterpart("Japan") }
        XCTAssertTrue(japanese.contains { $0.area == "security-cooperation" }, "\(japanese.map(\.area))")
        XCTAssertFalse(analysis.passages.contains { $0.strandCounterparts.contains(Counterpart("Nepal")) })

        let page = try attribute.process(
            document([(nil, ["Nepal joined NATO's programme.", "Nepal signed an agreement with Japan."])]))
        XCTAssertEqual(page.passages.map(\.counterpart), [.nato, .nato])
    }

    /// Countries listed after a word of direction are destinations, every one of them ("gas
    /// routes to Bhutan and Myanmar, Nepal, and India"); after "from", only the first is a place
    /// ("officials from Bhutan, Myanmar and Nepal": the others are partners).
    func testAListOfDestinationsNamesNoPartner() throws {
        var names = CounterpartNames(try YAMLDecoder().decode([CounterpartRule].self, from: "[{name: Borduria}]"))
        let countries = try YAMLDecoder().decode(
            [CountryRule].self, from: "[{name: Bhutan}, {name: Myanmar}, {name: Nepal}, {name: India}]")
        names.addCountries(countries, placeWords: ["from"], listOpeners: ["to"], joiners: ["and", "the"])
        XCTAssertEqual(names.mentions(in: "Gas routes run to Bhutan and Myanmar, Nepal, and India."), [:])
        XCTAssertEqual(
            names.mentions(in: "Officials from Bhutan, Myanmar and Nepal met. India signed."),
            [Counterpart("Myanmar"): 1, Counterpart("Nepal"): 1, Counterpart("India"): 1])
        // The list ends with its sentence; a configured power after "to" counts, and the
        // countries listed after it take the role a country has there.
        XCTAssertEqual(
            names.mentions(in: "Exports go to Bhutan. Myanmar and India signed."),
            [Counterpart("Myanmar"): 1, Counterpart("India"): 1])
        XCTAssertEqual(names.mentions(in: "It turned to Borduria and Nepal."), [Counterpart("Borduria"): 1])
    }

    /// An article between two names is no break: "Borduria and the Syldavian state" speak alike.
    func testAnArticleBetweenNamesSideBySideIsNoBreak() throws {
        let names = CounterpartNames(
            try YAMLDecoder().decode([CounterpartRule].self, from: "[{name: Borduria}, {name: Syldavia}]"))
        XCTAssertEqual(
            names.sideBySide(in: "Borduria and the Syldavia compete.", joiners: ["and", "the"], placeWords: []),
            [[Counterpart("Borduria"), Counterpart("Syldavia")]])
        XCTAssertEqual(names.sideBySide(in: "Borduria and the Syldavia compete.", joiners: ["and"], placeWords: []), [])
    }

    /// A sentence a constraint mark covers whole is never the quote of an area.
    func testAConstraintSentenceIsNeverQuotedAsEvidence() throws {
        let stages = try corePipeline().documentStages
        var d = document([
            (
                "Cooperation",
                [
                    "Ruritania does not offer any armed forces units for NATO-led operations. "
                        + "NATO helped Ruritania with disaster response and search and rescue training."
                ]
            )
        ])
        for stage in stages
        where stage is AttributeCounterparts || stage is ClassifyStatements || stage is ClassifyAreas {
            d = try stage.process(d)
        }
        let areas = d.passages[0].areas
        XCTAssertFalse(areas.isEmpty)
        for a in areas {
            XCTAssertEqual(
                a.evidence[0].text, "NATO helped Ruritania with disaster response and search and rescue training.",
                a.area)
        }
    }

    /// The words of bilateral relations ("ties with", "relationship") make political
    /// dialogue for another power, and nothing for NATO, whose partner pages use them of
    /// themselves (the taxonomy's `other-powers` phrases).
    func testBilateralRelationsWordsCountForOtherPowersOnly() throws {
        let (attribute, classify) = try shippedStages()
        let classified = try classify.process(
            try attribute.process(
                document([
                    (
                        "Moscow",
                        ["Ruritania keeps close ties with Moscow; the relationship matters to its leaders."]
                    ),
                    (
                        "Relations",
                        ["Ruritania keeps close ties with NATO; the relationship matters to its leaders."]
                    ),
                ])))
        let russian = classified.passages[0].areas.filter { $0.counterpart == Counterpart("Russia") }
        XCTAssertEqual(russian.map(\.area), ["political-dialogue"], "\(classified.passages[0].areas)")
        XCTAssertEqual(classified.passages[1].areas.map(\.area), [], "\(classified.passages[1].areas)")
    }

    /// A relation a long document touches in one paragraph is judged on that paragraph, not on
    /// the whole length: a gas deal is an energy area of Russia's even among 100 paragraphs
    /// about NATO (judged on the whole length, no one paragraph could carry it: the bar would be
    /// 0.01 × 101 and a passage scores at most 1), while one NATO paragraph naming a gas
    /// pipeline among them is not enough for NATO.
    func testAShortRelationInALongDocumentNeedsOnlyItsOwnShareOfEvidence() throws {
        let (attribute, classify) = try shippedStages()
        let filler = (1...100).map { "NATO officials met Ruritanian officials in meeting number \($0)." }
        let d = try classify.process(
            try attribute.process(
                document([
                    ("Talks", filler + ["NATO discussed the gas pipeline with Ruritania."]),
                    ("Moscow", ["Gazprom signed a gas supply agreement with Ruritania."]),
                ])))
        let russian = d.counterpartAreas.filter { $0.counterpart == Counterpart("Russia") }
        XCTAssertTrue(russian.contains { $0.area == "energy" }, "\(russian.map(\.area))")
        XCTAssertFalse(d.areas.contains { $0.area == "energy" }, "\(d.areas.map(\.area))")
    }
}
