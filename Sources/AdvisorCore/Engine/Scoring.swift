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
            let points = total > 0 ? 100 * weight.final * rating / (total * 5) : 0
            score += points
            contributions.append(Contribution(criterion: weight.criterion, weight: weight.final, rating: rating,
                                              points: points))
        }
        let framework = knowledge.frameworks[f]
        return ScoredFramework(framework: framework.id, name: framework.name, score: score, rank: 0,
                               contributions: contributions)
    }

    static func rank(_ knowledge: KnowledgeBase, weights: [CriterionWeight], ratings: [[FrameworkRating]],
                     excluded: Set<String>) -> [ScoredFramework] {
        var scored = knowledge.frameworks.indices
            .filter { !excluded.contains(knowledge.frameworks[$0].id) }
            .map { score(knowledge, framework: $0, weights: weights, ratings: ratings) }
        scored.sort(by: ranksBefore)
        for index in scored.indices { scored[index].rank = index + 1 }
        return scored
    }

    /// The ranking order: higher score first; within the tie tolerance, by framework id.
    public static func ranksBefore(_ lhs: ScoredFramework, _ rhs: ScoredFramework) -> Bool {
        if abs(lhs.score - rhs.score) > tieTolerance { return lhs.score > rhs.score }
        return lhs.framework < rhs.framework
    }
}
