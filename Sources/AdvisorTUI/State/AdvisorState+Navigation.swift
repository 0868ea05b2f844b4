import AdvisorCore

// MARK: - Moving between screens

extension AdvisorState {
    /// Opens question `index` with the cursor on its current answer.
    mutating func open(question index: Int) {
        guard knowledge.questions.indices.contains(index) else { return showReview() }
        let question = knowledge.questions[index]
        screen = .question(index)
        overlay = nil
        scroll = 0
        draft = []
        cursor = 0
        switch answers[question.id] {
        case .one(let value)?:
            cursor = question.values.firstIndex(of: value) ?? 0
        case .yes(let flag)?:
            cursor = flag ? 0 : min(1, max(0, question.options.count - 1))
        case .many(let values)?:
            draft = Set(values)
            cursor = values.first.flatMap { question.values.firstIndex(of: $0) } ?? 0
        case nil:
            break
        }
    }

    /// From the welcome screen: the first asked question without an answer, or the review if none is left.
    mutating func start() {
        if let next = asked.first(where: { isOpen(knowledge.questions[$0].id) }) {
            open(question: next)
        } else {
            showReview()
        }
    }

    /// After answering or skipping question `index`: the next asked question, or the review.
    mutating func advance(from index: Int) {
        if returnToReview {
            returnToReview = false
            return showReview()
        }
        if let next = asked.first(where: { $0 > index }) {
            open(question: next)
        } else {
            showReview()
        }
    }

    /// Answers question `index` with `value` and moves on: Enter on a question, or an answer typed
    /// in the accessible advisor.
    mutating func answer(_ value: AnswerValue, at index: Int) {
        guard knowledge.questions.indices.contains(index) else { return }
        let id = knowledge.questions[index].id
        skipped.remove(id)
        setAnswer(value, for: id)
        advance(from: index)
    }

    /// Skips question `index` ("no preference": no answer) and moves on: `s` on a question, or an
    /// empty line in the accessible advisor.
    mutating func skip(at index: Int) {
        guard knowledge.questions.indices.contains(index) else { return }
        let id = knowledge.questions[index].id
        setAnswer(nil, for: id)
        skipped.insert(id)
        advance(from: index)
    }

    /// One question back (answers kept); from the first question, the welcome screen.
    mutating func goBack() {
        returnToReview = false
        switch screen {
        case .welcome:
            break
        case .question(let index):
            if let previous = asked.last(where: { $0 < index }) {
                open(question: previous)
            } else {
                screen = .welcome
                cursor = 0
            }
        case .review:
            if let last = asked.last { open(question: last) } else { screen = .welcome }
        case .results:
            showReview()
        case .pairwise:
            closePairwise()
        }
    }

    /// The review of all answers, always with the focus on "Show recommendation" (entry 0), so Enter
    /// goes on to the results: from a question (`r`), after the last question, and after changing an
    /// answer picked on the review.
    mutating func showReview() {
        screen = .review
        overlay = nil
        cursor = 0
        scroll = 0
    }

    /// The results, with the winner selected.
    mutating func showResults() {
        screen = .results
        overlay = nil
        cursor = 0
        scroll = 0
        resultsInsight = ResultsInsight(consultation)
    }

    /// Continues a saved session at `point` (a question id, `review` or `results`).
    public mutating func resume(at point: String?) {
        if let point, let index = knowledge.questionIndex[point], asked.contains(index) {
            open(question: index)
        } else if point == "review" {
            showReview()
        } else if point == "results" {
            showResults()
        } else {
            start()
        }
    }

    /// Takes the offered saved session: its answers (in place of any filled in from a file) and
    /// skips, its team, then where it stopped.
    mutating func acceptResumeOffer() {
        guard let offer = resumeOffer else { return }
        resumeOffer = nil
        for question in knowledge.questions where offer.answers[question.id] == nil { setAnswer(nil, for: question.id) }
        for (question, value) in offer.answers.ordered(by: knowledge) { setAnswer(value, for: question.id) }
        skipped = offer.skipped.filter { answers[$0] == nil }
        restoreTeam(offer.team, ownName: offer.teamOwnName)
        resume(at: offer.resumePoint ?? knowledge.questions.first?.id)
    }

    /// Questions listed on the review: those asked, in order. Entry 0 is "Show recommendation".
    public var reviewEntries: [Int] { asked }

    /// Whether a question still waits for an answer (neither answered nor skipped).
    func isOpen(_ id: String) -> Bool {
        answers[id] == nil && !skipped.contains(id)
    }

    /// Asks before quitting when answers exist; otherwise quits.
    /// `q`: asks first while answers are only on this screen's way to the disk; on the results,
    /// where the session stays saved until a report is exported, it quits at once.
    mutating func requestQuit() {
        if hasProgress && screen != .results {
            overlay = .confirmQuit
        } else {
            exit = .quit
        }
    }
}
