import AdvisorCore
import Testing

/// A vocabulary for expression tests: a choice, a scale, a multi, a yes/no question and a fact.
struct TestVocabulary: ExpressionVocabulary {
    func kind(of identifier: String) -> IdentifierKind? {
        switch identifier {
        case "kind": .choice(index: 0, values: ["api", "site", "shop"], ordered: false)
        case "load": .choice(index: 1, values: ["low", "moderate", "high", "very_high"], ordered: true)
        case "extras": .multi(index: 2, values: ["admin", "forms"])
        case "streaming": .yesNo(index: 3)
        case "api_first": .fact(index: 0)
        default: nil
        }
    }

    var identifiers: [String] { ["kind", "load", "extras", "streaming", "api_first"] }
}

/// Answers by index for evaluation tests.
struct TestContext: ConditionContext {
    var choices: [Int: Int] = [:]
    var multi: [Int: UInt64] = [:]
    var yesNo: [Int: Bool] = [:]
    var facts: [Int: Tri] = [:]
    func choice(_ question: Int) -> Int? { choices[question] }
    func options(_ question: Int) -> UInt64? { multi[question] }
    func yes(_ question: Int) -> Bool? { yesNo[question] }
    func fact(_ fact: Int) -> Tri { facts[fact] ?? .false }
}

struct ExpressionTests {
    func compile(_ text: String) throws -> Condition {
        try TypeChecker(vocabulary: TestVocabulary()).check(try ExpressionParser.parse(text))
    }

    func error(_ text: String) -> ExpressionError? {
        do {
            _ = try compile(text)
            return nil
        } catch let error as ExpressionError {
            return error
        } catch {
            return nil
        }
    }

