import DossierCore
import XCTest

/// Bad input: each case gives one clear error naming the file, and nothing is built from it.
final class InputErrorTests: XCTestCase {
    private func runner(_ files: [String: String], inputs: String = "[docs/*.txt]") throws -> Runner {
        let dir = try temporaryProject(
            pipeline: """
                inputs: \(inputs)
                taxonomy: taxonomy.yaml
                stages:
                  - use: ingest.text
                  - use: normalize.structure
                """, files: files)
        let config = try PipelineConfig.load(path: dir.appendingPathComponent("pipeline.yaml").path)
        return Runner(pipeline: try Pipeline(config: config, registry: .core, logger: quietLogger), logger: quietLogger)
    }

    /// The stage says what is wrong; the runner adds which stage and which file, once.
    func testEmptyFile() throws {
        let r = try runner(["docs/empty.txt": "  \n\n"])
        let failure = try XCTUnwrap(stageFailure(try r.processDocument(try r.read("docs/empty.txt"))))
        XCTAssertEqual(failure.reason as? TextProblem, .empty)
        XCTAssertEqual(failure.stage, "ingest.text")
        XCTAssertEqual(failure.document, "docs/empty.txt")
        let line = "docs/empty.txt: error: ingest.text: the file is empty; remove it from 'inputs' or give it content"
        XCTAssertEqual(failure.description, line)
    }

    func testBinaryFile() throws {
        let r = try runner(["docs/a.txt": "x"])
        let file = InputFile(path: "docs/blob.txt", bytes: [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0x10])
        let failure = try XCTUnwrap(stageFailure(try r.processDocument(file)))
        XCTAssertEqual(failure.reason as? TextProblem, .binary(line: 1))
        XCTAssertEqual(failure.location, FileLocation(file: "docs/blob.txt", line: 1))
    }

    /// A saved page with a few stray NULs far into it is text: they go, with a warning naming
    /// the line of the first; a NUL near the start still marks a binary file.
    func testStrayNULsInATextFileAreDroppedWithAWarning() throws {
        let text = String(repeating: "A line of ordinary text about the partnership.\n", count: 200)
        let bytes = Array(text.utf8) + [0, 0] + Array("The last line.\n".utf8)
        let decoded = try TextDecoding.decode(bytes, file: "docs/page.html")
        XCTAssertTrue(decoded.text.hasSuffix("partnership.\nThe last line.\n"))
        XCTAssertEqual(decoded.warnings, ["docs/page.html:201: 2 NUL byte(s) in the text were dropped"])
        let early = Array("Some text".utf8) + [0] + Array(text.utf8)
        XCTAssertThrowsError(try TextDecoding.decode(early, file: "docs/blob.txt")) {
            XCTAssertEqual($0 as? TextProblem, .binary(line: 1))
        }
    }

    func testNoIngestStageForTheExtension() throws {
        let r = try runner(["docs/a.txt": "x"])
        let error = try XCTUnwrap(inputError(try r.processDocument(InputFile(path: "docs/a.odt", bytes: [0x41]))))
        let expected = InputError(.noIngestStage(fileExtension: "odt", stages: ["ingest.text"]), file: "docs/a.odt")
        XCTAssertEqual(error, expected)
    }

    func testMissingFileAndEmptyGlob() throws {
        let r = try runner(["docs/a.txt": "Hello."])
        XCTAssertEqual(inputError(try r.read("docs/none.txt")), InputError(.noSuchFile, file: "docs/none.txt"))
        let none = try runner(["docs/a.txt": "Hello."], inputs: "[docs/*.pdf]")
        assertDossierError(try none.resolveInputs(), contains: ["pipeline.yaml", "'docs/*.pdf' matches no file"])
    }

    func testDirectoryGivenAsFile() throws {
        let r = try runner(["docs/a.txt": "Hello."])
        XCTAssertEqual(inputError(try r.read("docs")), InputError(.isDirectory, file: "docs"))
    }

    func testWindows1252FallsBackWithAWarning() throws {
        let r = try runner(["docs/a.txt": "x"])
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9, 0x20, 0x93] + Array("quoted".utf8) + [0x94] + Array(".\n".utf8)
        let d = try r.processDocument(InputFile(path: "docs/cp.txt", bytes: bytes))
        XCTAssertTrue(d.passages.first?.text.hasPrefix("Café") == true, d.passages.first?.text ?? "")
        XCTAssertEqual(d.warnings.count, 1)
        XCTAssertTrue(d.warnings[0].contains("docs/cp.txt:1"))
    }

    func testUTF16WithBOM() throws {
        let r = try runner(["docs/a.txt": "x"])
        let bytes: [UInt8] =
            [0xFF, 0xFE]
            + Array("Relations with Ruritania\n\nText here.\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let d = try r.processDocument(InputFile(path: "docs/u16.txt", bytes: bytes))
        XCTAssertEqual(d.title, "Relations with Ruritania")
    }

    func testAFailedDocumentIsReportedNotThrown() throws {
        let r = try runner(["docs/a.txt": "Relations with X\n\nSome text.\n", "docs/b.txt": ""])
        let (docs, failures, _) = r.processDocuments(try r.resolveInputs())
        XCTAssertEqual(docs.map(\.source), ["docs/a.txt"])
        XCTAssertEqual(failures.count, 1)
        let failure = try XCTUnwrap(failures.first as? StageFailure)
        XCTAssertEqual(failure.document, "docs/b.txt")
        XCTAssertEqual(failure.reason as? TextProblem, .empty)
    }
}
