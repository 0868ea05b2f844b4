import AdvisorCore
import Testing

/// Every lint fires on a fixture made to trip it, with its exact rendered text, and stays quiet on
/// the clean fixture.
struct LintTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var check: KnowledgeLint.Check
        var fixture: KnowledgeFixture
        var expected: String
        var exhaustiveLimit = 20_000
        var testDescription: String { check.rawValue }
    }

    @Test("the clean fixture has no finding at all")
    func cleanFixture() throws {
        #expect(try LintFixture.lint(LintFixture.clean) == "")
    }

    @Test("no lint fires on the clean fixture", arguments: KnowledgeLint.Check.allCases)
    func negative(_ check: KnowledgeLint.Check) throws {
        #expect(try LintFixture.lint(LintFixture.clean, only: check) == "")
    }

    @Test("a double count named in 'stacks_with' is accepted")
    func declaredStack() throws {
        #expect(try LintFixture.lint(LintCases.declaredStack, only: .doubleCount) == "")
    }

    @Test("many rules on one answer and one criterion make one double-count finding, not one per pair")
    func largeDoubleCount() throws {
        var rules = ""
        for n in 1...9 {
            rules += """
                  - id: load-\(n)
                    when: load == "high"
                    then:
                      - weight: { speed: "+1" }
                    because: Load needs speed.
                    source: doc

                """
        }
        let output = try LintFixture.lint(LintCases.clean.appending(rules, to: "rules.yaml"), only: .doubleCount)
        #expect(output.hasPrefix("K/rules.yaml:33:5: warning: 10 rules fire on load=high and all raise the weight of "
                                 + "Speed, starting with 'heavy-load' and 'load-1': the answer counts 10 times; merge "
                                 + "them, or name the overlaps in 'stacks_with' if they are meant [double-count]\n"))
        #expect(output.hasSuffix("1 warning generated."))
    }

    @Test("each lint fires on its fixture with an exact message", arguments: LintCases.positive)
    func positive(_ item: Case) throws {
        let output = try LintFixture.lint(item.fixture, only: item.check, exhaustiveLimit: item.exhaustiveLimit)
        #expect(output == item.expected)
    }
}
