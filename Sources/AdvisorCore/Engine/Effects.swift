/// Applies fired rules' effects in a fixed order that doesn't depend on how rules are written.
enum Effects {
    /// Final weights: base, then every additive change, then every multiplicative change (each
    /// group in rule-id order), each step clamped to 0...`Criterion.maximumWeight`; then each weight
    /// kept within the knowledge's bounds around its base; then the user's overrides.
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
        if let bounds = knowledge.info.weightBounds {
            for (c, criterion) in knowledge.criteria.enumerated() {
                let before = result[c]
                let after = bounds.clamp(before, base: criterion.weight)
                guard after != before else { continue }
                result[c] = after
                let factor = after > before ? bounds.lower : bounds.upper
                step?(c, .bound, .bound(factor), before, after)
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

    /// Final ratings: base, or on a criterion scored by capabilities the share of the wanted
    /// capabilities each framework has; then settings (the highest, where several rules set one
    /// rating), then adjustments in rule-id order, clamped to 0...5.
    static func ratings(_ knowledge: KnowledgeBase, fired firedIndices: [Int], wanted: [String]) -> [[FrameworkRating]] {
        var result = knowledge.baseRatings
        let values = ratingValues(knowledge, fired: firedIndices, wanted: wanted) { f, c, step in
            result[f][c].steps.append(step)
        }
        for f in result.indices {
            for c in result[f].indices {
                result[f][c].final = values[f][c]
                if !wanted.isEmpty && knowledge.criteria[c].byCapabilities {
                    result[f][c].capabilities = wanted.map { CapabilityCredit(capability: $0,
                                                                             credit: knowledge.framework(f, credit: $0)) }
                }
            }
        }
        return result
    }

    /// A criterion scored by capabilities: 5 × the share of `wanted` that framework `f` has.
    static func capabilityRating(_ knowledge: KnowledgeBase, framework f: Int, wanted: [String]) -> Double {
        let earned = wanted.reduce(0.0) { $0 + knowledge.framework(f, credit: $1) }
        return 5 * earned / Double(wanted.count)
    }

    /// The final ratings alone, by framework then criterion; `step` hears every rule's change in order.
    static func ratingValues(_ knowledge: KnowledgeBase, fired firedIndices: [Int], wanted: [String],
                             step: ((Int, Int, RatingStep) -> Void)? = nil) -> [[Double]] {
        var result = knowledge.baseRatingValues
        if !wanted.isEmpty {
            for (c, criterion) in knowledge.criteria.enumerated() where criterion.byCapabilities {
                for f in result.indices { result[f][c] = capabilityRating(knowledge, framework: f, wanted: wanted) }
            }
        }
        let plan = knowledge.plan
        // Settings: where several fired rules set one rating, the highest setting applies (the first
        // such rule in id order is the one the trace names), so no rule order can change it.
        var settings: [Int: (index: Int, value: Double)] = [:]
        let criteriaCount = knowledge.criteria.count
        for index in firedIndices where plan.ratingRules[index] {
            // Interned in the plan: no rule copied and no id hashed (analyses run this a thousand times).
            for action in plan.ratingActions[index] {
                guard case .set(let value) = action.change else { continue }
                let key = action.framework * criteriaCount + action.criterion
                if let current = settings[key], current.value >= value { continue }
                settings[key] = (index, value)
            }
        }
        for (key, setting) in settings.sorted(by: { $0.key < $1.key }) {
            let f = key / criteriaCount, c = key % criteriaCount
            let before = result[f][c]
            result[f][c] = setting.value
            step?(f, c, RatingStep(rule: plan.ruleIDs[setting.index], change: .set(setting.value), before: before,
                                   after: setting.value))
        }
        for index in firedIndices where plan.ratingRules[index] {
            for action in plan.ratingActions[index] {
                guard case .add(let amount) = action.change else { continue }
                let f = action.framework, c = action.criterion
                let before = result[f][c]
                let after = min(5, max(0, before + amount))
                result[f][c] = after
                step?(f, c, RatingStep(rule: plan.ruleIDs[index], change: action.change, before: before, after: after))
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

    /// The capabilities the fired rules want, each once, sorted by id.
    static func wanted(_ knowledge: KnowledgeBase, fired firedIndices: [Int]) -> [String] {
        var result: [String] = []
        for index in firedIndices where knowledge.plan.otherActionRules[index] {
            for case .want(let capability) in knowledge.plan.otherActions[index] where !result.contains(capability) {
                result.append(capability)
            }
        }
        return result.sorted()
    }

    /// The fired rules' notes, in rule-id order.
    static func notes(_ knowledge: KnowledgeBase, fired firedIndices: [Int]) -> [AdviceNote] {
        var result: [AdviceNote] = []
        for index in firedIndices where knowledge.plan.otherActionRules[index] {
            for case .note(let text) in knowledge.plan.otherActions[index] {
                result.append(AdviceNote(rule: knowledge.plan.ruleIDs[index], text: text,
                                         source: knowledge.ruleTexts(at: index).source))
            }
        }
        return result
    }

    /// Calls `knock` once for each framework knocked out, with the first rule (index) and action that did it.
    static func knockOuts(_ knowledge: KnowledgeBase, fired firedIndices: [Int], knock: (Int, Int, Action) -> Void) {
        var out = Array(repeating: false, count: knowledge.frameworkIDs.count)
        for index in firedIndices where knowledge.plan.otherActionRules[index] {
            for action in knowledge.plan.otherActions[index] {
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
