import Foundation

/// Headline evaluation figures recorded in the repository (`Tests/Gold/figures.json`), which a
/// test gate and `dossier eval --min` hold the pipeline to: a change may raise them, never
/// lower them without someone rewriting the file on purpose.
public struct RecordedFigures: Sendable {
    public var figures: [String: Double]

    public init(figures: [String: Double]) { self.figures = figures }

    public static func load(_ path: String) throws -> RecordedFigures {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(
                "cannot read the recorded figures", at: FileLocation(file: path),
                hint: "write them with 'dossier eval --format json' and keep the headline figures")
        }
        guard let figures = try? JSONDecoder().decode([String: Double].self, from: data) else {
            throw ConfigError("the recorded figures are not a JSON object of numbers", at: FileLocation(file: path))
        }
        return RecordedFigures(figures: figures)
    }

    /// Every recorded figure the report falls below, as "name: now < recorded"; unknown
    /// names are listed too, so a renamed figure is not silently ungated.
    public func drops(in report: EvaluationReport) -> [String] { drops(in: report.headline) }

    /// The same for any table of figures (`StatementScores.headline`).
    public func drops(in now: [String: Double]) -> [String] {
        return figures.keys.sorted().compactMap { name in
            guard let value = now[name] else {
                return "\(name): no such figure (known: \(now.keys.sorted().joined(separator: ", ")))"
            }
            let recorded = figures[name]!
            // Recorded figures are rounded to three places.
            return value + 0.0005 < recorded ? String(format: "%@: %.3f < %.3f", name, value, recorded) : nil
        }
    }
}
