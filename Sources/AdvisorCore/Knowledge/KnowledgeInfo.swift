/// The name and version of a knowledge base, shown on the welcome screen and in reports.
public struct KnowledgeInfo: Hashable, Sendable, Codable {
    public var name: String
    public var version: String
    public var description: String
    /// How far rules may move a criterion's weight from its base, as factors of the base.
    public var weightBounds: WeightBounds?

    public init(name: String, version: String, description: String, weightBounds: WeightBounds? = nil) {
        self.name = name
        self.version = version
        self.description = description
        self.weightBounds = weightBounds
    }
}

/// After every rule has acted, a criterion's weight is kept within `lower × base ... upper × base`,
/// so that no chain of rules can make one criterion decide everything, or silence it.
public struct WeightBounds: Hashable, Sendable, Codable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// `weight` kept within the band around `base`.
    public func clamp(_ weight: Double, base: Double) -> Double {
        min(max(weight, base * lower), base * upper)
    }
}
