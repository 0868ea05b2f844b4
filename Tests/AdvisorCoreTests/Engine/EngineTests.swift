import Foundation
import AdvisorCore
import AdvisorKnowledge
import Testing

/// Properties of inference: order independence, termination, fire-once, and a complete trace.
struct EngineTests {
    static let knowledge: KnowledgeBase = {
        do { return try ShippedKnowledge.load() } catch { preconditionFailure("embedded knowledge: \(error)") }
    }()

    /// Answer profiles that together exercise every shipped rule.
    static let profiles: [Answers] = [
        Answers(),
        Answers(["project_type": .one("api"), "traffic": .one("very_high"), "async_workload": .yes(true),
                 "api_docs": .yes(true), "type_safety": .one("high"), "team_experience": .many(["fastapi"])]),
        Answers(["project_type": .one("content_platform"), "builtins": .many(["admin", "auth", "orm"]),
                 "architecture": .one("monolith"), "longevity": .one("high"), "team_experience": .many(["django"])]),
        Answers(["project_type": .one("ecommerce"), "security": .one("regulated"), "time_to_market": .one("critical"),
                 "must_have": .many(["builtin_admin"]), "builtins": .many(["forms", "templates", "sessions"])]),
        Answers(["architecture": .one("microservices"), "ml_models": .yes(true), "traffic": .one("low"),
                 "type_safety": .one("low"), "longevity": .one("low"), "time_to_market": .one("flexible"),
                 "must_have": .many(["openapi_docs", "asgi_native"]), "team_experience": .many(["django", "fastapi"])]),
        Answers(["project_type": .one("enterprise"), "architecture": .one("serverless"),
                 "type_safety": .one("medium"), "security": .one("standard"), "traffic": .one("moderate")]),
        Answers(["project_type": .one("realtime"), "architecture": .one("undecided"), "team_experience": .many([])]),
        Answers(["team_experience": .many(["flask"]), "traffic": .one("moderate"),
                 "must_have": .many(["microframework"])]),
        Answers(["team_experience": .many(["litestar"]), "project_type": .one("api")]),
        Answers(["team_experience": .many(["starlette"]), "async_workload": .yes(false)]),
        Answers(["team_experience": .many(["django_ninja"]), "builtins": .many([])]),
        Answers(["project_type": .one("web_app"), "frontend": .one("server_rendered"), "ml_models": .yes(false),
                 "async_workload": .yes(false), "time_to_market": .one("normal"), "support_window": .one("lts"),
                 "team_size": .one("solo"), "existing_code": .one("none"), "background_jobs": .one("after_response")]),
        Answers(["project_type": .one("async_service"), "async_workload": .yes(true), "websockets": .yes(true),
                 "database": .one("async_relational"), "traffic": .one("high"), "support_window": .one("latest"),
                 "team_size": .one("small"), "existing_code": .one("django"), "background_jobs": .one("queue"),
                 "hosting": .one("serverless"), "graphql": .yes(true)]),
        Answers(["project_type": .one("api"), "api_docs": .yes(false), "type_safety": .one("low"),
                 "team_size": .one("large"), "existing_code": .one("flask"), "builtins": .many(["admin"]),
                 "hosting": .one("containers"), "ml_models": .yes(true)]),
        Answers(["project_type": .one("web_app"), "frontend": .one("spa"), "existing_code": .one("fastapi"),
                 "ml_models": .yes(true),
                 "team_experience": .many(["django", "fastapi", "flask", "litestar", "starlette", "django_ninja"])]),
    ]

    /// The same knowledge with its rules in another order.
    static func shuffled(_ knowledge: KnowledgeBase, seed: UInt64) -> KnowledgeBase {
        var generator = SplitMix64(seed: seed)
        var rules = knowledge.rules
        rules.shuffle(using: &generator)
        // Rules refer to facts by index; facts are indexed by name, so they stay valid.
        return KnowledgeBase(info: knowledge.info, sources: knowledge.sources, criteria: knowledge.criteria,
                             capabilities: knowledge.capabilities, frameworks: knowledge.frameworks,
                             questions: knowledge.questions, rules: rules, facts: knowledge.facts,
                             digest: knowledge.digest, origins: knowledge.origins)
    }

