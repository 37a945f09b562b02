import Foundation

/// A regular expression from config, compiled once, case-insensitive by default.
///
/// Decodes from a YAML string; a pattern that does not compile is a config error at its line.
public struct Pattern: Decodable, Sendable, Hashable {
    public let source: String
    private let regex: NSRegularExpression

    public init(_ source: String, caseSensitive: Bool = false, location: FileLocation? = nil) throws {
        self.source = source
        do {
            regex = try NSRegularExpression(pattern: source, options: caseSensitive ? [] : [.caseInsensitive])
        } catch {
            throw ConfigError(
                "invalid regular expression '\(source)'", at: location,
                hint: "check its brackets and escapes (YAML single quotes keep backslashes as typed)",
                reason: .invalidPattern(source))
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(text, location: decoder.configLocation)
    }

    public func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The capture groups of the first match (group 0 is the whole match); nil groups as nil.
    public func firstMatch(in text: String) -> [String?]? {
        guard let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (0..<m.numberOfRanges).map { i in
            Range(m.range(at: i), in: text).map { String(text[$0]) }
        }
    }

    /// Where a match that starts at the beginning of `text` ends, if there is one. Anchored,
    /// so a line that does not start with it costs one attempt, not a scan.
    public func prefixEnd(in text: String) -> String.Index? {
        guard let m = regex.firstMatch(in: text, options: .anchored, range: NSRange(text.startIndex..., in: text))
        else { return nil }
        return Range(m.range, in: text)?.upperBound
    }

    /// All matches with their ranges in `text`.
    public func allMatches(in text: String) -> [(range: Range<String.Index>, groups: [String?])] {
        regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            guard let whole = Range(m.range, in: text) else { return nil }
            let groups = (0..<m.numberOfRanges).map { i in Range(m.range(at: i), in: text).map { String(text[$0]) } }
            return (whole, groups)
        }
    }

    public static func == (a: Pattern, b: Pattern) -> Bool { a.source == b.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }
}
