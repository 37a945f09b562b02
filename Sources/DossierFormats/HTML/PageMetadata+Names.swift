import Foundation

extension PageMetadata {
    /// The names in a byline element, which often runs on into its date ("JERUSALEM POST STAFF
    /// NOVEMBER 20, 2019 10:43", "Posted by Ann Writer | Updated 3 May 2021"): each piece between
    /// separators loses a leading "by", and ends where a date, a number or "updated" begins;
    /// the names left are joined with commas ("Ann Writer · Bo Reporter"). Nil when no name is
    /// left: "Published: 3 May 2021" names nobody, and an author field is no place for a date.
    static func names(_ author: String) -> String? {
        var text = author
        for separator in ["|", "•", "·", " - ", " – ", " — "] {
            text = text.replacingOccurrences(of: separator, with: "\n")
        }
        let names = text.split(separator: "\n").compactMap { piece -> String? in
            var words = piece.split(separator: " ")
            while let first = words.first,
                ["by", "posted", "written", "author:", "authors:"].contains(first.lowercased())
            {
                words.removeFirst()
            }
            let end = words.indices.first { k in
                let lower = words[k].lowercased().trimmingCharacters(in: .punctuationCharacters)
                let beforeNumber = k + 1 < words.count && words[k + 1].first?.isNumber == true
                return words[k].first?.isNumber == true || (MonthNames.all.contains(lower) && beforeNumber)
                    || ["updated", "published", "posted", "last"].contains(lower)
            }
            let name = words[..<(end ?? words.count)].joined(separator: " ")
                .trimmingCharacters(in: CharacterSet(charactersIn: " ,;:"))
            return name.isEmpty ? nil : name
        }
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }
}
