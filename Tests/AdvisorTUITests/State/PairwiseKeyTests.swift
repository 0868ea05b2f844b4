import AdvisorCore
import Testing
@testable import AdvisorTUI

/// The pairwise screen and the results' verdict, key by key.
@Suite struct PairwiseKeyTests {
    static let api = Answers(["project_type": .one("api")])

    @Test func pFromTheResultsOpensTheChooserWithTheFourHeaviestCriteria() throws {
        let knowledge = try #require(shipped)
        let state = session(knowledge, [.character("r"), .enter, .character("p")], answers: Self.api)
        #expect(state.screen == .pairwise)
        let form = try #require(state.pairwiseForm)
        #expect(form.stage == .choose)
        let c = Engine.consult(knowledge, answers: Self.api)
        let heaviest = c.weights.sorted { $0.final > $1.final }.prefix(4).map(\.criterion)
        #expect(form.chosen == Set(heaviest))
        #expect(frame(state).contains("Which criteria do you want to weigh against each other?"))
    }

    @Test func fewerThanTwoCriteriaCannotBeCompared() throws {
        let knowledge = try #require(shipped)
        var state = session(knowledge, [.character("r"), .enter, .character("p")], answers: Self.api)
        // Untick every ticked criterion.
        for index in knowledge.criteria.indices {
            if state.pairwiseForm?.chosen.contains(knowledge.criteria[index].id) == true { state.apply(.space) }
            state.apply(.down)
        }
        #expect(state.pairwiseForm?.chosen.isEmpty == true)
        state.apply(.enter)
        #expect(state.pairwiseForm?.stage == .choose)
        #expect(state.notice == "Choose at least 2 criteria to compare (Space ticks one).")
    }

    @Test func comparingMovesTheWeightsAndEnterFeedsThemIntoTheConsultation() throws {
        let knowledge = try #require(shipped)
        var state = session(knowledge, [.character("r"), .enter, .character("p"), .enter], answers: Self.api)
        var form = try #require(state.pairwiseForm)
        #expect(form.stage == .compare)
        let pairs = form.pairs(in: knowledge)
        #expect(pairs.count == 6)
        // All equal: equal weights, perfectly consistent.
        let equal = try #require(form.judgements)
        #expect(equal.weights.weights.allSatisfy { abs($0 - 0.25) < 1e-9 })
        #expect(equal.weights.consistencyRatio.magnitude < 1e-9)
        // Two steps left on the first pair: its first criterion is 7× as important as the second.
        state.apply(.left)
        state.apply(.left)
        form = try #require(state.pairwiseForm)
        #expect(form.step(pairs[0].0, pairs[0].1) == 6)
        let judgements = try #require(form.judgements)
        #expect(judgements.entries[0].value == 3)
        let (a, b) = pairs[0]
        let wa = try #require(judgements.weight(of: a)), wb = try #require(judgements.weight(of: b))
        #expect(wa > wb)
        state.apply(.enter)
        #expect(state.screen == .results, "applied from the results, back to them")
        #expect(state.pairwise != nil)
        let expected = Engine.consult(judgements.applied(to: knowledge), answers: Self.api)
        #expect(state.consultation.ranking.map(\.score) == expected.ranking.map(\.score))
        #expect(state.consultation.weight(of: a)?.base == judgements.baseWeights(in: knowledge)[a])
    }

    @Test func anInconsistentSetNamesTheWorstPairAndIJumpsToIt() throws {
        let knowledge = try #require(shipped)
        // Pair 1: a ≫ b; pair 2: c ≫ a... pulled against each other.
        var state = session(knowledge, [.character("r"), .enter, .character("p"), .enter]
                                + Array(repeating: .left, count: 4) + [.down] + Array(repeating: .right, count: 6),
                            answers: Self.api)
        let form = try #require(state.pairwiseForm)
        let judgements = try #require(form.judgements)
        #expect(!judgements.weights.isConsistent)
        let worst = try #require(form.mostInconsistentPair(in: knowledge))
        #expect(frame(state).contains("Press i to revise it."))
        state.apply(.home)
        state.apply(.character("i"))
        #expect(state.pairwiseForm?.cursor == worst)
        // Setting that pair to what the others imply lowers the ratio.
        let before = judgements.weights.consistencyRatio
        state.apply(.character("="))
        #expect(try #require(state.pairwiseForm?.judgements).weights.consistencyRatio < before)
    }

    @Test func escapeLeavesWithoutApplying() throws {
        let knowledge = try #require(shipped)
        let state = session(knowledge, [.character("r"), .enter, .character("p"), .enter, .left, .escape, .escape],
                            answers: Self.api)
        #expect(state.screen == .results)
        #expect(state.pairwise == nil)
        #expect(state.pairwiseForm == nil)
    }

    @Test func theResultsCarryTheVerdictAndWhatWouldChangeIt() throws {
        let knowledge = try #require(shipped)
        let state = session(knowledge, [.character("r"), .enter], answers: Self.api)
        let insight = try #require(state.resultsInsight)
        let c = Engine.consult(knowledge, answers: Self.api)
        #expect(insight.verdict == Robustness.analyse(c).verdict)
        #expect(frame(state).contains(String(insight.verdict.prefix(40))))
        #expect(frame(state).contains("What would change it"))
        let first = try #require(Counterfactual.analyse(c, limit: 1).first)
        #expect(insight.changes.first == first.sentence + ".")
    }
}
