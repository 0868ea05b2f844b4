/// Answers by question index, in the form conditions read: the engine's working copy.
struct AnswerState: ConditionContext {
    var choices: [Int?]
    var optionSets: [UInt64?]
    var yesNo: [Bool?]
    /// Whether each question has an answer (as given, before `ask_if` sets any aside).
    var answered: [Bool]
    var facts: [Tri]

    init(knowledge: KnowledgeBase, answers: Answers) {
        let count = knowledge.questions.count
        choices = Array(repeating: nil, count: count)
        optionSets = Array(repeating: nil, count: count)
        yesNo = Array(repeating: nil, count: count)
        answered = Array(repeating: false, count: count)
        facts = Array(repeating: .false, count: knowledge.facts.count)
        for (id, value) in answers.values {
            guard let index = knowledge.questionIndex[id] else { continue }
            set(index, value, question: knowledge.questions[index])
        }
    }

    mutating func set(_ index: Int, _ value: AnswerValue?, question: Question) {
        set(index, Entry(value, question: question))
    }

    /// One question's answer in the engine's form, worked out once (analyses set the same answers
    /// over and over).
    struct Entry: Sendable {
        var choice: Int?
        var optionSet: UInt64?
        var yes: Bool?
        var answered: Bool

        init(_ value: AnswerValue?, question: Question) {
            answered = value != nil
            switch value {
            case nil:
                break
            case .one(let option):
                choice = question.values.firstIndex(of: option)
            case .many(let options):
                var mask: UInt64 = 0
                for option in options {
                    if let position = question.values.firstIndex(of: option) { mask |= 1 << UInt64(position) }
                }
                optionSet = mask
            case .yes(let flag):
                yes = flag
            }
        }
    }

    mutating func set(_ index: Int, _ entry: Entry) {
        choices[index] = entry.choice
        optionSets[index] = entry.optionSet
        yesNo[index] = entry.yes
        answered[index] = entry.answered
    }

    func choice(_ question: Int) -> Int? { choices[question] }
    func options(_ question: Int) -> UInt64? { optionSets[question] }
    func yes(_ question: Int) -> Bool? { yesNo[question] }
    func fact(_ fact: Int) -> Tri { facts[fact] }
}
