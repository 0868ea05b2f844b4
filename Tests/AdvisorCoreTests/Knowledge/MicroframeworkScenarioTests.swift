import AdvisorCore
import Testing

/// Flask and Starlette each win a realistic profile: a team that wants a microframework (a small core
/// whose database layer and validation it picks itself) asks for one as a hard requirement, and the
/// rest of its answers decide between the two on documented facts.
struct MicroframeworkScenarioTests {
    struct Profile: CustomTestStringConvertible, Sendable {
        var name: String
        var answers: [String: AnswerValue]
        var winner: String
        var runnerUp: String
        /// The criteria of the first reasons in "Why <winner> over <runner-up>", in order.
        var decidingCriteria: [String]
        var testDescription: String { "\(name) → \(winner)" }
    }

    static let microframework: AnswerValue = .many(["microframework"])

    static let profiles: [Profile] = [
        Profile(name: "a small internal API, synchronous, low traffic",
                answers: ["project_type": .one("api"), "traffic": .one("low"), "async_workload": .yes(false),
                          "architecture": .one("monolith"), "team_experience": .many(["flask"]),
                          "must_have": microframework],
                winner: "flask", runnerUp: "starlette",
                decidingCriteria: ["team_familiarity", "ecosystem", "productivity"]),
        Profile(name: "a WebSocket service under high traffic",
                answers: ["project_type": .one("realtime"), "traffic": .one("high"), "async_workload": .yes(true),
                          "must_have": microframework],
                winner: "starlette", runnerUp: "flask",
                decidingCriteria: ["realtime", "performance", "scalability"]),
    ]

    @Test("asking for a microframework keeps exactly the frameworks whose sources document one")
    func knockOut() throws {
        let k = EngineTests.knowledge
        let c = Engine.consult(k, answers: Answers(["must_have": Self.microframework]))
        #expect(c.ranking.map(\.framework).sorted() == ["flask", "starlette"])
        #expect(Set(c.excluded.map(\.framework)) == ["django", "django_ninja", "fastapi", "litestar"])
        for id in ["flask", "starlette"] {
            let framework = try #require(k.framework(id))
            let capability = try #require(framework.capabilities.first { $0.id == "micro_core" })
            #expect(capability.citation.evidence == .documented, "\(id)")
            #expect(k.source(capability.citation.source) != nil, "\(id): \(capability.citation.source)")
        }
    }

    @Test("the profile's framework wins, ahead of the other microframework", arguments: profiles)
    func winner(_ profile: Profile) throws {
        let c = Engine.consult(EngineTests.knowledge, answers: Answers(profile.answers))
        let winner = try #require(c.winner)
        let runnerUp = try #require(c.ranking.dropFirst().first)
        print("microframework profile \(profile.name): \(winner.name) \(Format.fixed(winner.score, decimals: 1)), "
              + "then \(runnerUp.name) \(Format.fixed(runnerUp.score, decimals: 1))")
        #expect(winner.framework == profile.winner, "\(c.ranking.map { "\($0.framework) \($0.score)" })")
        #expect(runnerUp.framework == profile.runnerUp)
        #expect(winner.score > runnerUp.score)
    }

    @Test("without the requirement, the same answers go to a framework that bundles more", arguments: profiles)
    func requirementDecides(_ profile: Profile) throws {
        var answers = profile.answers
        answers["must_have"] = nil
        let c = Engine.consult(EngineTests.knowledge, answers: Answers(answers))
        let winner = try #require(c.winner)
        #expect(!["flask", "starlette"].contains(winner.framework), "\(winner.framework)")
    }

    /// As for the article's scenarios: take away every point the winner gains from an inferred rating
    /// and it must still beat the runner-up.
    @Test("the win rests on documented or measured ratings", arguments: profiles)
    func winRestsOnEvidence(_ profile: Profile) throws {
        let k = EngineTests.knowledge
        let c = Engine.consult(k, answers: Answers(profile.answers))
        let winner = try #require(c.winner)
        for rival in c.ranking.dropFirst() {
            let inferredGain = c.advantages(of: winner.framework, over: rival.framework).filter { reason in
                reason.advantage > 0 && reason.evidence == .inferred
            }.reduce(0) { $0 + $1.advantage }
            #expect(winner.score - inferredGain > rival.score,
                    "\(winner.framework) over \(rival.framework) rests on \(inferredGain) inferred points")
        }
    }

    @Test("the text output says why the winner beats the other microframework, fact by fact", arguments: profiles)
    func explained(_ profile: Profile) throws {
        let k = EngineTests.knowledge
        let c = Engine.consult(k, answers: Answers(profile.answers))
        let text = TextReport.render(c)
        let winner = try #require(k.framework(profile.winner))
        let runnerUp = try #require(k.framework(profile.runnerUp))
        #expect(text.hasPrefix("Recommendation: \(winner.name) ("))
        #expect(text.contains("Why \(winner.name) over \(runnerUp.name):"))
        let reasons = c.reasons()
        #expect(reasons.map(\.criterion) == profile.decidingCriteria)
        for (number, reason) in reasons.enumerated() {
            let criterion = try #require(k.criteria.first { $0.id == reason.criterion })
            let f = try #require(k.frameworkIndex[winner.id]), ci = try #require(k.criterionIndex[criterion.id])
            #expect(reason.why == c.ratingCitation(framework: f, criterion: ci).why)
            #expect(text.contains("  \(number + 1). \(criterion.name): \(winner.name) "))
            #expect(text.contains(reason.why))
            #expect(text.contains("[\(reason.source)]"))
        }
        for excluded in ["Django", "Django Ninja", "FastAPI", "Litestar"] {
            #expect(text.contains("excluded: \(excluded) lacks a microframework core (database layer and validation "
                                  + "left to the team), which rule 'requires-microframework' requires"))
        }
    }

    @Test("the lint finds a winning profile for every shipped framework")
    func everyFrameworkCanWin() {
        let report = KnowledgeLint.run(EngineTests.knowledge)
        let cannotWin = report.diagnostics.filter { $0.message.hasSuffix("[framework-cannot-win]") }
        #expect(cannotWin.isEmpty, "\(cannotWin.map(\.message))")
    }
}
