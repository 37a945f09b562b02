/// Unique, stable heading ids: lower-case letters and digits, other runs as `-`, `-2` on repeats.
struct HeadingIDs {
    private var used: [String: Int] = [:]

    /// The id for a heading whose text (as `Cmark.idText` reads it from the node tree) is `text`.
    mutating func make(from text: String) -> String {
        var slug = ""
        for c in text.lowercased() {
            if c.isLetter || c.isNumber {
                slug.append(c)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty { slug = "section" }
        let n = (used[slug] ?? 0) + 1
        used[slug] = n
        return n == 1 ? slug : "\(slug)-\(n)"
    }

    /// A text node's literal as heading ids read it: `&` as "and", the other characters
    /// cmark escapes as their entities (ids keep the shape they had when made from HTML).
    static func escaped(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "and"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
