import AdvisorCore
import Foundation
import Testing

/// "Why not X" and pairwise judgements on the small hand-made knowledge base, with figures worked
/// out by hand: speed (weight 2) and batteries (weight 1); fast rates 5 and 1, full 2 and 5.
struct WhyNotPairwiseTests {
    @Test("why not full: speed costs it 40 points, batteries gain it 26.67, the gap is their sum")
    func whyNotWithoutAnswers() throws {
        let c = Engine.consult(try AnalysisTests.fixture(), answers: Answers())
        // fast = 100 × (2·5 + 1·1) / 15 = 73.33; full = 100 × (2·2 + 1·5) / 15 = 60.
        let why = WhyNot.analyse("full", in: c)
        #expect(why.winner == "fast" && !why.isWinner && why.knockOut == nil)
        #expect(abs(why.score - 60) < 1e-9 && abs(why.winnerScore - 220.0 / 3) < 1e-9)
        #expect(why.losses.map(\.criterion) == ["speed"])
        #expect(abs(why.losses[0].points - 40) < 1e-9)
        #expect(why.losses[0].winnerRating == 5 && why.losses[0].rating == 2 && why.losses[0].weight == 2)
        #expect(why.losses[0].why == "Slower." && why.losses[0].winnerWhy == "Fast." && why.losses[0].source == "doc")
        #expect(why.gains.map(\.criterion) == ["batteries"])
        #expect(abs(why.gains[0].points + 80.0 / 3) < 1e-9)
        #expect(abs(why.costs.map(\.points).reduce(0, +) - (why.winnerScore - why.score)) < 1e-9)
        #expect(WhyNot.analyse("fast", in: c).isWinner)
    }

    @Test("why not full for an API: the rule that doubled speed's weight is named with its reason")
    func whyNotNamesTheRules() throws {
        let c = Engine.consult(try AnalysisTests.fixture(), answers: Answers(["kind": .one("api")]))
        // speed 2 × 2 = 4; Σ = 5; speed costs full 100 × 4 × 3 / 25 = 48 points.
        let why = WhyNot.analyse("full", in: c)
        let speed = try #require(why.losses.first)
        #expect(speed.criterion == "speed" && abs(speed.points - 48) < 1e-9)
        #expect(speed.rules == [WhyNot.RuleEffect(rule: "api-speed", change: "weight ×2", because: "APIs need speed.",
                                                  source: "doc")])
    }

    @Test("why not names the knock-out that removed the framework")
    func whyNotKnockOut() throws {
        let knowledge = try KnowledgeFixture.minimal.appending("""
              - id: needs-admin
                when: kind == "site"
                then:
                  - require: admin
                because: The team wants an admin.
                source: doc

            """, to: "rules.yaml").load()
        guard case .success(let k) = knowledge else { Issue.record("fixture failed to load"); return }
        let c = Engine.consult(k, answers: Answers(["kind": .one("site")]))
        let why = WhyNot.analyse("fast", in: c)
        let knockOut = try #require(why.knockOut)
        #expect(knockOut.rule == "needs-admin" && knockOut.because == "The team wants an admin.")
        #expect(why.winner == "full")
        let text = ExplanationReport.whyNot(why, in: c)
        #expect(text.hasPrefix("Why not Fast? It was knocked out by rule needs-admin: "))
    }

    @Test("a pairwise file sets the compared base weights, scaled to keep their total")
    func pairwiseFile() throws {
        let knowledge = try AnalysisTests.fixture()
        let judgements = try PairwiseFile.parse("- {a: speed, b: batteries, value: 1/4}\n", path: "p.yaml",
                                                knowledge: knowledge)
        #expect(judgements.criteria == ["speed", "batteries"])
        let speedWeight = try #require(judgements.weight(of: "speed"))
        #expect(abs(speedWeight - 0.2) < 1e-12)
        #expect(judgements.weights.consistencyRatio == 0 && judgements.mostInconsistent == nil)
        let bases = judgements.baseWeights(in: knowledge)
        let speed = try #require(bases["speed"]), batteries = try #require(bases["batteries"])
        #expect(abs(speed - 0.6) < 1e-12 && abs(batteries - 2.4) < 1e-12)
        // fast = 100 × (0.6·5 + 2.4·1) / 15 = 36; full = 100 × (0.6·2 + 2.4·5) / 15 = 88.
        let c = Engine.consult(judgements.applied(to: knowledge), answers: Answers())
        #expect(c.winner?.framework == "full")
        let fast = try #require(c.scored("fast")), full = try #require(c.scored("full"))
        #expect(abs(fast.score - 36) < 1e-9 && abs(full.score - 88) < 1e-9)
        // --weight still overrides the final weight.
        let overridden = Engine.consult(judgements.applied(to: knowledge), answers: Answers(), weights: ["speed": 2])
        #expect(overridden.weight(of: "speed")?.final == 2)
    }

    @Test("pairwise file errors carry the position", arguments: [
        ("- {a: speed, b: batterys, value: 3}\n", "p.yaml:1:17: error: unknown criterion 'batterys'; did you mean "
            + "'batteries'? (see 'advisor frameworks --criteria')"),
        ("- {a: speed, b: batteries, value: 0.1}\n", "p.yaml:1:35: error: value 0.1 is outside Saaty's scale 1/9 to 9"),
        ("- {a: speed, b: speed, value: 2}\n", "p.yaml:1:3: error: 'speed' is compared with itself"),
        ("- {a: speed, b: batteries}\n", "p.yaml:1:3: error: comparison lacks 'value'; write {a: CRITERION, b: "
            + "CRITERION, value: N}"),
    ])
    func pairwiseErrors(text: String, message: String) throws {
        let knowledge = try AnalysisTests.fixture()
        #expect(throws: PairwiseFileError.self) { try PairwiseFile.parse(text, path: "p.yaml", knowledge: knowledge) }
        do {
            _ = try PairwiseFile.parse(text, path: "p.yaml", knowledge: knowledge)
        } catch {
            #expect(error.line == message)
        }
    }

    @Test("the 17-step scale and its nearest values")
    func scale() {
        #expect(PairwiseJudgements.scale.count == 17)
        #expect(PairwiseJudgements.scale[0] == 9 && PairwiseJudgements.scale[8] == 1 && PairwiseJudgements.scale[16] == 1.0 / 9)
        #expect(PairwiseJudgements.nearestScaleValue(0.84) == 1)
        #expect(PairwiseJudgements.nearestScaleValue(2.6) == 3)
        #expect(PairwiseJudgements.nearestScaleValue(0.3) == 1.0 / 3)
        #expect(PairwiseJudgements.text(of: 1.0 / 3) == "1/3" && PairwiseJudgements.text(of: 5) == "5")
    }
}
