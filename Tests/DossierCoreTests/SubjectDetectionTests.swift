import DossierCore
import Foundation
import XCTest
import Yams

/// Whom a document is about, on the shapes real documents take: an analysis names the powers
/// it discusses more than its subject, a regional analysis, NATO members in a partner's text.
final class SubjectDetectionTests: XCTestCase {
    // MARK: subject

    /// An analysis of Georgia that discusses US and Russian policy is about Georgia.
    func testAnAnalysisIsAboutThePartnerNotThePowersItDiscusses() throws {
        let d = try processWithProjectPipeline(
            """
            Monday, 3 March 2025

            A Small State Between Great Powers

            By A. Writer

            The United States has long debated its policy toward Georgia. Washington's envoys and the United States \
            Congress \
            argue over aid, while the United States also weighs sanctions. Russia keeps troops in Abkhazia, and Russia \
            presses Tbilisi. The United States and Russia both court Georgia.
            """)
        XCTAssertEqual(d.country, "Georgia")
    }

    /// A regional analysis of Central Asia that discusses China at length is about the region.
    func testARegionalAnalysisStaysRegionalWhenAPowerDominatesTheText() throws {
        let d = try processWithProjectPipeline(
            """
            No. 7 | June 2021

            China's security footprint grows in Central Asia. China trains police, China sells drones and China \
            builds posts \
            on the Tajik border. Central Asia's governments welcome the help; Central Asia remains wary.
            """)
        XCTAssertEqual(d.country, "Central Asia")
        XCTAssertTrue(d.countryIsRegion)
    }

    /// A NATO member is never the partner; a country that joined later was a partner before.
    func testANATOMemberIsNeverThePartner() throws {
        let member = try processWithProjectPipeline(
            """
            Pipeline politics in the Caspian

            Turkey backs the pipeline. Turkey finances the terminal, Turkey hosts the talks, and Azerbaijan supplies \
            the gas.
            """)
        XCTAssertEqual(member.country, "Azerbaijan")
        let before = try processWithProjectPipeline(
            """
            Last updated: 05 Jun. 2015

            Finland and Sweden train together. Finland hosts an exercise, Finland leads a course, and Finland joins \
            the \
            Partnership for Peace planning process as a partner.
            """)
        XCTAssertEqual(before.country, "Finland", "Finland joined NATO in 2023, after this 2015 document")
        let sameYear = try processWithProjectPipeline(
            """
            Last updated: 02 Feb. 2023

            Finland prepares for membership. Finland's parliament voted, and Finland hosts the Alliance's envoys.
            """)
        XCTAssertEqual(sameYear.country, "Finland", "a page from the year Finland joined may be about the candidate")
    }

    /// An analysis of a member's own ties with Russia is about the member: a member counts for
    /// less (`member-weight`), as a power does, not for nothing; a partner page's Allies do not
    /// outweigh its partner.
    func testAMembersOwnAnalysisIsAboutTheMember() throws {
        let member = try processWithProjectPipeline(
            """
            Denmark weighs its Arctic ties with Russia. Danish diplomats met Russian envoys twice; Denmark kept its \
            fishing agreement with Russia, Denmark renewed its gas contract, and Denmark still sends its patrols \
            north. Denmark's parliament approved it.
            """)
        XCTAssertEqual(member.country, "Denmark")
        let partner = try processWithProjectPipeline(
            """
            Denmark and Norway trained Moldovan officers. Denmark funded the course; Moldova hosted it, and Moldova \
            sent forty officers.
            """)
        XCTAssertEqual(partner.country, "Moldova")
    }

    /// A member named six times to a power's ten: the item is about the member's ties with the
    /// power (`member-weight` a little above `counterpart-weight`; at the same weight, China).
    func testAMemberNamedNearlyAsOftenAsAPowerIsTheSubject() throws {
        let d = try processWithProjectPipeline(
            """
            China's investors keep coming to Hungary. China built a battery plant in Hungary; Hungary's minister \
            thanked China. China lent, China's envoy spoke, and Hungary signed the loan with China. Hungary and \
            China opened a railway, China sent engineers, China paid and China smiled; Hungary waited.
            """)
        XCTAssertEqual(d.country, "Hungary")
    }

