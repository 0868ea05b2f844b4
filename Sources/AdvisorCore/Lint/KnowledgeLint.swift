/// Checks beyond types: knowledge that loads but cannot matter, or cannot hold up under review.
///
/// Every finding is a warning ending in its check's name, such as `[unread-question]`;
/// `advisor validate --strict` turns them into errors.
public enum KnowledgeLint {
    /// The checks, by the name shown in brackets after each message.
    public enum Check: String, CaseIterable, Sendable {
        case missingSource = "missing-source"
        case missingAddress = "missing-address"
        case inferredKnockOut = "inferred-knock-out"
        case unreadQuestion = "unread-question"
        case ruleNeverFires = "rule-never-fires"
        case subsumedRule = "subsumed-rule"
        case inertCriterion = "inert-criterion"
        case frameworkCannotWin = "framework-cannot-win"
        case doubleCount = "double-count"
        case undatedFact = "undated-fact"
        case zeroWeights = "zero-weights"
    }

    /// What the checks found, and what they could not decide.
    public struct Report: Sendable {
        /// Warnings (with notes after the warning they belong to), in knowledge order per check.
        public var diagnostics: [Diagnostic] = []
        /// Plain notes on the limits of the search, such as rules whose answer space is too large.
        public var remarks: [String] = []

        public init() {}
    }

    /// Runs every check. The win search is exhaustive up to `exhaustiveLimit` answer profiles, and
    /// a beam search of `beamWidth` beyond.
    public static func run(_ knowledge: KnowledgeBase, beamWidth: Int = 8, exhaustiveLimit: Int = 20_000) -> Report {
        var report = Report()
        report.diagnostics += CitationAudit.check(knowledge)
        report.diagnostics += unreadQuestions(knowledge)
        report.diagnostics += DoubleCount.check(knowledge)
        report.diagnostics += FactDates.undated(knowledge)
        report.diagnostics += ZeroWeights.check(knowledge)
        var linter = RuleLinter(knowledge: knowledge)
        report.diagnostics += linter.neverFiring()
        report.diagnostics += linter.subsumed()
        report.diagnostics += linter.inertCriteria()
        report.remarks += linter.remarks
        let search = WinSearch(knowledge: knowledge, beamWidth: beamWidth, exhaustiveLimit: exhaustiveLimit)
        report.diagnostics += search.findings()
        return report
    }

    static func message(_ text: String, _ check: Check) -> String { "\(text) [\(check.rawValue)]" }

    // MARK: - Questions

    /// Questions that neither a rule nor another question's `ask_if` reads.
    static func unreadQuestions(_ k: KnowledgeBase) -> [Diagnostic] {
        var read = Set<Int>()
        for rule in k.rules { read.formUnion(rule.when.compiled.questionsRead) }
        for question in k.questions { if let askIf = question.askIf { read.formUnion(askIf.compiled.questionsRead) } }
        return k.questions.enumerated().filter { !read.contains($0.offset) }.map { _, question in
            .warning(message("question '\(question.id)' is read by no rule, so its answer changes no "
                             + "recommendation", .unreadQuestion), at: question.location)
        }
    }
}

/// The rule lints that enumerate answer profiles.
struct RuleLinter {
    let knowledge: KnowledgeBase
    var remarks: [String] = []
    /// Rules that fire for some profile (nil: the space was too large to tell).
    private(set) var canFire: [Bool?]

    init(knowledge: KnowledgeBase) {
        self.knowledge = knowledge
        canFire = Array(repeating: nil, count: knowledge.rules.count)
    }

    private func fired(_ answers: Answers) -> Set<String> {
        Set(Engine.consult(knowledge, answers: answers).firings.map(\.rule))
    }

    /// Rules whose condition is never true: tried with every combination of known answers to the
    /// questions they depend on (Kleene logic is monotone, so an unanswered question never makes a
    /// rule fire that no answer does).
    mutating func neverFiring() -> [Diagnostic] {
        var result: [Diagnostic] = []
        var tooLarge: [String] = []
        for (index, rule) in knowledge.rules.enumerated() {
            let dependencies = Dependencies(rules: [index], knowledge: knowledge)
            let space = AnswerSpace(knowledge: knowledge, questions: dependencies.questions,
                                    multiOptions: dependencies.multiOptions, unknown: false)
            guard let count = space.count else {
                tooLarge.append(rule.id)
                continue
            }
            var fires = false
            space.forEach { answers in
                fires = fired(answers).contains(rule.id)
                return !fires
            }
            canFire[index] = fires
            guard !fires else { continue }
            let over = dependencies.questions.isEmpty ? "with no answers at all"
                : "for any of the \(count) combinations of answers to \(space.names)"
            result.append(.warning(KnowledgeLint.message("rule '\(rule.id)' can never fire: its condition is not true "
                                                         + over, .ruleNeverFires),
                                   at: rule.when.location ?? rule.location))
        }
        if !tooLarge.isEmpty {
            remarks.append("rules not checked for firing, their answer spaces being over \(AnswerSpace.limit) "
                           + "combinations: \(tooLarge.joined(separator: ", "))")
        }
        return result
    }

    /// Rule `a` is subsumed by rule `b` when both have the same effects and `b` fires whenever `a`
    /// does, answered or not. When they fire for exactly the same profiles, only the later is reported.
    mutating func subsumed() -> [Diagnostic] {
        var result: [Diagnostic] = []
        let rules = knowledge.rules
        for (a, ruleA) in rules.enumerated() where canFire[a] != false {
            let effects = Set(ruleA.actions)
            for (b, ruleB) in rules.enumerated() where b != a && Set(ruleB.actions) == effects {
                var dependencies = Dependencies(rules: [a], knowledge: knowledge)
                dependencies.formUnion(Dependencies(rules: [b], knowledge: knowledge))
                let space = AnswerSpace(knowledge: knowledge, questions: dependencies.questions,
                                        multiOptions: dependencies.multiOptions, unknown: true)
                guard let count = space.count else { continue }
                var aFires = false, implies = true, converse = true
                space.forEach { answers in
                    let fired = fired(answers)
                    let inA = fired.contains(ruleA.id), inB = fired.contains(ruleB.id)
                    aFires = aFires || inA
                    if inA && !inB { implies = false }
                    if inB && !inA { converse = false }
                    return implies
                }
                guard aFires, implies, !(converse && a < b) else { continue }
                result.append(.warning(KnowledgeLint.message(
                    "rule '\(ruleA.id)' is subsumed by rule '\(ruleB.id)': it has the same effects, and "
                        + "'\(ruleB.id)' fires whenever it does (checked over \(count) answer profiles)",
                    .subsumedRule), at: ruleA.location))
                result.append(Diagnostic(.note, "rule '\(ruleB.id)' is here", at: ruleB.location))
                break
            }
        }
        return result
    }

    /// Criteria whose weight no rule that can fire changes.
    func inertCriteria() -> [Diagnostic] {
        var changed = Set<String>()
        for (index, rule) in knowledge.rules.enumerated() where canFire[index] != false {
            for action in rule.actions {
                guard case .weight(let criterion, let change) = action else { continue }
                switch change {
                case .add(let value) where value == 0: continue
                case .multiply(let value) where value == 1: continue
                default: changed.insert(criterion)
                }
            }
        }
        return knowledge.criteria.filter { !changed.contains($0.id) }.map { criterion in
            .warning(KnowledgeLint.message("criterion '\(criterion.id)' keeps its base weight "
                                           + "\(Format.number(criterion.weight)) whatever the answers: no rule that "
                                           + "can fire changes it", .inertCriterion), at: criterion.location)
        }
    }
}
