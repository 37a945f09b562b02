import DossierCore
import Foundation

/// What a page says about itself: `<meta>` tags (Open Graph, article:*, name=author …),
/// JSON-LD (`headline`, `articleBody`, `author`, `datePublished` …), `<link rel=canonical>`,
/// `<html lang>`, `<time datetime>` and the page's `<h1>` and `<title>`.
struct PageMetadata {
    var title: (text: String, line: Int, node: Int?)?
    /// The title's `<h1>` when another source (og:title, JSON-LD headline, twitter:title,
    /// `<title>`) names the same headline: the article's own heading, not a site name set in an h1.
    var headline: Int?
    var author: String?
    var siteName: String?
    var published: String?
    var modified: String?
    /// Source lines of the elements the two dates came from (`<meta>`, the JSON-LD script, `<time>`).
    var publishedLine: Int?
    var modifiedLine: Int?
    var language: String?
    var canonicalURL: String?
    var description: (text: String, line: Int)?
    /// JSON-LD `articleBody`, with the line of its script.
    var articleBody: (text: String, line: Int)?

    init(tree: HTMLTree, page: PageShape, separators: [String]) {
        let found = MetadataSources(tree: tree, page: page)
        if let html = tree.first("html"),
            let lang = tree.attribute("lang", of: html) ?? tree.attribute("xml:lang", of: html), !lang.isEmpty
        {
            language = lang
        }
        readPeopleAndDates(found)
        let look = found.lookup
        canonicalURL = found.canonical ?? look.m("og:url") ?? look.a("url")
        if let d = ["description", "og:description", "twitter:description"].lazy.compactMap({ found.meta[$0] }).first {
            description = (d.value, d.line)
        }
        if let body = look.a("articleBody")?.trimmingCharacters(in: .whitespacesAndNewlines), !body.isEmpty {
            articleBody = (body, look.articleLine)
        }
        readTitle(found, separators: separators)
    }

    /// Site, author, the published and modified dates with their source lines, and the language
    /// the `<meta>` tags or JSON-LD give when `<html lang>` does not.
    private mutating func readPeopleAndDates(_ found: MetadataSources) {
        let look = found.lookup
        siteName = look.m("og:site_name", "application-name") ?? look.article.flatMap { Self.name($0["publisher"]) }
        author = Self.clean(
            author: look.m("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl")
                ?? look.article.flatMap { Self.name($0["author"]) } ?? found.itemprops["author"]?.value
                ?? found.bylines.first)
        let publishedTime = found.times.first { $0.published } ?? found.times.first
        let publishedSource =
            look.ml(
                "article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date.issued",
                "dcterms.created", "sailthru.date", "parsely-pub-date")
            ?? look.al("datePublished") ?? found.itemprops["datepublished"].map { ($0.value, $0.line) }
            ?? publishedTime.map { ($0.datetime, $0.line) }
        let modifiedSource =
            look.ml("article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified")
            ?? look.al("dateModified") ?? found.itemprops["datemodified"].map { ($0.value, $0.line) }
        (published, publishedLine) = (publishedSource?.0, publishedSource?.1)
        (modified, modifiedLine) = (modifiedSource?.0, modifiedSource?.1)
        language = language ?? look.m("content-language", "og:locale", "dc.language") ?? look.a("inLanguage")
    }

    /// Title: og:title, then JSON-LD headline, then the <h1>, then <title>; a site suffix goes.
    /// The <h1> is the one another source names as the headline, else the first (one inside
    /// the article preferred): a site's name set in an h1 above the article does not win.
    private mutating func readTitle(_ found: MetadataSources, separators: [String]) {
        let look = found.lookup
        let nonEmpty = { (c: (String, Int)?) in c.flatMap { $0.0.trimmed.isEmpty ? nil : $0 } }
        let social = [
            found.meta["og:title"].map { ($0.value, $0.line) }, look.a("headline").map { ($0, look.articleLine) },
        ]
        .compactMap(nonEmpty)
        let named =
            social + [found.meta["twitter:title"].map { ($0.value, $0.line) }, found.titleElement].compactMap(nonEmpty)
        let site = siteName
        let confirmed = found.h1s.first { h1 in
            named.contains { Self.names(BlockWriter.collapse($0.0), h1.0, siteName: site, separators: separators) }
        }
        headline = confirmed?.2
        if let h1 = confirmed ?? (social.isEmpty ? found.firstH1 : nil) {
            title = (BlockWriter.collapse(h1.0), h1.1, h1.2)
        } else if let (raw, line) = social.first ?? named.first {
            title = (Self.stripSite(BlockWriter.collapse(raw), siteName: siteName, separators: separators), line, nil)
        }
    }

