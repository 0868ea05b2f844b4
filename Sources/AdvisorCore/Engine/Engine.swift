/// Turns answers into a scored, explained `Consultation`.
///
/// Inference runs stratum by stratum: within a stratum, forward chaining to a fixpoint, each rule
/// firing at most once, facts only ever added. Rule effects are then applied in a fixed order
/// (additive weight changes before multiplicative ones, each sorted by rule id), so the result
/// doesn't depend on the order rules are written in.
public enum Engine {
    public static func consult(_ knowledge: KnowledgeBase, answers: Answers,
                               weights overrides: [String: Double] = [:]) -> Consultation {
        var state = AnswerState(knowledge: knowledge, answers: answers)
        let (effective, ignored) = applicability(knowledge, answers: answers, state: &state)
        let firings = infer(knowledge, state: &state)
        let fired = firings.map { knowledge.rules[$0.ruleIndex] }.sorted { $0.id < $1.id }
        let weights = Effects.weights(knowledge, fired: fired, overrides: overrides)
        let ratings = Effects.ratings(knowledge, fired: fired)
        let excluded = Effects.exclusions(knowledge, fired: fired)
        let ranking = Scoring.rank(knowledge, weights: weights, ratings: ratings,
                                   excluded: Set(excluded.map(\.framework)))
        return Consultation(knowledge: knowledge, answers: effective, ignored: ignored, overrides: overrides,
                            firings: firings, facts: state.facts, weights: weights, ratings: ratings,
                            excluded: excluded, ranking: ranking)
    }

    /// Whether each question is asked, given the answers so far: `ask_if` false means not asked.
    public static func isAsked(_ question: Question, answers: Answers, knowledge: KnowledgeBase) -> Bool {
        guard let askIf = question.askIf else { return true }
        let state = AnswerState(knowledge: knowledge, answers: answers)
        return askIf.compiled.evaluate(in: state) != .false
    }

    // MARK: - Applicability

    /// Sets aside answers to questions whose `ask_if` is false, in questionnaire order.
    private static func applicability(_ knowledge: KnowledgeBase, answers: Answers, state: inout AnswerState)
        -> (Answers, [IgnoredAnswer]) {
        var effective = answers
        var ignored: [IgnoredAnswer] = []
        for (index, question) in knowledge.questions.enumerated() {
            guard let askIf = question.askIf, askIf.compiled.evaluate(in: state) == .false else { continue }
            if let value = answers[question.id] {
                ignored.append(IgnoredAnswer(question: question.id, value: value, condition: askIf.text))
                effective[question.id] = nil
                state.set(index, nil, question: question)
            }
        }
        return (effective, ignored)
    }

    // MARK: - Inference

    private static func infer(_ knowledge: KnowledgeBase, state: inout AnswerState) -> [Firing] {
        let plan = knowledge.plan
        let rules = knowledge.rules
        var fired = Array(repeating: false, count: rules.count)
        var firings: [Firing] = []
        var pendingFinal = Array(0..<knowledge.facts.count).filter { plan.finalStratum[$0] >= 0 }
        pendingFinal.sort { plan.finalStratum[$0] < plan.finalStratum[$1] }
        var nextFinal = 0
        for stratumRules in plan.strata {
            guard let level = stratumRules.first.map({ plan.ruleStratum[$0] }) else { continue }
            var agenda = stratumRules.reversed() as [Int]
            var queued = Set(stratumRules)
            while let index = agenda.popLast() {
                queued.remove(index)
                guard !fired[index], rules[index].when.compiled.evaluate(in: state) == .true else { continue }
                fired[index] = true
                firings.append(Firing(rule: rules[index].id, ruleIndex: index, stratum: level,
                                      support: support(of: rules[index], knowledge: knowledge, state: state)))
                for fact in plan.assertedFacts[index] where state.facts[fact] != .true {
                    state.facts[fact] = .true
                    for reader in plan.readers[fact] where !fired[reader] && plan.ruleStratum[reader] == level
                        && !queued.contains(reader) {
                        agenda.append(reader)
                        queued.insert(reader)
                    }
                }
            }
            // Facts whose asserting rules are all done: not asserted means false, or unknown if some
            // asserting rule's condition is unknown.
            while nextFinal < pendingFinal.count, plan.finalStratum[pendingFinal[nextFinal]] <= level {
                let fact = pendingFinal[nextFinal]
                nextFinal += 1
                guard state.facts[fact] != .true else { continue }
                let undecided = plan.asserters[fact].contains { rules[$0].when.compiled.evaluate(in: state) == .unknown }
                state.facts[fact] = undecided ? .unknown : .false
            }
        }
        return firings
    }

    private static func support(of rule: Rule, knowledge: KnowledgeBase, state: AnswerState) -> [Support] {
        var result: [Support] = []
        let condition = rule.when.compiled
        for question in condition.questionsRead.sorted() {
            let id = knowledge.questions[question].id
            if let choice = state.choices[question] {
                result.append(.answer(question: id, value: .one(knowledge.questions[question].values[choice])))
            } else if let mask = state.optionSets[question] {
                let values = knowledge.questions[question].values.enumerated()
                    .filter { mask & (1 << UInt64($0.offset)) != 0 }.map(\.element)
                result.append(.answer(question: id, value: .many(values)))
            } else if let flag = state.yesNo[question] {
                result.append(.answer(question: id, value: .yes(flag)))
            }
        }
        for fact in condition.factsRead.keys.sorted() where state.facts[fact] == .true {
            result.append(.fact(knowledge.facts[fact]))
        }
        return result
    }
}