    /// The JSON report without the firing order, which legitimately follows the order of rules.
    static func orderFreeJSON(_ consultation: Consultation) throws -> String {
        let rendered = JSONReport.render(consultation)
        var document = try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
        try #require(document.removeValue(forKey: "trace") != nil)
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self) + consultation.firings.map(\.rule).sorted().joined(separator: ",")
    }

    @Test("shuffling the rules never changes the result", arguments: 0..<40)
    func orderIndependence(seed: Int) throws {
        let shuffled = Self.shuffled(Self.knowledge, seed: UInt64(seed))
        for answers in Self.profiles {
            let expected = try Self.orderFreeJSON(Engine.consult(Self.knowledge, answers: answers))
            let actual = try Self.orderFreeJSON(Engine.consult(shuffled, answers: answers))
            #expect(actual == expected)
        }
    }

    @Test("every shipped rule fires in some profile, and none fires twice")
    func fireOnce() {
        var everFired = Set<String>()
        for answers in Self.profiles {
            let consultation = Engine.consult(Self.knowledge, answers: answers)
            let ids = consultation.firings.map(\.rule)
            #expect(Set(ids).count == ids.count)
            everFired.formUnion(ids)
        }
        let never = Self.knowledge.rules.map(\.id).filter { !everFired.contains($0) }
        #expect(never.isEmpty, "rules no profile fires: \(never)")
    }

    @Test("the trace accounts for every weight and rating change")
    func traceAccounting() {
        for answers in Self.profiles {
            let c = Engine.consult(Self.knowledge, answers: answers, weights: ["security": 4])
            let fired = Set(c.firings.map(\.rule))
            for weight in c.weights {
                var value = weight.base
                for step in weight.steps {
                    #expect(abs(step.before - value) < 1e-12)
                    value = step.after
                    if case .rule(let id) = step.origin { #expect(fired.contains(id)) }
                }
                #expect(abs(value - weight.final) < 1e-12)
                if weight.steps.isEmpty { #expect(weight.base == weight.final) }
            }
            #expect(c.weight(of: "security")?.final == 4)
            #expect(c.weight(of: "security")?.steps.last?.origin == .override)
            for (f, framework) in Self.knowledge.frameworks.enumerated() {
                for (index, rating) in c.ratings[f].enumerated() {
                    #expect(rating.base == framework.ratings[Self.knowledge.criteria[index].id]?.score)
                    // On a criterion scored by capabilities, the rules start from the share of wanted features.
                    var value = rating.capabilities.isEmpty ? rating.base
                        : 5 * rating.capabilities.reduce(0) { $0 + $1.credit } / Double(rating.capabilities.count)
                    for step in rating.steps {
                        #expect(step.before == value)
                        value = step.after
                        #expect(fired.contains(step.rule))
                    }
                    #expect(value == rating.final)
                }
            }
            // Each firing's support holds the answers its condition read.
            for firing in c.firings {
                for case .answer(let question, let value) in firing.support {
                    #expect(c.answers[question] == value)
                }
            }
        }
    }

    @Test("chains of derived facts terminate, and negation waits for its stratum")
    func strata() throws {
        let fixture = KnowledgeFixture.minimal.appending("""
              - id: chain-1
                when: api_first
                then:
                  - fact: step_one
                because: Chain.
                source: doc
              - id: chain-2
                when: step_one
                then:
                  - fact: step_two
                because: Chain.
                source: doc
              - id: chain-loop
                when: step_two
                then:
                  - fact: api_first
                because: A positive cycle is fine; it just stops.
                source: doc

            """, to: "rules.yaml")
        guard case .success(let knowledge) = try fixture.load() else {
            Issue.record("fixture should load")
            return
        }
        let api = Engine.consult(knowledge, answers: Answers(["kind": .one("api")]))
        #expect(Set(api.firings.map(\.rule)) == ["api-speed", "chain-1", "chain-2", "chain-loop"])
        #expect(api.factValue("step_two") == .true)
        // `not api_first` is decided only after every rule that could assert api_first has run.
        #expect(!api.firings.map(\.rule).contains("not-api"))

        let site = Engine.consult(knowledge, answers: Answers(["kind": .one("site")]))
        #expect(site.firings.map(\.rule) == ["not-api"])
        #expect(site.factValue("api_first") == .false)

        let unknown = Engine.consult(knowledge, answers: Answers())
        #expect(unknown.firings.isEmpty)
        #expect(unknown.factValue("api_first") == .unknown)
    }

    /// `a_derived` sorts before `z_source`, so it is settled first at the end of the stratum; it
    /// must still become unknown once `z_source` does, and `not a_derived` must not fire.
    @Test("an unknown fact makes the facts derived from it unknown, whatever their names' order")
    func unknownPropagates() throws {
        let fixture = KnowledgeFixture.minimal.appending("""
              - id: source-rule
                when: streaming
                then:
                  - fact: z_source
                because: Streaming implies the source.
                source: doc
              - id: derive-rule
                when: z_source
                then:
                  - fact: a_derived
                because: Derived from the source.
                source: doc
              - id: negation-rule
                when: not a_derived
                then:
                  - weight: { speed: "+1" }
                because: Without the derived fact, speed matters more.
                source: doc

            """, to: "rules.yaml")
        guard case .success(let knowledge) = try fixture.load() else {
            Issue.record("fixture should load")
            return
        }
        let unanswered = Engine.consult(knowledge, answers: Answers(["kind": .one("api")]))
        #expect(unanswered.factValue("z_source") == .unknown)
        #expect(unanswered.factValue("a_derived") == .unknown)
        #expect(!unanswered.firings.map(\.rule).contains("negation-rule"))
        #expect(Engine.outcome(knowledge, answers: Answers(["kind": .one("api")])).score
                == unanswered.ranking.first?.score)

        let no = Engine.consult(knowledge, answers: Answers(["kind": .one("api"), "streaming": .yes(false)]))
        #expect(no.factValue("a_derived") == .false)
        #expect(no.firings.map(\.rule).contains("negation-rule"))

        let yes = Engine.consult(knowledge, answers: Answers(["kind": .one("api"), "streaming": .yes(true)]))
        #expect(yes.factValue("a_derived") == .true)
        #expect(yes.firings.map(\.rule) == ["api-speed", "source-rule", "derive-rule"])
        // Each firing's support: the answers and facts that held when it fired.
        #expect(yes.firings.map(\.support) == [[.answer(question: "kind", value: .one("api"))],
                                               [.answer(question: "streaming", value: .yes(true))],
                                               [.fact("z_source")]])
    }

    /// A rule that reads two facts, one asserted before it fires and one after: the support names
    /// only the first, as it was when the rule fired.
    @Test("a firing's support holds the facts true when it fired, not those asserted later")
    func supportAtFiring() throws {
        let fixture = KnowledgeFixture.minimal.appending("""
              - id: a-first
                when: kind == "api"
                then:
                  - fact: early
                because: First.
                source: doc
              - id: b-either
                when: early or late
                then:
                  - fact: middle
                because: Either.
                source: doc
              - id: c-late
                when: middle
                then:
                  - fact: late
                because: After.
                source: doc

            """, to: "rules.yaml")
        guard case .success(let knowledge) = try fixture.load() else {
            Issue.record("fixture should load")
            return
        }
        let c = Engine.consult(knowledge, answers: Answers(["kind": .one("api")]))
        let either = c.firings.first { $0.rule == "b-either" }
        #expect(either?.support == [.fact("early")])
        #expect(c.factValue("late") == .true)
    }

    /// Rules written out of id order (so the plan keeps an id order), every subset of them.
    @Test("the fired rules in id order: the same as sorting by id, for every subset")
    func idOrder() throws {
        let fixture = KnowledgeFixture.minimal.appending("""
              - id: zeta
                when: streaming
                then:
                  - weight: { speed: "+1" }
                because: Last by id.
                source: doc
              - id: alpha
                when: streaming
                then:
                  - weight: { speed: "*2" }
                because: First by id.
                source: doc
              - id: middle
                when: kind == "site"
                then:
                  - weight: { batteries: "+1" }
                because: Between.
                source: doc

            """, to: "rules.yaml")
        guard case .success(let knowledge) = try fixture.load() else {
            Issue.record("fixture should load")
            return
        }
        let plan = knowledge.plan
        #expect(plan.idOrder != nil)
        let count = knowledge.rules.count
        for subset in 0..<(1 << count) {
            let rules = (0..<count).filter { subset & (1 << $0) != 0 }
            let expected = rules.sorted { knowledge.rules[$0].id < knowledge.rules[$1].id }
            #expect(plan.inIDOrder(rules.reversed()) == expected)
        }
        // And the shipped knowledge, whose rules are written in no particular order.
        let shipped = Self.knowledge.plan
        let all = Array(Self.knowledge.rules.indices)
        #expect(shipped.inIDOrder(all).map { Self.knowledge.rules[$0].id } == Self.knowledge.rules.map(\.id).sorted())
    }

    @Test("answers to questions whose ask_if is false are set aside")
    func askIf() {
        let answers = Answers(["project_type": .one("ai_service"), "ml_models": .yes(false)])
        let c = Engine.consult(Self.knowledge, answers: answers)
        #expect(c.ignored.map(\.question) == ["ml_models"])
        #expect(c.answers["ml_models"] == nil)
        #expect(c.firings.contains { $0.rule == "ai-workload" })
    }

    @Test("knock-outs remove frameworks with the reason")
    func knockOut() {
        let c = Engine.consult(Self.knowledge, answers: Answers(["must_have": .many(["builtin_admin"])]))
        #expect(c.ranking.map(\.framework) == ["django", "django_ninja"])
        #expect(c.excluded.map(\.framework) == ["fastapi", "flask", "litestar", "starlette"])
        #expect(c.excluded.first?.reason == "FastAPI lacks a built-in admin panel, which rule 'requires-builtin-admin' requires")
        let none = Engine.consult(Self.knowledge, answers: Answers(["must_have": .many(["builtin_admin", "asgi_native"])]))
        #expect(none.winner == nil)
        #expect(none.excluded.count == Self.knowledge.frameworks.count)
    }
}
