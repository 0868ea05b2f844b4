import AdvisorCore
import Testing

/// Properties of the weighted sum.
struct ScoringTests {
    static let knowledge = EngineTests.knowledge

    /// The knowledge with one framework's rating on one criterion replaced.
    static func with(_ knowledge: KnowledgeBase, framework: Int, criterion: String, score: Double) -> KnowledgeBase {
        var frameworks = knowledge.frameworks
        frameworks[framework].ratings[criterion]?.score = score
        return KnowledgeBase(info: knowledge.info, sources: knowledge.sources, criteria: knowledge.criteria,
                             capabilities: knowledge.capabilities, frameworks: frameworks,
                             questions: knowledge.questions, rules: knowledge.rules, facts: knowledge.facts,
                             digest: knowledge.digest, origins: knowledge.origins)
    }

    @Test("raising one framework's rating never lowers its score",
          arguments: ["performance", "builtins", "security", "team_familiarity"])
    func monotonicity(criterion: String) {
        for answers in EngineTests.profiles {
            for f in Self.knowledge.frameworks.indices {
                var previous = -1.0
                for score in stride(from: 0.0, through: 5.0, by: 0.5) {
                    let k = Self.with(Self.knowledge, framework: f, criterion: criterion, score: score)
                    let c = Engine.consult(k, answers: answers)
                    let id = k.frameworks[f].id
                    guard let scored = c.scored(id) ?? c.unrankedScore(id) else { continue }
                    #expect(scored.score >= previous - 1e-9)
                    previous = scored.score
                }
            }
        }
    }

    @Test("multiplying every weight by the same factor leaves the ranking unchanged",
          arguments: [0.001, 0.5, 3.0, 1000.0])
    func scaleInvariance(factor: Double) {
        for answers in EngineTests.profiles {
            let base = Engine.consult(Self.knowledge, answers: answers)
            var overrides: [String: Double] = [:]
            for weight in base.weights { overrides[weight.criterion] = weight.final * factor }
            let scaled = Engine.consult(Self.knowledge, answers: answers, weights: overrides)
            #expect(scaled.ranking.map(\.framework) == base.ranking.map(\.framework))
            for (a, b) in zip(scaled.ranking, base.ranking) { #expect(abs(a.score - b.score) < 1e-9) }
        }
    }

    @Test("scores are 0 to 100 and equal the sum of their contributions")
    func decomposition() {
        for answers in EngineTests.profiles {
            let c = Engine.consult(Self.knowledge, answers: answers)
            for scored in c.ranking {
                #expect((0...100).contains(scored.score))
                #expect(abs(scored.contributions.reduce(0) { $0 + $1.points } - scored.score) < 1e-9)
                for contribution in scored.contributions {
                    let total = c.weights.reduce(0) { $0 + $1.final }
                    #expect(abs(contribution.points - 100 * contribution.weight * contribution.rating / (total * 5)) < 1e-9)
                }
            }
        }
    }

    @Test("the same inputs give byte-identical JSON")
    func determinism() {
        for answers in EngineTests.profiles {
            let first = JSONReport.render(Engine.consult(Self.knowledge, answers: answers))
            let second = JSONReport.render(Engine.consult(Self.knowledge, answers: answers))
            #expect(first == second)
        }
    }

    @Test("ties break by framework id, and all-zero weights score zero")
    func ties() {
        var zero: [String: Double] = [:]
        for criterion in Self.knowledge.criteria { zero[criterion.id] = 0 }
        let c = Engine.consult(Self.knowledge, answers: Answers(), weights: zero)
        #expect(c.ranking.map(\.framework) == Self.knowledge.frameworks.map(\.id).sorted())
        #expect(c.ranking.count == 6)
        #expect(c.ranking.allSatisfy { $0.score == 0 })
    }
}
