import Foundation

/// Hand-written PDFs for tests: `pages` pages of one line of Helvetica each, with a correct
/// cross-reference table, built in microseconds (a 1,000-page file is about 150 KB).
enum TinyPDF {
    static func make(pages: Int, text: (Int) -> String = { "Page \($0) says that cooperation goes on." }) -> [UInt8] {
        var objects: [String] = []
        let pageIDs = (0..<pages).map { 4 + 2 * $0 }
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append(
            "<< /Type /Pages /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages) >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        for p in 0..<pages {
            let escaped = text(p + 1).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
                of: "(", with: "\\("
            ).replacingOccurrences(of: ")", with: "\\)")
            let stream = "BT /F1 12 Tf 72 720 Td (\(escaped)) Tj ET"
            objects.append(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                    + "/Contents \(5 + 2 * p) 0 R >>"
            )
            objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        }
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(format: "%010d 00000 n \n", o) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }
}
