/// Applies fired rules' effects in a fixed order that doesn't depend on how rules are written.
enum Effects {
    /// Final weights: base, then every additive change, then every multiplicative change (each
    /// group in rule-id order), each step clamped to 0...`Criterion.maximumWeight`, then the user's overrides.
    static func weights(_ knowledge: KnowledgeBase, fired: [Int], overrides: [String: Double]) -> [CriterionWeight] {
        var steps = Array(repeating: [WeightStep](), count: knowledge.criteria.count)
        let finals = weightValues(knowledge, fired: fired, overrides: overrides) { criterion, origin, operation, before, after in
            steps[criterion].append(WeightStep(origin: origin, operation: operation, before: before, after: after))
        }
        return knowledge.criteria.indices.map { c in
            CriterionWeight(criterion: knowledge.criteria[c].id, base: knowledge.criteria[c].weight, final: finals[c],
                            steps: steps[c])
        }
    }

    /// The final weights alone; `step` hears every change (criterion index, origin, operation,
    /// before, after) in the order it is applied.
    static func weightValues(_ knowledge: KnowledgeBase, fired: [Int], overrides: [String: Double],
                             step: ((Int, ChangeOrigin, WeightStep.Operation, Double, Double) -> Void)? = nil) -> [Double] {
        var result = knowledge.criteria.map(\.weight)
        let plan = knowledge.plan
        for additive in [true, false] {
            for index in fired {
                for action in plan.weightActions[index] {
                    let criterion = action.criterion, change = action.change
                    let before = result[criterion]
                    let after: Double
                    switch change {
                    case .add(let amount) where additive:
                        after = min(Criterion.maximumWeight, max(0, before + amount))
                    case .multiply(let factor) where !additive:
                        after = min(Criterion.maximumWeight, before * factor)
                    default: continue
                    }
                    result[criterion] = after
                    step?(criterion, .rule(plan.ruleIDs[index]), .rule(change), before, after)
                }
            }
        }
        guard !overrides.isEmpty else { return result }
        for (criterion, value) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let index = knowledge.criterionIndex[criterion] else { continue }
            let before = result[index]
            result[index] = value
            step?(index, .override, .set(value), before, value)
        }
        return result
    }

    /// Final ratings: base, then settings, then adjustments (each in rule-id order), clamped to 0...5.
    static func ratings(_ knowledge: KnowledgeBase, fired firedIndices: [Int]) -> [[FrameworkRating]] {
        var result = knowledge.baseRatings
        _ = ratingValues(knowledge, fired: firedIndices) { f, c, step in
            result[f][c].final = step.after
            result[f][c].steps.append(step)
        }
        return result
    }

    /// The final ratings alone, by framework then criterion; `step` hears every change in order.
    static func ratingValues(_ knowledge: KnowledgeBase, fired firedIndices: [Int],
                             step: ((Int, Int, RatingStep) -> Void)? = nil) -> [[Double]] {
        var result = knowledge.baseRatingValues
        let plan = knowledge.plan
        for setting in [true, false] {
            for index in firedIndices where plan.ratingRules[index] {
                // Interned in the plan: no rule copied and no id hashed (analyses run this a
                // thousand times).
                for action in plan.ratingActions[index] {
                    let f = action.framework, c = action.criterion, change = action.change
                    let before = result[f][c]
                    let after: Double
                    switch change {
                    case .set(let value) where setting: after = value
                    case .add(let amount) where !setting: after = min(5, max(0, before + amount))
                    default: continue
                    }
                    result[f][c] = after
                    step?(f, c, RatingStep(rule: plan.ruleIDs[index], change: change, before: before, after: after))
                }
            }
        }
        return result
    }

    /// Knock-outs: explicit exclusions, and frameworks lacking a required capability. The first
    /// reason in rule-id order is kept for each framework.
    static func exclusions(_ knowledge: KnowledgeBase, fired firedIndices: [Int]) -> [Exclusion] {
        var result: [Exclusion?] = Array(repeating: nil, count: knowledge.frameworkIDs.count)
        knockOuts(knowledge, fired: firedIndices) { f, index, action in
            let rule = knowledge.plan.ruleIDs[index], framework = knowledge.frameworkIDs[f]
            switch action {
            case .exclude(_, let reason):
                result[f] = Exclusion(framework: framework, rule: rule, reason: reason)
            case .require(let capability):
                let name = knowledge.capabilities.first { $0.id == capability }?.name ?? capability
                result[f] = Exclusion(framework: framework, rule: rule,
                                      reason: "\(knowledge.frameworkNames[f]) lacks \(name), which rule '\(rule)' requires")
            default:
                break
            }
        }
        return result.compactMap { $0 }
    }

    /// Calls `knock` once for each framework knocked out, with the first rule (index) and action that did it.
    static func knockOuts(_ knowledge: KnowledgeBase, fired firedIndices: [Int], knock: (Int, Int, Action) -> Void) {
        var out = Array(repeating: false, count: knowledge.frameworkIDs.count)
        for index in firedIndices where knowledge.plan.knockOutRules[index] {
            for action in knowledge.plan.knockOutActions[index] {
                switch action {
                case .exclude(let framework, _):
                    if let f = knowledge.frameworkIndex[framework], !out[f] {
                        out[f] = true
                        knock(f, index, action)
                    }
                case .require(let capability):
                    for f in out.indices where !out[f] && !knowledge.framework(f, has: capability) {
                        out[f] = true
                        knock(f, index, action)
                    }
                default:
                    continue
                }
            }
        }
    }
}
