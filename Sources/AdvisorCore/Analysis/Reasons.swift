/// Why the winner wins: the criteria where it gains most over the runner-up.
public struct Reason: Hashable, Sendable {
    public var criterion: String
    /// Points the winner gains over the runner-up on this criterion (or its own points when it stands alone).
    public var advantage: Double
    public var weight: Double
    public var winnerRating: Double
    public var runnerUpRating: Double?
    /// The winner's rating citation.
    public var why: String
    public var source: String
    /// The rules that set this criterion's weight.
    public var weightRules: [String]
}

extension Consultation {
    /// The winner's `count` strongest reasons, largest advantage first, ties by criterion order.
    public func reasons(count: Int = 3) -> [Reason] {
        guard let winner else { return [] }
        return advantages(of: winner.framework, over: ranking.dropFirst().first?.framework)
            .filter { $0.advantage > 0 }
            .prefix(count).map { $0 }
    }

    /// Every criterion's contribution to the gap between `framework` and `other` (or `framework`'s
    /// own points when `other` is nil), largest first.
    public func advantages(of framework: String, over other: String?) -> [Reason] {
        guard let own = scored(framework) ?? unrankedScore(framework),
              let frameworkIndex = knowledge.frameworkIndex[framework] else { return [] }
        let rival = other.flatMap { scored($0) ?? unrankedScore($0) }
        var result: [Reason] = []
        for (index, contribution) in own.contributions.enumerated() {
            let rivalPoints = rival?.contributions[index].points ?? 0
            let citation = knowledge.frameworks[frameworkIndex].ratings[contribution.criterion]?.citation
            result.append(Reason(criterion: contribution.criterion, advantage: contribution.points - rivalPoints,
                                 weight: contribution.weight, winnerRating: contribution.rating,
                                 runnerUpRating: rival?.contributions[index].rating,
                                 why: citation?.why ?? "", source: citation?.source ?? "",
                                 weightRules: weights[index].changedBy))
        }
        let order = Dictionary(uniqueKeysWithValues: knowledge.criteria.enumerated().map { ($1.id, $0) })
        return result.sorted {
            abs($0.advantage - $1.advantage) > 1e-9 ? $0.advantage > $1.advantage
                : (order[$0.criterion] ?? 0) < (order[$1.criterion] ?? 0)
        }
    }

    /// The score a framework would have had if it hadn't been excluded.
    public func unrankedScore(_ framework: String) -> ScoredFramework? {
        knowledge.frameworkIndex[framework].map {
            Scoring.score(knowledge, framework: $0, weights: weights, ratings: ratings)
        }
    }
}
