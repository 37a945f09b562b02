import DossierCore
import Foundation

/// Writes `changes.md`: what changed since the build whose manifest and data are in the output
/// folder: sources added, removed or edited; countries, frameworks and join years, areas and
/// milestones gained or lost. When the inputs and pipeline are those of the previous build,
/// its `changes.md` is kept as it is, so a rebuild changes no byte.
public struct ReportChanges: CorpusStage {
    public static let id = "render.changes"
    public static let summary = "Write changes.md: what changed since the previous build in the output folder"
    public static let requires: Set<Artifact> = [.profiles]
    public static let produces: Set<Artifact> = [.changes]
    /// Before render.markdown, so the index can link the change list.
    public static let mustPrecede: Set<Artifact> = [.markdown, .outputs]

    static let title = "Changes since the previous build"
    let output: URL

    public init(options: NoOptions, context: StageContext) { output = context.outputDirectory }

    public func run(_ corpus: inout Corpus) throws {
        let previousManifest = (FileManager.default.contents(atPath: output.appendingPathComponent(Manifest.path).path))
            .flatMap { try? JSONDecoder().decode(Manifest.self, from: $0) }
        let current = Manifest(
            provenance: corpus.provenance,
            inputs: corpus.documents.map {
                .init(path: $0.source, sha256: $0.contentHash, lastUpdated: nil, country: nil)
            }
            .sorted { $0.path < $1.path },
            outputs: [], warnings: [])
        let keptPath = output.appendingPathComponent(ReportID.changes.path(.markdown)).path
        if let previousManifest, previousManifest.inputsKey == current.inputsKey,
            let kept = FileManager.default.contents(atPath: keptPath)
        {
            corpus.add(report(String(decoding: kept, as: UTF8.self)), contents: [UInt8](kept))
            return
        }
        var md = MarkdownBuilder()
        md.heading(1, Self.title)
        md.paragraph(ReportLinks.header)
        guard let previousManifest else {
            md.paragraph(
                "No previous build in the output folder: every source and briefing is new "
                    + "(\(corpus.documents.count) sources, \(corpus.profiles.count) countries).")
            corpus.add(report(md.text))
            return
        }
        var items: [String] = []
        let before = Dictionary(uniqueKeysWithValues: previousManifest.inputs.map { ($0.path, $0.sha256) })
        let now = Dictionary(uniqueKeysWithValues: current.inputs.map { ($0.path, $0.sha256) })
        for path in now.keys.sorted() where before[path] == nil {
            items.append("New source: \(MarkdownText.escape(path)).")
        }
        for path in before.keys.sorted() where now[path] == nil {
            items.append("Removed source: \(MarkdownText.escape(path)).")
        }
        for path in now.keys.sorted() where before[path] != nil && before[path] != now[path] {
            items.append("Edited source: \(MarkdownText.escape(path)).")
        }
        if previousManifest.provenance.pipelineHash != current.provenance.pipelineHash {
            items.append("The pipeline configuration changed.")
        }
        if previousManifest.provenance.taxonomyHash != current.provenance.taxonomyHash {
            items.append("The taxonomy changed.")
        }
        items += profileChanges(previous: previousProfiles(), current: corpus.profiles)
        if items.isEmpty { items.append("Nothing changed.") }
        md.bullets(items)
        corpus.add(report(md.text))
    }

    private func report(_ markdown: String) -> Report {
        Report(id: .changes, kind: .changes, title: Self.title, markdown: markdown)
    }

    private func previousProfiles() -> [CountryProfile] {
        let dir = output.appendingPathComponent("data")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            FileManager.default.contents(atPath: dir.appendingPathComponent(name).path).flatMap {
                try? JSONDecoder().decode(CountryProfile.self, from: $0)
            }
        }
    }

    private func profileChanges(previous: [CountryProfile], current: [CountryProfile]) -> [String] {
        var items: [String] = []
        let old = Dictionary(uniqueKeysWithValues: previous.map { ($0.country, $0) })
        let new = Dictionary(uniqueKeysWithValues: current.map { ($0.country, $0) })
        for c in new.keys.sorted() where old[c] == nil { items.append("New country: \(MarkdownText.escape(c)).") }
        for c in old.keys.sorted() where new[c] == nil {
            items.append("Country no longer covered: \(MarkdownText.escape(c)).")
        }
        for c in new.keys.sorted() {
            guard let a = old[c], let b = new[c] else { continue }
            let name = MarkdownText.escape(c)
            let fa = Dictionary(uniqueKeysWithValues: a.frameworks.map { ($0.id, $0) })
            let fb = Dictionary(uniqueKeysWithValues: b.frameworks.map { ($0.id, $0) })
            for id in fb.keys.sorted() {
                let f = fb[id]!
                if let e = fa[id] {
                    if e.year != f.year {
                        items.append(
                            "\(name): \(MarkdownText.escape(f.displayName)) join year "
                                + "\(e.year.map(String.init) ?? "not stated") → "
                                + "\(f.year.map(String.init) ?? "not stated")."
                        )
                    }
                } else {
                    items.append(
                        "\(name): new framework "
                            + "\(MarkdownText.escape(f.displayName))\(f.year.map { " (\($0))" } ?? "")."
                    )
                }
            }
            for id in fa.keys.sorted() where fb[id] == nil {
                items.append("\(name): framework no longer stated: \(MarkdownText.escape(fa[id]!.displayName)).")
            }
            let aa = Set(a.areas.map(\.label))
            let ab = Set(b.areas.map(\.label))
            for l in ab.subtracting(aa).sorted() { items.append("\(name): area gained: \(MarkdownText.escape(l)).") }
            for l in aa.subtracting(ab).sorted() { items.append("\(name): area lost: \(MarkdownText.escape(l)).") }
            func key(_ m: Milestone) -> String { "\(m.year.map(String.init) ?? "undated"): \(m.text)" }
            let ma = Set(a.milestones.map(key))
            let mb = Set(b.milestones.map(key))
            for m in mb.subtracting(ma).sorted() { items.append("\(name): new milestone \(MarkdownText.escape(m))") }
            for m in ma.subtracting(mb).sorted() { items.append("\(name): milestone gone: \(MarkdownText.escape(m))") }
        }
        return items
    }
}
