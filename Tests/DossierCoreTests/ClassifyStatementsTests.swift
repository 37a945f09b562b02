import DossierCore
import Foundation
import XCTest

/// `classify.statements` with the project's statements.yaml: the kinds of constraint, future
/// and conditional statements, hedges, the phrases that only look like them, and what
/// classify.areas and the prose events make of the marks. Fixtures are about Ruritania, a
/// made-up partner, and Borduria, a made-up power.
final class ClassifyStatementsTests: XCTestCase {
    static let pipeline = Result { try corePipeline() }

    private func stage() throws -> ClassifyStatements {
        try XCTUnwrap(try Self.pipeline.get().documentStages.compactMap { $0 as? ClassifyStatements }.first)
    }

    /// `d` read by the shipped `attribute.counterparts` (whose names a constraint takes) and
    /// then by this stage.
    private func attributedAndMarked(_ d: Document) throws -> Document {
        let attribute = try XCTUnwrap(
            try Self.pipeline.get().documentStages.compactMap { $0 as? AttributeCounterparts }.first)
        return try stage().process(try attribute.process(d))
    }

    /// The marks of a one-sentence passage, as "kind" or "constraint:kind".
    private func marks(_ sentence: String) throws -> [String] {
        try stage().marks(sentence, at: 0).map { m in m.constraint.map { "constraint:\($0)" } ?? "\(m.kind)" }
    }

    func testEachKindOfConstraint() throws {
        XCTAssertEqual(try marks("Ruritania does not contribute troops to the mission."), ["constraint:negation"])
        XCTAssertEqual(try marks("The Alliance has no role in the border talks."), ["constraint:negation"])
        XCTAssertEqual(try marks("The government refused to host the exercise."), ["constraint:refusal"])
        XCTAssertEqual(
            try marks("Ruritania takes part in exercises on a case-by-case basis."), ["constraint:limit"])
        XCTAssertEqual(try marks("Its policy of neutrality frames the partnership."), ["constraint:limit"])
        XCTAssertEqual(try marks("Relations deteriorated sharply after the coup."), ["constraint:decline"])
        XCTAssertEqual(try marks("Ruritania suspended its participation in the programme."), ["constraint:suspension"])
        XCTAssertEqual(try marks("Borduria withdrew its observers from the mission."), ["constraint:suspension"])
    }

    func testTheMostSpecificKindWins() throws {
        // A refusal and a decline outrank "not", the catch-all.
        XCTAssertEqual(try marks("The ministry rejected the offer and did not reply."), ["constraint:refusal"])
        XCTAssertEqual(
            try marks("Relations declined to some extent, though talks did not stop."), ["constraint:decline"])
        XCTAssertEqual(try marks("Cooperation was suspended and has not resumed."), ["constraint:suspension"])
    }

    func testFutureAndConditionalStatements() throws {
        XCTAssertEqual(try marks("Ruritania is expected to attend the summit in 2031."), ["future"])
        XCTAssertEqual(try marks("The two sides will open a liaison office."), ["future"])
        XCTAssertEqual(try marks("Should the parliament agree, troops could deploy in the spring."), ["future"])
        XCTAssertEqual(try marks("Talks resume, if the ministers agree."), ["future"])
        // An offer or a plan is no cooperation yet; a willingness shown in deeds is.
        XCTAssertEqual(
            try marks("Borduria expressed its willingness to support Ruritania against terrorism."), ["future"])
        XCTAssertEqual(try marks("The defence agreement is planned to be signed in May."), ["future"])
        XCTAssertEqual(try marks("Ruritania's troops show its willingness to share the burden."), [])
        // Inside a clause, "should" is an obligation and "if" an indirect question: no condition.
        XCTAssertEqual(try marks("The office asked if the courses had ended."), [])
        XCTAssertEqual(try marks("Reform should be seen as a long process."), [])
    }

    /// "would" is a conditional or a future told in reported speech; "would remain" and "would
    /// continue" report what already holds.
    func testWouldIsFutureUnlessItReportsWhatHolds() throws {
        XCTAssertEqual(try marks("Borduria signed a loan that Ruritania would repay in ten years."), ["future"])
        XCTAssertEqual(
            try marks("Membership would require the consent of every member."), ["constraint:limit", "future"])
        XCTAssertEqual(try marks("The minister said Ruritania would remain a reliable partner."), [])
    }

