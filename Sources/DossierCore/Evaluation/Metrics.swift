/// True/false positives and false negatives for one label, and the figures made from them.
public struct Counts: Codable, Hashable, Sendable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0

    public init() {}

    /// Adds one item's outcome: `predicted` and `expected` are whether the label was given.
    public mutating func add(predicted: Bool, expected: Bool) {
        switch (predicted, expected) {
        case (true, true): truePositives += 1
        case (true, false): falsePositives += 1
        case (false, true): falseNegatives += 1
        case (false, false): break
        }
    }

    /// Precision, recall and F1 are 1 when there was nothing to find and nothing was found:
    /// an area absent from both gold and output is not an error.
    public var precision: Double {
        truePositives + falsePositives == 0
            ? (falseNegatives == 0 ? 1 : 0) : Double(truePositives) / Double(truePositives + falsePositives)
    }

    public var recall: Double {
        truePositives + falseNegatives == 0
            ? (falsePositives == 0 ? 1 : 0) : Double(truePositives) / Double(truePositives + falseNegatives)
    }

    public var f1: Double {
        let p = precision
        let r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    /// How many gold items carry the label.
    public var support: Int { truePositives + falseNegatives }
}

/// Counts per label, with micro and macro averages.
public struct LabelScores: Codable, Hashable, Sendable {
    public var labels: [String: Counts] = [:]

    public init() {}

    public mutating func add(_ label: String, predicted: Bool, expected: Bool) {
        labels[label, default: Counts()].add(predicted: predicted, expected: expected)
    }

    /// Scores a multi-label decision: every label in either set is a hit, a miss or a false alarm.
    public mutating func add(predicted: Set<String>, expected: Set<String>) {
        for label in predicted.union(expected) {
            add(label, predicted: predicted.contains(label), expected: expected.contains(label))
        }
    }

    /// The mean F1 over labels that occur in the gold or the output.
    public var macroF1: Double {
        labels.isEmpty ? 1 : labels.values.map(\.f1).reduce(0, +) / Double(labels.count)
    }

    /// All labels pooled.
    public var micro: Counts {
        labels.values.reduce(into: Counts()) {
            $0.truePositives += $1.truePositives
            $0.falsePositives += $1.falsePositives
            $0.falseNegatives += $1.falseNegatives
        }
    }
}

/// Right answers out of questions asked.
public struct Accuracy: Codable, Hashable, Sendable {
    public var correct = 0
    public var total = 0

    public init() {}

    public mutating func add(_ isCorrect: Bool) {
        total += 1
        if isCorrect { correct += 1 }
    }

    public var value: Double { total == 0 ? 1 : Double(correct) / Double(total) }
}
