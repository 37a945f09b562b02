/// Titles as pages write them: "Headline | Site", and the same headline in several places.
extension PageMetadata {
    /// "Headline | Site" → "Headline": the site's name when known, else a short part after the
    /// last separator (or before the first) when the rest is still a headline.
    static func stripSite(_ title: String, siteName: String?, separators: [String]) -> String {
        if let site = siteName.map(BlockWriter.collapse), !site.isEmpty {
            for sep in separators {
                if title.lowercased().hasSuffix((sep + site).lowercased()) {
                    return String(title.dropLast(sep.count + site.count)).trimmed
                }
                if title.lowercased().hasPrefix((site + sep).lowercased()) {
                    return String(title.dropFirst(sep.count + site.count)).trimmed
                }
            }
        }
        for sep in separators {
            guard let last = title.range(of: sep, options: .backwards) else { continue }
            let head = String(title[..<last.lowerBound]).trimmed
            let tail = String(title[last.upperBound...]).trimmed
            if tail.split(separator: " ").count <= 4, head.split(separator: " ").count >= 3 { return head }
            if let first = title.range(of: sep) {
                let h = String(title[..<first.lowerBound]).trimmed
                let t = String(title[first.upperBound...]).trimmed
                if h.split(separator: " ").count <= 3, t.split(separator: " ").count >= 4, h == siteName { return t }
            }
        }
        return title
    }

    static func same(_ a: String, _ b: String) -> Bool {
        let norm = { (s: String) in s.lowercased().filter { $0.isLetter || $0.isNumber } }
        return !norm(a).isEmpty && norm(a) == norm(b)
    }

    /// True when `other` (og:title, `<title>` …) names `h1` as the headline: the same text, the
    /// same once the site's name is gone, or `h1` followed by a title separator.
    static func names(_ other: String, _ h1: String, siteName: String?, separators: [String]) -> Bool {
        let heading = BlockWriter.collapse(h1).lowercased()
        return same(h1, other) || same(h1, stripSite(other, siteName: siteName, separators: separators))
            || separators.contains { other.lowercased().hasPrefix(heading + $0.lowercased()) }
    }
}