    /// Side-taking words that report a relation blocked, opposed or under strain.
    func testOppositionBlockingAndStrainAreConstraints() throws {
        XCTAssertEqual(
            try marks("Borduria opposed any cooperation between NATO and Ruritania."), ["constraint:refusal"])
        XCTAssertEqual(try marks("Borduria succeeded in blocking the office."), ["constraint:refusal"])
        XCTAssertEqual(try marks("The relationship has grown complicated."), ["constraint:decline"])
        XCTAssertEqual(try marks("The base provoked considerable concern in the capital."), ["constraint:limit"])
        XCTAssertEqual(try marks("Cooperation is a building block of the partnership."), [])
    }

    /// Ends, resistance and token gestures as analyses word them; a bare "delay" is a verb of
    /// anything ("courts able to delay extraditions") and "symbolic" alone can be praise.
    func testEndsResistanceAndTokenGesturesAreConstraints() throws {
        XCTAssertEqual(
            try marks("Ruritania decided to sever its defence pact with Borduria."), ["constraint:suspension"])
        XCTAssertEqual(try marks("The new charter abolishes foreign bases."), ["constraint:suspension"])
        XCTAssertEqual(try marks("The accord was thrown out by the new cabinet."), ["constraint:suspension"])
        XCTAssertEqual(try marks("Borduria scaled back its naval presence."), ["constraint:suspension"])
        XCTAssertEqual(try marks("The junta is resisting calls for elections."), ["constraint:refusal"])
        XCTAssertEqual(try marks("Bordurian aid would be mostly symbolic."), ["constraint:limit", "future"])
        XCTAssertEqual(try marks("After years of delays, the office opened."), ["constraint:limit"])
        XCTAssertEqual(try marks("Courts were able to delay extraditions."), [])
        XCTAssertEqual(try marks("Symbolic steps were taken to mark the anniversary."), [])
    }

    func testHedgedClaims() throws {
        XCTAssertEqual(try marks("Bordurian instructors were reportedly present at the base."), ["hedged"])
        XCTAssertEqual(try marks("According to the author's interviews, advisers stayed on."), ["hedged"])
        XCTAssertEqual(try marks("The transfer of the radars remains unconfirmed."), ["hedged"])
        XCTAssertEqual(try marks("Ruritania bought the radars, citing officials in the capital."), ["hedged"])
        XCTAssertEqual(try marks("The daily reported that the base had opened."), ["hedged"])
        XCTAssertEqual(try marks("Borduria is accused of arming the rebels."), ["hedged"])
        XCTAssertEqual(try marks("The visit was ostensibly about fisheries."), ["hedged"])
        XCTAssertEqual(try marks("The deal is reported to be worth a billion."), ["hedged"])
    }

    func testPhrasesThatOnlyLookLikeConstraints() throws {
        XCTAssertEqual(try marks("Ruritania not only trains officers but also hosts courses."), [])
        XCTAssertEqual(try marks("The plan must be adopted no later than June."), [])
        XCTAssertEqual(try marks("Ruritania supports non-proliferation efforts."), [])
        XCTAssertEqual(try marks("Nonetheless, the exercises went ahead."), [])
        XCTAssertEqual(try marks("Courses, not least in logistics, were held in the capital."), [])
        XCTAssertEqual(try marks("Both sides showed the political will to work together."), [])
    }

    func testAConstraintBelongsToTheCounterpartItsSentenceNames() throws {
        var d = Document(source: "ruritania.txt", format: .text, contentHash: "")
        var passage = Passage(
            kind: .paragraph,
            text: "NATO and Ruritania hold regular talks. Russia has no military presence in the country.",
            span: SourceSpan(file: "ruritania.txt", startLine: 4))
        passage.counterpart = .nato
        d.sections = [Section(heading: nil, level: 1, passages: [passage])]
        let out = try attributedAndMarked(d)
        XCTAssertEqual(out.constraints.map(\.counterpart), [Counterpart("Russia")])
        XCTAssertEqual(out.constraints.map(\.kind), [.negation])
        XCTAssertEqual(out.constraints.first?.span.startLine, 4)
        XCTAssertEqual(out.passages[0].statements.map(\.sentence), [1])
    }

    /// The sentence's subject, named first, is whose relation the constraint limits, however
    /// often the sentence names another counterpart.
    func testAConstraintBelongsToTheCounterpartNamedFirst() throws {
        var d = Document(source: "ruritania.txt", format: .text, contentHash: "")
        let text = "NATO has no direct role in the border talks, which the OSCE leads through the OSCE chair."
        d.sections = [
            Section(
                heading: nil, level: 1,
                passages: [Passage(kind: .paragraph, text: text, span: SourceSpan(file: "ruritania.txt", startLine: 2))]
            )
        ]
        XCTAssertEqual(try attributedAndMarked(d).constraints.map(\.counterpart), [.nato])
    }

