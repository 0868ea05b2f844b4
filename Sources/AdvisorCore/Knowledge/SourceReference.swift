/// A place a fact comes from: a section of the seed article, or an address that was read.
public struct SourceReference: Hashable, Sendable, Codable {
    /// The key that facts cite, such as `seed#performance-comparison`.
    public var id: String
    /// A human title, such as `FastAPI vs Django (2027), "Performance Comparison"`.
    public var title: String
    /// The section of the document, if the source is one part of a longer text.
    public var section: String?
    /// Where it can be read: a URL, or the path of the seed article.
    public var address: String?
    /// True for an address inside an organisation (an intranet wiki, a decision record), which
    /// readers outside it cannot open.
    public var isInternal: Bool
    /// The date (and version) the source describes, as in `Citation.asOf`: the default for every
    /// fact citing it.
    public var asOf: String?
    public var location: SourceLocation?

    public init(id: String, title: String, section: String? = nil, address: String? = nil,
                isInternal: Bool = false, asOf: String? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.section = section
        self.address = address
        self.isInternal = isInternal
        self.asOf = asOf
        self.location = location
    }
}
