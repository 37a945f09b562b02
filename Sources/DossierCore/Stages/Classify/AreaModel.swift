import Foundation

/// The learned part of area classification: for each area, a logistic regression over the
/// words and word pairs of a passage, giving a probability that the passage is about it.
///
/// It is trained by `dossier train` on the corpus's own headed sections (see
/// `AreaTrainingSet`) and saved as JSON next to the taxonomy, so a reviewer can diff it and a
/// rebuild needs no training. Logistic regression rather than naive Bayes because its outputs
/// are usable probabilities, which the classifier blends with the rule score; with a few
/// hundred passages, full-batch gradient descent trains every area in well under a second.
public struct AreaModel: Codable, Hashable, Sendable {
    /// Bumped when the file layout or the features change; older files must be retrained.
    public static let currentFormat = 1

    public var format: Int
    /// The taxonomy the model was trained for, to warn when the taxonomy has moved on.
    public var taxonomyHash: String
    /// How many labelled passages it saw, from how many documents.
    public var passages: Int
    public var documents: Int
    /// One entry per area the training set had enough examples of, sorted by area id. An area
    /// without an entry is left to the rules.
    public var areas: [AreaWeights]

    public struct AreaWeights: Codable, Hashable, Sendable {
        public var area: String
        public var positives: Int
        public var negatives: Int
        public var bias: Double
        /// Feature → weight; near-zero weights are dropped when saving.
        public var weights: [String: Double]
    }

    /// What the model says about one area for one passage.
    public struct Prediction: Sendable, Equatable {
        public var probability: Double
        /// The features that pushed the probability up most, strongest first.
        public var strongest: [String]
    }

    public init(
        format: Int = AreaModel.currentFormat, taxonomyHash: String, passages: Int, documents: Int, areas: [AreaWeights]
    ) {
        self.format = format
        self.taxonomyHash = taxonomyHash
        self.passages = passages
        self.documents = documents
        self.areas = areas
    }

    /// Predictions for every area the model knows (one-off; a classifier keeps a `Scorer`).
    public func predict(_ text: String) -> [String: Prediction] { Scorer(self).predict(text) }

    /// The model's weights turned around, feature → (area, weight), so scoring a passage looks
    /// each of its features up once rather than once per area: classification stays a small
    /// share of a long document's time.
    public struct Scorer: Sendable {
        private let areas: [AreaWeights]
        private let byFeature: [String: [(area: Int, weight: Double)]]

        public init(_ model: AreaModel) {
            areas = model.areas
            var index: [String: [(area: Int, weight: Double)]] = [:]
            for (i, a) in model.areas.enumerated() {
                for (feature, weight) in a.weights { index[feature, default: []].append((i, weight)) }
            }
            byFeature = index
        }

        public func predict(_ text: String) -> [String: Prediction] {
            let features = AreaModel.features(text)
            let scale = features.isEmpty ? 0 : 1 / Double(features.count).squareRoot()
            var z = areas.map(\.bias)
            var pushes = [[(String, Double)]](repeating: [], count: areas.count)
            // Features in sorted order, so each area's sum is added up in the same order on
            // every run (floating-point sums depend on it).
            for f in features {
                for (i, w) in byFeature[f] ?? [] {
                    z[i] += w * scale
                    if w > 0 { pushes[i].append((f, w)) }
                }
            }
            var result: [String: Prediction] = [:]
            for (i, a) in areas.enumerated() {
                let strongest = pushes[i].sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(3).map(\.0)
                result[a.area] = Prediction(probability: AreaModel.sigmoid(z[i]), strongest: strongest)
            }
            return result
        }
    }

    /// A passage's features: its lowercased words (not numbers or single letters) and each
    /// pair of neighbouring words, deduplicated and sorted. Presence, not counts: a long
    /// passage repeating a word is no more about the area for it.
    public static func features(_ text: String) -> [String] {
        let words = TextTools.words(text).filter { $0.count > 1 && !$0.allSatisfy(\.isNumber) }
        var set = Set(words)
        for (a, b) in zip(words, words.dropFirst()) { set.insert(a + " " + b) }
        return set.sorted()
    }

    static func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    /// Reads a model file; a missing or unreadable file is a configuration error with the fix.
    public static func load(from url: URL, configFile: String) throws -> AreaModel {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConfigError(
                "the area model '\(url.lastPathComponent)' does not exist", at: FileLocation(file: configFile),
                hint: "run 'dossier train' to create it, or remove 'model' from classify.areas to use the rules alone")
        }
        let model: AreaModel
        do {
            model = try JSONDecoder().decode(AreaModel.self, from: data)
        } catch {
            throw ConfigError(
                "the area model '\(url.path)' is not a model file (\(error.localizedDescription))",
                at: FileLocation(file: configFile), hint: "run 'dossier train' to rewrite it")
        }
        guard model.format == currentFormat else {
            throw ConfigError(
                "the area model '\(url.path)' has format \(model.format); this Dossier reads format \(currentFormat)",
                at: FileLocation(file: configFile), hint: "run 'dossier train' to rewrite it")
        }
        return model
    }

    /// The model as stable JSON (sorted keys, weights rounded), so retraining on the same
    /// corpus gives the same bytes.
    public func encoded() throws -> [UInt8] {
        var copy = self
        for i in copy.areas.indices {
            copy.areas[i].bias = Self.round(copy.areas[i].bias)
            copy.areas[i].weights = copy.areas[i].weights.compactMapValues { w in
                let r = Self.round(w)
                return r == 0 ? nil : r
            }
        }
        return try StableJSON.encode(copy) + [UInt8(ascii: "\n")]
    }

    static func round(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}

