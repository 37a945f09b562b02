import DossierCore
import Foundation
import XCTest

/// Signals are typed in memory and sentences in JSON; the two must convert exactly.
final class SignalTests: XCTestCase {
    private let examples: [(Signal, String)] = [
        (
            .heading("Canada's role (today)", phrase: "security cooperation"),
            "heading 'Canada's role (today)' (security cooperation)"
        ),
        (.parentHeading("Energy", phrase: "gas"), "parent heading 'Energy' (gas)"),
        (.sectionTitled("Trade", phrase: "economic"), "section titled 'Trade' (economic)"),
        (.phrase("disaster*"), "phrase 'disaster*'"),
        (.listing(cue: "key areas include"), "in a list of areas ('key areas include')"),
        (.amongThreats, "among threats"),
        (.relationTold(cue: "visit*"), "relation told ('visit*')"),
        (.impliedBy(area: "operations-support"), "implied by area 'operations-support'"),
        (.model(probability: 0.51, strongest: ["gas", "pipeline"]), "model 0.51 ('gas', 'pipeline')"),
        (.model(probability: 1.0, strongest: []), "model 1.0"),
        (.lastUpdated, "last updated"),
        (.publicationYear, "publication year"),
        (.dateline, "dateline"),
        (.pageMetadata(.modified), "page metadata: modified"),
        (.pageMetadata(.published), "page metadata: published"),
        (.dateStamp, "date stamp"),
        (.yearOfTheList, "year of the list"),
    ]

    func testEveryKindPrintsAndReadsBack() throws {
        for (signal, text) in examples {
            XCTAssertEqual(signal.description, text)
            XCTAssertEqual(Signal(text), signal, text)
            let json = try JSONEncoder().encode([signal])
            let asText = try JSONEncoder().encode([text])
            XCTAssertEqual(String(decoding: json, as: UTF8.self), String(decoding: asText, as: UTF8.self))
            XCTAssertEqual(try JSONDecoder().decode([Signal].self, from: json), [signal])
        }
    }

    func testUnknownOrInexactTextIsRefused() {
        for text in ["heading: Energy", "phrase 'gas", "model high", "model 0.50", "page metadata: created", ""] {
            XCTAssertNil(Signal(text), text)
        }
        let json = Data(#"["a signal nobody writes"]"#.utf8)
        XCTAssertThrowsError(try JSONDecoder().decode([Signal].self, from: json)) { error in
            guard case DecodingError.dataCorrupted = error else { return XCTFail("\(error)") }
        }
    }

    /// Every signal in the committed reports reads back as a typed value that prints the same,
    /// so `render.changes` and the cache read what earlier builds wrote.
    func testCommittedReportSignalsReadBack() throws {
        let folder = repoRoot.appendingPathComponent("reports/data")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        XCTAssertFalse(files.isEmpty)
        var seen = 0
        for name in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            for text in Self.signalTexts(in: try JSONSerialization.jsonObject(with: data)) {
                XCTAssertEqual(Signal(text)?.description, text, "\(name): \(text)")
                seen += 1
            }
        }
        XCTAssertGreaterThan(seen, 0)
    }

    private static func signalTexts(in value: Any) -> [String] {
        if let object = value as? [String: Any] {
            return object.flatMap { key, inner in
                key == "signals" ? (inner as? [String] ?? []) : signalTexts(in: inner)
            }
        }
        if let array = value as? [Any] {
            return array.flatMap(signalTexts(in:))
        }
        return []
    }
}
