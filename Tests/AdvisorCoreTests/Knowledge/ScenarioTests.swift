import AdvisorCore
import Testing

/// The article's verdicts ("FastAPI will lead in", "Django will continue leading in") as answer
/// profiles, checked with every framework of the shipped knowledge loaded.
struct ScenarioTests {
    struct Scenario: CustomTestStringConvertible, Sendable {
        var name: String
        var answers: [String: AnswerValue]
        /// The article's framework that must rank above the other.
        var winner: String
        var loser: String
        /// The framework that wins overall with all frameworks loaded, reviewed against the facts.
        var overall: String
        var testDescription: String { "\(name) → \(winner)" }
    }

    static let fastAPILeads: [Scenario] = [
        Scenario(name: "API development",
                 answers: ["project_type": .one("api"), "api_docs": .yes(true)], winner: "fastapi", loser: "django",
                 overall: "fastapi"),
        Scenario(name: "AI-powered applications",
                 answers: ["project_type": .one("ai_service")], winner: "fastapi", loser: "django", overall: "fastapi"),
        Scenario(name: "Machine learning platforms",
                 answers: ["ml_models": .yes(true), "architecture": .one("microservices"), "traffic": .one("high")],
                 winner: "fastapi", loser: "django", overall: "fastapi"),
        Scenario(name: "Microservices",
                 answers: ["architecture": .one("microservices")], winner: "fastapi", loser: "django",
                 overall: "fastapi"),
        Scenario(name: "Real-time systems",
                 answers: ["project_type": .one("realtime"), "async_workload": .yes(true)],
                 winner: "fastapi", loser: "django", overall: "litestar"),
        Scenario(name: "Cloud-native architectures",
                 answers: ["architecture": .one("serverless"), "traffic": .one("high")],
                 winner: "fastapi", loser: "django", overall: "fastapi"),
    ]

    static let djangoLeads: [Scenario] = [
        Scenario(name: "Full-stack web applications",
                 answers: ["project_type": .one("web_app"),
                           "builtins": .many(["admin", "auth", "orm", "forms", "templates", "sessions"])],
                 winner: "django", loser: "fastapi", overall: "django"),
        Scenario(name: "Enterprise business systems",
                 answers: ["project_type": .one("enterprise"), "security": .one("regulated")],
                 winner: "django", loser: "fastapi", overall: "django"),
        Scenario(name: "Content platforms",
                 answers: ["project_type": .one("content_platform"), "builtins": .many(["admin"])],
                 winner: "django", loser: "fastapi", overall: "django"),
        Scenario(name: "E-commerce solutions",
                 answers: ["project_type": .one("ecommerce")], winner: "django", loser: "fastapi", overall: "django"),
        Scenario(name: "Rapid application development",
                 answers: ["time_to_market": .one("critical"), "builtins": .many(["admin", "auth", "orm"])],
                 winner: "django", loser: "fastapi", overall: "django"),
    ]

    static var all: [Scenario] { fastAPILeads + djangoLeads }

    static let articleFrameworks: Set<String> = ["django", "fastapi"]

    @Test("each of the article's verdicts ranks its framework above the other, with every framework loaded",
          arguments: all)
    func verdict(_ scenario: Scenario) throws {
        #expect(EngineTests.knowledge.frameworks.count > 2)
        let c = Engine.consult(EngineTests.knowledge, answers: Answers(scenario.answers))
        let winner = try #require(c.scored(scenario.winner))
        let loser = try #require(c.scored(scenario.loser))
        #expect(winner.rank < loser.rank, "\(winner.score) vs \(loser.score)")
        #expect(winner.score > loser.score)
    }

    @Test("the verdicts hold whatever the team knows, unless it knows only the other framework",
          arguments: all)
    func verdictWithNeutralTeam(_ scenario: Scenario) throws {
        for team in [["django", "fastapi"], []] {
            var answers = scenario.answers
            answers["team_experience"] = .many(team)
            let c = Engine.consult(EngineTests.knowledge, answers: Answers(answers))
            let winner = try #require(c.scored(scenario.winner))
            let loser = try #require(c.scored(scenario.loser))
            #expect(winner.rank < loser.rank, "team \(team): \(winner.score) vs \(loser.score)")
        }
    }

    /// The overall winner of every scenario, reviewed one by one. Real-time systems goes to Litestar:
    /// it matches FastAPI on real-time I/O and performance (documented WebSockets, ASGI) and ships
    /// CSRF middleware, templates and guards that FastAPI leaves to other packages.
    @Test("the overall winner of each scenario is the reviewed one", arguments: all)
    func overallWinner(_ scenario: Scenario) throws {
        let c = Engine.consult(EngineTests.knowledge, answers: Answers(scenario.answers))
        let winner = try #require(c.winner)
        let runnerUp = try #require(c.ranking.dropFirst().first)
        print("scenario \(scenario.name): \(winner.name) \(Format.fixed(winner.score, decimals: 1)), then "
              + "\(runnerUp.name) \(Format.fixed(runnerUp.score, decimals: 1))")
        #expect(winner.framework == scenario.overall, "\(c.ranking.map { "\($0.framework) \($0.score)" })")
    }

    /// A framework from outside the article may win a scenario only on what its sources document or
    /// measure: take away every point it gains from an inferred rating and it must still win.
    @Test("a framework outside the article wins only on documented or measured advantages", arguments: all)
    func newWinnersRestOnEvidence(_ scenario: Scenario) throws {
        let k = EngineTests.knowledge
        let c = Engine.consult(k, answers: Answers(scenario.answers))
        let winner = try #require(c.winner)
        guard !Self.articleFrameworks.contains(winner.framework) else { return }
        for rival in c.ranking.dropFirst() {
            let advantages = c.advantages(of: winner.framework, over: rival.framework)
            let inferredGain = advantages.filter { reason in
                reason.advantage > 0 && reason.evidence == .inferred
            }.reduce(0) { $0 + $1.advantage }
            #expect(winner.score - inferredGain > rival.score,
                    "\(winner.framework) over \(rival.framework) rests on \(inferredGain) inferred points")
        }
    }

    @Test("the text output explains a winner from outside the article in terms of its rated facts",
          arguments: SweetSpotTests.sweetSpots.filter { !articleFrameworks.contains($0.winner) })
    func newWinnerExplained(_ profile: SweetSpotTests.Profile) throws {
        let c = Engine.consult(EngineTests.knowledge, answers: Answers(profile.answers))
        let text = TextReport.render(c)
        let winner = try #require(c.winner)
        let runnerUp = try #require(c.ranking.dropFirst().first)
        #expect(text.contains("Why \(winner.name) over \(runnerUp.name):"))
        for reason in c.reasons() {
            #expect(text.contains(reason.why))
            #expect(text.contains("[\(reason.source)]"))
        }
    }
}
