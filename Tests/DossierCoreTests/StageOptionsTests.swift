import DossierCore
import XCTest

/// Options declared once (`Setting`): the declaration decodes strictly and documents itself.
final class StageOptionsTests: XCTestCase {
    private func decode<O: StageOptions>(_ type: O.Type, _ yaml: String) throws -> O {
        try StrictYAML.decode(type, from: yaml, file: "pipeline.yaml")
    }

    func testAnEmptyEntryKeepsEveryDefault() throws {
        let options = try decode(ClassifyAreas.Options.self, "{}")
        XCTAssertEqual(options.minScore, ClassifyAreas.Options().minScore)
        XCTAssertEqual(options.training, AreaModel.Training())
        XCTAssertNil(options.model)
    }

    func testDeclaredKeysSetTheirPropertiesAndNullKeepsTheDefault() throws {
        let yaml = """
            min-score: 0.7
            max-areas: ~
            model: m.json
            listing-cues: [such as]
            training: {max-passage-share: 0.5}
            """
        let options = try decode(ClassifyAreas.Options.self, yaml)
        XCTAssertEqual(options.minScore, 0.7)
        XCTAssertEqual(options.maxAreas, 3)
        XCTAssertEqual(options.model, "m.json")
        XCTAssertEqual(options.listingCues, ["such as"])
        XCTAssertEqual(options.training.maxPassageShare, 0.5)
        XCTAssertEqual(options.training.minDocuments, 2)
    }

    func testAnUnknownKeyIsLocatedWithTheClosestDeclaredOne() {
        assertConfigError(
            try decode(Dehyphenate.Options.self, "keep-prefixes: [post]\nword-list: [a]\n"),
            at: "pipeline.yaml:2:1", .unknownKey("word-list", suggestion: "word-lists"))
        assertConfigError(
            try decode(ClassifyAreas.Options.self, "training:\n  max-passage: 0.5\n"),
            at: "pipeline.yaml:2:3", .unknownKey("max-passage", suggestion: "max-passage-share"))
    }

    func testAWrongTypeIsLocated() {
        assertConfigError(
            try decode(StripPageFurniture.Options.self, "banners: []\nmin-repeats: often\n"),
            at: "pipeline.yaml:2:14", .wrongType(expected: "a whole number"))
        assertConfigError(
            try decode(BuildSections.Options.self, "bullets: '*'\n"),
            at: "pipeline.yaml:1:10", .wrongType(expected: "a list"))
    }

    /// A value of the right type but outside what the option means is refused with what it takes.
    func testAValueOutsideItsRangeIsRefusedWithWhatItTakes() {
        XCTAssertThrowsError(try decode(StripPageFurniture.Options.self, "unpaged-formats: [htm]\n")) { error in
            XCTAssertTrue("\(error)".contains("text, markdown, html or pdf"), "\(error)")
        }
        XCTAssertThrowsError(try decode(ClassifyAreas.Options.self, "relation-max-nato-share: 1.5\n")) { error in
            XCTAssertTrue("\(error)".contains("a share from 0 to 1"), "\(error)")
        }
        XCTAssertNoThrow(try decode(StripPageFurniture.Options.self, "unpaged-formats: [html, markdown]\n"))
    }

    func testAStageWithoutOptionsRefusesEveryKey() {
        XCTAssertNoThrow(try decode(NoOptions.self, "{}"))
        assertConfigError(
            try decode(NoOptions.self, "foo: 1\n"), at: "pipeline.yaml:1:1", .unknownKey("foo", suggestion: nil))
    }

    func testFieldsShowTypesAndDefaultsFromTheDeclaration() throws {
        let fields = Dictionary(uniqueKeysWithValues: ClassifyAreas.Options.fields.map { ($0.name, $0) })
        XCTAssertEqual(fields["min-score"].map { [$0.type, $0.defaultValue] }, ["number", "0.5"])
        XCTAssertEqual(fields["heading-weight"]?.defaultValue, "2")
        XCTAssertEqual(fields["max-areas"].map { [$0.type, $0.defaultValue] }, ["int", "3"])
        XCTAssertEqual(fields["model"].map { [$0.type, $0.defaultValue] }, ["path", "none"])
        XCTAssertEqual(fields["listing-cues"].map { [$0.type, $0.defaultValue] }, ["[phrase]", "[]"])
        XCTAssertEqual(fields["training"].map { [$0.type, $0.defaultValue] }, ["mapping", "{}"])
        XCTAssertEqual(fields["training.max-passage-share"]?.defaultValue, "0.2")
        let bullets = BuildSections.Options.fields.first { $0.name == "bullets" }
        XCTAssertEqual(bullets.map { [$0.type, $0.defaultValue] }, ["[string]", "[•, ·, ▪, -, *]"])
        XCTAssertEqual(StripPageFurniture.Options.fields.first?.type, "[regex]")
    }

    func testLongAndSpacedListDefaultsAreShownReadably() {
        XCTAssertEqual(Array(1...11).optionText, "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, …]")
        XCTAssertEqual([" | ", "a,b", "", "x"].optionText, "[' | ', 'a,b', '', x]")
        XCTAssertEqual(60.0.optionText, "60")
        XCTAssertEqual(0.05.optionText, "0.05")
    }
}
