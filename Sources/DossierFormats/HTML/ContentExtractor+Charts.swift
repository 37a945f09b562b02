import Foundation

/// Charts drawn as an image with their labels laid over it (ai2html and its kin: a `<div>`
/// holding the chart's `<img>` and one absolutely placed box per axis label, legend and data
/// label, each with an inline `top:`/`left:`). Read as text, such a chart is a column of
/// "’98", "’04", "RECESSIONS", "140": figure text, kept out of the body and logged, as
/// ingest.pdf does with a chart's numbers.
extension ContentExtractor {
    static let chartOverlayRule = "figure text (labels placed over a chart image)"

    /// The children of `i` placed over an image `i` holds, when they are a chart's labels: at
    /// least `chart-label-min` of them short (`chart-label-max-chars`), and most of them. Only
    /// the placed children go; a caption in flow beside the image stays. Lines of running text
    /// placed over a page image (`pdftohtml -c`) or a headline and standfirst over a hero photo
    /// are long, so they are no chart.
    func chartLabels(_ i: Int) -> [Int] {
        let children = tree[i].children
        guard options.chartLabelMin > 0, children.count > options.chartLabelMin,
            children.contains(where: { Self.chartImages.contains(tree[$0].name) })
        else { return [] }
        let placed = children.filter { child in
            !tree[child].isText && !Self.chartImages.contains(tree[child].name)
                && tree.attribute("style", of: child).map(Self.isPlaced) == true
        }
        let short = placed.filter { whole.text[$0] <= options.chartLabelMaxChars }.count
        return short >= options.chartLabelMin && 2 * short >= placed.count ? placed : []
    }

    /// What a chart is drawn as; a placed image among them is the picture, not a label.
    static let chartImages: Set<String> = ["img", "picture", "svg", "canvas"]

    /// An inline style that sets a vertical and a horizontal offset (`top` or `bottom`, `left` or
    /// `right`, as properties: `margin-top` is not one).
    static func isPlaced(_ style: String) -> Bool {
        var vertical = false
        var horizontal = false
        for declaration in style.split(separator: ";") {
            guard let colon = declaration.firstIndex(of: ":") else { continue }
            switch declaration[..<colon].trimmingCharacters(in: .whitespaces).lowercased() {
            case "top", "bottom": vertical = true
            case "left", "right": horizontal = true
            default: continue
            }
        }
        return vertical && horizontal
    }
}
