/// "Why this question?": the rules that read a question (directly or through derived facts), and
/// what each possible answer would do to the recommendation, all else equal.
public struct QuestionInsight: Sendable {
    /// What one answer would do.
    public struct Outcome: Sendable {
        public var value: AnswerValue
        public var label: String
        /// Rules that would fire with this answer and don't fire with the question unanswered.
        public var rulesAdded: [String]
        /// What those rules change, in words.
        public var effects: [String]
        public var winner: String?
        public var scores: [(framework: String, score: Double)]
    }

    public var question: Question
    /// Rules whose condition reads the question, or a fact derived from it, in knowledge order.
    public var rules: [Rule]
    public var outcomes: [Outcome]

    public static func analyse(question id: String, in consultation: Consultation) -> QuestionInsight {
        let knowledge = consultation.knowledge
        guard let index = knowledge.questionIndex[id] else {
            return QuestionInsight(question: Question(id: id, prompt: "", help: "", why: "", kind: .choice,
                                                      options: [], source: ""), rules: [], outcomes: [])
        }
        let question = knowledge.questions[index]
        let rules = readers(of: index, in: knowledge).map { knowledge.rules[$0] }
        var base = consultation.answers
        base[id] = nil
        let without = Engine.consult(knowledge, answers: base, weights: consultation.overrides)
        let firedWithout = Set(without.firings.map(\.rule))
        let candidates: [AnswerValue] = switch question.kind {
        case .yesno: [.yes(true), .yes(false)]
        case .choice, .scale: question.values.map { .one($0) }
        case .multi: question.values.map { .many([$0]) } + [.many([])]
        }
        let outcomes = candidates.map { value -> Outcome in
            var answers = base
            answers[id] = value
            let result = Engine.consult(knowledge, answers: answers, weights: consultation.overrides)
            let added = result.firedRules.filter { !firedWithout.contains($0.id) }
            let label: String = switch value {
            case .many(let values) where values.isEmpty: "None of these"
            case .many(let values): values.map(question.label(of:)).joined(separator: ", ")
            case .one(let option): question.label(of: option)
            case .yes(let flag): flag ? "Yes" : "No"
            }
            return Outcome(value: value, label: label, rulesAdded: added.map(\.id),
                           effects: added.flatMap { describe($0, knowledge: knowledge) },
                           winner: result.winner?.framework,
                           scores: result.ranking.map { ($0.framework, $0.score) })
        }
        return QuestionInsight(question: question, rules: rules, outcomes: outcomes)
    }

    /// Rules reading the question directly, or through facts asserted by rules that read it.
    static func readers(of question: Int, in knowledge: KnowledgeBase) -> [Int] {
        var result = Set<Int>()
        var frontier: [Int] = []
        for (index, rule) in knowledge.rules.enumerated() where rule.when.compiled.questionsRead.contains(question) {
            if result.insert(index).inserted { frontier.append(index) }
        }
        while let rule = frontier.popLast() {
            for fact in knowledge.plan.assertedFacts[rule] {
                for reader in knowledge.plan.readers[fact] where result.insert(reader).inserted {
                    frontier.append(reader)
                }
            }
        }
        return result.sorted()
    }

    /// A rule's actions in words: "API development weight ×2", "FastAPI excluded unless it has …".
    public static func describe(_ rule: Rule, knowledge: KnowledgeBase) -> [String] {
        rule.actions.map { action in
            switch action {
            case .weight(let criterion, let change):
                return "\(knowledge.criterion(criterion)?.name ?? criterion) weight \(change)"
            case .rating(let framework, let criterion, let change):
                let name = knowledge.framework(framework)?.name ?? framework
                return "\(name)'s \(knowledge.criterion(criterion)?.name ?? criterion) rating \(change)"
            case .fact(let name):
                return "asserts '\(name)'"
            case .require(let capability):
                let name = knowledge.capabilities.first { $0.id == capability }?.name ?? capability
                let lacking = knowledge.frameworks.filter { !$0.has(capability) }.map(\.name)
                return "requires \(name)" + (lacking.isEmpty ? "" : ", knocking out \(lacking.joined(separator: ", "))")
            case .exclude(let framework, let reason):
                return "excludes \(knowledge.framework(framework)?.name ?? framework): \(reason)"
            case .want(let capability):
                return "asks for \(knowledge.capability(capability)?.name ?? capability)"
            case .note(let text):
                return "adds the note “\(text)”"
            }
        }
    }
}
