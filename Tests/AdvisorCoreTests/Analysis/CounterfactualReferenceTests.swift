@testable import AdvisorCore
import Testing

/// `Counterfactual.analyse` consults the pairs of answer changes a block at a time and stops once
/// every framework still missing has its pairs. It must find exactly what checking every single
/// change and every pair, one by one with `Engine.consult`, finds.
struct CounterfactualReferenceTests {
    /// Every single change, then (for frameworks no single change makes win) every pair, in order,
    /// keeping the first `limit` per framework; then the same ordering as the analysis.
    static func reference(_ c: Consultation, limit: Int = 3) -> [[String]] {
        let k = c.knowledge
        guard let current = c.winner?.framework else { return [] }
        var found: [String: [(changes: [String], score: Double)]] = [:]
        let flat = k.questions.flatMap { question in
            Counterfactual.candidates(for: question, current: c.answers[question.id]).map { (question, $0) }
        }
        func describe(_ changes: [(Question, AnswerValue)]) -> [String] {
            changes.map { "\($0.0.id)=\($0.1)" }
        }
        for (question, value) in flat {
            var answers = c.answers
            answers[question.id] = value
            let result = Engine.consult(k, answers: answers, weights: c.overrides)
            guard let winner = result.winner?.framework, winner != current,
                  !result.ignored.contains(where: { $0.question == question.id }) else { continue }
            found[winner, default: []].append((describe([(question, value)]), result.winner?.score ?? 0))
        }
        let unreachable = Set(k.frameworks.map(\.id).filter { $0 != current && found[$0] == nil })
        if !unreachable.isEmpty {
            for a in flat.indices {
                for b in flat.indices where b > a && flat[a].0.id != flat[b].0.id {
                    var answers = c.answers
                    answers[flat[a].0.id] = flat[a].1
                    answers[flat[b].0.id] = flat[b].1
                    let result = Engine.consult(k, answers: answers, weights: c.overrides)
                    guard let winner = result.winner?.framework, unreachable.contains(winner), result.ignored.isEmpty,
                          (found[winner]?.count ?? 0) < limit else { continue }
                    found[winner, default: []].append((describe([flat[a], flat[b]]), result.winner?.score ?? 0))
                }
            }
        }
        return k.frameworks.flatMap { framework -> [[String]] in
            (found[framework.id] ?? []).enumerated().sorted {
                $0.element.changes.count != $1.element.changes.count
                    ? $0.element.changes.count < $1.element.changes.count
                    : abs($0.element.score - $1.element.score) > 1e-9
                        ? $0.element.score > $1.element.score : $0.offset < $1.offset
            }.prefix(limit).map(\.element.changes)
        }
    }

    @Test("block-wise pairs with an early stop find what checking every change and pair finds",
          arguments: EngineTests.profiles.indices)
    func matchesReference(_ profile: Int) {
        let c = Engine.consult(EngineTests.knowledge, answers: EngineTests.profiles[profile])
        let analysed = Counterfactual.analyse(c).map { counterfactual in
            counterfactual.changes.map { "\($0.question)=\($0.to)" }
        }
        #expect(analysed == Self.reference(c))
    }

    @Test("the profiles above reach the pairs: some framework only wins with two changes")
    func pairsAreExercised() {
        let withPairs = EngineTests.profiles.filter { answers in
            Counterfactual.analyse(Engine.consult(EngineTests.knowledge, answers: answers))
                .contains { $0.changes.count == 2 }
        }
        #expect(!withPairs.isEmpty)
    }
}
