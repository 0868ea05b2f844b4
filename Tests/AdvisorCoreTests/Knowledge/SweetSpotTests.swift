import AdvisorCore
import Testing

/// Each framework wins, with no knock-out, the project its own documentation describes as its
/// sweet spot; and realistic teams get the framework a senior engineer would put first.
struct SweetSpotTests {
    struct Profile: CustomTestStringConvertible, Sendable {
        var name: String
        var answers: [String: AnswerValue]
        var winner: String
        /// Frameworks that must rank right behind the winner, in this order, where it matters.
        var then: [String] = []
        var testDescription: String { "\(name) → \(winner)" }
    }

    static let sweetSpots: [Profile] = [
        // "The web framework for perfectionists with deadlines": a content site with an admin.
        Profile(name: "Django: a content platform with admin, auth and an ORM, kept for years",
                answers: ["project_type": .one("content_platform"), "builtins": .many(["admin", "auth", "orm", "templates"]),
                          "longevity": .one("high"), "frontend": .one("server_rendered")],
                winner: "django"),
        // FastAPI: "high performance, easy to learn, fast to code, ready for production" APIs from type hints.
        Profile(name: "FastAPI: a typed, documented API serving a model under load",
                answers: ["project_type": .one("ai_service"), "traffic": .one("high"), "api_docs": .yes(true),
                          "type_safety": .one("high"), "async_workload": .yes(true)],
                winner: "fastapi"),
        // Flask: "keep the core simple but extensible", for a small team that knows it.
        Profile(name: "Flask: a small server-rendered app by a small Flask team",
                answers: ["project_type": .one("web_app"), "traffic": .one("low"),
                          "builtins": .many(["templates", "sessions"]), "team_experience": .many(["flask"]),
                          "team_size": .one("small"), "frontend": .one("server_rendered"), "async_workload": .yes(false),
                          "time_to_market": .one("normal")],
                winner: "flask"),
        Profile(name: "Flask: a small internal JSON API by a Flask team with a close deadline",
                answers: ["project_type": .one("api"), "traffic": .one("low"), "time_to_market": .one("critical"),
                          "api_docs": .yes(false), "type_safety": .one("low"), "team_experience": .many(["flask"]),
                          "async_workload": .yes(false), "team_size": .one("small")],
                winner: "flask"),
        // Starlette: "a lightweight ASGI framework/toolkit, ideal for building async web services".
        Profile(name: "Starlette: a small async gateway with WebSockets, no validation or docs needed",
                answers: ["project_type": .one("async_service"), "async_workload": .yes(true), "websockets": .yes(true),
                          "api_docs": .yes(false), "type_safety": .one("low"), "team_size": .one("solo"),
                          "builtins": .many([]), "database": .one("none"), "ml_models": .yes(false)],
                winner: "starlette"),
        // Litestar: APIs with first-party data, auth and session plugins, and LTS majors.
        Profile(name: "Litestar: an async, database-backed API with sessions and auth, on a long support window",
                answers: ["project_type": .one("api"), "database": .one("async_relational"),
                          "builtins": .many(["auth", "sessions"]), "api_docs": .yes(true), "type_safety": .one("high"),
                          "support_window": .one("lts"), "async_workload": .yes(true)],
                winner: "litestar"),
        // Django Ninja: "a web framework for building APIs with Django and type hints".
        Profile(name: "Django Ninja: a typed API added to an existing Django project",
                answers: ["project_type": .one("api"), "existing_code": .one("django"), "api_docs": .yes(true),
                          "type_safety": .one("high"), "builtins": .many(["admin"]), "team_experience": .many(["django"])],
                winner: "django_ninja", then: ["django"]),
    ]

    static let teams: [Profile] = [
        Profile(name: "a Django team building a JSON API for a mobile app",
                answers: ["project_type": .one("api"), "traffic": .one("moderate"), "team_experience": .many(["django"]),
                          "api_docs": .yes(true), "type_safety": .one("medium")],
                winner: "django_ninja"),
        Profile(name: "a regulated shop with an admin, kept on an LTS release",
                answers: ["project_type": .one("ecommerce"), "security": .one("regulated"),
                          "builtins": .many(["admin", "auth", "orm", "forms"]), "traffic": .one("moderate"),
                          "longevity": .high, "support_window": .one("lts")],
                winner: "django"),
        Profile(name: "a start-up's API behind microservices, under high load, team unknown",
                answers: ["project_type": .one("api"), "architecture": .one("microservices"), "traffic": .one("high"),
                          "api_docs": .yes(true), "type_safety": .one("high")],
                winner: "fastapi"),
        Profile(name: "a real-time chat with WebSockets under high load",
                answers: ["project_type": .one("realtime"), "async_workload": .yes(true), "websockets": .yes(true),
                          "traffic": .one("high"), "type_safety": .one("medium")],
                winner: "fastapi"),
    ]

    @Test("each framework wins the project its own documentation describes, with nothing knocked out",
          arguments: sweetSpots)
    func sweetSpot(_ profile: Profile) throws {
        try Self.check(profile)
    }

    @Test("realistic teams get the framework a senior engineer would put first", arguments: teams)
    func team(_ profile: Profile) throws {
        try Self.check(profile)
    }

    static func check(_ profile: Profile) throws {
        let c = Engine.consult(EngineTests.knowledge, answers: Answers(profile.answers))
        #expect(c.excluded.isEmpty)
        #expect(c.ignored.isEmpty, "answers set aside: \(c.ignored.map(\.question))")
        let ranking = c.ranking.map(\.framework)
        #expect(ranking.first == profile.winner, "\(c.ranking.map { "\($0.framework) \($0.score)" })")
        #expect(Array(ranking.dropFirst().prefix(profile.then.count)) == profile.then)
    }
}

private extension AnswerValue {
    static let high = AnswerValue.one("high")
}
