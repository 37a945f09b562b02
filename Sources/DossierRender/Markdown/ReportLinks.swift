import DossierCore

/// Links between reports, made from their `ReportID`s: the Markdown names the file of the same
/// report, and render.html points the link at its page.
enum ReportLinks {
    /// The line under a briefing's or the change list's title.
    static var header: String {
        "[Index](\(ReportID.index.path(.markdown))) · "
            + "[Comparative summary](\(ReportID.summary.path(.markdown)))"
    }
}