    // MARK: - JSON-LD

    /// Objects of a JSON-LD value: top-level objects, arrays and `@graph` members.
    static func objects(in value: Any) -> [[String: Any]] {
        var out: [[String: Any]] = []
        var stack: [Any] = [value]
        while let v = stack.popLast(), out.count < 200 {
            if let array = v as? [Any] {
                stack.append(contentsOf: array.reversed())
            } else if let object = v as? [String: Any] {
                out.append(object)
                if let graph = object["@graph"] { stack.append(graph) }
            }
        }
        return out
    }

    static func isArticle(_ object: [String: Any]) -> Bool {
        let types = (object["@type"] as? [String]) ?? [(object["@type"] as? String) ?? ""]
        return types.contains {
            $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "Report" || $0 == "NewsArticle"
        }
    }

    static func string(_ value: Any?) -> String? {
        if let s = value as? String { return s.isEmpty ? nil : s }
        if let d = value as? [String: Any] { return string(d["@id"] ?? d["url"]) }
        return nil
    }

    /// A name or the names of a person or organisation value (string, object or array of them).
    static func name(_ value: Any?) -> String? {
        if let s = value as? String { return s.isEmpty ? nil : s }
        if let d = value as? [String: Any] { return d["name"] as? String }
        if let a = value as? [Any] {
            let names = a.compactMap { name($0) }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        }
        return nil
    }

    /// An author that is a profile URL is no name; "By Jane Doe" is Jane Doe.
    static func clean(author: String?) -> String? {
        guard let a = author.map(BlockWriter.collapse), !a.isEmpty, !a.hasPrefix("http") else { return nil }
        return names(a)
    }

    static func text(_ tree: HTMLTree, _ i: Int) -> String {
        var pieces: [String] = []
        var stack = [i]
        while let j = stack.popLast() {
            if tree[j].isText {
                pieces.append(tree[j].text)
            } else {
                stack.append(contentsOf: tree[j].children.reversed())
            }
        }
        return BlockWriter.collapse(pieces.joined(separator: " "))
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespaces) }
}

/// What one walk over the page collects for `PageMetadata`: `<meta>` values by key, JSON-LD
/// objects, the canonical link, the first `<h1>` (preferring one inside the article), `<title>`,
/// `<time>` elements, `itemprop` values and bylines, each with its source line.
private struct MetadataSources {
    var meta: [String: (value: String, line: Int)] = [:]
    var ld: [[String: Any]] = []
    var canonical: String?
    /// Every non-empty `<h1>`, those inside the article first, each part in document order.
    var h1s: [(String, Int, Int)] = []
    /// How many of `h1s` stand inside the article.
    private var h1sInsideArticle = 0
    /// The first `<h1>`, one inside the article preferred.
    var firstH1: (String, Int, Int)? { h1s.first }
    var titleElement: (String, Int)?
    var times: [(datetime: String, published: Bool, line: Int)] = []
    var itemprops: [String: (value: String, line: Int)] = [:]
    var bylines: [String] = []

    init(tree: HTMLTree, page: PageShape) {
        for i in 1..<tree.count where !tree[i].isText {
            read(i, tree: tree, page: page)
        }
    }

