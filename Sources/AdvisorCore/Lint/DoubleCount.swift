/// The `double-count` lint: two rules that fire on one answer alone and push the same criterion's
/// weight the same way count that answer twice. Where the overlap is meant (each wanted
/// capability adding weight, say), each rule names the other in `stacks_with`.
enum DoubleCount {
    /// Past this many rules on one answer and criterion, the group is reported once.
    static let largeGroup = 8

    static func check(_ k: KnowledgeBase) -> [Diagnostic] {
        var reported = Set<[String]>()
        var result: [Diagnostic] = []
        for question in k.questions {
            for value in singleAnswers(question) {
                let c = Engine.consult(k, answers: Answers([question.id: value]))
                var pushes: [String: [(rule: Rule, up: Bool)]] = [:]
                for rule in c.firedRules {
                    for case .weight(let criterion, let change) in rule.actions {
                        guard let up = direction(change) else { continue }
                        pushes[criterion, default: []].append((rule, up))
                    }
                }
                for criterion in pushes.keys.sorted() {
                    let name = k.criterion(criterion)?.name ?? criterion
                    for up in [true, false] {
                        let group = (pushes[criterion] ?? []).filter { $0.up == up }.map(\.rule)
                            .sorted { $0.id < $1.id }
                        let how = up ? "raise" : "lower"
                        let answer = "\(question.id)=\(value.text)"
                        // A large group is one finding: checking every pair of a thousand rules would
                        // print half a million.
                        if group.count > largeGroup {
                            guard reported.insert([group[0].id, group[1].id, criterion]).inserted else { continue }
                            result.append(.warning(KnowledgeLint.message(
                                "\(group.count) rules fire on \(answer) and all \(how) the weight of \(name), starting "
                                    + "with '\(group[0].id)' and '\(group[1].id)': the answer counts \(group.count) times; "
                                    + "merge them, or name the overlaps in 'stacks_with' if they are meant", .doubleCount),
                                at: group[1].location))
                            continue
                        }
                        for (i, a) in group.enumerated() {
                            for b in group[(i + 1)...] {
                                if a.stacksWith.contains(b.id) || b.stacksWith.contains(a.id) { continue }
                                guard reported.insert([a.id, b.id, criterion]).inserted else { continue }
                                result.append(.warning(KnowledgeLint.message(
                                    "rules '\(a.id)' and '\(b.id)' both fire on \(answer) and both \(how) "
                                        + "the weight of \(name): the answer counts twice; merge them, or name each in the "
                                        + "other's 'stacks_with' if the overlap is meant", .doubleCount),
                                    at: b.location))
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    /// Each answer a question can take alone: every option, and for multi-choice each option alone.
    static func singleAnswers(_ question: Question) -> [AnswerValue] {
        switch question.kind {
        case .choice, .scale: question.values.map { .one($0) }
        case .yesno: [.yes(true), .yes(false)]
        case .multi: question.values.map { .many([$0]) }
        }
    }

    /// Whether a change raises (true) or lowers (false) a weight; nil for one that does neither.
    static func direction(_ change: WeightChange) -> Bool? {
        switch change {
        case .add(let amount): amount == 0 ? nil : amount > 0
        case .multiply(let factor): factor == 1 ? nil : factor > 1
        }
    }
}
