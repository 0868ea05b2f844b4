/// Looks for an answer profile that makes each framework win.
///
/// Exhaustive when the answer space (every question answered any way, or left unanswered) has at
/// most `exhaustiveLimit` profiles; otherwise a beam search that answers one more question at each
/// step and keeps the `beamWidth` profiles with the best margin (the framework's score minus the best
/// rival's). A framework the search never sees win is reported, saying which search was run.
struct WinSearch {
    let knowledge: KnowledgeBase
    let beamWidth: Int
    let exhaustiveLimit: Int

    struct Outcome {
        var wins: Bool
        var margin: Double
        var rival: String?
        var profiles: Int
        var exhaustive: Bool
    }

    func findings() -> [Diagnostic] {
        knowledge.frameworks.compactMap { framework in
            let outcome = search(framework.id)
            guard !outcome.wins else { return nil }
            let how = outcome.exhaustive
                ? "exhaustive search of \(outcome.profiles) answer profiles"
                : "beam search of width \(beamWidth) over \(outcome.profiles) answer profiles, not exhaustive"
            var text = "framework '\(framework.id)' wins for no answer profile (\(how))"
            if outcome.margin.isFinite, let rival = outcome.rival {
                text += "; at best it is \(Format.fixed(-outcome.margin, decimals: 1)) points behind '\(rival)'"
            } else {
                text += "; it is knocked out whenever it could lead"
            }
            return .warning(KnowledgeLint.message(text, .frameworkCannotWin), at: framework.location)
        }
    }

    /// The framework's score minus the best rival's (−∞ when it is knocked out), and whether it wins.
    func evaluate(_ framework: String, _ answers: Answers) -> (wins: Bool, margin: Double, rival: String?) {
        let c = Engine.consult(knowledge, answers: answers)
        guard let own = c.ranking.first(where: { $0.framework == framework }) else { return (false, -.infinity, nil) }
        let rival = c.ranking.first { $0.framework != framework }
        let margin = own.score - (rival?.score ?? 0)
        return (c.winner?.framework == framework, margin, rival?.framework)
    }

    func search(_ framework: String) -> Outcome {
        var dependencies = Dependencies(rules: Array(knowledge.rules.indices), knowledge: knowledge)
        dependencies.questions.formUnion(knowledge.questions.indices)
        let space = AnswerSpace(knowledge: knowledge, questions: dependencies.questions,
                                multiOptions: dependencies.multiOptions, unknown: true)
        if let count = exhaustiveCount(space) {
            var best = Outcome(wins: false, margin: -.infinity, rival: nil, profiles: count, exhaustive: true)
            space.forEach { answers in
                let result = evaluate(framework, answers)
                if result.margin > best.margin || result.wins {
                    best.margin = result.margin
                    best.rival = result.rival
                }
                best.wins = result.wins
                return !result.wins
            }
            return best
        }
        return beam(framework, space: space)
    }

    private func exhaustiveCount(_ space: AnswerSpace) -> Int? {
        var total = 1
        for list in space.values {
            total = total.multipliedReportingOverflow(by: max(1, list.count)).partialValue
            if total > exhaustiveLimit || total <= 0 { return nil }
        }
        return total
    }

    private func beam(_ framework: String, space: AnswerSpace) -> Outcome {
        let start = evaluate(framework, Answers())
        var outcome = Outcome(wins: start.wins, margin: start.margin, rival: start.rival, profiles: 1,
                              exhaustive: false)
        var frontier: [(answers: Answers, margin: Double)] = [(Answers(), start.margin)]
        var seen: Set<Answers> = [Answers()]
        while !outcome.wins, !frontier.isEmpty {
            var next: [(answers: Answers, margin: Double)] = []
            for (answers, _) in frontier {
                for (position, index) in space.questions.enumerated() {
                    let id = knowledge.questions[index].id
                    guard answers[id] == nil else { continue }
                    for value in space.values[position] {
                        guard let value else { continue }
                        var candidate = answers
                        candidate[id] = value
                        guard seen.insert(candidate).inserted else { continue }
                        let result = evaluate(framework, candidate)
                        outcome.profiles += 1
                        if result.margin > outcome.margin || result.wins {
                            outcome.margin = result.margin
                            outcome.rival = result.rival
                        }
                        if result.wins {
                            outcome.wins = true
                            return outcome
                        }
                        next.append((candidate, result.margin))
                    }
                }
            }
            next.sort { $0.margin > $1.margin }
            frontier = Array(next.prefix(beamWidth))
        }
        return outcome
    }
}