    /// A member that is a counterpart power itself is the subject only where the title names it
    /// and no other partner.
    func testATitleNamingOnlyAMemberAndAPowerIsAboutTheMember() throws {
        let d = try processWithProjectPipeline(
            """
            The deepening Türkiye-Russia relationship

            Moscow and Ankara cooperate in Syria. Russia built the reactor, Russia sells gas, and Russia sold missiles.
            """)
        XCTAssertEqual(d.country, "Türkiye")
    }

    /// Demonyms count as mentions ("Venezuelan President …"), so an item that names its subject
    /// by adjective is not handed to a region it names once.
    func testADemonymIsAMentionOfItsCountry() throws {
        let d = try processWithProjectPipeline(
            """
            The Venezuelan government won backing abroad.

            The Venezuelan president thanked China and Russia. Venezuelan officials met envoys from the Middle East.
            """)
        XCTAssertEqual(d.country, "Venezuela")
    }

    /// A title naming a power and a partner is about the partner, even where the power's name
    /// and adjective make it the most mentioned.
    func testATitlesPartnerBeatsAPowerItAlsoNames() throws {
        let d = try processWithProjectPipeline(
            """
            China, Eritrea sign policing pact

            China and Eritrea signed a pact. Chinese police will train Eritrea's police. China's minister and \
            Chinese officials attended, China pays, China sends advisers and China builds a school, as China \
            did before. Eritrea's president welcomed it.
            """)
        XCTAssertEqual(d.country, "Eritrea")
        // A partner named once beside two powers named far more is no subject.
        let e = try processWithProjectPipeline(
            """
            China builds roads, China lends money, China trains police, China sells drones and China buys \
            copper. Russia sends advisers, Russia sells arms, Russia hosts students and Russia buys grain. \
            Mongolia watches.
            """)
        XCTAssertNotEqual(e.country, "Mongolia")
    }

    /// Two partners named about as often: the one the body names first is the subject (an
    /// analysis opens on it), not a region named in passing.
    func testOfPartnersNamedAlikeTheFirstNamedIsTheSubject() throws {
        let d = try processWithProjectPipeline(
            """
            It is not only with China that Nepal keeps good relations; Nepal must balance India too. India wants \
            transit, India wants rivers, India wants trade, and India's firms invest. Nepal's ports are far; Nepal \
            trades through India. Nepal watches the Indo-Pacific.
            """)
        XCTAssertEqual(d.country, "Nepal")
    }

    /// India is a power its small neighbours deal with (facts.yaml `counterpart-powers`): a
    /// news item naming it twice as often as Bhutan is still about Bhutan.
    func testARegionalPowerNamedMoreOftenLeavesItsNeighbourTheSubject() throws {
        let d = try processWithProjectPipeline(
            """
            India's prime minister reaffirmed the ties between India and Bhutan. India funds roads, India buys \
            power, and Indian engineers build dams; India wants its neighbour close. Bhutan thanked him, and \
            Bhutan's king will travel.
            """)
        XCTAssertEqual(d.country, "Bhutan")
    }

    /// A power named most (a summit's host) says nothing of which partner an item is about: the
    /// partners are compared among themselves, and the first named of those named about as
    /// often is the subject, not the country of the war the speech was about.
    func testAPowerOnTopLeavesThePartnersComparedAmongThemselves() throws {
        let d = try processWithProjectPipeline(
            """
            Eritrea's president attacked NATO at the summit in Russia, blaming it for the war in Ukraine. \
            Russia welcomed him, Russia's president thanked him, Russia praised Eritrea, and Russian media cheered. \
            Russia, he said, is no threat, Russia is a friend, and Russia will prevail. Crimea came up. Ukraine is \
            a sacrifice, he said.
            """)
        XCTAssertEqual(d.country, "Eritrea")
    }