    @Test("parses precedence: not binds tighter than and, and tighter than or")
    func precedence() throws {
        let expr = try ExpressionParser.parse("not streaming and api_first or kind == \"api\"")
        #expect(expr == .or(
            .and(.not(.identifier("streaming", at: 4), at: 0), .identifier("api_first", at: 18)),
            .compare(.identifier("kind", at: 31), .equal, .string("api", at: 39), at: 36)))
    }

    @Test("compiles comparisons to option masks", arguments: [
        ("kind == \"site\"", Condition.choiceIn(question: 0, mask: 0b010)),
        ("kind != \"site\"", .choiceIn(question: 0, mask: 0b101)),
        ("kind in [\"api\", \"shop\"]", .choiceIn(question: 0, mask: 0b101)),
        ("load >= \"high\"", .choiceIn(question: 1, mask: 0b1100)),
        ("load < \"high\"", .choiceIn(question: 1, mask: 0b0011)),
        ("\"moderate\" < load", .choiceIn(question: 1, mask: 0b1100)),
        ("extras contains \"forms\"", .includes(question: 2, option: 1)),
        ("streaming == false", .not(.yes(question: 3))),
        ("streaming != \"no\"", .yes(question: 3)),
        ("1 < 2", .constant(.true)),
    ])
    func compiles(_ text: String, _ expected: Condition) throws {
        #expect(try compile(text) == expected)
    }

    @Test("reports syntax and type errors at their offset", arguments: [
        ("kind = \"api\"", "'=' is not an operator; use '==' to compare", 5),
        ("kind == ", "expected a question, fact or value, found the end of the condition", 8),
        ("(kind == \"api\"", "expected ')' to close the '(' at column 1", 14),
        ("kind == \"api", "unterminated string", 8),
        ("kind == \"apx\"", "'kind' has no value \"apx\"; did you mean \"api\"? (allowed: api, site, shop)", 8),
        ("knd == \"api\"", "unknown question 'knd'; did you mean 'kind'?", 0),
        ("zzz", "'zzz' is neither a question nor a fact that any rule asserts", 0),
        ("kind", "'kind' is a choice question, not a condition; compare it, as in 'kind == \"api\"'", 0),
        ("load > 3", "'load' takes a quoted value: low, moderate, high, very_high", 7),
        ("extras in [\"admin\"]", "'in' needs a choice or scale question; 'extras' is not one", 7),
        ("kind contains \"api\"", "'contains' needs a multi-choice question; 'kind' is not one (use '==' or 'in')", 5),
        ("streaming > true", "'>' needs a scale question; 'streaming' is true or false", 10),
        ("kind == load", "compare a question with a value, not with another question or fact", 5),
        ("\"a\"", "a value alone is not a condition", 0),
        ("kind == \"api\" extra", "unexpected 'extra' after the end of the condition", 14),
        ("", "empty condition", 0),
        ("kind in []", "empty list after 'in'", 9),
        ("kind == \"api\" & x", "unexpected character '&'", 14),
    ])
    func errors(_ text: String, _ message: String, _ offset: Int) {
        let found = error(text)
        #expect(found?.message == message)
        #expect(found?.offset == offset)
    }

    @Test("refuses nesting deeper than the limit without overflowing the stack")
    func deepNesting() {
        let deep = String(repeating: "(", count: 10_000) + "streaming" + String(repeating: ")", count: 10_000)
        #expect(error(deep)?.message.hasPrefix("expression is 20009 characters long") == true)
        let nested = String(repeating: "(", count: 100) + "streaming" + String(repeating: ")", count: 100)
        #expect(error(nested)?.message == "condition nests more than 64 levels deep")
        let nots = String(repeating: "not ", count: 70) + "streaming"
        #expect(error(nots)?.message == "condition nests more than 64 levels deep")
    }

    @Test("three-valued logic: unknown answers make conditions unknown, not false")
    func kleene() throws {
        let empty = TestContext()
        #expect(try compile("kind == \"api\"").evaluate(in: empty) == .unknown)
        #expect(try compile("not (kind == \"api\")").evaluate(in: empty) == .unknown)
        #expect(try compile("kind == \"api\" or streaming").evaluate(in: empty) == .unknown)
        #expect(try compile("kind == \"api\" and streaming").evaluate(in: empty) == .unknown)

        let noStreaming = TestContext(yesNo: [3: false])
        #expect(try compile("kind == \"api\" and streaming").evaluate(in: noStreaming) == .false)
        #expect(try compile("kind == \"api\" or streaming").evaluate(in: noStreaming) == .unknown)

        let api = TestContext(choices: [0: 0])
        #expect(try compile("kind == \"api\" or streaming").evaluate(in: api) == .true)
        #expect(try compile("kind == \"api\" and streaming").evaluate(in: api) == .unknown)
        #expect(try compile("extras contains \"admin\"").evaluate(in: api) == .unknown)
        let admin = TestContext(multi: [2: 0b01])
        #expect(try compile("extras contains \"admin\"").evaluate(in: admin) == .true)
        #expect(try compile("extras contains \"forms\"").evaluate(in: admin) == .false)
    }

    @Test("Kleene truth tables", arguments: [Tri.false, .unknown, .true], [Tri.false, .unknown, .true])
    func truthTables(_ a: Tri, _ b: Tri) {
        #expect((a && b).rawValue == min(a.rawValue, b.rawValue))
        #expect((a || b).rawValue == max(a.rawValue, b.rawValue))
        #expect(!(!a) == a)
        #expect(!(a && b) == (!a || !b))
    }

    @Test("records which facts a condition reads, and with which polarity")
    func polarity() throws {
        #expect(try compile("api_first and kind == \"api\"").factsRead == [0: .positive])
        #expect(try compile("not api_first").factsRead == [0: .negative])
        #expect(try compile("api_first == false").factsRead == [0: .negative])
        #expect(try compile("api_first or not api_first").factsRead == [0: [.positive, .negative]])
        #expect(try compile("load >= \"high\" and streaming").questionsRead == [1, 3])
    }
}
