import Foundation

/// classify.areas' pipeline.yaml entry: weights of the rule signals, the document thresholds,
/// the cue lists that read a sentence as a list of areas or of threats, and the learned model.
extension ClassifyAreas {
    public struct Options: StageOptions {
        public var minScore = 0.5
        public var headingWeight = 2.0
        public var parentHeadingWeight = 0.75
        public var scale = 2.0
        public var maxAreas = 3
        public var documentScale = 1.5
        public var documentMinScore = 0.6
        public var dedicatedSectionScore = 0.9
        public var documentEvidencePerPassage = 0.0
        /// The two thresholds for relations with other powers; nil: the same as NATO's.
        public var otherPowersMinScore: Double?
        public var otherPowersDocumentMinScore: Double?
        /// The learned model's file, relative to pipeline.yaml; nil for rules alone.
        public var model: String?
        public var modelWeight = 1.0
        public var training = AreaModel.Training()
        /// Words that make a sentence a list of cooperation areas ("key areas include …").
        public var listingCues: [String] = []
        public var listingBoost = 1.5
        /// Words that make a sentence a list of threats, unless it also speaks of cooperating.
        public var threatCues: [String] = []
        public var cooperationCues: [String] = []
        public var threatFactor = 0.4
        /// Words of a relation between states, and how many sentences holding one make the
        /// `relationArea` of a power a document names in them; 0: off. Only where at most
        /// `relationMaxNATOShare` of the passages are NATO's (name it, or are attributed to it).
        public var relationCues: [String] = []
        public var relationMinSentences = 0
        public var relationArea: String?
        public var relationMaxNATOShare = 0.0
        public static let settings: [Setting<Self>] = [
            .init(
                "model", \.model, type: "path",
                "the learned model `dossier train` writes (JSON); without it the rules decide alone"),
            .init("model-weight", \.modelWeight, "raw evidence a certain model adds (p = 1) or takes away (p = 0)"),
            .init("training", \.training, "settings for `dossier train`, below"),
            .init(
                "dedicated-section-score", \.dedicatedSectionScore,
                "a passage this strong under the area's own heading makes the area active by itself"),
            .init("min-score", \.minScore, "a passage belongs to an area at or above this score"),
            .init("heading-weight", \.headingWeight, "evidence from the passage's own section heading"),
            .init("parent-heading-weight", \.parentHeadingWeight, "evidence from the heading above that"),
            .init("scale", \.scale, "raw evidence that gives a score of 0.63"),
            .init("max-areas", \.maxAreas, "most areas one passage can have"),
            .init("document-scale", \.documentScale, "summed passage scores that give a document score of 0.63"),
            .init("document-min-score", \.documentMinScore, "a document discusses an area at or above this score"),
            .init(
                "other-powers-min-score", \.otherPowersMinScore,
                "min-score for passages about a relation with another power (unset: min-score)"),
            .init(
                "other-powers-document-min-score", \.otherPowersDocumentMinScore,
                "document-min-score for a relation with another power (unset: document-min-score)"),
            .init(
                "document-evidence-per-passage", \.documentEvidencePerPassage,
                "passage evidence a relation needs per passage that speaks of it, before its area score "
                    + "counts (a relation long documents tell at length needs more)"),
            .init(
                "listing-cues", \.listingCues, type: "[phrase]",
                "phrases that make a passage a list of cooperation areas ('key areas include'): "
                    + "every area it names counts"),
            .init("listing-boost", \.listingBoost, "how much more an area's phrases weigh in such a list"),
            .init(
                "threat-cues", \.threatCues, type: "[phrase]",
                "phrases that make a sentence a list of threats ('threats', 'challenges')"),
            .init(
                "cooperation-cues", \.cooperationCues, type: "[phrase]",
                "phrases that say the partner works on it after all ('cooperat*', 'support')"),
            .init("threat-factor", \.threatFactor, "what an area's phrases weigh in a list of threats"),
            .init(
                "relation-cues", \.relationCues, type: "[phrase]",
                "words of a relation between states ('ties', 'visit*', 'agreement'), for `relation-min-sentences`"),
            .init(
                "relation-min-sentences", \.relationMinSentences,
                "in a document that is little about NATO (`relation-max-nato-share`), a power named in this many "
                    + "asserted sentences holding a relation cue has `relation-area` (0: off)"),
            .init(
                "relation-area", \.relationArea, type: "area",
                "the area a relation told in `relation-min-sentences` sentences has (political-dialogue)"),
            .init(
                "relation-max-nato-share", \.relationMaxNATOShare,
                "relations are told only in documents where at most this share of the passages are NATO's "
                    + "(name it, or are attributed to it; 0: none may; a NATO page's other powers are asides)",
                check: { (0...1).contains($0) ? nil : "a share from 0 to 1" }),
        ]
        public init() {}
    }
}
