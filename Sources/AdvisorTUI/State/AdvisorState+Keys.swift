import AdvisorCore

// MARK: - Keys: state × key → state

extension AdvisorState {
    /// The state after `key`. Pure: the same state and key always give the same result.
    public func handling(_ key: Key) -> AdvisorState {
        var next = self
        next.apply(key)
        return next
    }

    /// Applies `key` in place.
    public mutating func apply(_ key: Key) {
        applyKey(key)
        clampScroll()
    }

    private mutating func applyKey(_ key: Key) {
        notice = nil
        switch key {
        case .interrupt:
            exit = .interrupt
            return
        case .resize(let newSize):
            size = newSize
            return
        case .suspend:
            return
        default:
            break
        }
        guard size.fits(.minimum) else {
            if key == .character("q") { exit = .quit }
            return
        }
        if let overlay {
            return applyOverlay(overlay, key)
        }
        // `?`, F1, and `h` wherever `h` is not a move (the pairwise comparison uses it for left).
        if key == .character("?") || key == .help || (key == .character("h") && screen != .pairwise) {
            overlay = .help
            return
        }
        switch screen {
        case .welcome: applyWelcome(key)
        case .question(let index): applyQuestion(index, key)
        case .review: applyReview(key)
        case .results: applyResults(key)
        case .pairwise: applyPairwise(key)
        }
    }

    private mutating func applyOverlay(_ current: Overlay, _ key: Key) {
        switch current {
        case .help:
            overlay = nil
        case .export:
            applyExport(key)
        case .team:
            applyTeam(key)
        case .confirmQuit:
            if key == .character("y") || key == .character("Y") || key == .character("q") {
                exit = .quit
            }
            overlay = nil
        case .why, .sensitivity, .compare:
            switch key {
            case .up, .character("k"): scroll = max(0, scroll - 1)
            case .down, .character("j"): scroll += 1
            case .pageUp: scroll = max(0, scroll - 10)
            case .pageDown, .space: scroll += 10
            case .home: scroll = 0
            case .end: scroll = maximumScroll
            default:
                overlay = nil
                insight = nil
                scroll = 0
            }
        }
    }

    private mutating func applyWelcome(_ key: Key) {
        if resumeOffer != nil {
            switch key {
            case .enter, .right, .space, .character("y"): acceptResumeOffer()
            case .character("n"):
                resumeOffer = nil
                start()
            // Nothing has changed yet: the saved session and any file given are as they were.
            case .character("q"), .escape: exit = .quit
            default: break
            }
            return
        }
        switch key {
        case .enter, .right, .space: start()
        case .character("r") where !answers.isEmpty: showReview()
        case .character("p"): openPairwise()
        case .character("q"), .escape: requestQuit()
        default: break
        }
    }

    private mutating func applyQuestion(_ index: Int, _ key: Key) {
        let question = knowledge.questions[index]
        let count = question.options.count
        switch key {
        case .up, .character("k"): cursor = max(0, cursor - 1)
        case .down, .character("j"): cursor = min(max(0, count - 1), cursor + 1)
        case .home: cursor = 0
        case .end: cursor = max(0, count - 1)
        case .space where question.kind == .multi: toggle(cursor, in: question)
        case .enter, .right, .space: confirm(index, question)
        case .character(let c) where c.isNumber:
            // A digit moves to an option, on every kind of question; Space ticks, Enter chooses.
            if let digit = c.wholeNumberValue, digit >= 1, digit <= count { cursor = digit - 1 }
        case .character("s"): skip(at: index)
        case .left, .backspace: goBack()
        case .character("w"):
            insight = QuestionInsight.analyse(question: question.id, in: consultation)
            overlay = .why
            scroll = 0
        case .character("r"): showReview()
        case .escape: goBack()
        case .character("q"): requestQuit()
        case .click(let x, let y):
            // A click selects; a click on the selected option chooses it (or ticks it, in multi-choice).
            let layout = QuestionLayout(question: question, size: size, unicode: unicode)
            guard let option = layout.option(atX: x, y: y) else { return }
            guard option == cursor else {
                cursor = option
                return
            }
            if question.kind == .multi { toggle(option, in: question) } else { confirm(index, question) }
        default: break
        }
    }

    private mutating func toggle(_ option: Int, in question: Question) {
        guard question.options.indices.contains(option) else { return }
        let value = question.values[option]
        if draft.contains(value) { draft.remove(value) } else { draft.insert(value) }
    }

    /// Answers the question with the option under the cursor (or the ticked options) and moves on.
    private mutating func confirm(_ index: Int, _ question: Question) {
        guard question.options.indices.contains(cursor) || question.kind == .multi else { return }
        let value: AnswerValue
        switch question.kind {
        case .multi: value = .many(question.values.filter(draft.contains))
        case .yesno: value = .yes(question.values[cursor] != "no")
        case .choice, .scale: value = .one(question.values[cursor])
        }
        answer(value, at: index)
    }

    private mutating func applyReview(_ key: Key) {
        let count = reviewEntries.count
        switch key {
        case .up, .character("k"): cursor = max(0, cursor - 1)
        case .down, .character("j"): cursor = min(count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = count
        case .enter, .right, .space: openReviewEntry(cursor)
        case .left, .backspace, .escape: goBack()
        case .character("q"): requestQuit()
        case .click(_, let y):
            // As on a question: a click selects, a click on the selection opens it.
            if let entry = ReviewLayout(size: size, cursor: cursor).entry(atRow: y, count: count) {
                if entry == cursor { openReviewEntry(entry) } else { cursor = entry }
            }
        default: break
        }
    }

    private mutating func openReviewEntry(_ entry: Int) {
        if entry == 0 {
            showResults()
        } else if reviewEntries.indices.contains(entry - 1) {
            open(question: reviewEntries[entry - 1])
            returnToReview = true
        }
    }

    private mutating func applyResults(_ key: Key) {
        let count = resultsOrder.count
        switch key {
        case .up, .character("k"):
            cursor = max(0, cursor - 1)
            scroll = 0
        case .down, .character("j"):
            cursor = min(max(0, count - 1), cursor + 1)
            scroll = 0
        case .pageDown, .space: scroll += max(1, size.height / 2)
        case .pageUp: scroll = max(0, scroll - max(1, size.height / 2))
        case .home: scroll = 0
        case .end: scroll = maximumScroll
        case .character("e"): openExport()
        case .character("c") where resultsInsight != nil:
            overlay = .sensitivity
            scroll = 0
        case .character("v") where CompareOverlay.pair(self) != nil:
            overlay = .compare
            scroll = 0
        case .character("t"): openTeam()
        case .character("p"): openPairwise()
        case .character("r"), .left, .backspace, .escape: showReview()
        case .character("q"): requestQuit()
        case .click(_, let y):
            if let row = ResultsLayout(size: size, frameworks: count, insight: resultsInsight, unicode: unicode)
                .framework(atRow: y) {
                cursor = row
                scroll = 0
            }
        default: break
        }
    }
}
