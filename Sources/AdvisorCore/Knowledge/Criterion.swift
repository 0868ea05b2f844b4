/// Something a team weighs when choosing a framework, such as performance or security.
public struct Criterion: Hashable, Sendable, Codable, Identifiable {
    /// The largest weight a criterion can have: in the knowledge, on the command line, and after
    /// the rules (each change is clamped to it), so that scores stay finite.
    public static let maximumWeight = 1_000_000.0

    public var id: String
    public var name: String
    public var description: String
    /// Base importance before any rule, at least 0.
    public var weight: Double
    public var source: String
    public var location: SourceLocation?

    public init(id: String, name: String, description: String, weight: Double, source: String,
                location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.weight = weight
        self.source = source
        self.location = location
    }
}

/// A feature a framework may have, which a rule can require (for example `admin`).
public struct Capability: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var location: SourceLocation?

    public init(id: String, name: String, location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.location = location
    }
}
