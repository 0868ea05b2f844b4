import AdvisorCore
import Foundation
import Testing

/// Robustness, stability, counterfactuals and AHP, checked against figures computed independently
/// (a Python reimplementation of xoshiro256**, closed-form probabilities, and numpy's eigensolver).
struct AnalysisTests {
    static func fixture() throws -> KnowledgeBase {
        guard case .success(let knowledge) = try KnowledgeFixture.minimal.load() else {
            throw CancellationError()
        }
        return knowledge
    }

    static let prngReference: [(UInt64, [UInt64])] = [
        (UInt64(1), [UInt64(12_966_619_160_104_079_557), 9_600_361_134_598_540_522, 10_590_380_919_521_690_900,
                     7_218_738_570_589_545_383, 12_860_671_823_995_680_371]),
        (42, [1_546_998_764_402_558_742, 6_990_951_692_964_543_102, 12_544_586_762_248_559_009,
              17_057_574_109_182_124_193, 18_295_552_978_065_317_476]),
    ]

    @Test("the PRNG gives the reference xoshiro256** sequence", arguments: prngReference)
    func prng(seed: UInt64, expected: [UInt64]) {
        var random = RandomSource(seed: seed)
        #expect((0..<5).map { _ in random.next() } == expected)
    }

    @Test("normal deviates are the plain Box–Muller ones, in pairs")
    func boxMuller() {
        // The deviates themselves, against the formula written out with sin and cos.
        var fast = RandomSource(seed: 5), plain = RandomSource(seed: 5)
        for _ in 0..<1_000 {
            let u = plain.unit(), v = plain.unit()
            let radius = (-2 * log(u)).squareRoot()
            let first = fast.normal(), second = fast.normal()
            #expect(first.bitPattern == (radius * cos(2 * Double.pi * v)).bitPattern)
            #expect(second.bitPattern == (radius * sin(2 * Double.pi * v)).bitPattern)
        }
    }

    @Test("robustness frequencies match the exact share on a two-framework case",
          arguments: [(Robustness.Sampling.around, 0.7959556837222254), (.uniform, 3.0 / 7.0)])
    func robustness(sampling: Robustness.Sampling, exact: Double) throws {
        // fast: speed 5, batteries 1; full: speed 2, batteries 5; weights 2 and 1 (no answers).
        // fast wins iff 3·w_speed > 4·w_batteries.
        let c = Engine.consult(try Self.fixture(), answers: Answers())
        let samples = 10_000
        let result = Robustness.analyse(c, samples: samples, seed: 7, sampling: sampling)
        let fast = try #require(result.frameworks.firstIndex(of: "fast"))
        let share = result.rankAcceptability[fast][0]
        let tolerance = 4 * (exact * (1 - exact) / Double(samples)).squareRoot()
        #expect(abs(share - exact) < tolerance, "share \(share), exact \(exact)")
        #expect(abs(result.rankAcceptability[fast].reduce(0, +) - 1) < 1e-12)
        // The same seed gives the same figures.
        let again = Robustness.analyse(c, samples: samples, seed: 7, sampling: sampling)
        #expect(again.rankAcceptability == result.rankAcceptability)
        // Central weights of the samples fast wins lean towards speed.
        let central = result.centralWeights[fast]
        #expect(central.count == 2 && central[0] > 4.0 / 7.0)
    }

