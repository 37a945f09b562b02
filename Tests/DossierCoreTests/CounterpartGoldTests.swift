import DossierCore
import Foundation
import XCTest
import Yams

/// Counterpart annotations: area keys through the taxonomy's gold-keys, joined to gold
/// documents by file name, scored as (area, counterpart) pairs.
final class CounterpartGoldTests: XCTestCase {
    private func write(_ yaml: String) throws -> URL { try temporaryYAML(yaml, removedAfter: self) }

    func testAnnotationsAreJoinedByFileNameWithAreaKeysMapped() throws {
        let file = try write(
            """
            - file: ruritania.txt
              country: Ruritania
              counterparts:
                NATO: {areas: [security_cooperation]}
                Borduria: {areas: [energy, trade_economy_transit]}
                Syldavia: {areas: []}
              constraints: []
              notes: "keys of later parts are allowed"
            - file: nowhere.txt
              counterparts: {}
            """)
        let gold = try CounterpartGold.load(file.path, taxonomy: try corePipeline().taxonomy)
        var set = GoldSet(documents: [GoldDocument(source: "corpus/ruritania.txt"), GoldDocument(source: "b.txt")])
        XCTAssertEqual(gold.attach(to: &set), ["nowhere.txt"], "an entry no gold document has is reported")
        let relations = try XCTUnwrap(set.documents[0].counterpartAreas)
        XCTAssertEqual(relations[Counterpart("Borduria")], ["energy", "trade-transit"])
        XCTAssertNil(set.documents[1].counterpartAreas)
        XCTAssertEqual(
            AreaPairs.expected(relations),
            ["NATO: security-cooperation", "Borduria: energy", "Borduria: trade-transit"])
    }

    func testAnUnknownAreaKeyIsAnError() throws {
        let file = try write("- file: a.txt\n  counterparts:\n    NATO: {areas: [basket_weaving]}\n")
        XCTAssertThrowsError(try CounterpartGold.load(file.path, taxonomy: try corePipeline().taxonomy)) {
            XCTAssertTrue("\($0)".contains("basket_weaving"), "\($0)")
        }
    }

    /// Until areas carry their counterpart, every area found is NATO's: an analysis of
    /// Borduria–Ruritania energy ties scores as a false NATO pair and a missed Borduria one.
    func testAreasWithoutCounterpartCountAsNATO() {
        var document = Document(source: "ruritania.txt", format: .text, contentHash: "")
        document.areas = [AreaScore(area: "energy", score: 0.9, evidence: [])]
        var scores = LabelScores()
        scores.add(
            predicted: AreaPairs.predicted(document),
            expected: AreaPairs.expected([Counterpart("Borduria"): ["energy"]]))
        XCTAssertEqual(scores.micro.truePositives, 0)
        XCTAssertEqual(scores.labels["NATO: energy"]?.falsePositives, 1)
        XCTAssertEqual(scores.labels["Borduria: energy"]?.falseNegatives, 1)
    }
}

/// facts.yaml's `counterparts:`: names, metonyms and abbreviations found in text, counted once
/// where they overlap; annotators' spellings mapped onto the configured names.
final class CounterpartNamesTests: XCTestCase {
    private func fixture() throws -> CounterpartNames {
        let yaml = """
            - {name: Borduria, aliases: [Bordurian, Szohôd, the Taurus Palace], abbreviations: [BDR]}
            - {name: Syldavian Union, aliases: [Syldavia, Klow], abbreviations: [SU]}
            """
        return CounterpartNames(try YAMLDecoder().decode([CounterpartRule].self, from: yaml))
    }

    func testMetonymsAndAdjectivesStandForTheirPower() throws {
        let names = try fixture()
        let text =
            "Ruritania signed a gas deal with Szohôd; the Taurus Palace praised Bordurian investors. Klow objected."
        XCTAssertEqual(names.mentions(in: text), [Counterpart("Borduria"): 3, Counterpart("Syldavian Union"): 1])
        XCTAssertEqual(names.named(in: text), [Counterpart("Borduria"), Counterpart("Syldavian Union")])
    }

    func testAbbreviationsMatchOnlyAsWritten() throws {
        let names = try fixture()
        XCTAssertEqual(names.mentions(in: "Let su know."), [:])
        XCTAssertEqual(
            names.mentions(in: "The SU and BDR met."), [Counterpart("Syldavian Union"): 1, Counterpart("Borduria"): 1])
    }

    func testOverlappingNamesCountOnce() throws {
        let names = try fixture()
        // "Syldavian Union" is the name; "Syldavia" alone is an alias: one mention, not two.
        XCTAssertEqual(names.mentions(in: "The Syldavian Union and Ruritania"), [Counterpart("Syldavian Union"): 1])
    }

    func testAnnotatorsSpellingsMapOntoConfiguredNames() throws {
        let names = try fixture()
        XCTAssertEqual(names.canonical("klow"), Counterpart("Syldavian Union"))
        XCTAssertEqual(names.canonical("Zembla"), Counterpart("Zembla"))
    }

    /// The shipped facts.yaml: the issue's metonyms reach their powers.
    func testTheShippedRulesKnowTheIssuesMetonyms() throws {
        let rules = try XCTUnwrap(try corePipeline().factRules)
        let names = CounterpartNames(rules.counterparts)
        XCTAssertEqual(names.named(in: "Gazprom and the Kremlin"), [Counterpart("Russia")])
        XCTAssertEqual(names.named(in: "Beijing"), [Counterpart("China")])
        XCTAssertEqual(names.named(in: "Allies in the EAPC"), [.nato])
        XCTAssertEqual(names.canonical("Turkey"), Counterpart("Türkiye"))
    }
}
