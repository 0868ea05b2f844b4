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
        var order: [Int] = []
        infer(knowledge, state: &state, fired: &order)
        let firings = trace(of: order, knowledge: knowledge, state: state)
        let fired = knowledge.plan.inIDOrder(order)
        let weights = Effects.weights(knowledge, fired: fired, overrides: overrides)
        let wanted = Effects.wanted(knowledge, fired: fired)
        let ratings = Effects.ratings(knowledge, fired: fired, wanted: wanted)
        let excluded = Effects.exclusions(knowledge, fired: fired)
        let ranking = Scoring.rank(knowledge, weights: weights, ratings: ratings,
                                   excluded: Set(excluded.map(\.framework)))
        return Consultation(knowledge: knowledge, answers: effective, ignored: ignored, overrides: overrides,
                            firings: firings, facts: state.facts, weights: weights, ratings: ratings,
                            excluded: excluded, ranking: ranking, wanted: wanted,
                            notes: Effects.notes(knowledge, fired: fired))
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
        let evaluation = evaluate(knowledge, state: answered, weights: overrides)
        var outcome = Outcome()
        outcome.ignored = evaluation.ignored
        if let first = evaluation.ranked(knockOuts: true).first {
            outcome.winner = first
            outcome.score = evaluation.scores[first]
        }
        return outcome
    }

    /// Every framework's score, the final weights and the knock-outs, without the trace: what the
    /// analyses that consult the engine many times read.
    static func evaluate(_ knowledge: KnowledgeBase, state answered: AnswerState,
                         weights overrides: [String: Double] = [:]) -> Evaluation {
        var state = answered
        var evaluation = Evaluation()
        applicability(knowledge, state: &state) { evaluation.ignored.append($0) }
        var fired: [Int] = []
        infer(knowledge, state: &state, fired: &fired)
        fired = knowledge.plan.inIDOrder(fired)
        let weights = Effects.weightValues(knowledge, fired: fired, overrides: overrides)
        let ratings = Effects.ratingValues(knowledge, fired: fired, wanted: Effects.wanted(knowledge, fired: fired))
        var excluded = Array(repeating: false, count: knowledge.frameworkIDs.count)
        Effects.knockOuts(knowledge, fired: fired) { framework, _, _ in excluded[framework] = true }
        let total = weights.reduce(0, +)
        evaluation.scores = knowledge.frameworkIDs.indices.map {
            Scoring.score(weights: weights, ratings: ratings[$0], total: total)
        }
        evaluation.excluded = excluded
        evaluation.weights = weights
        evaluation.ids = knowledge.frameworkIDs
        return evaluation
    }

    /// Scores, weights and knock-outs of one consultation, by framework and criterion index.
    struct Evaluation: Sendable {
        var scores: [Double] = []
        var excluded: [Bool] = []
        var weights: [Double] = []
        var ids: [String] = []
        var ignored: [Int] = []

        /// The first of `ranked(knockOuts:)`, found in one pass.
        func best(knockOuts: Bool) -> Int? {
            var best: Int?
            for f in ids.indices where !knockOuts || !excluded[f] {
                if let current = best, !Scoring.ranksBefore(scores[f], ids[f], scores[current], ids[current]) { continue }
                best = f
            }
            return best
        }

        /// Framework indices best first, sorted exactly as `Scoring.rank` sorts, so near-ties fall the
        /// same way; without the knocked-out ones when `knockOuts` is true.
        func ranked(knockOuts: Bool) -> [Int] {
            var order = ids.indices.filter { !knockOuts || !excluded[$0] }
            order.sort { Scoring.ranksBefore(scores[$0], ids[$0], scores[$1], ids[$1]) }
            return order
        }
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

    /// Forward chaining, stratum by stratum. Each rule that fires is appended to `fired`, in the
    /// order it fired; its trace is built afterwards (`trace`), so that this loop only chains.
    private static func infer(_ knowledge: KnowledgeBase, state: inout AnswerState, fired order: inout [Int]) {
        let plan = knowledge.plan
        // The plan's flat arrays in locals: indexing them in the loops below costs no reference counting.
        let conditions = plan.conditions, entries = plan.entries, ruleStratum = plan.ruleStratum
        let assertions = plan.assertions, readerValues = plan.readers.values
        // Per rule: whether it has fired, and whether it is on the agenda. One byte, so that checking
        // a reader of a new fact costs one memory access, not two.
        let firedFlag: UInt8 = 1, queuedFlag: UInt8 = 2
        var flags = [UInt8](repeating: 0, count: conditions.count)
        let pendingFinal = plan.finalOrder
        var nextFinal = 0
        var agenda: [Int] = []
        // Whether any condition has been unknown (a fact can turn unknown only after that). Until
        // then every rule that didn't fire was false when last tested, and stays false: see the end
        // of a stratum.
        var unknownSeen = false
        // With one stratum every reader is in it: no need to look its stratum up.
        let oneStratum = plan.strata.count == 1
        for stratumRules in plan.strata {
            guard let level = stratumRules.first.map({ ruleStratum[$0] }) else { continue }
            agenda.removeAll(keepingCapacity: true)
            agenda.append(contentsOf: stratumRules.reversed())
            for index in stratumRules { flags[index] |= queuedFlag }
            while let index = agenda.popLast() {
                flags[index] &= ~queuedFlag
                guard flags[index] & firedFlag == 0 else { continue }
                let entry = entries[index]
                let value = test(entry.test, index, conditions, state)
                guard value == .true else {
                    if value == .unknown { unknownSeen = true }
                    continue
                }
                flags[index] |= firedFlag
                order.append(index)
                for slot in Int(entry.assertStart)..<Int(entry.assertEnd) {
                    let assertion = assertions[slot]
                    let fact = Int(assertion.fact)
                    guard state.facts[fact] != .true else { continue }
                    state.facts[fact] = .true
                    // Only the rules that read this fact can change their minds.
                    for readerSlot in Int(assertion.readerStart)..<Int(assertion.readerEnd) {
                        let reader = readerValues[readerSlot]
                        if flags[reader] == 0 && (oneStratum || ruleStratum[reader] == level) {
                            agenda.append(reader)
                            flags[reader] = queuedFlag
                        }
                    }
                }
            }
            // Facts whose asserting rules are all done: not asserted means false, or unknown if some
            // asserting rule's condition is unknown.
            let first = nextFinal
            while nextFinal < pendingFinal.count, plan.finalStratum[pendingFinal[nextFinal]] <= level {
                nextFinal += 1
            }
            let final = pendingFinal[first..<nextFinal]
            // Nothing unknown yet: every asserting rule that didn't fire was false when last tested
            // (after that, a change to a fact it reads would have queued it again) and is false now,
            // so the facts not asserted stay false, as they started.
            guard unknownSeen else { continue }
            // A fact that turns unknown can make another's asserting rule unknown, whatever their
            // order: to a fixpoint (facts only ever go from false to unknown here).
            var changed = true
            while changed {
                changed = false
                for fact in final where state.facts[fact] == .false {
                    if plan.asserters[fact].contains(where: { test(entries[$0].test, $0, conditions, state) == .unknown }) {
                        state.facts[fact] = .unknown
                        changed = true
                    }
                }
            }
        }
    }

    /// The trace of the rules fired, in the order they fired: each rule with the answers and facts
    /// its condition read that held when it fired. A fact held when a rule fired if it was first
    /// asserted by an earlier firing: facts are only ever added, so the state after inference and
    /// each fact's first asserting firing give the state at every firing.
    private static func trace(of order: [Int], knowledge: KnowledgeBase, state: AnswerState) -> [Firing] {
        let plan = knowledge.plan
        let assertedOffsets = plan.assertedFacts.offsets, assertedValues = plan.assertedFacts.values
        var assertedAt = Array(repeating: Int.max, count: knowledge.facts.count)
        for (position, index) in order.enumerated() {
            for slot in assertedOffsets[index]..<assertedOffsets[index + 1] where assertedAt[assertedValues[slot]] == .max {
                assertedAt[assertedValues[slot]] = position
            }
        }
        // Each fired rule's id, stratum and lists of what it read, gathered in a loop of its own: in
        // firing order the rules are scattered over the plan, and these loads, independent of one
        // another there, overlap. Made one firing at a time, each waited for its own cache miss.
        let ruleIDs = plan.ruleIDs, ruleStratum = plan.ruleStratum
        let questionOffsets = plan.questionsRead.offsets, questionValues = plan.questionsRead.values
        let factOffsets = plan.factsRead.offsets, factValues = plan.factsRead.values
        var rows: [(id: String, stratum: Int, questions: Range<Int>, facts: Range<Int>)] = []
        rows.reserveCapacity(order.count)
        for index in order {
            rows.append((ruleIDs[index], ruleStratum[index], questionOffsets[index]..<questionOffsets[index + 1],
                         factOffsets[index]..<factOffsets[index + 1]))
        }
        // Each answer as a support, once: every rule that read the question names the same answer.
        let answers = knowledge.questions.indices.map { answerSupport(question: $0, knowledge: knowledge, state: state) }
        // The answers and facts each condition read that held when it fired (a fact held if an earlier
        // firing asserted it), all in one array, which the firings share as slices: one allocation
        // where each firing had its own, tens of thousands of them on a large rule base.
        var supports: [Support] = []
        supports.reserveCapacity(order.count + order.count / 2)
        var ends: [Int] = []
        ends.reserveCapacity(order.count)
        for position in order.indices {
            let row = rows[position]
            for slot in row.questions {
                if let answer = answers[questionValues[slot]] { supports.append(answer) }
            }
            for slot in row.facts where assertedAt[factValues[slot]] < position {
                supports.append(.fact(knowledge.facts[factValues[slot]]))
            }
            ends.append(supports.count)
        }
        var firings: [Firing] = []
        firings.reserveCapacity(order.count)
        var start = 0
        for (position, index) in order.enumerated() {
            firings.append(Firing(rule: rows[position].id, ruleIndex: index, stratum: rows[position].stratum,
                                  support: supports[start..<ends[position]]))
            start = ends[position]
        }
        return firings
    }

    /// Rule `index`'s condition in `state`, given in flat form as `test`: a leaf tested in place,
    /// anything else evaluated.
    @inline(__always)
    private static func test(_ test: FlatCondition, _ index: Int, _ conditions: [Condition],
                             _ state: AnswerState) -> Tri {
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

    /// A question's answer as the support of a firing that read it, nil if it has none.
    private static func answerSupport(question: Int, knowledge: KnowledgeBase, state: AnswerState) -> Support? {
        let asked = knowledge.questions[question]
        if let choice = state.choices[question] {
            return .answer(question: asked.id, value: .one(asked.options[choice].value))
        } else if let mask = state.optionSets[question] {
            let values = asked.values.enumerated().filter { mask & (1 << UInt64($0.offset)) != 0 }.map(\.element)
            return .answer(question: asked.id, value: .many(values))
        } else if let flag = state.yesNo[question] {
            return .answer(question: asked.id, value: .yes(flag))
        }
        return nil
    }
}
