/// How well a fact is backed.
public enum Evidence: String, Hashable, Sendable, Codable, CaseIterable {
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

    public init(why: String, source: String, evidence: Evidence? = nil, reviewed: String? = nil) {
        self.why = why
        self.source = source
        self.evidence = evidence
        self.reviewed = reviewed
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
    public var citation: Citation
    public var location: SourceLocation?

    public init(id: String, citation: Citation, location: SourceLocation? = nil) {
        self.id = id
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

    public func has(_ capability: String) -> Bool {
        capabilities.contains { $0.id == capability }
    }
}
