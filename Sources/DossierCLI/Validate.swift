import ArgumentParser
import DossierCore
import DossierRender

/// `dossier validate`: checks the pipeline without reading any document.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check pipeline.yaml: keys, types, stage names and options, and that every stage's inputs come first.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingErrors {
            let pipeline = try global.pipeline()
            print("\(global.config): OK (\(pipeline.stages.count) stages, \(pipeline.taxonomy.areas.count) areas)")
            return .success
        }
    }
}

/// `dossier stages`: what each stage does and the options it takes.
struct Stages: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the available stages and their options.")

    func run() {
        let registry = StageRegistry.standard
        let order: [StageDescriptor.Scope] = [.ingest, .document, .corpus]
        for d in registry.descriptors.values.sorted(by: { (order.firstIndex(of: $0.scope)!, $0.id) < (order.firstIndex(of: $1.scope)!, $1.id) }) {
            let requires = d.requires.sorted().map(\.rawValue).joined(separator: ", ")
            let produces = d.produces.sorted().map(\.rawValue).joined(separator: ", ")
            print("\(d.id)  [\(d.scope.rawValue)]")
            print("    \(d.summary)")
            print("    requires: \(requires.isEmpty ? "-" : requires); produces: \(produces.isEmpty ? "-" : produces)")
            for f in d.fields {
                print("    \(f.name): \(f.type) = \(f.defaultValue)  — \(f.help)")
            }
        }
    }
}
