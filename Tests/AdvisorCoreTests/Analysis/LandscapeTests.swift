@testable import AdvisorCore
import Testing

/// The answer landscape of the shipped knowledge, on a sample small enough for a test: every
/// framework wins somewhere without knock-outs, each example profile makes its framework win, and
/// no criterion dominates any profile.
struct LandscapeTests {
    static let landscape = Landscape.run(EngineTests.knowledge, sampleSize: 20_000, seed: 7, swingProfiles: 200)

    @Test("every framework wins some share of the profiles without knock-outs")
    func everyFrameworkWins() {
        let l = Self.landscape
        #expect(l.method == .sample)
        #expect(l.profiles == 20_000)
        for (framework, share) in zip(l.frameworks, l.winShare) {
            #expect(share.fraction > 0, "\(framework) wins no profile")
            #expect(share.low <= share.fraction && share.fraction <= share.high)
        }
        #expect(abs(l.winShare.map(\.fraction).reduce(0, +) - 1) < 1e-9)
    }

    @Test("each example profile, consulted again, names its framework")
    func examplesReproduce() throws {
        let l = Self.landscape
        for (framework, example) in zip(l.frameworks, l.examples) {
            let answers = try #require(example, "no example for \(framework)")
            let c = Engine.consult(EngineTests.knowledge, answers: answers)
            #expect(c.winner?.framework == framework)
            #expect(c.excluded.isEmpty)
        }
    }

    @Test("no criterion carries more than 45% of the total weight in any profile")
    func noCriterionDominates() {
        let l = Self.landscape
        for (criterion, share) in zip(l.criteria, l.maxWeightShare) {
            #expect(share < 0.45, "\(criterion) reaches \(share)")
            #expect(share > 0)
        }
    }

    @Test("the same seed gives the same landscape")
    func deterministic() {
        let again = Landscape.run(EngineTests.knowledge, sampleSize: 20_000, seed: 7, swingProfiles: 200)
        #expect(again.winShare.map(\.fraction) == Self.landscape.winShare.map(\.fraction))
        #expect(again.questionSwing == Self.landscape.questionSwing)
    }

    @Test("the project type moves the margin more than the GraphQL question")
    func swingsRankQuestions() throws {
        let l = Self.landscape
        let swing = Dictionary(uniqueKeysWithValues: zip(l.questions, l.questionSwing))
        #expect(try #require(swing["project_type"]) > #require(swing["graphql"]))
    }

    @Test("Wilson intervals: 50% of 100 is 40.4% to 59.6%")
    func wilson() {
        let l = Landscape.wilson(0.5, n: 100)
        #expect(abs(l.0 - 0.4038) < 1e-4 && abs(l.1 - 0.5962) < 1e-4)
    }
}
