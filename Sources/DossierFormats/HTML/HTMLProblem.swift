import DossierCore

/// Why ingest.html refuses a page (the bytes themselves go through `TextDecoding` first).
public enum HTMLProblem: DocumentProblem, Equatable {
    /// libxml2 takes an `Int32` length.
    case tooLarge
    /// libxml2 returned no document at all.
    case unparseable
    /// Nothing readable was left: no lines but blank ones.
    case noReadableText

    public var message: String {
        switch self {
        case .tooLarge: "the page is larger than 2 GB"
        case .unparseable: "libxml2 could not parse this HTML"
        case .noReadableText: "the page has no readable text"
        }
    }

    public var hint: String? {
        switch self {
        case .tooLarge: "split it or save it without inline media"
        case .unparseable: "check that it is an HTML page"
        case .noReadableText: "is it a page that needs JavaScript?"
        }
    }
}
