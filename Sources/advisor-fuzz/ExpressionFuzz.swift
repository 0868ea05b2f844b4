import AdvisorCore

/// The expression parser and type checker on arbitrary text, against a small vocabulary of every
/// identifier kind. A condition that type-checks is evaluated under a few answer sets.
enum ExpressionFuzz {
    struct Vocabulary: ExpressionVocabulary {
        func kind(of identifier: String) -> IdentifierKind? {
            switch identifier {
            case "kind": .choice(index: 0, values: ["api", "site", "shop"], ordered: false)
            case "load": .choice(index: 1, values: ["low", "moderate", "high", "very_high"], ordered: true)
            case "extras": .multi(index: 2, values: ["admin", "forms", "auth"])
            case "streaming": .yesNo(index: 3)
            case "api_first": .fact(index: 0)
            case "big-team": .fact(index: 1)
            default: nil
            }
        }

        var identifiers: [String] { ["kind", "load", "extras", "streaming", "api_first", "big-team"] }
    }

    struct Context: ConditionContext {
        var seed: UInt8
        func choice(_ question: Int) -> Int? { seed & 1 == 0 ? nil : Int(seed >> 1) % 3 }
        func options(_ question: Int) -> UInt64? { seed & 2 == 0 ? nil : UInt64(seed) & 0b111 }
        func yes(_ question: Int) -> Bool? { seed & 4 == 0 ? nil : seed & 8 != 0 }
        func fact(_ fact: Int) -> Tri { seed & 16 == 0 ? .unknown : (seed & 32 != 0 ? .true : .false) }
    }

    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let condition: Condition
        do {
            let expr = try ExpressionParser.parse(text)
            condition = try TypeChecker(vocabulary: Vocabulary()).check(expr)
        } catch {
            invariant(!error.message.isEmpty, "an expression error must say why")
            invariant(error.offset >= 0 && error.offset <= text.unicodeScalars.count,
                      "error offset \(error.offset) outside the text (\(text.unicodeScalars.count) scalars)")
            return
        }
        invariant(text.unicodeScalars.count <= ExpressionParser.maximumLength, "an over-long expression was accepted")
        for seed in [0, 0xFF, 0x55, 0xAA] as [UInt8] {
            let value = condition.evaluate(in: Context(seed: seed))
            let negated = Condition.not(condition).evaluate(in: Context(seed: seed))
            invariant(negated == !value, "not(c) must be the Kleene negation of c")
        }
        _ = condition.questionsRead
        _ = condition.factsRead
    }
}
