import CLibXML2
import DossierCore

/// Reads saved web pages through libxml2's HTML parser (no network, error-tolerant).
///
/// Headings become declared headings (`<h1>` is the title), paragraphs, list items and
/// table rows become lines separated by blank lines, and page chrome (scripts, styles,
/// navigation, footers, forms) is dropped. Each line keeps the source line of its element.
/// Everything that touches libxml2 stays in this file; only Swift values come out.
public struct IngestHTML: IngestStage {
    public static let id = "ingest.html"
    public static let summary = "Read saved HTML pages (libxml2, no network): headings, paragraphs, lists, tables"
    public static let requires: Set<Artifact> = []
    public static let produces: Set<Artifact> = [.text]

    public struct Options: StageOptions {
        public var extensions: [String] = ["html", "htm", "xhtml"]
        public var skip: [String] = ["script", "style", "noscript", "template", "nav", "footer", "form", "button", "svg", "iframe", "select"]
        public static let fields = [
            OptionField("extensions", "[string]", default: "[html, htm, xhtml]", "file extensions this stage reads"),
            OptionField("skip", "[string]", default: "[script, style, noscript, template, nav, footer, form, …]", "elements dropped with their content"),
        ]
        enum CodingKeys: String, CodingKey { case extensions, skip }
        public init() {}
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            extensions = try c.decodeIfPresent([String].self, forKey: .extensions) ?? extensions
            skip = try c.decodeIfPresent([String].self, forKey: .skip) ?? skip
        }
    }

    let options: Options
    let skip: Set<String>

    public init(options: Options, context: StageContext) {
        self.options = options
        skip = Set(options.skip.map { $0.lowercased() })
    }

    public func accepts(_ file: InputFile) -> Bool { options.extensions.contains(file.fileExtension) }

    public func ingest(_ file: InputFile) throws -> Document {
        // Decoding first gives the same encoding rules and errors as text files (BOM, UTF-16, binary, empty).
        let decoded = try TextDecoding.decode(file.bytes, file: file.path)
        var document = Document(source: file.path, format: .html, contentHash: SHA256.hex(file.bytes))
        document.warnings = decoded.warnings
        let utf8 = Array(decoded.text.utf8)
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        let parsed: htmlDocPtr? = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), file.path, "UTF-8", options)
            }
        }
        guard let doc = parsed else {
            throw InputError("libxml2 could not parse this HTML", file: file.path, hint: "check that it is an HTML page")
        }
        defer { xmlFreeDoc(doc) }
        var walker = Walker(file: file.path, skip: skip)
        var node = doc.pointee.children
        while let n = node {
            walker.visit(n)
            node = n.pointee.next
        }
        if !walker.lines.contains(where: { $0.role == .heading && $0.headingLevel == 1 }), let title = walker.title {
            walker.lines.insert(Line(text: title.text, span: title.span, role: .heading, headingLevel: 1), at: 0)
        }
        document.lines = walker.lines
        if document.lines.allSatisfy(\.isBlank) {
            throw InputError("the page has no readable text", file: file.path, hint: "is it a page that needs JavaScript?")
        }
        return document
    }
}

/// Walks the DOM, emitting one line per block element.
private struct Walker {
    let file: String
    let skip: Set<String>
    var lines: [Line] = []
    var title: (text: String, span: SourceSpan)?

    static let leafBlocks: Set<String> = ["p", "li", "dt", "dd", "blockquote", "pre", "figcaption", "caption", "address", "summary"]
    static let headings: [String: Int] = ["h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6]

    mutating func visit(_ node: xmlNodePtr) {
        guard node.pointee.type == XML_ELEMENT_NODE else { return }
        let name = Self.name(of: node)
        if skip.contains(name) { return }
        if name == "title" {
            title = (Self.text(of: node, skip: skip), span(node))
            return
        }
        if name == "head" {
            visitChildren(node)
            return
        }
        if let level = Self.headings[name] {
            emit(Self.text(of: node, skip: skip), node, role: .heading, level: level)
        } else if Self.leafBlocks.contains(name) && !Self.hasBlockChildren(node) {
            emit(Self.text(of: node, skip: skip), node, role: name == "li" ? .listItem : .text)
        } else if name == "tr" {
            let cells = Self.children(node).filter { ["td", "th"].contains(Self.name(of: $0)) }.map { Self.text(of: $0, skip: skip) }
            emit(cells.filter { !$0.isEmpty }.joined(separator: " | "), node, role: .text)
        } else {
            // A container: loose inline text between its block children is a paragraph of its own.
            var inline = ""
            var inlineNode: xmlNodePtr? = nil
            for child in Self.children(node) {
                if child.pointee.type == XML_TEXT_NODE || (child.pointee.type == XML_ELEMENT_NODE && !Self.isBlock(Self.name(of: child))) {
                    if child.pointee.type == XML_ELEMENT_NODE, skip.contains(Self.name(of: child)) { continue }
                    inline += child.pointee.type == XML_TEXT_NODE ? Self.content(child) : " " + Self.text(of: child, skip: skip) + " "
                    inlineNode = inlineNode ?? child
                } else {
                    if let n = inlineNode { emit(inline, n, role: .text) }
                    inline = ""
                    inlineNode = nil
                    visit(child)
                }
            }
            if let n = inlineNode { emit(inline, n, role: .text) }
        }
    }

    mutating func visitChildren(_ node: xmlNodePtr) {
        for child in Self.children(node) { visit(child) }
    }

    private mutating func emit(_ raw: String, _ node: xmlNodePtr, role: Line.Role, level: Int? = nil) {
        let text = raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard !text.isEmpty else { return }
        lines.append(Line(text: text, span: span(node), role: role, headingLevel: level))
        lines.append(Line(text: "", span: span(node)))
    }

    private func span(_ node: xmlNodePtr) -> SourceSpan {
        SourceSpan(file: file, startLine: max(1, Int(xmlGetLineNo(node))))
    }

    static func isBlock(_ name: String) -> Bool {
        leafBlocks.contains(name) || headings[name] != nil || [
            "div", "section", "article", "main", "aside", "header", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot",
            "tr", "figure", "body", "html", "nav", "footer", "form", "hr", "br", "head", "title", "meta", "link",
        ].contains(name)
    }

    static func hasBlockChildren(_ node: xmlNodePtr) -> Bool {
        children(node).contains { $0.pointee.type == XML_ELEMENT_NODE && isBlock(name(of: $0)) && name(of: $0) != "br" }
    }

    static func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let c = child {
            result.append(c)
            child = c.pointee.next
        }
        return result
    }

    static func name(of node: xmlNodePtr) -> String {
        guard let n = node.pointee.name else { return "" }
        return String(cString: n).lowercased()
    }

    static func content(_ node: xmlNodePtr) -> String {
        guard let c = node.pointee.content else { return "" }
        return String(cString: c)
    }

    /// The text of an element and its descendants, skipping dropped elements; `<br>` is a space.
    static func text(of node: xmlNodePtr, skip: Set<String>) -> String {
        var out = ""
        for child in children(node) {
            switch child.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                out += content(child)
            case XML_ELEMENT_NODE:
                let n = name(of: child)
                if skip.contains(n) { continue }
                out += n == "br" ? " " : (isBlock(n) ? " " : "") + text(of: child, skip: skip) + (isBlock(n) ? " " : "")
            default:
                continue
            }
        }
        return out
    }
}
