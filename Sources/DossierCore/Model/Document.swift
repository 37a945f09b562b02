import Foundation

/// One source file as it moves through the document stages.
///
/// Ingest fills `lines`; the line normalizers rewrite them; `normalize.structure` turns them
/// into `sections`; classify fills passage and document `areas`; extract fills `facts`.
public struct Document: Codable, Hashable, Sendable {
    /// The path as the pipeline names it (relative to the pipeline file), used in citations.
    public var source: String
    public var format: SourceFormat
    /// sha256 of the bytes read, for the manifest and cache keys.
    public var contentHash: String
    /// Warnings about the input that did not stop it (e.g. a Windows-1252 fallback).
    public var warnings: [String] = []

    public var lines: [Line] = []
    public var title: String?
    public var titleSpan: SourceSpan?
    /// The partner country the document is about; a region name for a regional document.
    public var country: String?
    /// True when `country` names a region rather than a country.
    public var countryIsRegion: Bool = false
    public var kind: DocumentKind = .unknown

    public var sections: [Section] = []
    public var footnotes: [Footnote] = []
    public var removed: [RemovedText] = []
    /// Notes from the normalizers about decisions that kept text (e.g. a hyphen kept).
    public var decisions: [String] = []

    /// Areas the document substantively discusses in its NATO material, best first.
    public var areas: [AreaScore] = []
    /// The areas of the other relations it describes (Russia's, China's …), each carrying its
    /// counterpart, by counterpart then strength: kept apart so they never count as NATO's.
    public var counterpartAreas: [AreaScore] = []
    public var facts = DocumentFacts()
    /// Negations, refusals, limits, declines and suspensions it states (`classify.statements`),
    /// in document order: never evidence of cooperation.
    public var constraints: [Constraint] = []
    /// What the source says about itself (set by `ingest.html` from `<meta>`, JSON-LD and
    /// `<link rel=canonical>`); nil for sources that carry no such metadata.
    public var metadata: SourceMetadata?

    public init(source: String, format: SourceFormat, contentHash: String) {
        self.source = source
        self.format = format
        self.contentHash = contentHash
    }

    /// The notes a passage calls, in call order.
    public func footnotes(calledBy passage: Passage) -> [Footnote] {
        passage.footnoteCalls.compactMap { n in footnotes.first { $0.number == n } }
    }

    /// All passages in document order.
    public var passages: [Passage] { sections.flatMap(\.passages) }

    /// Applies `body` to every passage in place, in document order.
    public mutating func updatePassages(_ body: (inout Passage) throws -> Void) rethrows {
        for s in sections.indices {
            for p in sections[s].passages.indices {
                try body(&sections[s].passages[p])
            }
        }
    }
}

/// A source's own metadata, as written (dates stay in the source's notation, usually ISO 8601).
/// Every field is optional, so documents stored before these fields existed still decode.
public struct SourceMetadata: Codable, Hashable, Sendable {
    /// Author or byline, several joined by ", ".
    public var author: String?
    /// The publishing site ("og:site_name", the JSON-LD publisher).
    public var siteName: String?
    /// Publication date and time (`article:published_time`, JSON-LD `datePublished`, `<time datetime>`).
    public var published: String?
    /// Last modification (`article:modified_time`, JSON-LD `dateModified`).
    public var modified: String?
    /// Language tag (`<html lang>`).
    public var language: String?
    /// The page's canonical address (`<link rel=canonical>`, `og:url`).
    public var canonicalURL: String?
    /// The page's own summary (`<meta name=description>`, `og:description`).
    public var description: String?
    /// The source line of the element `published` (`modified`) was read from, for evidence.
    public var publishedLine: Int?
    public var modifiedLine: Int?

    public init(
        author: String? = nil, siteName: String? = nil, published: String? = nil, modified: String? = nil,
        language: String? = nil, canonicalURL: String? = nil, description: String? = nil,
        publishedLine: Int? = nil, modifiedLine: Int? = nil
    ) {
        self.author = author
        self.siteName = siteName
        self.published = published
        self.modified = modified
        self.language = language
        self.canonicalURL = canonicalURL
        self.description = description
        self.publishedLine = publishedLine
        self.modifiedLine = modifiedLine
    }
}

public enum SourceFormat: String, Codable, Hashable, Sendable {
    case text, markdown, html, pdf
}

/// What sort of document this is, as far as the rules in config can tell.
public enum DocumentKind: String, Codable, Hashable, Sendable, Comparable {
    /// An official partnership page ("Relations with X").
    case partnerPage = "partner page"
    /// An analysis or article.
    case analysis
    case unknown

    public static func < (a: DocumentKind, b: DocumentKind) -> Bool { a.rawValue < b.rawValue }
}
