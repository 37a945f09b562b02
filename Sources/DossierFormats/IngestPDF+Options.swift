import DossierCore

extension IngestPDF {
    /// The poppler command and the geometry thresholds: how much larger a heading is set, how
    /// many numbers make a chart's cluster, and what a table's cells look like. Defaults are the
    /// values checked on the real PDFs of Tests/Fixtures/real/pdf; pipeline.yaml may override any.
    public struct Options: StageOptions {
        public var timeout = 60.0
        public var command = "pdftotext"
        public var mode = "geometry"
        public var headingSizeRatio = 1.2
        public var figureMinNumbers = 4
        public var tableMaxCellWords = 8
        public var tableMinRows = 3
        public var tableMaxCellWidthShare = 0.3
        public static let settings: [Setting<Self>] = [
            .init("timeout", \.timeout, "seconds pdftotext may take on one file"),
            .init("command", \.command, "the pdftotext executable"),
            .init(
                "mode", \.mode,
                "geometry (pdftotext -bbox-layout: figures, headings, notes by position and size) "
                    + "or text (plain pdftotext)",
                check: {
                    ["geometry", "text"].contains($0)
                        ? nil
                        : "mode must be 'geometry' or 'text', not '\($0)'"
                }),
            .init(
                "heading-size-ratio", \.headingSizeRatio,
                "a short line this much larger than the body text is a heading (geometry mode)"),
            .init(
                "figure-min-numbers", \.figureMinNumbers,
                "numbers a cluster of number-only lines needs to count as a figure (geometry mode)"),
            .init(
                "table-max-cell-words", \.tableMaxCellWords,
                "most words a table cell's line may hold; longer lines are prose, not cells (geometry mode)"),
            .init(
                "table-min-rows", \.tableMinRows, "fewest rows side-by-side cells need to be a table (geometry mode)"),
            .init(
                "table-max-cell-width-share", \.tableMaxCellWidthShare,
                "widest a table cell may be, as a share of the page width (geometry mode)"),
        ]
        public init() {}
    }
}
