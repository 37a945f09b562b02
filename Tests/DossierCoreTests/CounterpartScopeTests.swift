import Foundation
import XCTest
import Yams

@testable import DossierCore

/// What is no mention of a counterpart (a place named after it, a negation) and what is no
/// relation of the document's subject (a relation between two others), as the shipped pipeline
/// reads them.
final class CounterpartScopeTests: XCTestCase {
    func testPartsOfOtherNamesAreNoMentions() throws {
        var names = CounterpartNames(
            try YAMLDecoder().decode(
                [CounterpartRule].self,
                from: "[{name: NATO, abbreviations: [NATO]}, {name: China, aliases: [Chinese]}]"))
        names.addCountries(
            try YAMLDecoder().decode([CountryRule].self, from: "[{name: Niger}, {name: Chad}, {name: Guinea}]"),
            placeWords: ["in"])
        names.setPartOfName(before: ["non", "lake", "gulf of"], after: ["delta", "sea"])
        for text in [
            "An armed rebellion in the oil-rich Niger Delta.", "Patrols in the South China Sea.",
            "Kenya became a Major Non-NATO Ally.", "Lake Chad is shrinking.", "Piracy in the Gulf of Guinea.",
        ] {
            XCTAssertEqual(names.mentions(in: text), [:], text)
        }
        // A word after a name counts only as part of a place's name, capitalised.
        XCTAssertEqual(names.mentions(in: "The Chinese city of Xiamen."), [Counterpart("China"): 1])
        XCTAssertEqual(
            names.mentions(in: "Niger and China signed a deal; NATO was told."),
            [Counterpart("Niger"): 1, Counterpart("China"): 1, .nato: 1])
    }

    private func vietnam(_ texts: [String]) -> Document {
        var d = Document(source: "vietnam.txt", format: .text, contentHash: "")
        d.title = "Vietnam's balancing act"
        d.sections = [
            Section(
                heading: nil, level: 1,
                passages: texts.enumerated().map { i, text in
                    Passage(kind: .paragraph, text: text, span: SourceSpan(file: "vietnam.txt", startLine: i + 2))
                })
        ]
        return d
    }

    func testARelationBetweenOthersIsEvidenceForNone() throws {
        let stages = try corePipeline().documentStages
        let attribute = try XCTUnwrap(stages.first { $0 is AttributeCounterparts } as? AttributeCounterparts)
        let classify = try XCTUnwrap(stages.first { $0 is ClassifyAreas } as? ClassifyAreas)
        let d = try classify.process(
            try attribute.process(
                vietnam([
                    "Biden hosted his Japanese and South Korean counterparts at the White House. "
                        + "Vietnam signed a defence cooperation agreement with Japan, and Japanese officers "
                        + "train Vietnam's navy in joint exercises.",
                    "China and the United States both compete to be the main arms supplier. The two countries "
                        + "agreed that Chinese claims and Russian patrols were a threat.",
                ])))
        XCTAssertEqual(d.passages[0].sentencesBetweenOthers, [0])
        // Side by side as one group, or standing with the subject ("the two countries"): theirs.
        XCTAssertEqual(d.passages[1].sentencesBetweenOthers, [])
        let quoted = d.counterpartAreas.flatMap(\.evidence).map(\.text)
        XCTAssertFalse(quoted.contains { $0.contains("Biden") }, "\(quoted)")
        XCTAssertTrue(
            d.counterpartAreas.contains { $0.counterpart == Counterpart("Japan") && $0.area == "security-cooperation" })
        XCTAssertFalse(d.counterpartAreas.contains { $0.counterpart == Counterpart("South Korea") })
    }

    func testPhotoCreditsRunIntoABlockAreCaptions() throws {
        let d = try processWithProjectPipeline(
            "Ream and the kingdom\n\nCambodian navy personnel at Ream Naval Base on 26 July 2019 "
                + "(Jane Doe/AFP via Getty Images)\nOn this page\n\n(FilePic) A soldier jumps through a ring of "
                + "fire during a military exercise in Xinjiang, China. -REUTERS\n\nCambodia and China signed a "
                + "naval cooperation agreement in 2019, and Chinese engineers have since rebuilt the base. The "
                + "navy says the new pier serves Cambodian ships only.\n")
        XCTAssertEqual(
            d.removed.filter { $0.stage == DropCaptions.id }.map(\.span.startLine), [3, 6])
        XCTAssertFalse(d.passages.contains { $0.text.contains("Getty") || $0.text.contains("REUTERS") })
    }

    /// The shipped lists: the Niger Delta is no mention of Niger in an analysis of Nigeria.
    func testTheShippedPipelineReadsPlacesAsPlaces() throws {
        let d = try processWithProjectPipeline(
            "Nigeria, a giant of Africa\n\nNigeria is beset with corruption and an armed rebellion in the oil rich "
                + "Niger Delta. Nigeria signed a loan agreement with China in 2019.\n", name: "analysis.txt")
        XCTAssertFalse(d.passages.contains { $0.sentenceNames.values.contains { $0.contains(Counterpart("Niger")) } })
    }

    /// A sentence between others still dates its event for the counterpart it names; a region
    /// as subject is named by its countries, so none of its sentences is between others.
    func testBetweenOthersLeavesFactsAndRegionsAlone() throws {
        let stages = try corePipeline().documentStages
        let attribute = try XCTUnwrap(stages.first { $0 is AttributeCounterparts } as? AttributeCounterparts)
        let d = try attribute.process(
            vietnam(["Vietnam's navy trains with Japan. In 2019 China signed a gas deal with Russia."]))
        XCTAssertEqual(d.passages[0].sentencesBetweenOthers, [1])
        XCTAssertTrue(
            [Counterpart("China"), Counterpart("Russia")].contains(d.passages[0].counterpart(ofSentence: 1)),
            "\(d.passages[0].counterpart(ofSentence: 1))")
        var region = vietnam(["Russia and China compete there, and Moscow objected to Beijing's loans to Kazakhstan."])
        region.title = "Central Asia between two powers"
        XCTAssertEqual(try attribute.process(region).passages[0].sentencesBetweenOthers, [])
    }

    /// A caption ending in its credit often repeats the article's first sentence: that sentence
    /// is the article's, not a duplicate of the caption.
    func testTheSentenceACreditedCaptionRepeatsStays() throws {
        let d = try processWithProjectPipeline(
            "Ream and the kingdom\n\nCambodian sailors stand on the new pier at Ream Naval Base, which Chinese "
                + "engineers rebuilt, the navy said. (Jane Doe/AFP via Getty Images)\n\nCambodian sailors stand on "
                + "the new pier at Ream Naval Base, which Chinese engineers rebuilt, the navy said on Monday. "
                + "It is new.\n")
        XCTAssertEqual(d.removed.filter { $0.stage == DropCaptions.id }.map(\.span.startLine), [3])
        XCTAssertTrue(d.passages.contains { $0.text.hasSuffix("the navy said on Monday. It is new.") })
    }

    /// Only a credit opens a block; a caption pattern inside a paragraph, or a wire's name in
    /// mixed case, leaves the text alone.
    func testBodyLinesThatLookLikeCreditsStay() throws {
        let d = try processWithProjectPipeline(
            "Ream and the kingdom\n\nSatellite pictures of the base were published last year, and the\n"
                + "image by Maxar showed a new pier for Chinese ships. The navy says it serves Cambodia only.\n\n"
                + "The minister told the agency the talks would resume next month, as he had promised — Reuters\n")
        XCTAssertEqual(d.removed.filter { $0.stage == DropCaptions.id }, [])
    }
}
