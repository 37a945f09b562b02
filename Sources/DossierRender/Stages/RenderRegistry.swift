import DossierCore

extension StageRegistry {
    /// The render stages (the only ones that need cmark).
    public static let render = StageRegistry([
        StageDescriptor(RenderMarkdown.self),
        StageDescriptor(RenderHTML.self),
        StageDescriptor(RenderData.self),
        StageDescriptor(ReportChanges.self),
        StageDescriptor(RenderCharts.self),
        StageDescriptor(RenderPDF.self),
    ])
}