extension AreaModel {
    /// Training settings, from classify.areas' `training` entry in pipeline.yaml: a nested
    /// mapping declared like a stage's options, so its keys are documented and strict too.
    public struct Training: StageOptions, OptionValue, Hashable {
        /// A feature must occur in this many training documents, so a model never learns one
        /// document's names.
        public var minDocuments = 2
        /// A feature in more than this share of training passages ("the", "with", "nato") says
        /// nothing about any area and is left out; this stands in for a stop-word list.
        public var maxPassageShare = 0.2
        /// An area needs this many positive passages to be learned at all.
        public var minPositives = 4
        /// L2 penalty; larger keeps weights small and probabilities moderate.
        public var l2 = 0.05
        public var iterations = 400
        public var learningRate = 1.0

        public static let settings: [Setting<Self>] = [
            .init("min-documents", \.minDocuments, "training documents a word or word pair must occur in"),
            .init(
                "max-passage-share", \.maxPassageShare,
                "share of training passages above which a feature is too common to say anything"),
            .init("min-positives", \.minPositives, "passages under a heading naming an area it needs to be learned"),
            .init("l2", \.l2, "L2 penalty: larger keeps weights small and probabilities moderate"),
            .init("iterations", \.iterations, "gradient descent steps"),
            .init("learning-rate", \.learningRate, "gradient descent step size"),
        ]

        public init() {}
    }

    /// One labelled passage.
    public struct Example: Sendable {
        public var text: String
        public var document: String
        /// Areas the passage is about; it is a negative example for every other area.
        public var areas: Set<String>

        public init(text: String, document: String, areas: Set<String>) {
            self.text = text
            self.document = document
            self.areas = areas
        }
    }

    /// Trains one logistic regression per area with enough examples. Deterministic: the same
    /// examples in the same order give the same weights.
    public static func train(_ examples: [Example], areas: [String], taxonomyHash: String, settings: Training)
        -> AreaModel
    {
        // Vocabulary: features seen in enough distinct documents.
        var documentsOf: [String: Set<String>] = [:]
        var passagesWith: [String: Int] = [:]
        let featureLists = examples.map { features($0.text) }
        for (e, fs) in zip(examples, featureLists) {
            for f in fs {
                documentsOf[f, default: []].insert(e.document)
                passagesWith[f, default: 0] += 1
            }
        }
        let maxPassages = settings.maxPassageShare * Double(examples.count)
        let vocabulary = documentsOf.filter { f, docs in
            docs.count >= settings.minDocuments && Double(passagesWith[f] ?? 0) <= maxPassages
        }.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($0.element, $0.offset) })
        // Each example as sorted feature indices with one shared value (1/√n: unit length).
        let rows: [(indices: [Int], value: Double)] = featureLists.map { fs in
            let idx = fs.compactMap { index[$0] }
            return (idx, fs.isEmpty ? 0 : 1 / Double(fs.count).squareRoot())
        }

        var learned: [AreaWeights] = []
        for area in areas.sorted() {
            let labels = examples.map { $0.areas.contains(area) ? 1.0 : 0.0 }
            let positives = Int(labels.reduce(0, +))
            let negatives = labels.count - positives
            guard positives >= settings.minPositives, negatives > 0 else { continue }
            // Balance the classes so a rare area is not learned as "never".
            let wPos = Double(labels.count) / (2 * Double(positives))
            let wNeg = Double(labels.count) / (2 * Double(negatives))
            var w = [Double](repeating: 0, count: vocabulary.count)
            var bias = 0.0
            let n = Double(labels.count)
            for _ in 0..<settings.iterations {
                var grad = [Double](repeating: 0, count: vocabulary.count)
                var gradBias = 0.0
                for (k, row) in rows.enumerated() {
                    var z = bias
                    for i in row.indices { z += w[i] * row.value }
                    let y = labels[k]
                    let err = (sigmoid(z) - y) * (y == 1 ? wPos : wNeg)
                    gradBias += err
                    for i in row.indices { grad[i] += err * row.value }
                }
                bias -= settings.learningRate * gradBias / n
                for i in w.indices { w[i] -= settings.learningRate * (grad[i] / n + settings.l2 * w[i]) }
            }
            var weights: [String: Double] = [:]
            for (i, f) in vocabulary.enumerated() where abs(w[i]) >= 0.01 { weights[f] = w[i] }
            learned.append(
                AreaWeights(area: area, positives: positives, negatives: negatives, bias: bias, weights: weights))
        }
        return AreaModel(
            taxonomyHash: taxonomyHash, passages: examples.count,
            documents: Set(examples.map(\.document)).count, areas: learned)
    }
}
