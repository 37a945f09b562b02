import Foundation

/// A GFM pipe table read from the source lines of one paragraph.
struct PipeTable {
    enum Alignment { case none, left, center, right }
    let header: [String]
    let alignments: [Alignment]
    let rows: [[String]]

    /// nil unless the lines are a header row, a delimiter row and body rows, all with pipes.
    init?(_ lines: [String]) {
        guard lines.count >= 2, lines.allSatisfy({ $0.contains("|") }) else { return nil }
        let header = Self.cells(lines[0])
        let delimiter = Self.cells(lines[1])
        guard delimiter.count == header.count, !header.isEmpty else { return nil }
        var alignments: [Alignment] = []
        for d in delimiter {
            let core = d.trimmingCharacters(in: CharacterSet(charactersIn: ":"))
            guard !core.isEmpty, core.allSatisfy({ $0 == "-" }) else { return nil }
            switch (d.hasPrefix(":"), d.hasSuffix(":")) {
            case (true, true): alignments.append(.center)
            case (false, true): alignments.append(.right)
            case (true, false): alignments.append(.left)
            default: alignments.append(.none)
            }
        }
        self.header = header
        self.alignments = alignments
        rows = lines.dropFirst(2).map { row in
            let c = Self.cells(row)
            return Array((c + Array(repeating: "", count: max(0, header.count - c.count))).prefix(header.count))
        }
    }

    /// Splits a row on unescaped pipes, dropping the outer ones.
    static func cells(_ line: String) -> [String] {
        var s = line.trimmingCharacters(in: .whitespaces)
        if s.hasPrefix("|") { s.removeFirst() }
        if s.hasSuffix("|") && !s.hasSuffix("\\|") { s.removeLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for c in s {
            if escaped {
                current.append(c)
                escaped = false
                continue
            }
            if c == "\\" {
                current.append(c)
                escaped = true
                continue
            }
            if c == "|" {
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                continue
            }
            current.append(c)
        }
        cells.append(current.trimmingCharacters(in: .whitespaces))
        return cells
    }

    func html(renderCell: (String) -> String) -> String {
        func style(_ i: Int) -> String {
            switch alignments[i] {
            case .none: return ""
            case .left: return " style=\"text-align:left\""
            case .center: return " style=\"text-align:center\""
            case .right: return " style=\"text-align:right\""
            }
        }
        var out = "<table>\n<thead>\n<tr>"
        for (i, cell) in header.enumerated() { out += "<th scope=\"col\"\(style(i))>\(renderCell(cell))</th>" }
        out += "</tr>\n</thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() { out += "<td\(style(i))>\(renderCell(cell))</td>" }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
