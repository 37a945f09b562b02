import ArgumentParser
import DossierCore
import Foundation

/// `dossier train`: retrains the learned part of the area classifier on the pipeline's inputs.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Retrain the area model on the inputs' headed sections; writes classify.areas' `model` file.",
        discussion: """
            Each passage under a section heading that names an area (through the taxonomy's \
            `headings`) is an example of that area and a counter-example of the others. Run it after \
            changing the taxonomy or the corpus, then rebuild.
            """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingErrors {
            let trainer = try AreaTrainer(
                config: try PipelineConfig.load(path: global.config), registry: .standard, logger: global.logger())
            guard let url = trainer.modelURL else {
                throw ConfigError(
                    "classify.areas has no 'model' option, so there is nothing to train",
                    at: FileLocation(file: global.config),
                    hint: "add 'model: models/areas.json' to the classify.areas entry")
            }
            let documents = try trainer.inputs().map(trainer.prepare)
            let model = trainer.train(on: documents)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(try model.encoded()).write(to: url, options: .atomic)
            let areas = model.areas.map { "\($0.area) (\($0.positives))" }.joined(separator: ", ")
            print(
                "trained on \(model.passages) passages from \(model.documents) documents: "
                    + "\(areas.isEmpty ? "no area had enough examples" : areas)"
            )
            let untrained = trainer.pipeline.taxonomy.ids.filter { id in !model.areas.contains { $0.area == id } }
            if !untrained.isEmpty {
                print("left to the rules (too few examples): \(untrained.joined(separator: ", "))")
            }
            print("wrote \(url.path)")
            return .success
        }
    }
}