    /// The JSON-LD object that describes the article, and lookups over it and the `<meta>` tags.
    var lookup: Lookup {
        let article =
            ld.first { $0["articleBody"] != nil } ?? ld.first { PageMetadata.isArticle($0) }
            ?? ld.first { $0["headline"] != nil }
        return Lookup(meta: meta, article: article)
    }

    private mutating func read(_ i: Int, tree: HTMLTree, page: PageShape) {
        let name = tree[i].name
        switch name {
        case "meta": readMeta(i, tree: tree)
        case "link":
            if tree.attribute("rel", of: i)?.lowercased().split(separator: " ").contains("canonical") == true,
                canonical == nil
            {
                canonical = tree.attribute("href", of: i)
            }
        case "script":
            guard tree.attribute("type", of: i)?.lowercased().contains("ld+json") == true else { break }
            let json = tree[i].children.map { tree[$0].text }.joined()
            if let data = json.data(using: .utf8), let value = try? JSONSerialization.jsonObject(with: data) {
                ld += PageMetadata.objects(in: value).map { $0.merging(["@line": tree[i].line]) { a, _ in a } }
            }
        case "title":
            if titleElement == nil { titleElement = (PageMetadata.text(tree, i), tree[i].line) }
        case "h1":
            let t = PageMetadata.text(tree, i)
            guard !t.isEmpty else { break }
            if page.insideArticle[i] {
                h1s.insert((t, tree[i].line, i), at: h1sInsideArticle)
                h1sInsideArticle += 1
            } else {
                h1s.append((t, tree[i].line, i))
            }
        case "time":
            if let dt = tree.attribute("datetime", of: i), !dt.isEmpty {
                let published =
                    tree.attribute("pubdate", of: i) != nil
                    || tree.attribute("itemprop", of: i)?.lowercased() == "datepublished"
                times.append((dt, published, tree[i].line))
            }
        default:
            break
        }
        readPropertiesAndBylines(i, tree: tree)
    }

    private mutating func readMeta(_ i: Int, tree: HTMLTree) {
        guard let content = tree.attribute("content", of: i)?.trimmingCharacters(in: .whitespacesAndNewlines),
            !content.isEmpty
        else { return }
        let keys = [
            tree.attribute("property", of: i), tree.attribute("name", of: i), tree.attribute("itemprop", of: i),
            tree.attribute("http-equiv", of: i),
        ].compactMap { $0?.lowercased() }
        for key in keys {
            // Some pages list several properties in one attribute ("og:title twitter:title").
            for k in key.split(separator: " ") where meta[String(k)] == nil {
                meta[String(k)] = (content, tree[i].line)
            }
        }
    }

    private mutating func readPropertiesAndBylines(_ i: Int, tree: HTMLTree) {
        if let prop = tree.attribute("itemprop", of: i)?.lowercased(), itemprops[prop] == nil, tree[i].name != "meta" {
            itemprops[prop] = (
                tree.attribute("datetime", of: i) ?? tree.attribute("content", of: i) ?? PageMetadata.text(tree, i),
                tree[i].line
            )
        }
        if tree.attribute("rel", of: i)?.lowercased() == "author"
            || tree.attribute("class", of: i).map({ ClassHints.words($0).contains("byline") }) == true
        {
            let t = PageMetadata.text(tree, i)
            if !t.isEmpty, t.count < 100 { bylines.append(t) }
        }
    }
}

/// First-found lookups: `m` over `<meta>` keys, `a` over the article's JSON-LD keys; `ml` and
/// `al` also give the source line.
private struct Lookup {
    let meta: [String: (value: String, line: Int)]
    let article: [String: Any]?

    var articleLine: Int { article?["@line"] as? Int ?? 1 }
    func m(_ keys: String...) -> String? { keys.lazy.compactMap { meta[$0]?.value }.first }
    func a(_ key: String) -> String? { article.flatMap { PageMetadata.string($0[key]) } }
    func ml(_ keys: String...) -> (String, Int)? {
        keys.lazy.compactMap { meta[$0] }.first.map { ($0.value, $0.line) }
    }
    func al(_ key: String) -> (String, Int)? { a(key).map { ($0, articleLine) } }
}
