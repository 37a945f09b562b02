/// Where a piece of text came from: a file and an inclusive range of its lines.
///
/// Every derived value (passage, fact, quote) keeps one of these so a briefing can cite
/// the exact lines of the source it draws on.
public struct SourceSpan: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The source path as the pipeline names it (relative to the pipeline file).
    public var file: String
    public var startLine: Int
    public var endLine: Int
    /// The page, for paginated sources (PDF).
    public var page: Int?

    public init(file: String, startLine: Int, endLine: Int? = nil, page: Int? = nil) {
        self.file = file
        self.startLine = startLine
        self.endLine = endLine ?? startLine
        self.page = page
    }

    /// The smallest span covering both (same file assumed).
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(
            file: file, startLine: min(startLine, other.startLine),
            endLine: max(endLine, other.endLine), page: page ?? other.page)
    }

    /// "lines 12–14" or "line 12".
    public var lineLabel: String {
        startLine == endLine ? "line \(startLine)" : "lines \(startLine)–\(endLine)"
    }

    public var description: String { "\(file):\(startLine)" + (endLine != startLine ? "-\(endLine)" : "") }

    public static func < (a: SourceSpan, b: SourceSpan) -> Bool {
        (a.file, a.startLine, a.endLine) < (b.file, b.startLine, b.endLine)
    }
}
