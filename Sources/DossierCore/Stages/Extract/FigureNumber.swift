/// Reads the value of a number as printed, in English or European style.
///
/// - Group spaces ("640 000") always group.
/// - Both "," and "." present: the one written last is the decimal point ("1,234.5", "1.234,5").
/// - One separator written more than once groups ("1,250,000", "1.250.000"); the groups after
///   the first must have three digits, else it is no number ("1.2.3" is a section number).
/// - One separator written once: before exactly three digits it groups ("2,500", "640.000"),
///   except a "." before a scale word or "%" ("1.500 million" is one and a half million);
///   before one, two or four or more digits it is the decimal point ("2,5 million", "1.2").
enum FigureNumber {
    static func value(_ raw: String, scaled: Bool) -> Double? {
        let text = String(raw.unicodeScalars.filter { FigureScanner.isDigit($0) || $0 == "," || $0 == "." })
        let commas = text.filter { $0 == "," }.count
        let dots = text.filter { $0 == "." }.count
        if commas == 0, dots == 0 { return Double(text) }
        if commas > 0, dots > 0 {
            let decimal: Character = text.lastIndex(of: ",")! > text.lastIndex(of: ".")! ? "," : "."
            let group: Character = decimal == "," ? "." : ","
            guard text.filter({ $0 == decimal }).count == 1 else { return nil }
            return grouped(String(text.split(separator: decimal)[0]), by: group).flatMap { whole in
                Double(whole + "." + text.split(separator: decimal)[1])
            }
        }
        let separator: Character = commas > 0 ? "," : "."
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        if parts.count > 2 { return grouped(text, by: separator).flatMap { Double($0) } }
        let groups = parts[1].count == 3 && parts[0].count <= 3 && !(separator == "." && scaled)
        return groups ? Double(parts[0] + parts[1]) : Double(parts[0] + "." + parts[1])
    }

    /// The digits of `text` with its group separators removed, when every group after the
    /// first has three digits and the first one to three.
    private static func grouped(_ text: String, by separator: Character) -> String? {
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard (1...3).contains(parts[0].count) || parts.count == 1, parts.dropFirst().allSatisfy({ $0.count == 3 })
        else { return nil }
        return parts.joined()
    }
}
