/// Why the winner wins: the criteria where it gains most over the runner-up.
public struct Reason: Hashable, Sendable {
    public var criterion: String
    /// Points the winner gains over the runner-up on this criterion (or its own points when it stands alone).
    public var advantage: Double
    public var weight: Double
    public var winnerRating: Double
    public var runnerUpRating: Double?
    /// The reason behind the winner's rating (see `ratingCitation`).
    public var why: String
    public var source: String
    public var evidence: Evidence?
    public var asOf: String?
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
            let citation = ratingCitation(framework: frameworkIndex, criterion: index)
            result.append(Reason(criterion: contribution.criterion, advantage: contribution.points - rivalPoints,
                                 weight: contribution.weight, winnerRating: contribution.rating,
                                 runnerUpRating: rival?.contributions[index].rating,
                                 why: citation.why, source: citation.source, evidence: citation.evidence,
                                 asOf: citation.asOf, weightRules: weights[index].changedBy))
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

/// Why a framework has its final rating on a criterion, as a report should cite it.
public struct RatingCitation: Hashable, Sendable {
    public var why: String
    public var source: String
    /// `seed`, `documented`, `measured` or `inferred`; nil for a rule's reason.
    public var evidence: Evidence?
    /// The date the evidence describes, as written (`2025-12 Django 6.0`).
    public var asOf: String?
}

extension Consultation {
    /// The reason behind framework `f`'s final rating on criterion `c`: on a criterion scored by
    /// capabilities, which of the wanted features it has; where a rule set or moved the rating,
    /// that rule's reason; otherwise the rating's own citation.
    public func ratingCitation(framework f: Int, criterion c: Int) -> RatingCitation {
        let rating = ratings[f][c]
        let k = knowledge
        if !rating.capabilities.isEmpty {
            let framework = k.framework(at: f)
            let parts = rating.capabilities.map { credit -> String in
                let name = k.capability(credit.capability)?.name ?? credit.capability
                let owned = framework.capabilities.first { $0.id == credit.capability }
                let mark = credit.credit >= 1 ? "has" : credit.credit > 0 ? "partly has" : "lacks"
                return "\(mark) \(name)" + (owned.map { " [\($0.citation.source)]" } ?? "")
            }
            let earned = rating.capabilities.reduce(0) { $0 + $1.credit }
            let source = rating.capabilities.compactMap { credit in
                framework.capabilities.first { $0.id == credit.capability && credit.credit > 0 }?.citation.source
            }.first ?? k.criteria[c].source
            let count = rating.capabilities.count
            return RatingCitation(why: (count == 1 ? "Of the one feature asked for, it covers "
                                        : "Of the \(count) features asked for, it covers ")
                                  + "\(Format.number(earned)): " + parts.joined(separator: "; ") + ".",
                                  source: source, evidence: nil, asOf: nil)
        }
        if let step = rating.steps.last, let index = k.ruleIndex(step.rule) {
            let texts = k.ruleTexts(at: index)
            return RatingCitation(why: "rule \(step.rule): " + texts.because, source: texts.source, evidence: nil,
                                  asOf: nil)
        }
        guard let citation = k.framework(at: f).ratings[k.criteria[c].id]?.citation else {
            return RatingCitation(why: "", source: "", evidence: nil, asOf: nil)
        }
        return RatingCitation(why: citation.why, source: citation.source, evidence: citation.evidence,
                              asOf: citation.asOf ?? k.source(citation.source)?.asOf)
    }
}
