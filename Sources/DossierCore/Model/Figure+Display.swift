import Foundation

extension Figure {
    /// The display form from the stored parts. `sign` is how money is printed before the
    /// number: the currency's symbol ("€", "US$") or its code ("CHF", followed by a space).
    func displayed(sign: String?) -> String {
        let amount = Self.range(low, value)
        var parts: [String] = qualifier.isEmpty ? [] : [qualifier]
        switch kind {
        case .money:
            let sign = sign ?? currency ?? unit
            let spaced = sign.last.map { $0.isLetter } ?? false
            parts.append(sign + (spaced ? " " : "") + amount)
        case .percent:
            parts.append(amount + "%")
        default:
            let counted = noun ?? unit
            // "1,200-strong contingent": the compound stays glued to the number.
            if counted.hasPrefix("-") { parts.append(amount + counted) } else { parts += [amount, counted] }
        }
        if let of { parts.append("of " + of) }
        return parts.joined(separator: " ")
    }

    /// "40–50", "1–2 million", "1.5 million"; a lower bound in another scale is written out.
    static func range(_ low: Double?, _ high: Double) -> String {
        let (h, scale) = scaled(high)
        guard let low else { return h + scale }
        let (l, lowScale) = scaled(low)
        return lowScale == scale ? l + "–" + h + scale : l + lowScale + "–" + h + scale
    }

    /// The number and its scale word: 1 200 000 → ("1.2", " million"); 640 000 → ("640,000", "");
    /// a million or more is written with its scale when two decimals say it exactly.
    static func scaled(_ value: Double) -> (String, String) {
        for (size, word) in [(1e9, " billion"), (1e6, " million")] where value >= size {
            let mantissa = value / size
            if abs(mantissa * 100 - (mantissa * 100).rounded()) < 1e-6 { return (plain(mantissa), word) }
        }
        return (plain(value), "")
    }

    /// Thousands grouped with commas, at most two decimals, trailing zeros dropped: the same
    /// text for "640 000", "640,000" and "640.000".
    static func plain(_ value: Double) -> String {
        let fixed = String(format: "%.2f", value)
        let parts = fixed.split(separator: ".")
        var whole = String(parts[0])
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        grouped = whole + grouped
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? grouped : grouped + "." + fraction
    }
}
