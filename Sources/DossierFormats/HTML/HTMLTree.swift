import CLibXML2
import DossierCore

/// A parsed page as Swift values: every libxml2 call of the HTML ingest lives in this file.
///
/// libxml2 parses (no network, error-tolerant, no depth or text-size limits); the tree is then
/// copied, without recursion, into an array of nodes in document order, so a parent's index is
/// always below its children's. Nesting deeper than `maxDepth` is flattened: the children of a
/// too-deep element hang on its ancestor at `maxDepth`, so their text stays and everything that
/// walks the tree afterwards is bounded by `maxDepth`.
struct HTMLTree: Sendable {
    struct Node: Sendable {
        /// Lowercased element name, or `#text` for text.
        var name: String
        /// The text of a text node.
        var text: String = ""
        var attributes: [(name: String, value: String)] = []
        var parent: Int
        var children: [Int] = []
        /// 1-based source line.
        var line: Int
        var depth: Int

        var isText: Bool { name == "#text" }
    }

    /// `nodes[0]` is the document itself (name `#document`).
    private(set) var nodes: [Node]

    subscript(_ i: Int) -> Node { nodes[i] }
    var count: Int { nodes.count }

    func attribute(_ name: String, of i: Int) -> String? {
        nodes[i].attributes.first { $0.name == name }?.value
    }

    /// True when `a` is a strict ancestor of `b`.
    func isAncestor(_ a: Int, of b: Int) -> Bool {
        var p = nodes[b].parent
        while p >= 0 {
            if p == a { return true }
            p = nodes[p].parent
        }
        return false
    }

    /// An element as a CSS-like selector with its line, `div#main.article-body (line 120)`: how
    /// `--explain` names the container it took the content from.
    func describe(_ i: Int) -> String {
        var text = nodes[i].name
        if let id = attribute("id", of: i), !id.isEmpty { text += "#" + id }
        if let classes = attribute("class", of: i) {
            text += classes.split(whereSeparator: \.isWhitespace).map { "." + $0 }.joined()
        }
        return "\(text) (line \(nodes[i].line))"
    }

    /// The first element called `name` in document order.
    func first(_ name: String) -> Int? { nodes.indices.first { nodes[$0].name == name } }

    /// Parses UTF-8 `bytes` (already decoded and re-encoded by `TextDecoding`, so a page's own
    /// charset declaration, right or wrong, is ignored).
    static func parse(utf8 bytes: [UInt8], file: String, maxDepth: Int) throws -> HTMLTree {
        let options = Int32(
            HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOIMPLIED.rawValue
                // Without HUGE, libxml2 silently drops everything below depth 256; BIG_LINES
                // keeps line numbers past 65535 right.
                | XML_PARSE_HUGE.rawValue | XML_PARSE_BIG_LINES.rawValue)
        guard bytes.count < Int(Int32.max) else {
            throw HTMLProblem.tooLarge
        }
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), file, "UTF-8", options)
            }
        }
        guard let doc = parsed else {
            throw HTMLProblem.unparseable
        }
        defer { xmlFreeDoc(doc) }
        var tree = HTMLTree(nodes: [Node(name: "#document", parent: -1, line: 1, depth: 0)])
        tree.copy(from: doc, maxDepth: maxDepth)
        tree.openHeadingsAsContainers()
        return tree
    }

    /// A heading the page's markup leaves open (`<h2>…</h3>`, a common slip) swallows what
    /// follows it, paragraphs and all, and the article would be read as one heading. A heading
    /// holding paragraphs or tables is read as the container it has become (`div`); a heading
    /// holding inline text, a `<div>` for styling or a summary list (news sites set a deck's
    /// bullet points in an `<h2>`) stays a heading.
    private mutating func openHeadingsAsContainers() {
        var holdsBlocks = [Bool](repeating: false, count: nodes.count)
        for i in nodes.indices.reversed() where i > 0 {
            if holdsBlocks[i] || Self.bodyBlocks.contains(nodes[i].name) { holdsBlocks[nodes[i].parent] = true }
        }
        for i in nodes.indices where holdsBlocks[i] && Self.headingNames.contains(nodes[i].name) {
            nodes[i].name = "div"
        }
    }

    private static let headingNames: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    private static let bodyBlocks: Set<String> = ["p", "table", "article", "section", "main"]

    /// Copies libxml2's tree depth-first with an explicit stack of arena parents.
    private mutating func copy(from doc: htmlDocPtr, maxDepth: Int) {
        // One entry per libxml2 element we descended into: the arena node its children attach to.
        var parents: [Int] = [0]
        var current: xmlNodePtr? = doc.pointee.children
        while let node = current {
            var descend = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let parent = parents.last!
                let depth = nodes[parent].depth + 1
                if depth > maxDepth {
                    parents.append(parent)
                } else {
                    let index = append(
                        Node(
                            name: Self.name(of: node), attributes: Self.attributes(of: node),
                            parent: parent, line: Self.line(of: node), depth: depth))
                    parents.append(index)
                }
                descend = node.pointee.children != nil
                if !descend { parents.removeLast() }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let parent = parents.last!
                if let c = node.pointee.content {
                    append(
                        Node(
                            name: "#text", text: String(cString: c), parent: parent, line: Self.line(of: node),
                            depth: nodes[parent].depth + 1))
                }
            default:
                break
            }
            if descend {
                current = node.pointee.children
                continue
            }
            // Next sibling, or climb to the first ancestor that has one.
            var n: xmlNodePtr? = node
            while let m = n, m.pointee.next == nil {
                n = m.pointee.parent
                if n == nil || n!.pointee.type == XML_HTML_DOCUMENT_NODE || n!.pointee.type == XML_DOCUMENT_NODE {
                    n = nil
                    break
                }
                parents.removeLast()
            }
            current = n?.pointee.next
        }
    }

    @discardableResult
    private mutating func append(_ node: Node) -> Int {
        nodes.append(node)
        nodes[node.parent].children.append(nodes.count - 1)
        return nodes.count - 1
    }

    private static func name(of node: xmlNodePtr) -> String {
        guard let n = node.pointee.name else { return "" }
        return String(cString: n).lowercased()
    }

    private static func line(of node: xmlNodePtr) -> Int { max(1, Int(xmlGetLineNo(node))) }

    private static func attributes(of node: xmlNodePtr) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        var attr = node.pointee.properties
        while let a = attr {
            if let n = a.pointee.name {
                var value = ""
                var child = a.pointee.children
                while let c = child {
                    if let content = c.pointee.content { value += String(cString: content) }
                    child = c.pointee.next
                }
                result.append((String(cString: n).lowercased(), value))
            }
            attr = a.pointee.next
        }
        return result
    }
}
