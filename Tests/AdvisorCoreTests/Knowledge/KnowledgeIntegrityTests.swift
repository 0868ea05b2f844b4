import AdvisorCore
import Foundation
import Testing

/// The shipped knowledge's citations: every framework rated on every criterion, and every fact
/// from outside the seed article marked with how firm it is and when it was checked.
struct KnowledgeIntegrityTests {
    static var knowledge: KnowledgeBase { EngineTests.knowledge }

    /// Every rating, capability and fact of every framework, with where it sits.
    static var citations: [(String, Citation)] {
        knowledge.frameworks.flatMap { framework in
            framework.ratings.sorted { $0.key < $1.key }.map { ("\(framework.id) rating \($0.key)", $0.value.citation) }
                + framework.capabilities.map { ("\(framework.id) capability \($0.id)", $0.citation) }
                + framework.facts.map { ("\(framework.id) fact \($0.id)", $0.citation) }
        }
    }

    @Test("the six frameworks are loaded")
    func frameworks() {
        #expect(Self.knowledge.frameworks.map(\.id).sorted()
                == ["django", "django_ninja", "fastapi", "flask", "litestar", "starlette"])
    }

    @Test("every framework is rated 0 to 5 on every criterion, with a why and a known source",
          arguments: EngineTests.knowledge.frameworks.map(\.id))
    func ratedEverywhere(_ id: String) throws {
        let k = Self.knowledge
        let framework = try #require(k.framework(id))
        for criterion in k.criteria {
            let rating = try #require(framework.ratings[criterion.id], "\(id) is not rated on \(criterion.id)")
            #expect((0...5).contains(rating.score))
            #expect(!rating.citation.why.isEmpty, "\(id) \(criterion.id)")
            #expect(k.source(rating.citation.source) != nil, "\(id) \(criterion.id): \(rating.citation.source)")
        }
        #expect(framework.ratings.count == k.criteria.count)
    }

    @Test("every rating, capability and fact says how firm it is and the date it describes; seed evidence only from the article")
    func evidence() {
        let facts = FactDates.all(Self.knowledge)
        #expect(facts.count > 150)
        for fact in facts {
            #expect(fact.citation.evidence != nil, "\(fact.subject) gives no evidence")
            #expect(fact.asOf != nil, "\(fact.subject) gives no as_of")
            let consistent = (fact.citation.evidence == .seed) == fact.citation.source.hasPrefix("seed")
                || fact.citation.evidence == .inferred
            #expect(consistent, "\(fact.subject): \(String(describing: fact.citation.evidence)) from \(fact.citation.source)")
        }
    }

    @Test("every cited address outside the seed article is a web address that was read")
    func addresses() {
        let cited = Set(Self.citations.map(\.1.source) + Self.knowledge.rules.map(\.source))
        for id in cited.sorted() where !id.hasPrefix("seed") {
            let address = Self.knowledge.source(id)?.address ?? ""
            #expect(address.hasPrefix("https://") || address.hasPrefix("http://"), "\(id): '\(address)'")
        }
    }

    @Test("the article's ratings of Django and FastAPI are unchanged")
    func anchors() throws {
        let expected: [String: [String: Double]] = [
            "django": ["performance": 3, "api_development": 3, "productivity": 5, "builtins": 5, "security": 5,
                       "ecosystem": 5, "ai_ml": 3, "scalability": 3, "type_safety": 2, "realtime": 2,
                       "time_to_market": 5, "maturity": 5, "team_familiarity": 3, "simplicity": 2, "codebase_fit": 3,
                       "support_window": 5],
            "fastapi": ["performance": 5, "api_development": 5, "productivity": 3, "builtins": 1, "security": 3,
                        "ecosystem": 3, "ai_ml": 5, "scalability": 5, "type_safety": 5, "realtime": 5,
                        "time_to_market": 3, "maturity": 3, "team_familiarity": 3, "simplicity": 4, "codebase_fit": 3,
                        "support_window": 1],
        ]
        for (id, ratings) in expected {
            let framework = try #require(Self.knowledge.framework(id))
            #expect(framework.ratings.mapValues(\.score) == ratings, "\(id)")
        }
    }

    @Test("whatever the team knows, its frameworks' familiarity is 5, others' at most 4, and each rating has one step",
          arguments: [[], ["django"], ["fastapi"], ["flask"], ["litestar"], ["starlette"], ["django_ninja"],
                      ["django", "fastapi"], ["flask", "starlette"], ["django", "django_ninja", "litestar"]])
    func teamExperience(_ team: [String]) throws {
        let c = Engine.consult(Self.knowledge, answers: Answers(["team_experience": .many(team)]))
        for framework in Self.knowledge.frameworks {
            let rating = try #require(c.rating(of: framework.id, on: "team_familiarity"))
            #expect(rating.steps.count == 1, "\(team): \(framework.id) set by \(rating.steps.map(\.rule))")
            if team.contains(framework.id) {
                #expect(rating.final == 5, "\(team): \(framework.id)")
            } else {
                #expect(rating.final <= 4, "\(team): \(framework.id)")
            }
        }
        let known = Self.knowledge.frameworks.filter { c.rating(of: $0.id, on: "team_familiarity")?.final == 5 }
        #expect(Set(known.map(\.id)) == Set(team))
    }

    @Test("a framework close to one the team knows rates between: Django Ninja for a Django team, Starlette for FastAPI",
          arguments: [("django", "django_ninja", 4.0), ("fastapi", "starlette", 4.0), ("fastapi", "django_ninja", 3.0),
                      ("django_ninja", "django", 4.0), ("starlette", "fastapi", 4.0), ("flask", "django", 1.0)])
    func relatedFamiliarity(_ known: String, _ framework: String, _ expected: Double) {
        let c = Engine.consult(Self.knowledge, answers: Answers(["team_experience": .many([known])]))
        #expect(c.rating(of: framework, on: "team_familiarity")?.final == expected)
    }

    @Test("hard requirements keep exactly the frameworks whose sources show the capability", arguments: [
        ("builtin_admin", ["django", "django_ninja"]),
        ("openapi_docs", ["django_ninja", "fastapi", "litestar"]),
        ("asgi_native", ["fastapi", "litestar", "starlette"]),
    ])
    func knockOuts(_ requirement: String, _ kept: [String]) {
        let c = Engine.consult(Self.knowledge, answers: Answers(["must_have": .many([requirement])]))
        #expect(c.ranking.map(\.framework).sorted() == kept)
        #expect(c.excluded.count == Self.knowledge.frameworks.count - kept.count)
    }

    static func isISODate(_ text: String) -> Bool {
        text.count == 10 && text.split(separator: "-").map(\.count) == [4, 2, 2]
    }
}
