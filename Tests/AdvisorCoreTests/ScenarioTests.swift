import AdvisorCore
import Testing

/// The article's verdicts ("FastAPI will lead in", "Django will continue leading in") as answer profiles.
struct ScenarioTests {
    struct Scenario: CustomTestStringConvertible, Sendable {
        var name: String
        var answers: [String: AnswerValue]
        var winner: String
        var loser: String
        var testDescription: String { "\(name) → \(winner)" }
    }

    static let fastAPILeads: [Scenario] = [
        Scenario(name: "API development",
                 answers: ["project_type": .one("api"), "api_docs": .yes(true)], winner: "fastapi", loser: "django"),
        Scenario(name: "AI-powered applications",
                 answers: ["project_type": .one("ai_service")], winner: "fastapi", loser: "django"),
        Scenario(name: "Machine learning platforms",
                 answers: ["ml_models": .yes(true), "architecture": .one("microservices"), "traffic": .one("high")],
                 winner: "fastapi", loser: "django"),
        Scenario(name: "Microservices",
                 answers: ["architecture": .one("microservices")], winner: "fastapi", loser: "django"),
        Scenario(name: "Real-time systems",
                 answers: ["project_type": .one("realtime"), "async_workload": .yes(true)],
                 winner: "fastapi", loser: "django"),
        Scenario(name: "Cloud-native architectures",
                 answers: ["architecture": .one("serverless"), "traffic": .one("high")],
                 winner: "fastapi", loser: "django"),
    ]

    static let djangoLeads: [Scenario] = [
        Scenario(name: "Full-stack web applications",
                 answers: ["project_type": .one("web_app"),
                           "builtins": .many(["admin", "auth", "orm", "forms", "templates", "sessions"])],
                 winner: "django", loser: "fastapi"),
        Scenario(name: "Enterprise business systems",
                 answers: ["project_type": .one("enterprise"), "security": .one("regulated")],
                 winner: "django", loser: "fastapi"),
        Scenario(name: "Content platforms",
                 answers: ["project_type": .one("content_platform"), "builtins": .many(["admin"])],
                 winner: "django", loser: "fastapi"),
        Scenario(name: "E-commerce solutions",
                 answers: ["project_type": .one("ecommerce")], winner: "django", loser: "fastapi"),
        Scenario(name: "Rapid application development",
                 answers: ["time_to_market": .one("critical"), "builtins": .many(["admin", "auth", "orm"])],
                 winner: "django", loser: "fastapi"),
    ]

    @Test("each of the article's verdicts ranks its framework above the other",
          arguments: fastAPILeads + djangoLeads)
    func verdict(_ scenario: Scenario) throws {
        let c = Engine.consult(EngineTests.knowledge, answers: Answers(scenario.answers))
        let winner = try #require(c.scored(scenario.winner))
        let loser = try #require(c.scored(scenario.loser))
        #expect(winner.rank < loser.rank, "\(winner.score) vs \(loser.score)")
        #expect(winner.score > loser.score)
    }

    @Test("the verdicts hold whatever the team knows, unless it knows only the other framework",
          arguments: fastAPILeads + djangoLeads)
    func verdictWithNeutralTeam(_ scenario: Scenario) throws {
        for team in ["both", "neither"] {
            var answers = scenario.answers
            answers["team_experience"] = .one(team)
            let c = Engine.consult(EngineTests.knowledge, answers: Answers(answers))
            #expect(c.winner?.framework == scenario.winner, "team \(team)")
        }
    }
}