    /// "The Gulf state" is one country, not the region: a news item calling its subject so is
    /// about that country (and a title naming a clearly leading partner stays with it).
    func testARegionNamePlusStateIsACountry() throws {
        let d = try processWithProjectPipeline(
            """
            Talks between the Gulf state and the Alliance went on.

            Ruritania's envoy met NATO officials. The Gulf state wants more training, and Oman's \
            minister said the Gulf state had been helpful. Oman and Oman's navy took part.
            """)
        XCTAssertEqual(d.country, "Oman")
        let e = try processWithProjectPipeline(
            """
            Eritrea keeps close ties with Gulf states.

            Eritrea hosts a base; Eritrea signed deals; Eritrea's leaders travel to Gulf capitals. Sudan objected.
            """)
        XCTAssertEqual(e.country, "Eritrea")
    }

    /// A title naming a region and a partner is about the partner when the body names the
    /// partner more often than the region, even with no country clearly ahead of the others.
    func testATitlesPartnerBeatsItsRegionWhenTheBodyNamesItMore() throws {
        let d = try processWithProjectPipeline(
            """
            Eritrea and the Gulf states: a new alignment

            Eritrea hosts a base. Eritrea signed deals. Eritrea's leaders travel abroad. Sudan objected; Sudan's \
            army watched; Sudan complained. The Gulf states invest.
            """)
        XCTAssertEqual(d.country, "Eritrea")
        XCTAssertFalse(d.countryIsRegion)
    }

    /// A state that no longer exists is a subject of the texts of its time, and what it
    /// included is the subject speaking (`includes`): "Moscow" in a 1990 speech is the Soviet
    /// Union, not a Russian counterpart.
    func testAFormerStateIsTheSubjectAndWhatItIncludedIsNoCounterpart() throws {
        let d = try processWithProjectPipeline(
            """
            Speech to the Supreme Soviet, Moscow, 16 July 1990

            The Soviet Union and the Alliance open a new chapter. The USSR welcomed the visit, and Moscow and \
            NATO agreed to hold regular talks; the Soviet Union will send its envoys to Brussels.
            """)
        XCTAssertEqual(d.country, "Soviet Union")
        let named = d.passages.flatMap { $0.sentenceNames.values.flatMap { $0 } } + d.passages.compactMap(\.counterpart)
        XCTAssertFalse(named.contains(Counterpart("Russia")), "\(named)")
    }

    /// `includes` names a country or counterpart of facts.yaml, or the file is refused.
    func testIncludingAnUnknownNameIsAnError() throws {
        let facts = try String(contentsOf: repoRoot.appendingPathComponent("facts.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "includes: [Russia]", with: "includes: [Rusia]")
        XCTAssertThrowsError(try YAMLDecoder().decode(FactRules.self, from: facts)) {
            XCTAssertTrue("\($0)".contains("includes 'Rusia'"), "\($0)")
        }
    }

    /// A headline names a state by its capital ("Rome says …"); in the body a capital is a
    /// place (a dateline, a venue) and no mention.
    func testATitlesCapitalNamesItsStateTheBodysDoesNot() throws {
        let headline = try processWithProjectPipeline(
            """
            Rome says it will coordinate with the EU on China

            The Belt and Road memorandum with China is up for renewal. China wants it renewed; China's ambassador \
            lobbied, and China's trade is large.
            """)
        XCTAssertEqual(headline.country, "Italy")
        let dateline = try processWithProjectPipeline(
            """
            KABUL - The Netherlands ended its mission in Kabul. Dutch troops left Kabul through Kabul airport; \
            Kabul officials thanked them, and the Netherlands keeps its embassy in Kabul.
            """)
        XCTAssertEqual(dateline.country, "Netherlands")
    }
}
