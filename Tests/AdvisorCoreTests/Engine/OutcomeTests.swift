import AdvisorCore
import AdvisorKnowledge
import Testing

/// `Engine.outcome` (who wins, without the trace) must agree with `Engine.consult` to the last bit:
/// the counterfactuals read the one and the reports the other.
struct OutcomeTests {
    /// Random answer profiles over the shipped questionnaire: each question unanswered or given a
    /// random value, and sometimes a weight overridden.
    static func profile(_ knowledge: KnowledgeBase, _ random: inout SplitMix64) -> (Answers, [String: Double]) {
        var answers = Answers()
        for question in knowledge.questions where random.next() % 4 != 0 {
            let values = question.values
            switch question.kind {
            case .yesno:
                answers[question.id] = .yes(random.next() % 2 == 0)
            case .choice, .scale:
                answers[question.id] = .one(values[Int(random.next() % UInt64(values.count))])
            case .multi:
                answers[question.id] = .many(values.filter { _ in random.next() % 3 == 0 })
            }
        }
        var overrides: [String: Double] = [:]
        if random.next() % 3 == 0, let criterion = knowledge.criteria.randomElement(using: &random) {
            overrides[criterion.id] = Double(random.next() % 12)
        }
        return (answers, overrides)
    }

    @Test("outcome and consult name the same winner with the same score, and ignore the same answers",
          arguments: [1, 2, 3, 4] as [UInt64])
    func agree(seed: UInt64) throws {
        let knowledge = try ShippedKnowledge.load()
        var random = SplitMix64(seed: seed)
        var winners: Set<String> = []
        var sawIgnored = false, sawKnockOut = false
        for _ in 0..<500 {
            let (answers, overrides) = Self.profile(knowledge, &random)
            let full = Engine.consult(knowledge, answers: answers, weights: overrides)
            let lean = Engine.outcome(knowledge, answers: answers, weights: overrides)
            #expect(lean.winner.map { knowledge.frameworks[$0].id } == full.winner?.framework, "\(answers)")
            #expect(lean.score == (full.winner?.score ?? 0), "\(answers)")
            #expect(lean.ignored.map { knowledge.questions[$0].id } == full.ignored.map(\.question), "\(answers)")
            winners.insert(full.winner?.framework ?? "none")
            sawIgnored = sawIgnored || !full.ignored.isEmpty
            sawKnockOut = sawKnockOut || !full.excluded.isEmpty
        }
        // The profiles reached more than one winner, knock-outs and ignored answers.
        #expect(winners.count >= 3, "\(winners)")
        #expect(sawIgnored && sawKnockOut)
    }
}
