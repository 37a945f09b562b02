import DossierCore
import Foundation
import XCTest

/// `check.language` with the project's pipeline: a document in another language than the word
/// lists is named in a warning, an English one of the same length and shape is not, and a
/// snippet too short to judge is left alone. Fixtures are written for these tests.
final class CheckLanguageTests: XCTestCase {
    static let spanish = """
        Las relaciones entre Ruritania y la Alianza

        El gobierno de Ruritania firmó un acuerdo de cooperación militar con sus vecinos del norte durante \
        la visita del ministro de defensa. Según el texto, las fuerzas armadas del país participarán en \
        ejercicios conjuntos cada año y recibirán formación en logística, comunicaciones y desminado. Los \
        críticos señalan que el acuerdo no menciona el control parlamentario del presupuesto ni la \
        transparencia de las compras de armamento. El presidente defendió la decisión ante el congreso y \
        recordó que la neutralidad del país sigue vigente. La oposición pidió un debate público antes de la \
        ratificación del tratado por parte del senado nacional.
        """

    static let english = """
        Relations between Ruritania and the Alliance

        The government of Ruritania signed a military cooperation agreement with its northern neighbours \
        during the visit of the defence minister. According to the text, the armed forces of the country \
        will take part in joint exercises every year and receive training in logistics, communications and \
        demining. Critics note that the agreement does not mention parliamentary control of the budget or \
        the transparency of arms purchases. The president defended the decision before the congress and \
        recalled that the neutrality of the country still holds. The opposition asked for a public debate \
        before the ratification of the treaty by the national senate.
        """

    func testADocumentInAnotherLanguageIsNamedInAWarning() throws {
        let d = try processWithProjectPipeline(Self.spanish, name: "analisis.txt")
        let warning = try XCTUnwrap(d.warnings.first { $0.contains("check.language") })
        XCTAssertTrue(warning.hasPrefix(d.source), warning)
        XCTAssertTrue(warning.contains("translate it, or leave it out"), warning)
    }

    func testAnEnglishDocumentOfTheSameShapeIsNot() throws {
        let d = try processWithProjectPipeline(Self.english)
        XCTAssertFalse(d.warnings.contains { $0.contains("check.language") }, "\(d.warnings)")
    }

    /// A caption or a title alone says too little to judge: fewer words than `min-words`.
    func testAShortSnippetIsNotJudged() throws {
        let d = try processWithProjectPipeline("Acuerdo de cooperación militar firmado por Ruritania y sus vecinos.")
        XCTAssertFalse(d.warnings.contains { $0.contains("check.language") }, "\(d.warnings)")
    }

    /// The share itself, on the stage built from options in memory.
    func testTheShareCountsOnlyWordsOfLetters() throws {
        var options = CheckLanguage.Options()
        options.words = ["the", "of"]
        let d = try processWithProjectPipeline("The rise of the 2024 budget: 12 of 30 items.")
        let share = CheckLanguage(options: options).share(of: d)
        XCTAssertEqual(share.common, 4)
        XCTAssertEqual(share.total, 7)
    }
}
