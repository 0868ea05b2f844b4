/// Applies fired rules' effects in a fixed order that doesn't depend on how rules are written.
enum Effects {
    /// Final weights: base, then every additive change, then every multiplicative change (each
    /// group in rule-id order), each step clamped to 0...`Criterion.maximumWeight`, then the user's overrides.
    static func weights(_ knowledge: KnowledgeBase, fired: [Int], overrides: [String: Double]) -> [CriterionWeight] {
        var result = knowledge.criteria.map {
            CriterionWeight(criterion: $0.id, base: $0.weight, final: $0.weight, steps: [])
        }
        let plan = knowledge.plan
        for additive in [true, false] {
            for index in fired {
                for action in plan.weightActions[index] {
                    let criterion = action.criterion, change = action.change
                    let before = result[criterion].final
                    let after: Double
                    switch change {
                    case .add(let amount) where additive:
                        after = min(Criterion.maximumWeight, max(0, before + amount))
                    case .multiply(let factor) where !additive:
                        after = min(Criterion.maximumWeight, before * factor)
                    default: continue
                    }
                    result[criterion].final = after
                    result[criterion].steps.append(WeightStep(origin: .rule(knowledge.rules[index].id),
                                                              operation: .rule(change), before: before, after: after))
                }
            }
        }
        for (criterion, value) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let index = knowledge.criterionIndex[criterion] else { continue }
            let before = result[index].final
            result[index].final = value
            result[index].steps.append(WeightStep(origin: .override, operation: .set(value), before: before,
                                                  after: value))
        }
        return result
    }

    /// Final ratings: base, then settings, then adjustments (each in rule-id order), clamped to 0...5.
    static func ratings(_ knowledge: KnowledgeBase, fired firedIndices: [Int]) -> [[FrameworkRating]] {
        var result = knowledge.baseRatings
        let fired = firedIndices.filter { knowledge.plan.ratingRules[$0] }.map { knowledge.rules[$0] }
        for setting in [true, false] {
            for rule in fired {
                for case .rating(let framework, let criterion, let change) in rule.actions {
                    guard let f = knowledge.frameworkIndex[framework], let c = knowledge.criterionIndex[criterion]
                    else { continue }
                    let before = result[f][c].final
                    let after: Double
                    switch change {
                    case .set(let value) where setting: after = value
                    case .add(let amount) where !setting: after = min(5, max(0, before + amount))
                    default: continue
                    }
                    result[f][c].final = after
                    result[f][c].steps.append(RatingStep(rule: rule.id, change: change, before: before, after: after))
                }
            }
        }
        return result
    }

    /// Knock-outs: explicit exclusions, and frameworks lacking a required capability. The first
    /// reason in rule-id order is kept for each framework.
    static func exclusions(_ knowledge: KnowledgeBase, fired firedIndices: [Int]) -> [Exclusion] {
        var result: [String: Exclusion] = [:]
        for index in firedIndices where knowledge.plan.knockOutRules[index] {
            let rule = knowledge.rules[index]
            for action in rule.actions {
                switch action {
                case .exclude(let framework, let reason):
                    if result[framework] == nil {
                        result[framework] = Exclusion(framework: framework, rule: rule.id, reason: reason)
                    }
                case .require(let capability):
                    let name = knowledge.capabilities.first { $0.id == capability }?.name ?? capability
                    for framework in knowledge.frameworks where !framework.has(capability)
                        && result[framework.id] == nil {
                        result[framework.id] = Exclusion(framework: framework.id, rule: rule.id,
                                                         reason: "\(framework.name) lacks \(name), which "
                                                            + "rule '\(rule.id)' requires")
                    }
                default:
                    continue
                }
            }
        }
        return knowledge.frameworks.compactMap { result[$0.id] }
    }
}
