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
    /// When true, a framework's rating on this criterion is the share of the capabilities the
    /// team asked for (`want` actions) that it has, whenever any were asked for; the rating in
    /// the framework's file applies only when none were.
    public var byCapabilities: Bool
    public var location: SourceLocation?

    public init(id: String, name: String, description: String, weight: Double, source: String,
                byCapabilities: Bool = false, location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.weight = weight
        self.source = source
        self.byCapabilities = byCapabilities
        self.location = location
    }
}

/// A feature a framework may have, which a rule can require (for example `admin`).
public struct Capability: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var name: String
    /// What having it means, precisely enough to rate a framework against it: "auth" as a user
    /// model with login and permissions is not "auth" as token utilities.
    public var means: String
    public var location: SourceLocation?

    public init(id: String, name: String, means: String = "", location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.means = means
        self.location = location
    }
}