    @Test("stability bounds are exact: just inside keeps the winner, just outside changes it")
    func stability() throws {
        let knowledge = try Self.fixture()
        for answers in [Answers(), Answers(["kind": .one("site")]), Answers(["kind": .one("api")])] {
            let c = Engine.consult(knowledge, answers: answers)
            let winner = try #require(c.winner?.framework)
            for interval in StabilityInterval.analyse(c) {
                #expect(interval.low <= interval.weight && interval.weight <= (interval.high ?? .infinity))
                func winnerWith(_ weight: Double) -> String? {
                    var overrides = c.overrides
                    overrides[interval.criterion] = weight
                    return Engine.consult(knowledge, answers: answers, weights: overrides).winner?.framework
                }
                if interval.low > 0 {
                    #expect(winnerWith(interval.low * 1.0001) == winner)
                    #expect(winnerWith(interval.low * 0.9999) != winner)
                }
                if let high = interval.high {
                    #expect(winnerWith(high * 0.9999) == winner)
                    #expect(winnerWith(high * 1.0001) != winner)
                }
            }
        }
        // Hand-computed: with no answers, fast (5, 1) beats full (2, 5) while 3·w_speed ≥ 4·1.
        let c = Engine.consult(knowledge, answers: Answers())
        let speed = try #require(StabilityInterval.analyse(c).first { $0.criterion == "speed" })
        #expect(abs(speed.low - 4.0 / 3.0) < 1e-12)
        #expect(speed.high == nil)
    }

    @Test("counterfactuals are verified by re-running the engine on the suggested answers")
    func counterfactuals() throws {
        let knowledge = EngineTests.knowledge
        for answers in EngineTests.profiles {
            let c = Engine.consult(knowledge, answers: answers)
            for counterfactual in Counterfactual.analyse(c) {
                var changed = c.answers
                for change in counterfactual.changes {
                    #expect(change.from == c.answers[change.question])
                    changed[change.question] = change.to
                }
                let result = Engine.consult(knowledge, answers: changed)
                #expect(result.winner?.framework == counterfactual.winner)
                #expect(counterfactual.winner != c.winner?.framework)
                #expect(counterfactual.sentence.hasPrefix((knowledge.framework(counterfactual.winner)?.name ?? "")
                                                          + " would win if you answered \""))
            }
        }
        let api = Engine.consult(knowledge, answers: Answers(["project_type": .one("api")]))
        let first = try #require(Counterfactual.analyse(api).first)
        #expect(first.winner == "django")
        #expect(first.changes.count == 1)
    }

    @Test("AHP weights and consistency ratio match an independent eigensolver")
    func ahp() {
        let three = PairwiseWeights.derive(criteria: ["a", "b", "c"], comparisons: [
            .init(first: "a", second: "b", ratio: 3), .init(first: "a", second: "c", ratio: 5),
            .init(first: "b", second: "c", ratio: 3),
        ])
        for (value, expected) in zip(three.weights, [0.636986, 0.258285, 0.104729]) {
            #expect(abs(value - expected) < 1e-6)
        }
        #expect(abs(three.lambdaMax - 3.038511) < 1e-6)
        #expect(abs(three.consistencyRatio - 0.033199) < 1e-6)
        #expect(three.isConsistent)

        let four = PairwiseWeights.derive(criteria: ["a", "b", "c", "d"], comparisons: [
            .init(first: "a", second: "b", ratio: 2), .init(first: "a", second: "c", ratio: 9),
            .init(first: "a", second: "d", ratio: 4), .init(first: "b", second: "c", ratio: 7),
            .init(first: "d", second: "b", ratio: 3), .init(first: "c", second: "d", ratio: 1.0 / 5),
        ])
        for (value, expected) in zip(four.weights, [0.517865, 0.183586, 0.039857, 0.258692]) {
            #expect(abs(value - expected) < 1e-6)
        }
        #expect(abs(four.consistencyRatio - 0.148083) < 1e-6)
        #expect(!four.isConsistent)
        #expect(four.mostInconsistent != nil)

        let consistent = PairwiseWeights.derive(criteria: ["a", "b", "c"], comparisons: [
            .init(first: "a", second: "b", ratio: 2), .init(first: "b", second: "c", ratio: 2),
            .init(first: "a", second: "c", ratio: 4),
        ])
        #expect(abs(consistent.consistencyRatio) < 1e-9)
        #expect(abs(consistent.weights[0] - 4.0 / 7.0) < 1e-9)
    }
}