    /// A country facts.yaml lists but does not configure as a counterpart is one where NATO is
    /// not named, and the constraint whose sentence names it first is its own; the document's
    /// subject is never the counterpart of its own constraint.
    func testAConstraintNamingAListedCountryFirstIsThatCountrys() throws {
        var d = Document(source: "nepal.txt", format: .text, contentHash: "")
        let text =
            "Nepal trades with China. India has no reason to welcome the Chinese engineers in Nepal. "
            + "Nepal refused to host the Chinese base."
        d.sections = [
            Section(
                heading: nil, level: 1,
                passages: [Passage(kind: .paragraph, text: text, span: SourceSpan(file: "nepal.txt", startLine: 2))]
            )
        ]
        let constraints = try attributedAndMarked(d).constraints
        XCTAssertEqual(constraints.map(\.counterpart), [Counterpart("India"), Counterpart("China")])
    }

    /// A subordinate clause that states a decline covers that clause only: the dialogue of the
    /// main clause still counts.
    func testASubordinateConstraintLeavesItsMainClause() throws {
        let sentence = "While relations declined after the crisis, Ruritania and NATO now hold regular political talks."
        var passage = Passage(kind: .paragraph, text: sentence, span: SourceSpan(file: "r.txt", startLine: 1))
        passage.statements = try stage().marks(sentence, at: 0)
        XCTAssertEqual(passage.assertedSentences, ["Ruritania and NATO now hold regular political talks."])
    }

    func testANegatedSentenceRaisesNoAreaScore() throws {
        let text = """
            Relations with Ruritania

            Ruritania does not offer any armed forces units or infrastructure for NATO-led operations.
            """
        let d = try processWithProjectPipeline(text)
        XCTAssertEqual(d.constraints.map(\.kind), [.negation])
        XCTAssertFalse(d.passages.flatMap(\.areas).contains { $0.area == "operations-support" }, "\(d.passages)")
        let affirmed = try processWithProjectPipeline(
            text.replacingOccurrences(of: "does not offer", with: "offers"))
        XCTAssertTrue(affirmed.passages.flatMap(\.areas).contains { $0.area == "operations-support" })
    }

    func testAFutureSentenceIsNoProseEvent() throws {
        let text = """
            Relations with Ruritania

            Ruritania joined the Partnership for Peace in 2002. Ruritania is expected to attend the \
            Partnership for Peace summit in 2031.
            """
        let d = try processWithProjectPipeline(text)
        let prose = d.facts.milestones.filter(\.fromProse)
        XCTAssertEqual(prose.compactMap(\.year), [2002])
    }

    func testHedgedEvidenceIsMarked() throws {
        let text = """
            Relations with Ruritania

            Ruritania reportedly sent officers to NATO courses on civil emergency planning and disaster relief.
            """
        let d = try processWithProjectPipeline(text)
        let evidence = d.passages.flatMap(\.areas).flatMap(\.evidence)
        XCTAssertFalse(evidence.isEmpty)
        XCTAssertTrue(evidence.allSatisfy(\.hedged))
    }

    /// A hedge in another sentence of the passage does not mark the sentence a quote shows.
    func testAHedgeElsewhereInThePassageLeavesTheQuotedSentenceUnmarked() throws {
        let text = """
            Relations with Ruritania

            Ruritania sent officers to NATO courses on civil emergency planning and disaster relief. Its navy \
            reportedly bought boats.
            """
        let d = try processWithProjectPipeline(text)
        let evidence = d.passages.flatMap(\.areas).filter { $0.area == "civil-emergency" }.flatMap(\.evidence)
        XCTAssertFalse(evidence.isEmpty)
        // The hedged sentence stays in the evidence's text; only the quoted sentence is judged.
        XCTAssertTrue(evidence.allSatisfy { $0.text.contains("reportedly") })
        XCTAssertFalse(evidence.contains(where: \.hedged))
    }

    func testOlderEvidenceWithoutTheKeyDecodesAsNotHedged() throws {
        let json = #"{"text": "t", "span": {"file": "f", "startLine": 1, "endLine": 1}}"#
        let evidence = try JSONDecoder().decode(Evidence.self, from: Data(json.utf8))
        XCTAssertFalse(evidence.hedged)
        XCTAssertFalse(String(decoding: try JSONEncoder().encode(evidence), as: UTF8.self).contains("hedged"))
    }
}
