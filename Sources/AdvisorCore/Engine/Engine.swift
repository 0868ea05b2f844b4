/// Turns answers into a scored, explained `Consultation`.
///
/// Inference runs stratum by stratum: within a stratum, forward chaining to a fixpoint, each rule
/// firing at most once, facts only ever added. Rule effects are then applied in a fixed order
/// (additive weight changes before multiplicative ones, each sorted by rule id), so the result
/// doesn't depend on the order rules are written in.
public enum Engine {
    public static func consult(_ knowledge: KnowledgeBase, answers: Answers,
                               weights overrides: [String: Double] = [:]) -> Consultation {
        consult(knowledge, answers: answers, weights: overrides, profile: nil)
    }

    /// The same, recording where the time went in `profile` (for the benchmarks).
    public static func consult(_ knowledge: KnowledgeBase, answers: Answers, weights overrides: [String: Double] = [:],
                               profile: ConsultProfile?) -> Consultation {
        var clock = profile.map { _ in LoadProfile.now() }
        func lap(_ phase: ReferenceWritableKeyPath<ConsultProfile, Double>) {
            guard let profile, let start = clock else { return }
            let now = LoadProfile.now()
            profile[keyPath: phase] += now - start
            clock = now
        }
        var state = AnswerState(knowledge: knowledge, answers: answers)
        var ignoredQuestions: [Int] = []
        applicability(knowledge, state: &state) { ignoredQuestions.append($0) }
        var effective = answers
        var ignored: [IgnoredAnswer] = []
        for index in ignoredQuestions {
            let question = knowledge.questions[index]
            if let value = answers[question.id], let askIf = question.askIf {
                ignored.append(IgnoredAnswer(question: question.id, value: value, condition: askIf.text))
                effective[question.id] = nil
            }
        }
        var firings: [Firing] = []
        infer(knowledge, state: &state) { index, level, state in
            firings.append(Firing(rule: knowledge.plan.ruleIDs[index], ruleIndex: index, stratum: level,
                                  support: support(of: index, knowledge: knowledge, state: state)))
        }
        lap(\.inference)
        let rank = knowledge.plan.idRank
        let fired = firings.map(\.ruleIndex).sorted { rank[$0] < rank[$1] }
        let weights = Effects.weights(knowledge, fired: fired, overrides: overrides)
        let ratings = Effects.ratings(knowledge, fired: fired)
        let excluded = Effects.exclusions(knowledge, fired: fired)
        lap(\.effects)
        let ranking = Scoring.rank(knowledge, weights: weights, ratings: ratings,
                                   excluded: Set(excluded.map(\.framework)))
        lap(\.scoring)
        return Consultation(knowledge: knowledge, answers: effective, ignored: ignored, overrides: overrides,
                            firings: firings, facts: state.facts, weights: weights, ratings: ratings,
                            excluded: excluded, ranking: ranking)
    }

    /// Only who wins, for analyses that consult the engine thousands of times: the same inference,
    /// effects and scores as `consult`, without the trace that explains them. `OutcomeTests`
    /// checks that both agree.
    public static func outcome(_ knowledge: KnowledgeBase, answers: Answers,
                               weights overrides: [String: Double] = [:]) -> Outcome {
        outcome(knowledge, state: AnswerState(knowledge: knowledge, answers: answers), weights: overrides)
    }

    /// The same, from answers already in the engine's form (analyses change one entry at a time).
    static func outcome(_ knowledge: KnowledgeBase, state answered: AnswerState,
                        weights overrides: [String: Double]) -> Outcome {
        var state = answered
        var outcome = Outcome()
        applicability(knowledge, state: &state) { outcome.ignored.append($0) }
        var fired: [Int] = []
        infer(knowledge, state: &state) { index, _, _ in fired.append(index) }
        let rank = knowledge.plan.idRank
        fired.sort { rank[$0] < rank[$1] }
        let weights = Effects.weightValues(knowledge, fired: fired, overrides: overrides)
        let ratings = Effects.ratingValues(knowledge, fired: fired)
        var excluded = Array(repeating: false, count: knowledge.frameworks.count)
        Effects.knockOuts(knowledge, fired: fired) { framework, _, _ in excluded[framework] = true }
        let total = weights.reduce(0, +)
        // Sorted exactly as `Scoring.rank` sorts, so near-ties fall the same way.
        let frameworks = knowledge.frameworks
        var scored: [(Int, Double)] = []
        scored.reserveCapacity(frameworks.count)
        for f in frameworks.indices where !excluded[f] {
            scored.append((f, Scoring.score(weights: weights, ratings: ratings[f], total: total)))
        }
        scored.sort { Scoring.ranksBefore($0.1, frameworks[$0.0].id, $1.1, frameworks[$1.0].id) }
        if let first = scored.first {
            outcome.winner = first.0
            outcome.score = first.1
        }
        return outcome
    }

    /// Who wins a consultation, without the trace: see `outcome`.
    public struct Outcome: Sendable {
        /// The winning framework's index, nil when every framework is knocked out.
        public var winner: Int?
        public var score = 0.0
        /// Indices of the answered questions whose `ask_if` is false, in questionnaire order.
        public var ignored: [Int] = []
    }

    /// Whether each question is asked, given the answers so far: `ask_if` false means not asked.
    public static func isAsked(_ question: Question, answers: Answers, knowledge: KnowledgeBase) -> Bool {
        guard let askIf = question.askIf else { return true }
        let state = AnswerState(knowledge: knowledge, answers: answers)
        return askIf.compiled.evaluate(in: state) != .false
    }

    // MARK: - Applicability

