/// Weight stability intervals: for each criterion, the exact range its weight can take, all other
/// weights fixed, without changing the winner.
///
/// The score is linear in each weight over a common denominator, so the winner W stays ahead of
/// F while `(A_W − A_F) + t·(r_W − r_F) ≥ 0`, where A is the weighted sum of the other criteria
/// and t the weight being moved. Each rival gives one half-line; the interval is their
/// intersection with t ≥ 0.
public struct StabilityInterval: Hashable, Sendable {
    public var criterion: String
    public var weight: Double
    public var low: Double
    /// `nil` when the weight can grow without limit.
    public var high: Double?

    /// How far the weight can move, relative to its value: the smaller, the more the decision hinges on it.
    public var slack: Double {
        let down = low > 0 ? weight - low : .infinity
        let up = high.map { $0 - weight } ?? .infinity
        return min(down, up) / max(weight, 1e-9)
    }

    public static func analyse(_ c: Consultation) -> [StabilityInterval] {
        guard let winner = c.winner, let w = c.knowledge.frameworkIndex[winner.framework] else { return [] }
        let rivals = c.ranking.dropFirst().compactMap { c.knowledge.frameworkIndex[$0.framework] }
        let weights = c.weights.map(\.final)
        return c.weights.indices.map { index in
            var low = 0.0
            var high: Double?
            for f in rivals {
                var difference = 0.0 // A_W − A_F over the other criteria
                for j in weights.indices where j != index {
                    difference += weights[j] * (c.ratings[w][j].final - c.ratings[f][j].final)
                }
                let slope = c.ratings[w][index].final - c.ratings[f][index].final
                if slope > 0 {
                    low = max(low, -difference / slope)
                } else if slope < 0 {
                    let bound = difference / -slope
                    high = min(high ?? bound, bound)
                }
            }
            return StabilityInterval(criterion: c.weights[index].criterion, weight: weights[index], low: low,
                                     high: high)
        }
    }
}
