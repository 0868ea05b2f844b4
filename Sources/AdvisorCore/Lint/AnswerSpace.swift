/// The answer profiles over a few questions, enumerated when there are few enough.
///
/// Each question contributes its options (for a multi-choice question, every subset of the
/// options that some condition reads) and, when asked for, "unanswered".
struct AnswerSpace {
    /// The largest number of profiles enumerated.
    static let limit = 4096

    let knowledge: KnowledgeBase
    let questions: [Int]
    let values: [[AnswerValue?]]

    init(knowledge: KnowledgeBase, questions: Set<Int>, multiOptions: [Int: UInt64], unknown: Bool) {
        self.knowledge = knowledge
        self.questions = questions.sorted()
        values = self.questions.map { index in
            let question = knowledge.questions[index]
            var result: [AnswerValue?] = []
            switch question.kind {
            case .choice, .scale:
                result = question.values.map { .one($0) }
            case .yesno:
                result = [.yes(true), .yes(false)]
            case .multi:
                let read = multiOptions[index] ?? 0
                let bits = (0..<question.values.count).filter { read & (1 << UInt64($0)) != 0 }
                if bits.count > 12 { result = [] } else {
                    for subset in 0..<(1 << bits.count) {
                        let picked = bits.enumerated().filter { subset & (1 << $0.offset) != 0 }
                            .map { question.values[$0.element] }
                        result.append(.many(picked))
                    }
                }
            }
            if unknown { result.append(nil) }
            return result
        }
    }

    /// The number of profiles, or nil when it is over `limit`.
    var count: Int? {
        var total = 1
        for list in values {
            if list.isEmpty { return nil }
            total = total.multipliedReportingOverflow(by: list.count).partialValue
            if total > Self.limit { return nil }
        }
        return total
    }

    /// The question ids, for messages: `project_type, architecture`.
    var names: String { questions.map { knowledge.questions[$0].id }.joined(separator: ", ") }

    /// Calls `body` with every profile; stops early when it returns false.
    func forEach(_ body: (Answers) -> Bool) {
        guard count != nil else { return }
        var digits = Array(repeating: 0, count: questions.count)
        while true {
            var answers = Answers()
            for (position, index) in questions.enumerated() {
                answers[knowledge.questions[index].id] = values[position][digits[position]]
            }
            if !body(answers) { return }
            var position = 0
            while position < digits.count {
                digits[position] += 1
                if digits[position] < values[position].count { break }
                digits[position] = 0
                position += 1
            }
            if position == digits.count { return }
        }
    }
}

/// What a rule's firing can depend on: the questions read by its condition, by the rules asserting
/// the facts it reads (transitively), and by the `ask_if` of those questions.
struct Dependencies {
    var questions: Set<Int> = []
    /// For multi-choice questions, the options some condition reads, as a mask.
    var multiOptions: [Int: UInt64] = [:]

    init(rules: [Int], knowledge: KnowledgeBase) {
        var seenRules = Set<Int>()
        var pending = rules
        var conditions: [Condition] = []
        while let index = pending.popLast() {
            guard seenRules.insert(index).inserted else { continue }
            let condition = knowledge.rules[index].when.compiled
            conditions.append(condition)
            for fact in condition.factsRead.keys { pending += knowledge.plan.asserters[fact] }
        }
        var askIfSeen = Set<Int>()
        var queue = conditions
        while let condition = queue.popLast() {
            Self.collect(condition, into: &self)
            for question in condition.questionsRead where askIfSeen.insert(question).inserted {
                if let askIf = knowledge.questions[question].askIf { queue.append(askIf.compiled) }
            }
        }
    }

    private static func collect(_ condition: Condition, into result: inout Dependencies) {
        switch condition {
        case .yes(let question), .choiceIn(let question, _):
            result.questions.insert(question)
        case .includes(let question, let option):
            result.questions.insert(question)
            result.multiOptions[question, default: 0] |= 1 << UInt64(option)
        case .not(let inner):
            collect(inner, into: &result)
        case .all(let parts), .any(let parts):
            for part in parts { collect(part, into: &result) }
        case .constant, .fact:
            break
        }
    }

    mutating func formUnion(_ other: Dependencies) {
        questions.formUnion(other.questions)
        for (question, mask) in other.multiOptions { multiOptions[question, default: 0] |= mask }
    }
}