    /// Sets aside answers to questions whose `ask_if` is false, in questionnaire order: each such
    /// question's index goes to `ignore`, and its answer leaves `state`.
    private static func applicability(_ knowledge: KnowledgeBase, state: inout AnswerState, ignore: (Int) -> Void) {
        let questions = knowledge.questions
        for index in questions.indices {
            guard let askIf = questions[index].askIf, askIf.compiled.evaluate(in: state) == .false else { continue }
            if state.answered[index] {
                ignore(index)
                state.set(index, nil, question: questions[index])
            }
        }
    }

    // MARK: - Inference

    /// Forward chaining, stratum by stratum. `fire` hears each rule as it fires (its index, its
    /// stratum, and the state it fired in), before its facts are asserted.
    private static func infer(_ knowledge: KnowledgeBase, state: inout AnswerState,
                              fire: (Int, Int, AnswerState) -> Void) {
        let plan = knowledge.plan
        // The plan's flat arrays in locals: indexing them in the loops below costs no reference counting.
        let conditions = plan.conditions, tests = plan.tests, ruleStratum = plan.ruleStratum
        let assertedOffsets = plan.assertedFacts.offsets, assertedValues = plan.assertedFacts.values
        let readerOffsets = plan.readers.offsets, readerValues = plan.readers.values
        var fired = Array(repeating: false, count: conditions.count)
        var queued = Array(repeating: false, count: conditions.count)
        let pendingFinal = plan.finalOrder
        var nextFinal = 0
        var agenda: [Int] = []
        // With one stratum every reader is in it: no need to look its stratum up.
        let oneStratum = plan.strata.count == 1
        for stratumRules in plan.strata {
            guard let level = stratumRules.first.map({ ruleStratum[$0] }) else { continue }
            agenda.removeAll(keepingCapacity: true)
            agenda.append(contentsOf: stratumRules.reversed())
            for index in stratumRules { queued[index] = true }
            while let index = agenda.popLast() {
                queued[index] = false
                guard !fired[index], test(index, tests, conditions, state) == .true else { continue }
                fired[index] = true
                fire(index, level, state)
                for slot in assertedOffsets[index]..<assertedOffsets[index + 1] {
                    let fact = assertedValues[slot]
                    guard state.facts[fact] != .true else { continue }
                    state.facts[fact] = .true
                    // Only the rules that read this fact can change their minds.
                    for readerSlot in readerOffsets[fact]..<readerOffsets[fact + 1] {
                        let reader = readerValues[readerSlot]
                        if !fired[reader] && !queued[reader] && (oneStratum || ruleStratum[reader] == level) {
                            agenda.append(reader)
                            queued[reader] = true
                        }
                    }
                }
            }
            // Facts whose asserting rules are all done: not asserted means false, or unknown if some
            // asserting rule's condition is unknown.
            while nextFinal < pendingFinal.count, plan.finalStratum[pendingFinal[nextFinal]] <= level {
                let fact = pendingFinal[nextFinal]
                nextFinal += 1
                guard state.facts[fact] != .true else { continue }
                let undecided = plan.asserters[fact].contains { test($0, tests, conditions, state) == .unknown }
                state.facts[fact] = undecided ? .unknown : .false
            }
        }
    }

    /// Rule `index`'s condition in `state`: a leaf tested in place, anything else evaluated.
    @inline(__always)
    private static func test(_ index: Int, _ tests: [FlatCondition], _ conditions: [Condition],
                             _ state: AnswerState) -> Tri {
        let test = tests[index]
        let operand = Int(test.operand)
        switch test.kind {
        case .fact:
            return state.facts[operand]
        case .choiceIn:
            guard let option = state.choices[operand] else { return .unknown }
            return Tri(test.mask & (1 << UInt64(option)) != 0)
        case .includes:
            guard let options = state.optionSets[operand] else { return .unknown }
            return Tri(options & test.mask != 0)
        case .yes:
            return state.yesNo[operand].map(Tri.init) ?? .unknown
        case .constant:
            return Tri(rawValue: UInt8(truncatingIfNeeded: operand)) ?? .unknown
        case .other:
            return conditions[index].evaluate(in: state)
        }
    }

    /// The answers and facts a firing rule read: its explanation, from lists the plan precomputed.
    private static func support(of index: Int, knowledge: KnowledgeBase, state: AnswerState) -> [Support] {
        let plan = knowledge.plan
        var result: [Support] = []
        result.reserveCapacity(plan.questionsRead[index].count + plan.factsRead[index].count)
        for question in plan.questionsRead[index] {
            let id = knowledge.questions[question].id
            if let choice = state.choices[question] {
                result.append(.answer(question: id, value: .one(knowledge.questions[question].options[choice].value)))
            } else if let mask = state.optionSets[question] {
                let values = knowledge.questions[question].values.enumerated()
                    .filter { mask & (1 << UInt64($0.offset)) != 0 }.map(\.element)
                result.append(.answer(question: id, value: .many(values)))
            } else if let flag = state.yesNo[question] {
                result.append(.answer(question: id, value: .yes(flag)))
            }
        }
        for fact in plan.factsRead[index] where state.facts[fact] == .true {
            result.append(.fact(knowledge.facts[fact]))
        }
        return result
    }
}

/// Where a consultation spent its time, for the benchmarks.
public final class ConsultProfile {
    /// Applicability and forward chaining.
    public var inference = 0.0
    /// Applying the fired rules' effects to weights, ratings and knock-outs.
    public var effects = 0.0
    /// Scores and the ranking.
    public var scoring = 0.0

    public init() {}
}
