import AdvisorCore

/// The pairwise screen's form: first choose the criteria to compare (2 to 10), then compare each
/// pair on Saaty's 17-step scale. The weights and the consistency ratio are recomputed after every
/// change (never while drawing).
public struct PairwiseForm: Sendable {
    public enum Stage: Hashable, Sendable {
        case choose
        case compare
    }

    public var stage: Stage = .choose
    /// The criteria ticked, by criterion id.
    public var chosen: Set<String>
    /// Choose stage: the criterion under the cursor (knowledge order); compare stage: the pair.
    public var cursor = 0
    /// Each pair's step on the scale (0 = the first criterion is 9× as important, 8 = equal,
    /// 16 = the second is 9× as important), by pair key `first|second`.
    public var steps: [String: Int] = [:]
    /// The judgements for the chosen criteria and current steps (compare stage).
    public private(set) var judgements: PairwiseJudgements?
    /// Where Esc goes back to from the choose stage.
    public var returnTo: AdvisorState.Screen

    /// The chosen criteria in knowledge order.
    public func criteria(in knowledge: KnowledgeBase) -> [String] {
        knowledge.criteria.map(\.id).filter(chosen.contains)
    }

    /// Every pair of chosen criteria, in order (first, second) with first before second.
    public func pairs(in knowledge: KnowledgeBase) -> [(String, String)] {
        let ids = criteria(in: knowledge)
        var result: [(String, String)] = []
        for i in ids.indices { for j in ids.indices where j > i { result.append((ids[i], ids[j])) } }
        return result
    }

    static func key(_ a: String, _ b: String) -> String { a + "|" + b }

    /// The step of a pair (8, equal, unless set).
    public func step(_ a: String, _ b: String) -> Int { steps[Self.key(a, b)] ?? 8 }

    mutating func recompute(_ knowledge: KnowledgeBase) {
        let entries = pairs(in: knowledge).map { a, b in
            PairwiseJudgements.Entry(a: a, b: b, value: PairwiseJudgements.scale[step(a, b)])
        }
        judgements = entries.isEmpty ? nil : PairwiseJudgements(criteria: criteria(in: knowledge), entries: entries)
    }

    /// The index of the most inconsistent pair, if the judgements are inconsistent.
    public func mostInconsistentPair(in knowledge: KnowledgeBase) -> Int? {
        guard let judgements, !judgements.weights.isConsistent, let worst = judgements.mostInconsistent else {
            return nil
        }
        return pairs(in: knowledge).firstIndex { $0.0 == worst.entry.a && $0.1 == worst.entry.b }
    }
}

extension AdvisorState {
    /// Opens the pairwise screen: with the judgements in use, or else the four criteria weighing most now.
    public mutating func openPairwise() {
        var form = PairwiseForm(chosen: [], returnTo: screen == .pairwise ? .welcome : screen)
        if let pairwise {
            form.chosen = Set(pairwise.criteria)
            for entry in pairwise.entries {
                if let step = PairwiseJudgements.step(of: entry.value) {
                    form.steps[PairwiseForm.key(entry.a, entry.b)] = step
                }
            }
        } else {
            let heaviest = consultation.weights.enumerated().sorted {
                $0.element.final != $1.element.final ? $0.element.final > $1.element.final : $0.offset < $1.offset
            }.prefix(4).map(\.element.criterion)
            form.chosen = Set(heaviest)
        }
        form.recompute(knowledge)
        pairwiseForm = form
        screen = .pairwise
        overlay = nil
        cursor = 0
        scroll = 0
    }

    /// Leaves the pairwise screen without applying.
    mutating func closePairwise() {
        let back = pairwiseForm?.returnTo ?? .welcome
        pairwiseForm = nil
        goBack(to: back)
    }

    /// Opens the screen the pairwise form was reached from.
    private mutating func goBack(to back: Screen) {
        switch back {
        case .results: showResults()
        case .review: showReview()
        case .question(let index): open(question: index)
        case .welcome, .pairwise:
            screen = .welcome
            cursor = 0
        }
    }

    mutating func applyPairwise(_ key: Key) {
        guard var form = pairwiseForm else { return closePairwise() }
        let criteria = knowledge.criteria
        switch form.stage {
        case .choose:
            switch key {
            case .up, .character("k"): form.cursor = max(0, form.cursor - 1)
            case .down, .character("j"): form.cursor = min(criteria.count - 1, form.cursor + 1)
            case .home: form.cursor = 0
            case .end: form.cursor = criteria.count - 1
            case .space, .character("x"):
                guard criteria.indices.contains(form.cursor) else { break }
                let id = criteria[form.cursor].id
                if form.chosen.contains(id) {
                    form.chosen.remove(id)
                } else if form.chosen.count >= PairwiseFile.maximumCriteria {
                    notice = "At most \(PairwiseFile.maximumCriteria) criteria: Saaty's consistency index stops at 10."
                } else {
                    form.chosen.insert(id)
                }
            case .enter, .right, .tab, .backTab:
                guard form.chosen.count >= 2 else {
                    notice = "Choose at least 2 criteria to compare (Space ticks one)."
                    break
                }
                form.stage = .compare
                form.cursor = 0
                form.recompute(knowledge)
            case .character("c") where pairwise != nil:
                pairwiseForm = nil
                usePairwise(nil)
                notice = "Pairwise weights cleared: the criteria keep their usual base weights."
                return closeAfterApplying(form.returnTo)
            case .escape, .left, .backspace, .character("q"):
                return closePairwise()
            default: break
            }
        case .compare:
            let pairs = form.pairs(in: knowledge)
            switch key {
            case .up, .character("k"): form.cursor = max(0, form.cursor - 1)
            case .down, .character("j"): form.cursor = min(max(0, pairs.count - 1), form.cursor + 1)
            case .home: form.cursor = 0
            case .end: form.cursor = max(0, pairs.count - 1)
            case .left, .right, .character("h"), .character("l"):
                guard pairs.indices.contains(form.cursor) else { break }
                let (a, b) = pairs[form.cursor]
                let delta = (key == .left || key == .character("h")) ? -1 : 1
                form.steps[PairwiseForm.key(a, b)] = min(16, max(0, form.step(a, b) + delta))
                form.recompute(knowledge)
            case .character("="):
                guard pairs.indices.contains(form.cursor) else { break }
                form.steps[PairwiseForm.key(pairs[form.cursor].0, pairs[form.cursor].1)] = 8
                form.recompute(knowledge)
            case .character("i"):
                if let worst = form.mostInconsistentPair(in: knowledge) {
                    form.cursor = worst
                } else {
                    notice = "The comparisons are consistent enough (consistency ratio below 0.1)."
                }
            case .enter:
                guard let judgements = form.judgements else { break }
                pairwiseForm = nil
                usePairwise(judgements)
                notice = judgements.weights.isConsistent ? "Pairwise weights applied."
                    : "Pairwise weights applied, though the comparisons are inconsistent."
                return closeAfterApplying(form.returnTo)
            case .escape, .backspace:
                form.stage = .choose
                form.cursor = 0
            case .character("q"):
                return closePairwise()
            default: break
            }
        }
        pairwiseForm = form
    }

    /// After applying: the results when they were open, else the questionnaire.
    private mutating func closeAfterApplying(_ back: Screen? = nil) {
        let notice = self.notice
        goBack(to: back ?? .welcome)
        self.notice = notice
    }
}
