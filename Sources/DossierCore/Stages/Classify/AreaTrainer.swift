import Foundation
import Logging

/// The pipeline's document stages cut at `classify.areas`, so the learned model can be
/// trained on normalized documents and swapped per document (leave-one-document-out).
///
/// `dossier train` and `dossier eval` both go through here: documents are prepared once
/// (ingest and every stage before the classifier), then classified with a given model and
/// finished (every stage after it).
public struct AreaTrainer: Sendable {
    public let pipeline: Pipeline
    public let classifier: ClassifyAreas
    let runner: Runner
    let before: [any DocumentStage]
    let after: [any DocumentStage]

    /// Sets the pipeline up without loading the learned model (it may not exist yet).
    public init(config: PipelineConfig, registry: StageRegistry, logger: Logger) throws {
        pipeline = try Pipeline(config: config, registry: registry, logger: logger, loadingModels: false)
        let stages = pipeline.documentStages
        guard let cut = stages.firstIndex(where: { $0 is ClassifyAreas }),
            let classifier = stages[cut] as? ClassifyAreas
        else {
            throw ConfigError(
                "the pipeline has no classify.areas stage to train or evaluate", at: FileLocation(file: config.file),
                hint: "add '- use: classify.areas' after the normalize stages")
        }
        self.classifier = classifier
        before = Array(stages[..<cut])
        after = Array(stages[(cut + 1)...])
        runner = Runner(pipeline: pipeline, logger: logger)
    }

    /// Where `dossier train` writes the model, from classify.areas' `model` option.
    public var modelURL: URL? { classifier.modelURL }

    /// The pipeline's inputs, resolved as a build would.
    public func inputs() throws -> [String] { try runner.resolveInputs() }

    /// Ingest and every document stage before the classifier.
    public func prepare(_ path: String) throws -> Document {
        try runner.run(before, on: try runner.ingest(try runner.read(path)), path: path)
    }

    /// The classifier with `model` (nil: rules alone), then every later document stage.
    public func finish(_ document: Document, model: AreaModel?) throws -> Document {
        try runner.run([classifier.using(model) as any DocumentStage] + after, on: document, path: document.source)
    }

    /// Trains on prepared documents.
    public func train(on documents: [Document]) -> AreaModel { classifier.train(on: documents) }
}
