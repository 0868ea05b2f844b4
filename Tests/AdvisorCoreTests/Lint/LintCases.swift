import AdvisorCore

/// The fixtures that trip each lint, and the exact text each prints.
enum LintCases {
    typealias Case = LintTests.Case
    static let clean = LintFixture.clean

    static let positive: [Case] = [
        Case(check: .unreadQuestion, fixture: clean.appending("""
              - id: colour
                prompt: Favourite colour?
                help: Any.
                why: Curiosity.
                kind: yesno
                source: doc

            """, to: "questions.yaml"), expected: """
            K/questions.yaml:35:5: warning: question 'colour' is read by no rule, so its answer changes no recommendation [unread-question]
              - id: colour
                ^
            1 warning generated.
            """),
        Case(check: .ruleNeverFires, fixture: clean.appending("""
              - id: impossible
                when: kind == "api" and kind == "site"
                then:
                  - weight: { speed: "+2" }
                because: Never.
                source: doc

            """, to: "rules.yaml"), expected: """
            K/rules.yaml:34:11: warning: rule 'impossible' can never fire: its condition is not true for any of the 2 combinations of answers to kind [rule-never-fires]
                when: kind == "api" and kind == "site"
                      ^
            1 warning generated.
            """),
        Case(check: .subsumedRule, fixture: clean.appending("""
              - id: heavy-api
                when: kind == "api" and load == "high"
                then:
                  - weight: { speed: "+1" }
                because: Heavy APIs need speed.
                source: doc

            """, to: "rules.yaml"), expected: """
            K/rules.yaml:33:5: warning: rule 'heavy-api' is subsumed by rule 'heavy-load': it has the same effects, and 'heavy-load' fires whenever it does (checked over 9 answer profiles) [subsumed-rule]
              - id: heavy-api
                ^
            K/rules.yaml:15:5: note: rule 'heavy-load' is here
              - id: heavy-load
                ^
            1 warning generated.
            """),
        Case(check: .inertCriterion, fixture: clean
            .replacing("capabilities:", with: """
                  - id: docs
                    name: Docs
                    description: How well documented.
                    weight: 1
                    source: doc
                capabilities:
                """, in: "knowledge.yaml")
            .replacing("batteries: { score: 1, why: Few batteries., source: doc, evidence: documented, as_of: \"2026\" }",
                       with: "batteries: { score: 1, why: Few batteries., source: doc, evidence: documented, as_of: \"2026\" }\n"
                           + "  docs: { score: 3, why: Some., source: doc, evidence: documented, as_of: \"2026\" }",
                       in: "frameworks/fast.yaml")
            .replacing("batteries: { score: 5, why: All batteries., source: doc, evidence: documented, as_of: \"2026\" }",
                       with: "batteries: { score: 5, why: All batteries., source: doc, evidence: documented, as_of: \"2026\" }\n"
                           + "  docs: { score: 4, why: Good., source: doc, evidence: documented, as_of: \"2026\" }",
                       in: "frameworks/full.yaml"),
            expected: """
            K/knowledge.yaml:20:5: warning: criterion 'docs' keeps its base weight 1 whatever the answers: no rule that can fire changes it [inert-criterion]
              - id: docs
                ^
            1 warning generated.
            """),
        Case(check: .frameworkCannotWin, fixture: clean.appending("""
            id: slow
            name: Slow
            summary: Slow and bare.
            ratings:
              speed: { score: 1, why: Slow., source: doc, evidence: inferred, as_of: "2026" }
              batteries: { score: 1, why: Bare., source: doc, evidence: inferred, as_of: "2026" }

            """, to: "frameworks/slow.yaml"), expected: """
            K/frameworks/slow.yaml:1:1: warning: framework 'slow' wins for no answer profile (exhaustive search of 81 answer profiles); at best it is 48.0 points behind 'fast' [framework-cannot-win]
            id: slow
            ^
            1 warning generated.
            """),
        Case(check: .frameworkCannotWin, fixture: clean.appending("""
            id: slow
            name: Slow
            summary: Slow and bare.
            ratings:
              speed: { score: 1, why: Slow., source: doc, evidence: inferred, as_of: "2026" }
              batteries: { score: 1, why: Bare., source: doc, evidence: inferred, as_of: "2026" }

            """, to: "frameworks/slow.yaml"), expected: """
            K/frameworks/slow.yaml:1:1: warning: framework 'slow' wins for no answer profile (beam search of width 8 over 60 answer profiles, not exhaustive); at best it is 48.0 points behind 'fast' [framework-cannot-win]
            id: slow
            ^
            1 warning generated.
            """, exhaustiveLimit: 10),
        Case(check: .missingSource, fixture: clean.replacing("speed: { score: 5, why: Fast., source: doc, evidence: documented, as_of: \"2026\" }",
                                                             with: "speed: { score: 5, why: Fast. }",
                                                             in: "frameworks/fast.yaml"), expected: """
            K/frameworks/fast.yaml:5:10: warning: the rating of 'fast' on 'speed' cites no source [missing-source]
              speed: { score: 5, why: Fast. }
                     ^
            1 warning generated.
            """),
        Case(check: .missingAddress, fixture: clean.replacing("    address: https://example.org/doc\n", with: "",
                                                              in: "knowledge.yaml"), expected: """
            K/knowledge.yaml:6:5: warning: source 'doc' has no address, so no reader can check it [missing-address]
              - id: doc
                ^
            1 warning generated.
            """),
        Case(check: .inferredKnockOut, fixture: clean.replacing("{ id: admin, why: Has admin., source: doc, evidence: documented, as_of: \"2026\" }",
                                                                with: "{ id: admin, why: Has admin., source: doc, evidence: inferred, as_of: \"2026\" }",
                                                                in: "frameworks/full.yaml"), expected: """
            K/frameworks/full.yaml:5:5: warning: capability 'admin' of 'full' is inferred, but rule 'wants-admin' knocks out frameworks without it; document it or leave it out [inferred-knock-out]
              - { id: admin, why: Has admin., source: doc, evidence: inferred, as_of: "2026" }
                ^
            1 warning generated.
            """),
        Case(check: .doubleCount, fixture: clean.appending("""
              - id: heavy-load-again
                when: load == "high"
                then:
                  - weight: { speed: "*2" }
                because: Load needs speed, said twice.
                source: doc

            """, to: "rules.yaml"), expected: """
            K/rules.yaml:33:5: warning: rules 'heavy-load' and 'heavy-load-again' both fire on load=high and both raise the weight of Speed: the answer counts twice; merge them, or name each in the other's 'stacks_with' if the overlap is meant [double-count]
              - id: heavy-load-again
                ^
            1 warning generated.
            """),
        Case(check: .undatedFact, fixture: clean.replacing("speed: { score: 5, why: Fast., source: doc, evidence: documented, as_of: \"2026\" }",
                                                           with: "speed: { score: 5, why: Fast., source: doc }",
                                                           in: "frameworks/fast.yaml"), expected: """
            K/frameworks/fast.yaml:5:10: warning: Fast, rating on Speed gives no 'evidence' (seed, documented, measured or inferred) and no 'as_of' (on the fact or on source 'doc') [undated-fact]
              speed: { score: 5, why: Fast., source: doc }
                     ^
            1 warning generated.
            """),
        Case(check: .zeroWeights, fixture: clean.appending("""
              - id: nothing-matters
                when: streaming
                then:
                  - weight: { speed: "*0", batteries: "*0" }
                because: Streaming decides nothing.
                source: doc

            """, to: "rules.yaml"), expected: """
            K/rules.yaml:33:5: warning: rule 'nothing-matters' sets every criterion's weight to 0 when it fires, so nothing is left to tell the frameworks apart [zero-weights]
              - id: nothing-matters
                ^
            1 warning generated.
            """),
    ]

    /// The same double count, declared on purpose: no finding.
    static let declaredStack = clean.appending("""
          - id: heavy-load-again
            when: load == "high"
            then:
              - weight: { speed: "*2" }
            because: Load needs speed, said twice on purpose.
            source: doc
            stacks_with: [heavy-load]

        """, to: "rules.yaml")
}
