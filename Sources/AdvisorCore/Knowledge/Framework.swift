/// How well a fact is backed.
public enum Evidence: String, Hashable, Sendable, Codable, CaseIterable {
    /// The seed article states it: the comparison the knowledge starts from.
    case seed
    /// The source states it.
    case documented
    /// A published measurement shows it.
    case measured
    /// A judgement drawn from related facts.
    case inferred
}

/// A cited statement: why it holds and where it comes from.
public struct Citation: Hashable, Sendable, Codable {
    public var why: String
    public var source: String
    public var evidence: Evidence?
    /// When the fact was last checked against its source (ISO date), for documented or measured facts.
    public var reviewed: String?
    /// The date the fact describes (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), and the version after a
    /// space when there is one: `2025-12 Django 6.0`. Nil: the source's own `as_of` applies.
    public var asOf: String?

    public init(why: String, source: String, evidence: Evidence? = nil, reviewed: String? = nil,
                asOf: String? = nil) {
        self.why = why
        self.source = source
        self.evidence = evidence
        self.reviewed = reviewed
        self.asOf = asOf
    }
}

/// A framework's rating on one criterion, 0...5.
public struct Rating: Hashable, Sendable, Codable {
    public var score: Double
    public var citation: Citation
    public var location: SourceLocation?

    public init(score: Double, citation: Citation, location: SourceLocation? = nil) {
        self.score = score
        self.citation = citation
        self.location = location
    }
}

/// Something a framework has, such as an admin panel, with its citation.
public struct FrameworkCapability: Hashable, Sendable, Codable {
    public var id: String
    /// True when the framework covers only part of what the capability means (for example an
    /// official plugin for a third-party ORM). A partial capability earns half the points when
    /// a team asks for it, and does not meet a hard requirement.
    public var partial: Bool
    public var citation: Citation
    public var location: SourceLocation?

    public init(id: String, partial: Bool = false, citation: Citation, location: SourceLocation? = nil) {
        self.id = id
        self.partial = partial
        self.citation = citation
        self.location = location
    }
}

/// A statement about a framework that is not a rating, such as "APIs are built with Django REST Framework".
public struct FrameworkFact: Hashable, Sendable, Codable {
    public var id: String
    public var statement: String
    public var citation: Citation
    public var location: SourceLocation?

    public init(id: String, statement: String, citation: Citation, location: SourceLocation? = nil) {
        self.id = id
        self.statement = statement
        self.citation = citation
        self.location = location
    }
}

/// A framework the advisor can recommend.
public struct Framework: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var summary: String
    public var capabilities: [FrameworkCapability]
    /// Ratings by criterion id.
    public var ratings: [String: Rating]
    public var facts: [FrameworkFact]
    public var location: SourceLocation?

    public init(id: String, name: String, summary: String, capabilities: [FrameworkCapability] = [],
                ratings: [String: Rating], facts: [FrameworkFact] = [], location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.summary = summary
        self.capabilities = capabilities
        self.ratings = ratings
        self.facts = facts
        self.location = location
    }

    /// Whether the framework has the whole capability (a partial one does not count).
    public func has(_ capability: String) -> Bool {
        capabilities.contains { $0.id == capability && !$0.partial }
    }
}
