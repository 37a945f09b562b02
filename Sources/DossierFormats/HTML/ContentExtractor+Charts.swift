import Foundation

/// Charts drawn as an image with their labels laid over it (ai2html and its kin: a `<div>`
/// holding the chart's `<img>` and one absolutely placed box per axis label, legend and data
/// label, each with an inline `top:`/`left:`). Read as text, such a chart is a column of
/// "’98", "’04", "RECESSIONS", "140": figure text, kept out of the body and logged, as
/// ingest.pdf does with a chart's numbers.
extension ContentExtractor {
    static let chartOverlayRule = "figure text (labels placed over a chart image)"

    /// True when `i` holds an image (as a child) and at least `chart-label-min` children placed
    /// over it by inline coordinates. A caption beside the image, in flow, does not count.
    func isChartOverlay(_ i: Int) -> Bool {
        let children = tree[i].children
        guard options.chartLabelMin > 0, children.count > options.chartLabelMin,
            children.contains(where: { Self.chartImages.contains(tree[$0].name) })
        else { return false }
        var placed = 0
        for child in children where !tree[child].isText {
            guard let style = tree.attribute("style", of: child), Self.isPlaced(style) else { continue }
            placed += 1
            if placed >= options.chartLabelMin { return true }
        }
        return false
    }

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
