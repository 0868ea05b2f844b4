/// The weighted sum: `score(f) = 100 × Σ w_c·r_f,c / (Σ w_c · 5)`.
public enum Scoring {
    /// Scores closer than this are a tie, broken by framework id.
    public static let tieTolerance = 1e-9

    /// One framework's score and per-criterion contributions under the given weights and ratings.
    public static func score(_ knowledge: KnowledgeBase, framework f: Int, weights: [CriterionWeight],
                             ratings: [[FrameworkRating]]) -> ScoredFramework {
        let total = weights.reduce(0) { $0 + $1.final }
        var contributions: [Contribution] = []
        contributions.reserveCapacity(weights.count)
        var score = 0.0
        for (c, weight) in weights.enumerated() {
            let rating = ratings[f][c].final
            let points = Self.points(weight: weight.final, rating: rating, total: total)
            score += points
            contributions.append(Contribution(criterion: weight.criterion, weight: weight.final, rating: rating,
                                              points: points))
        }
        return ScoredFramework(framework: knowledge.frameworkIDs[f], name: knowledge.frameworkNames[f], score: score, rank: 0,
                               contributions: contributions)
    }

    /// A criterion's points: the one formula both `score`s use, so they agree to the last bit.
    @inline(__always)
    static func points(weight: Double, rating: Double, total: Double) -> Double {
        total > 0 ? 100 * weight * rating / (total * 5) : 0
    }

    /// A framework's score from bare numbers, summed in the same order as `score(_:framework:weights:ratings:)`.
    static func score(weights: [Double], ratings: [Double], total: Double) -> Double {
        var score = 0.0
        for c in weights.indices { score += points(weight: weights[c], rating: ratings[c], total: total) }
        return score
    }

    static func rank(_ knowledge: KnowledgeBase, weights: [CriterionWeight], ratings: [[FrameworkRating]],
                     excluded: Set<String>) -> [ScoredFramework] {
        var scored = knowledge.frameworkIDs.indices
            .filter { !excluded.contains(knowledge.frameworkIDs[$0]) }
            .map { score(knowledge, framework: $0, weights: weights, ratings: ratings) }
        scored.sort(by: ranksBefore)
        for index in scored.indices { scored[index].rank = index + 1 }
        return scored
    }

    /// The ranking order: higher score first; within the tie tolerance, by framework id.
    public static func ranksBefore(_ lhs: ScoredFramework, _ rhs: ScoredFramework) -> Bool {
        ranksBefore(lhs.score, lhs.framework, rhs.score, rhs.framework)
    }

    static func ranksBefore(_ lhsScore: Double, _ lhsID: String, _ rhsScore: Double, _ rhsID: String) -> Bool {
        if abs(lhsScore - rhsScore) > tieTolerance { return lhsScore > rhsScore }
        return lhsID < rhsID
    }
}
