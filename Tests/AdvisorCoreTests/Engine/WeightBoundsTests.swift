import AdvisorCore
import Testing

/// The knowledge's weight bounds: whatever the answers, every criterion's final weight stays within
/// a quarter and four times its base, and a clipped weight says so in its trace.
struct WeightBoundsTests {
    @Test("on 2,000 random profiles every final weight lies within the bounds of its base")
    func bounded() throws {
        let k = EngineTests.knowledge
        let bounds = try #require(k.info.weightBounds)
        #expect(bounds.lower == 0.25 && bounds.upper == 4)
        var random = RandomSource(seed: 11)
        for _ in 0..<2_000 {
            let c = Engine.consult(k, answers: Self.randomAnswers(k, &random))
            for weight in c.weights {
                #expect(weight.final >= weight.base * bounds.lower - 1e-9, "\(weight.criterion) \(weight.final)")
                #expect(weight.final <= weight.base * bounds.upper + 1e-9, "\(weight.criterion) \(weight.final)")
            }
        }
    }

    @Test("a weight pushed past four times its base is clipped, and the trace says by what")
    func clippedStep() throws {
        let c = Engine.consult(EngineTests.knowledge, answers: Answers([
            "project_type": .one("async_service"), "team_size": .one("solo"), "architecture": .one("serverless"),
        ]))
        let simplicity = try #require(c.weight(of: "simplicity"))
        #expect(simplicity.base == 2)
        #expect(simplicity.final == 8)
        let last = try #require(simplicity.steps.last)
        #expect(last.origin == .bound)
        #expect(last.described == "clipped at 4× base")
        #expect(last.before == 12)
    }

    static func randomAnswers(_ k: KnowledgeBase, _ random: inout RandomSource) -> Answers {
        var answers = Answers()
        for question in k.questions where random.next() % 5 != 0 {
            switch question.kind {
            case .choice, .scale: answers[question.id] = .one(question.values[Int(random.next() % UInt64(question.values.count))])
            case .yesno: answers[question.id] = .yes(random.next() % 2 == 0)
            case .multi: answers[question.id] = .many(question.values.filter { _ in random.next() % 2 == 0 })
            }
        }
        return answers
    }
}
