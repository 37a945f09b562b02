import DossierCore
import Foundation
import XCTest
import Yams

/// Document facts against the hand-made gold annotations in Tests/Gold/documents.
final class GoldFactsTests: XCTestCase {
    struct Gold: Decodable {
        var source: String
        var title: String?
        var country: String?
        var lastUpdated: String?
        var contactPointEmbassy: String?
        var frameworks: [GoldFramework]
        var milestones: [GoldMilestone]
    }
    struct GoldFramework: Decodable {
        var id: String
        var year: Int?
    }
    struct GoldMilestone: Decodable {
        var year: Int?
        var line: Int
        var inferredYear: Int?
    }

    static let golds: [Gold] = {
        let dir = repoRoot.appendingPathComponent("Tests/Gold/documents")
        let files =
            (try? FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }.sorted())
            ?? []
        return files.map {
            try! YAMLDecoder().decode(
                Gold.self, from: String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8))
        }
    }()

    static let documents: [String: Document] = {
        Dictionary(
            uniqueKeysWithValues: golds.map { g in (g.source, try! analyze(String(g.source.dropFirst("corpus/".count))))
            })
    }()

    func testThereIsGoldForEverySampleDocument() {
        XCTAssertEqual(Self.golds.count, 5)
    }

    func testFrameworksAndJoinYears() {
        for gold in Self.golds {
            let found = Dictionary(
                uniqueKeysWithValues: Self.documents[gold.source]!.facts.frameworks.map { ($0.id, $0.year) })
            let expected = Dictionary(uniqueKeysWithValues: gold.frameworks.map { ($0.id, $0.year) })
            XCTAssertEqual(Set(found.keys), Set(expected.keys), "\(gold.source): framework ids")
            for (id, year) in expected where found[id] != nil {
                XCTAssertEqual(found[id]!, year, "\(gold.source): \(id) join year")
            }
        }
    }

    func testTitleCountryDateAndEmbassy() {
        for gold in Self.golds {
            let d = Self.documents[gold.source]!
            XCTAssertEqual(d.title, gold.title, gold.source)
            XCTAssertEqual(d.country, gold.country, gold.source)
            XCTAssertEqual(d.facts.lastUpdated?.date, gold.lastUpdated, gold.source)
            XCTAssertEqual(d.facts.contactPointEmbassy?.country, gold.contactPointEmbassy, gold.source)
        }
    }

    func testMilestonesAndTheirYears() {
        for gold in Self.golds {
            // The sample gold holds the milestones lists; events told in prose are scored on the devset.
            let found = Self.documents[gold.source]!.facts.milestones.filter { !$0.fromProse }
            XCTAssertEqual(found.count, gold.milestones.count, "\(gold.source): milestone count")
            for (f, g) in zip(found, gold.milestones) {
                XCTAssertTrue(
                    f.span.startLine <= g.line && g.line <= f.span.endLine,
                    "\(gold.source): milestone at line \(g.line) vs \(f.span)")
                if let year = g.year {
                    XCTAssertEqual(f.year, year, "\(gold.source):\(g.line)")
                    XCTAssertFalse(f.yearInferred)
                } else if f.yearInferred {
                    // An inferred year must be the one the gold says another sentence gives.
                    XCTAssertEqual(f.year, g.inferredYear, "\(gold.source):\(g.line) inferred year")
                }
            }
        }
    }
}
