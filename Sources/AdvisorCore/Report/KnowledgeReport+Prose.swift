import Foundation

/// Rules and conditions in words, for the knowledge report: "When the project type is “An API for
/// web or mobile clients”, the weight of API development is multiplied by 2, because … [source]."
///
/// Conditions are read from their compiled form, so a scale comparison such as `traffic >= "high"`
/// reads as the options it allows.
struct RuleProse {
    let knowledge: KnowledgeBase

    // MARK: - Rules

    /// "When …, … and …, because …" followed by the linked source.
    func sentence(_ rule: Rule) -> DecisionRecord.Text {
        var because = lowercasedFirst(rule.because.trimmingCharacters(in: .whitespaces))
        while because.hasSuffix(".") { because.removeLast() }
        let head = "When " + condition(rule.when.compiled).plain + ", " + Self.joined(rule.actions.map(action))
            + ", because " + because + " "
        return [.text(head), .link("[\(rule.source)]", source: rule.source), .text(".")]
    }

    /// One action in words.
    func action(_ action: Action) -> String {
        switch action {
        case .weight(let criterion, .add(let amount)):
            return "the weight of \(criterionName(criterion)) " + (amount < 0 ? "falls by \(Format.number(-amount))"
                                                                : "rises by \(Format.number(amount))")
        case .weight(let criterion, .multiply(let factor)):
            return "the weight of \(criterionName(criterion)) is multiplied by \(Format.number(factor))"
        case .rating(let framework, let criterion, .set(let score)):
            return "\(frameworkName(framework))'s rating on \(criterionName(criterion)) is set to \(Format.number(score))"
        case .rating(let framework, let criterion, .add(let amount)):
            return "\(frameworkName(framework))'s rating on \(criterionName(criterion)) "
                + (amount < 0 ? "falls by \(Format.number(-amount))" : "rises by \(Format.number(amount))")
        case .fact(let fact):
            return "the fact “\(fact)” is established"
        case .require(let capability):
            let name = knowledge.capabilities.first { $0.id == capability }?.name ?? capability
            return "every framework without \(name) is knocked out"
        case .exclude(let framework, let reason):
            return "\(frameworkName(framework)) is knocked out (\(reason))"
        case .want(let capability):
            let name = knowledge.capability(capability)?.name ?? capability
            return "\(name) counts towards the criteria scored by capabilities"
        case .note(let text):
            return "the advice “\(text)” is added"
        }
    }

    // MARK: - Conditions

    /// A condition in words, and whether it needs parentheses inside a longer one.
    struct Phrase {
        var plain: String
        var compound: Bool
    }

    func condition(_ condition: Condition) -> Phrase {
        switch condition {
        case .constant(let value):
            return Phrase(plain: value == .true ? "always" : value == .false ? "never" : "the answer is unknown",
                          compound: false)
        case .fact(let index):
            return Phrase(plain: "the fact “\(factName(index))” holds", compound: false)
        case .yes(let question):
            return Phrase(plain: "the answer to “\(prompt(question))” is yes", compound: false)
        case .choiceIn(let question, let mask):
            return Phrase(plain: choice(question, mask: mask), compound: false)
        case .includes(let question, let option):
            return Phrase(plain: "the answers to “\(prompt(question))” include “\(label(question, option))”",
                          compound: false)
        case .not(.fact(let index)):
            return Phrase(plain: "the fact “\(factName(index))” does not hold", compound: false)
        case .not(.yes(let question)):
            return Phrase(plain: "the answer to “\(prompt(question))” is no", compound: false)
        case .not(.includes(let question, let option)):
            return Phrase(plain: "the answers to “\(prompt(question))” leave out “\(label(question, option))”",
                          compound: false)
        case .not(let inner):
            return Phrase(plain: "it is not so that " + wrapped(inner), compound: false)
        case .all(let parts):
            return Phrase(plain: parts.map(wrapped).joined(separator: " and "), compound: parts.count > 1)
        case .any(let parts):
            return Phrase(plain: parts.map(wrapped).joined(separator: ", or "), compound: parts.count > 1)
        }
    }

    private func wrapped(_ condition: Condition) -> String {
        let phrase: Phrase = self.condition(condition)
        return phrase.compound ? "(" + phrase.plain + ")" : phrase.plain
    }

    /// A choice or scale answer among the options in `mask`, in the shortest honest words.
    private func choice(_ question: Int, mask: UInt64) -> String {
        guard knowledge.questions.indices.contains(question) else { return "question \(question) is answered" }
        let q = knowledge.questions[question]
        let chosen = q.options.indices.filter { mask & (1 << UInt64($0)) != 0 }
        let left = q.options.indices.filter { mask & (1 << UInt64($0)) == 0 }
        let quote = { (indices: [Int]) in Self.joined(indices.map { "“\(q.options[$0].label)”" }, with: "or") }
        let subject = "the answer to “\(q.prompt)”"
        if chosen.count == 1 { return "\(subject) is \(quote(chosen))" }
        if left.count == 1, q.options.count > 2 { return "\(subject) is anything but \(quote(left))" }
        if q.kind == .scale, let first = chosen.first, let last = chosen.last, last - first + 1 == chosen.count {
            if last == q.options.count - 1 { return "\(subject) is “\(q.options[first].label)” or above" }
            if first == 0 { return "\(subject) is “\(q.options[last].label)” or below" }
        }
        return "\(subject) is \(quote(chosen))"
    }

    // MARK: - Names

    private func prompt(_ question: Int) -> String {
        knowledge.questions.indices.contains(question) ? knowledge.questions[question].prompt : "question \(question)"
    }

    private func label(_ question: Int, _ option: Int) -> String {
        guard knowledge.questions.indices.contains(question),
              knowledge.questions[question].options.indices.contains(option) else { return "option \(option)" }
        return knowledge.questions[question].options[option].label
    }

    private func factName(_ index: Int) -> String {
        knowledge.facts.indices.contains(index) ? knowledge.facts[index] : "fact \(index)"
    }

    private func criterionName(_ id: String) -> String {
        knowledge.criterion(id)?.name ?? id
    }

    private func frameworkName(_ id: String) -> String {
        knowledge.framework(id)?.name ?? id
    }

    // MARK: - Text helpers

    /// "a", "a and b", "a, b and c".
    static func joined(_ items: [String], with word: String = "and") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(word) " + (items.last ?? "")
        }
    }

    /// The text with its first letter lowercased to follow "because", unless it starts with an
    /// acronym ("API-first", "ASGI") or a framework's name ("FastAPI was built…").
    func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first, first.isUppercase else { return text }
        if text.dropFirst().first?.isUppercase == true { return text }
        let word = String(text.prefix { $0.isLetter })
        let names = knowledge.frameworks.flatMap { $0.name.split(separator: " ").map(String.init) }
        return names.contains(word) ? text : first.lowercased() + text.dropFirst()
    }
}
