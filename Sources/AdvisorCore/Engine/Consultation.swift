/// One criterion's share of a framework's score: `points = 100 × weight × rating / (Σ weights × 5)`.
public struct Contribution: Hashable, Sendable {
    public var criterion: String
    public var weight: Double
    public var rating: Double
    public var points: Double
}

/// A framework's place in the ranking.
public struct ScoredFramework: Hashable, Sendable {
    public var framework: String
    public var name: String
    public var score: Double
    public var rank: Int
    public var contributions: [Contribution]
}

/// Everything the engine concluded from one set of answers: the ranking, and the trace that explains it.
///
/// Renderers (text, JSON, Markdown, HTML, the TUI) read this and nothing else.
public struct Consultation: Sendable {
    public let knowledge: KnowledgeBase
    /// The answers that took part, after setting aside those whose question doesn't apply.
    public let answers: Answers
    public let ignored: [IgnoredAnswer]
    /// Weight overrides given by the user, by criterion id.
    public let overrides: [String: Double]
    /// Rule firings in the order they happened.
    public let firings: [Firing]
    /// Each derived fact's final value, by fact index.
    public let facts: [Tri]
    /// Each criterion's weight, in knowledge order.
    public let weights: [CriterionWeight]
    /// Each framework's ratings, by framework index then criterion index.
    public let ratings: [[FrameworkRating]]
    public let excluded: [Exclusion]
    /// The frameworks that weren't excluded, best first.
    public let ranking: [ScoredFramework]
    /// The capabilities the team asked for, sorted by id.
    public let wanted: [String]
    /// Advice the fired rules add, in rule-id order.
    public let notes: [AdviceNote]

    /// The recommended framework, if any is left.
    public var winner: ScoredFramework? { ranking.first }

    /// Fired rules sorted by id, the order reports list them in.
    public var firedRules: [Rule] {
        // Sorted by the plan's precomputed id rank: moving indices, not whole rules.
        knowledge.plan.inIDOrder(firings.map(\.ruleIndex)).map { knowledge.rule(at: $0) }
    }

    /// The ids of `firedRules`, in the same order, without building the rules.
    public var firedRuleIDs: [String] {
        knowledge.plan.inIDOrder(firings.map(\.ruleIndex)).map { knowledge.plan.ruleIDs[$0] }
    }

    public func weight(of criterion: String) -> CriterionWeight? {
        knowledge.criterionIndex[criterion].map { weights[$0] }
    }

    public func rating(of framework: String, on criterion: String) -> FrameworkRating? {
        guard let f = knowledge.frameworkIndex[framework], let c = knowledge.criterionIndex[criterion] else {
            return nil
        }
        return ratings[f][c]
    }

    public func scored(_ framework: String) -> ScoredFramework? {
        ranking.first { $0.framework == framework }
    }

    public func exclusion(of framework: String) -> Exclusion? {
        excluded.first { $0.framework == framework }
    }

    public func factValue(_ name: String) -> Tri {
        knowledge.factIndex(name).map { facts[$0] } ?? .false
    }
}
