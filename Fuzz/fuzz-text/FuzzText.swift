import DossierCore
import Foundation
import Logging

/// libFuzzer entry over `ingest.text` (as a `.txt` file, or a `.md` one when the first byte is
/// odd) and the line normalizers and `normalize.structure` after it,
/// each set up from pipeline.yaml (`DOSSIER_FUZZ_PIPELINE`, default `./pipeline.yaml`) as
/// `dossier build` sets them up. A thrown `DocumentProblem` is an answer, not a finding; a trap,
/// a sanitizer report or a hang is. Build and run: `make fuzz` (see docs/architecture.md).
private let stages: (ingest: any IngestStage, normalizers: [any DocumentStage]) = {
    let path = ProcessInfo.processInfo.environment["DOSSIER_FUZZ_PIPELINE"] ?? "pipeline.yaml"
    do {
        let config = try PipelineConfig.load(path: path)
        let registry = StageRegistry.core
        let context = StageContext(
            baseDirectory: config.baseDirectory, configFile: config.file, taxonomy: config.taxonomy,
            logger: Logger(label: "fuzz") { _ in SwiftLogNoOpLogHandler() })
        var ingest: (any IngestStage)?
        var normalizers: [any DocumentStage] = []
        for entry in config.stages where entry.id == IngestText.id || entry.id.hasPrefix("normalize.") {
            switch try registry.make(entry, context: context) {
            case .ingest(let s): ingest = s
            case .document(let s): normalizers.append(s)
            case .corpus: break
            }
        }
        guard let ingest else { fatalError("fuzz-text: \(path) has no \(IngestText.id) stage") }
        return (ingest, normalizers)
    } catch {
        fatalError("fuzz-text: cannot set up the stages from \(path): \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        var document = try stages.ingest.ingest(
            InputFile(path: bytes.first.map { $0 & 1 == 1 } == true ? "fuzz.md" : "fuzz.txt", bytes: bytes))
        for stage in stages.normalizers { document = try stage.process(document) }
    } catch is any DocumentProblem {
    } catch {
        fatalError("fuzz-text: unexpected error \(error)")
    }
    return 0
}
