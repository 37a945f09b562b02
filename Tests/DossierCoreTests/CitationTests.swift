import DossierCore
import Foundation
import XCTest

/// Every year a briefing states for a framework or milestone stands in the source lines it cites.
final class CitationTests: XCTestCase {
    static let corpus: Corpus = {
        let pipeline = try! corePipeline()
        let runner = Runner(pipeline: pipeline, logger: quietLogger)
        let (documents, failures, _) = runner.processDocuments(try! runner.resolveInputs())
        precondition(failures.isEmpty, "\(failures)")
        return try! runner.runCorpusStages(documents)
    }()

    private func sourceLines(_ span: SourceSpan) throws -> String {
        let text = try String(contentsOf: repoRoot.appendingPathComponent(span.file), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        return lines[(span.startLine - 1)...(span.endLine - 1)].joined(separator: "\n")
    }

    func testFrameworkYearsStandInTheCitedLines() throws {
        var checked = 0
        for profile in Self.corpus.profiles {
            for f in profile.frameworks {
                guard let year = f.year else { continue }
                XCTAssertTrue(
                    try sourceLines(f.evidence.span).contains(String(year)),
                    "\(profile.country) \(f.id) \(year) not in \(f.evidence.span)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 15)
    }

    func testMilestoneYearsStandInACitedPassage() throws {
        var checked = 0
        for profile in Self.corpus.profiles {
            for m in profile.milestones {
                guard let year = m.year else { continue }
                let cited = try m.evidence.map { try sourceLines($0.span) }.joined(separator: "\n")
                XCTAssertTrue(
                    cited.contains(String(year)),
                    "\(profile.country) \(year) “\(m.text)” not in \(m.evidence.map(\.span))")
                if m.yearInferred { XCTAssertEqual(m.evidence.count, 2, "an inferred year cites both passages") }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 40)
    }

    func testEveryEvidenceSpanPointsAtItsText() throws {
        for profile in Self.corpus.profiles {
            for area in profile.areas {
                for e in area.evidence {
                    let lines = try sourceLines(e.span)
                    let firstWords = e.text.split(separator: " ").prefix(3).joined(separator: " ")
                    let flat = lines.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    XCTAssertTrue(flat.contains(firstWords), "\(e.span): “\(firstWords)” not found")
                }
            }
        }
    }

    func testFourCountriesAndTurkmenistanKeepsTheRussiaAnalysisApart() {
        XCTAssertEqual(Self.corpus.profiles.map(\.country), ["Azerbaijan", "Tajikistan", "Turkmenistan", "Uzbekistan"])
        let tkm = Self.corpus.profiles.first { $0.country == "Turkmenistan" }!
        XCTAssertEqual(
            tkm.sources.map(\.file),
            ["corpus/nato-relations-turkmenistan.txt", "corpus/caci-analyst-russian-influence-turkmenistan.txt"])
        // The analysis is about Russia's relation with Turkmenistan: it adds no NATO area, but
        // a relation of its own, quoted from it alone.
        XCTAssertFalse(tkm.areas.contains { $0.sources.contains("S2") }, "no NATO area rests on the Russia analysis")
        let russia = tkm.relations.first { $0.counterpart == Counterpart("Russia") }
        XCTAssertEqual(russia?.sources, ["S2"])
        XCTAssertFalse(russia?.areas.isEmpty ?? true)
        XCTAssertTrue(russia?.areas.allSatisfy { $0.evidence.allSatisfy { $0.span.file.contains("caci") } } ?? false)
    }
}
