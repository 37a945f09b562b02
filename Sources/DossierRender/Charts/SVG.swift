/// A small SVG writer: every piece of text is escaped, every number printed the same way on
/// every machine, so charts are deterministic files a reviewer can diff.
struct SVG {
    let width: Int
    let height: Int
    private var body = ""

    init(width: Int, height: Int, title: String, description: String) {
        self.width = width
        self.height = height
        body += "<title>\(Self.escape(title))</title>\n<desc>\(Self.escape(description))</desc>\n"
    }

    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, opacity: Double = 1, title: String? = nil
    ) {
        let tip = title.map { "<title>\(Self.escape($0))</title>" } ?? ""
        body +=
            "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" "
            + "fill=\"\(fill)\""
            + (opacity < 1 ? " fill-opacity=\"\(Self.n(opacity))\"" : "") + (tip.isEmpty ? "/>\n" : ">\(tip)</rect>\n")
    }

    mutating func circle(cx: Double, cy: Double, r: Double, fill: String, title: String? = nil) {
        let tip = title.map { "<title>\(Self.escape($0))</title>" } ?? ""
        body +=
            "<circle cx=\"\(Self.n(cx))\" cy=\"\(Self.n(cy))\" r=\"\(Self.n(r))\" fill=\"\(fill)\""
            + (tip.isEmpty ? "/>\n" : ">\(tip)</circle>\n")
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1) {
        body +=
            "<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" "
            + "stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\"/>\n"
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(
        _ s: String, x: Double, y: Double, size: Double = 12, anchor: Anchor = .start, fill: String = "#1d2330",
        bold: Bool = false
    ) {
        body +=
            "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" font-size=\"\(Self.n(size))\" "
            + "text-anchor=\"\(anchor.rawValue)\" fill=\"\(fill)\""
            + (bold ? " font-weight=\"bold\"" : "") + ">\(Self.escape(s))</text>\n"
    }

    var document: String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="\(width)" \
        height="\(height)" role="img" \
        font-family="DejaVu Sans, Helvetica, Arial, sans-serif">
        \(body)</svg>

        """
    }

    /// Numbers with at most two decimals and no trailing zeros: the same text everywhere.
    static func n(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let a = abs(hundredths)
        let whole = a / 100
        let frac = a % 100
        if frac == 0 { return "\(sign)\(whole)" }
        return frac % 10 == 0 ? "\(sign)\(whole).\(frac / 10)" : "\(sign)\(whole).\(frac < 10 ? "0" : "")\(frac)"
    }

    static func escape(_ s: String) -> String { HTMLText.escape(s) }
}
