/// "Why not X?": which criteria cost a framework the most points against the winner, the rules
/// that changed those weights and ratings, and the knock-out that removed it, if any.
///
/// Points lost on a criterion are `100 × w × (r_winner − r_X) / (Σ w × 5)`: the weight times the
/// rating difference, on the same scale as the scores, so the losses add up to the score gap.
public struct WhyNot: Sendable {
    /// A rule that changed a weight or a rating on the criterion, with its reason.
    public struct RuleEffect: Hashable, Sendable {
        public var rule: String
        /// What it did, in words: `weight ×2`, `Django's rating -1`.
        public var change: String
        public var because: String
        public var source: String

        public init(rule: String, change: String, because: String, source: String) {
            self.rule = rule
            self.change = change
            self.because = because
            self.source = source
        }
    }

    /// One criterion's share of the gap.
    public struct Cost: Hashable, Sendable {
        public var criterion: String
        public var weight: Double
        public var rating: Double
        public var winnerRating: Double
        /// Points the framework loses to the winner here (negative: it gains).
        public var points: Double
        /// The framework's own rating citation, and the winner's.
        public var why: String
        public var source: String
        public var winnerWhy: String
        public var winnerSource: String
        /// The rule that set or last changed each rating, if one did: its reason, in `rules`, is then
        /// the reason for the rating, not the base rating's citation.
        public var ratedBy: String?
        public var winnerRatedBy: String?
        /// Rules that changed the weight, then rules that changed either rating, in application order;
        /// a rule that changed both ratings is one effect naming both changes.
        public var rules: [RuleEffect]
    }

    /// The knock-out that removed the framework.
    public struct KnockOut: Hashable, Sendable {
        public var rule: String
        public var reason: String
        public var because: String
        public var source: String
    }

    public var framework: String
    /// The recommended framework (nil when every framework is knocked out).
    public var winner: String?
    /// The framework's score (the one it would have had, when knocked out) and the winner's.
    public var score: Double
    public var winnerScore: Double
    public var knockOut: KnockOut?
    /// Every criterion, the largest loss first, ties in knowledge order.
    public var costs: [Cost]

    /// The criteria where the framework loses points, largest first.
    public var losses: [Cost] { costs.filter { $0.points > 1e-9 } }
    /// The criteria where it gains points, largest gain first.
    public var gains: [Cost] { costs.filter { $0.points < -1e-9 }.reversed() }
    /// Whether the framework is itself the recommendation.
    public var isWinner: Bool { winner == framework }

    public static func analyse(_ framework: String, in c: Consultation) -> WhyNot {
        let k = c.knowledge
        let knockOut = c.exclusion(of: framework).map { exclusion in
            let rule = k.rule(exclusion.rule)
            return KnockOut(rule: exclusion.rule, reason: exclusion.reason, because: rule?.because ?? "",
                            source: rule?.source ?? "")
        }
        let own = c.scored(framework) ?? c.unrankedScore(framework)
        guard let f = k.frameworkIndex[framework], let own else {
            return WhyNot(framework: framework, winner: c.winner?.framework, score: 0,
                          winnerScore: c.winner?.score ?? 0, knockOut: knockOut, costs: [])
        }
        guard let winner = c.winner, let w = k.frameworkIndex[winner.framework] else {
            return WhyNot(framework: framework, winner: nil, score: own.score, winnerScore: 0, knockOut: knockOut,
                          costs: [])
        }
        let total = c.weights.reduce(0) { $0 + $1.final }
        var costs: [Cost] = []
        for (index, weight) in c.weights.enumerated() {
            let criterion = k.criteria[index].id
            let rating = c.ratings[f][index].final
            let winnerRating = c.ratings[w][index].final
            let points = total > 0 ? 100 * weight.final * (winnerRating - rating) / (total * 5) : 0
            var rules: [RuleEffect] = []
            for step in weight.steps {
                guard case .rule(let id) = step.origin else { continue }
                let rule = k.rule(id)
                rules.append(RuleEffect(rule: id, change: "weight \(step.change)", because: rule?.because ?? "",
                                        source: rule?.source ?? ""))
            }
            for frameworkIndex in (w == f ? [f] : [f, w]) {
                let name = k.frameworks[frameworkIndex].name
                for step in c.ratings[frameworkIndex][index].steps {
                    let change = "\(name)'s rating \(step.change.description)"
                    if let same = rules.firstIndex(where: { $0.rule == step.rule && $0.change.contains("'s rating") }) {
                        rules[same].change += ", " + change
                        continue
                    }
                    let rule = k.rule(step.rule)
                    rules.append(RuleEffect(rule: step.rule, change: change, because: rule?.because ?? "",
                                            source: rule?.source ?? ""))
                }
            }
            let citation = c.ratingCitation(framework: f, criterion: index)
            let winnerCitation = c.ratingCitation(framework: w, criterion: index)
            costs.append(Cost(criterion: criterion, weight: weight.final, rating: rating, winnerRating: winnerRating,
                              points: points, why: citation.why, source: citation.source,
                              winnerWhy: winnerCitation.why, winnerSource: winnerCitation.source,
                              ratedBy: c.ratings[f][index].steps.last?.rule,
                              winnerRatedBy: c.ratings[w][index].steps.last?.rule, rules: rules))
        }
        let ordered = costs.enumerated().sorted {
            abs($0.element.points - $1.element.points) > 1e-9 ? $0.element.points > $1.element.points
                : $0.offset < $1.offset
        }.map(\.element)
        return WhyNot(framework: framework, winner: winner.framework, score: own.score, winnerScore: winner.score,
                      knockOut: knockOut, costs: ordered)
    }
}
