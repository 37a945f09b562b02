import Foundation

/// English month names, for the format readers' date checks (a chart tick or a byline's date).
/// The facts stages read their months from facts.yaml; these readers work before any rule file
/// applies and only need to tell a date from a name or a number.
enum MonthNames {
    static let full: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
    /// `full` and the usual abbreviations ("Jan", "Sept").
    static let all: Set<String> = full.union([
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ])
}
