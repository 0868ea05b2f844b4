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
        choices[index] = nil
        optionSets[index] = nil
        yesNo[index] = nil
        answered[index] = value != nil
        guard let value else { return }
        switch value {
        case .one(let option):
            choices[index] = question.values.firstIndex(of: option)
        case .many(let options):
            var mask: UInt64 = 0
            for option in options {
                if let position = question.values.firstIndex(of: option) { mask |= 1 << UInt64(position) }
            }
            optionSets[index] = mask
        case .yes(let flag):
            yesNo[index] = flag
        }
    }

    func choice(_ question: Int) -> Int? { choices[question] }
    func options(_ question: Int) -> UInt64? { optionSets[question] }
    func yes(_ question: Int) -> Bool? { yesNo[question] }
    func fact(_ fact: Int) -> Tri { facts[fact] }
}
