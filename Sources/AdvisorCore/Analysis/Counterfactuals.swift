/// "What would change the winner": the smallest sets of answer changes (one answer, then two)
/// that make another framework win, each verified by re-running the engine.
public struct Counterfactual: Hashable, Sendable {
    public struct Change: Hashable, Sendable {
        public var question: String
        /// The answer before (nil: unanswered).
        public var from: AnswerValue?
        public var to: AnswerValue
    }

    public var changes: [Change]
    public var winner: String
    public var winnerScore: Double
    /// The change in words: `Django would win if you answered "A content platform or CMS" to "What are you building first?"`.
    public var sentence: String

    /// Single changes for every question; pairs only for frameworks no single change makes win.
    /// At most `limit` results per framework, fewest changes first.
    public static func analyse(_ c: Consultation, limit: Int = 3, includePairs: Bool = true) -> [Counterfactual] {
        guard let current = c.winner?.framework else { return [] }
        let k = c.knowledge
        let alternatives = k.questions.map { question in
            (question, candidates(for: question, current: c.answers[question.id]))
        }
        // Each alternative changes one entry of the answers in the engine's form.
        let base = AnswerState(knowledge: k, answers: c.answers)
        var found: [String: [Counterfactual]] = [:]
        for (question, values) in alternatives {
            let questionIndex = k.questionIndex[question.id]
            for value in values {
                var state = base
                if let questionIndex { state.set(questionIndex, value, question: question) }
                let result = Engine.outcome(k, state: state, weights: c.overrides)
                guard let winner = result.winner, k.frameworks[winner].id != current,
                      !result.ignored.contains(where: { $0 == questionIndex }) else { continue }
                let change = Change(question: question.id, from: c.answers[question.id], to: value)
                found[k.frameworks[winner].id, default: []].append(
                    make([change], winner: winner, score: result.score, knowledge: k))
            }
        }
        let unreachable = Set(c.knowledge.frameworks.map(\.id).filter { $0 != current && found[$0] == nil })
        if includePairs && !unreachable.isEmpty {
            let flat = alternatives.flatMap { question, values in values.map { (question, $0) } }
            var pairs: [(Int, Int)] = []
            for a in flat.indices {
                for b in flat.indices where b > a && flat[a].0.id != flat[b].0.id { pairs.append((a, b)) }
            }
            // The pairs are consulted in parallel a block at a time and taken in order, as a plain
            // loop would. Only the first `limit` pairs that make a framework win are kept, so once
            // every framework still missing has them, the later blocks could change nothing.
            let overrides = c.overrides, candidates = pairs, shared = Shared(k)
            // Each option in the engine's form, and the frameworks sought by index: the loop below
            // runs a thousand times, so it neither copies questions nor hashes ids.
            let options = flat.map { question, value in
                (k.questionIndex[question.id], AnswerState.Entry(value, question: question))
            }
            let sought = k.frameworks.map { unreachable.contains($0.id) }
            let blockSize = 128
            var blockStart = 0
            while blockStart < candidates.count,
                  unreachable.contains(where: { (found[$0]?.count ?? 0) < limit }) {
                let start = blockStart, end = min(candidates.count, blockStart + blockSize)
                let outcomes = ParallelMap.map(end - start) { offset -> Engine.Outcome? in
                    let k = shared.value
                    let (a, b) = candidates[start + offset]
                    var state = base
                    if let index = options[a].0 { state.set(index, options[a].1) }
                    if let index = options[b].0 { state.set(index, options[b].1) }
                    let result = Engine.outcome(k, state: state, weights: overrides)
                    guard let winner = result.winner, sought[winner], result.ignored.isEmpty else { return nil }
                    return result
                }
                for (offset, outcome) in outcomes.enumerated() {
                    guard let outcome = outcome ?? nil, let winner = outcome.winner,
                          (found[k.frameworks[winner].id]?.count ?? 0) < limit else { continue }
                    let (a, b) = pairs[start + offset]
                    let changes = [Change(question: flat[a].0.id, from: c.answers[flat[a].0.id], to: flat[a].1),
                                   Change(question: flat[b].0.id, from: c.answers[flat[b].0.id], to: flat[b].1)]
                    found[k.frameworks[winner].id, default: []].append(
                        make(changes, winner: winner, score: outcome.score, knowledge: k))
                }
                blockStart = end
            }
        }
        // Per framework: the changes that give it the highest score first, then questionnaire order.
        return k.frameworks.flatMap { framework -> [Counterfactual] in
            let list = found[framework.id] ?? []
            return list.enumerated().sorted {
                $0.element.changes.count != $1.element.changes.count
                    ? $0.element.changes.count < $1.element.changes.count
                    : abs($0.element.winnerScore - $1.element.winnerScore) > 1e-9
                        ? $0.element.winnerScore > $1.element.winnerScore : $0.offset < $1.offset
            }.prefix(limit).map(\.element)
        }
    }

    /// The other answers a question could take: every other option (for multi-choice, the
    /// current selection with one option toggled).
    static func candidates(for question: Question, current: AnswerValue?) -> [AnswerValue] {
        switch question.kind {
        case .yesno:
            return [AnswerValue.yes(true), .yes(false)].filter { $0 != current }
        case .choice, .scale:
            return question.values.map { AnswerValue.one($0) }.filter { $0 != current }
        case .multi:
            var selected: [String] = []
            if case .many(let values) = current { selected = values }
            return question.values.map { option in
                let toggled = selected.contains(option) ? selected.filter { $0 != option } : selected + [option]
                return AnswerValue.many(question.values.filter(toggled.contains))
            }
        }
    }

    /// One knowledge base shared by reference with the worker threads, so no copy is made per call.
    final class Shared: Sendable {
        let value: KnowledgeBase
        init(_ value: KnowledgeBase) { self.value = value }
    }

    static func make(_ changes: [Change], winner: Int, score: Double, knowledge: KnowledgeBase) -> Counterfactual {
        let framework = knowledge.frameworks[winner]
        let clauses = changes.map { change -> String in
            guard let question = knowledge.question(change.question) else { return change.question }
            return "you answered \"\(label(change.to, of: question))\" to \"\(question.prompt)\""
        }
        return Counterfactual(changes: changes, winner: framework.id, winnerScore: score,
                              sentence: "\(framework.name) would win if " + clauses.joined(separator: " and "))
    }

    static func label(_ value: AnswerValue, of question: Question) -> String {
        switch value {
        case .one(let option): question.label(of: option)
        case .yes(let flag): flag ? "Yes" : "No"
        case .many(let values) where values.isEmpty: "None of these"
        case .many(let values): values.map(question.label(of:)).joined(separator: ", ")
        }
    }
}
