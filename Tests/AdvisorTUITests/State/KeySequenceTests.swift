import AdvisorCore
import Testing
@testable import AdvisorTUI

/// Walk-throughs of the pure state machine: state × key → state.
@Suite struct KeySequenceTests {
    @Test func fullWalkThroughReachesTheRecommendation() throws {
        let knowledge = try #require(shipped)
        let state = session(knowledge, answerAll(knowledge) + [.enter])
        #expect(state.screen == .results)
        let expected = try #require(Engine.consult(knowledge, answers: state.answers).winner)
        #expect(frame(state).contains("Recommendation: \(expected.name)"))
        #expect(state.answers.count == state.asked.count)
    }

    @Test func progressCountsOnlyAskedQuestions() throws {
        let knowledge = try #require(shipped)
        // project_type = ai_service (option 5) makes ml_models and frontend unasked.
        let first = session(knowledge, [.enter])
        #expect(first.progress?.position == 1)
        #expect(first.progress?.total == knowledge.questions.count)
        let ai = session(knowledge, [.enter, .character("5"), .enter])
        #expect(ai.answers["project_type"] == .one("ai_service"))
        #expect(ai.progress?.position == 2)
        #expect(ai.progress?.total == knowledge.questions.count - 2)
        #expect(frame(ai).contains("Question 2 of ~\(knowledge.questions.count - 2)"))
    }

    @Test func goingBackKeepsAnswersAndChangingOneUpdatesTheLeaning() throws {
        let knowledge = try #require(shipped)
        var state = session(knowledge, [.enter, .down, .enter, .enter])
        #expect(state.screen == .question(2))
        #expect(state.answers["project_type"] == .one("web_app"))
        state.apply(.left)
        #expect(state.screen == .question(1))
        #expect(state.cursor == 0)
        state.apply(.backspace)
        #expect(state.screen == .question(0))
        #expect(state.cursor == 1, "the cursor starts on the current answer")
        #expect(state.answers.count == 2, "going back keeps answers")
        let before = state.consultation.ranking.map(\.score)
        state.apply(.up)
        state.apply(.enter)
        #expect(state.answers["project_type"] == .one("api"))
        #expect(state.screen == .question(1))
        #expect(state.consultation.ranking.map(\.score) != before)
        #expect(!state.lastChange.isEmpty)
    }

    @Test func backFromTheFirstQuestionShowsTheWelcome() throws {
        let knowledge = try #require(shipped)
        #expect(session(knowledge, [.enter, .left]).screen == .welcome)
    }

    @Test func skippingLeavesTheQuestionUnanswered() throws {
        let knowledge = try #require(shipped)
        let state = session(knowledge, [.enter, .enter, .character("s")])
        #expect(state.answers["architecture"] == nil)
        #expect(state.skipped.contains("architecture"))
        #expect(state.screen == .question(2))
        let review = session(knowledge, [.enter, .enter, .character("s"), .character("r")])
        #expect(frame(review).contains("skipped: no preference"))
        // Answering later clears the skip.
        let answered = session(knowledge, [.enter, .enter, .character("s"), .left, .enter])
        #expect(answered.answers["architecture"] == .one("monolith"))
        #expect(!answered.skipped.contains("architecture"))
    }

    @Test func multiChoiceTicksWithSpaceAndConfirmsWithEnter() throws {
        let knowledge = try #require(shipped)
        let ticked = session(knowledge, [.enter, .enter, .enter, .space, .down, .down, .space, .space, .space])
        #expect(ticked.draft == ["admin", "orm"])
        var state = ticked
        state.apply(.enter)
        #expect(state.answers["builtins"] == .many(["admin", "orm"]))
        let none = session(knowledge, [.enter, .enter, .enter, .enter])
        #expect(none.answers["builtins"] == .many([]))
    }

    @Test func reviewStartsOnShowRecommendationAndJumpsBack() throws {
        let knowledge = try #require(shipped)
        var state = session(knowledge, answerAll(knowledge))
        #expect(state.screen == .review)
        #expect(state.cursor == 0)
        #expect(frame(state).contains("Show recommendation"))
        state.apply(.down)
        state.apply(.down)
        state.apply(.enter)
        #expect(state.screen == .question(1))
        state.apply(.down)
        state.apply(.enter)
        #expect(state.answers["architecture"] == .one("microservices"))
        #expect(state.screen == .review, "answering a question opened from the review returns there")
        #expect(state.cursor == 0, "back on the review, the focus is on \"Show recommendation\" again")
        state.apply(.enter)
        #expect(state.screen == .results)
    }

    @Test func reviewFromTheMiddleOfTheQuestionnaireAlsoStartsOnShowRecommendation() throws {
        let knowledge = try #require(shipped)
        var state = session(knowledge, [.enter, .enter, .enter, .character("r")])
        #expect(state.screen == .review)
        #expect(state.cursor == 0)
        state.apply(.enter)
        #expect(state.screen == .results)
        #expect(frame(state).contains("Recommendation: "))
    }

    @Test func resizeMidQuestionKeepsStateAndRecovers() throws {
        let knowledge = try #require(shipped)
        var state = session(knowledge, [.enter, .enter, .enter, .space, .down])
        state.apply(.resize(Size(width: 70, height: 20)))
        #expect(frame(state).contains("terminal too small: need 80×24, have 70×20"))
        state.apply(.enter)
        state.apply(.space)
        #expect(state.screen == .question(2), "keys are ignored while too small")
        state.apply(.resize(Size(width: 100, height: 30)))
        #expect(state.screen == .question(2))
        #expect(state.draft == ["admin"])
        #expect(state.cursor == 1)
        let canvas = frame(state)
        #expect(canvas.width == 100)
        #expect(canvas.contains("[x] Admin panel"))
    }

    @Test("c on the results opens the sensitivity overlay: shares, hinges and every change, scrollable; Esc closes it")
    func sensitivityOverlay() throws {
        let knowledge = try #require(shipped)
        var state = session(knowledge, answerAll(knowledge) + [.enter], size: Size(width: 100, height: 30))
        #expect(state.screen == .results)
        state.apply(.character("c"))
        #expect(state.overlay == .sensitivity)
        let shown = frame(state)
        #expect(shown.contains("How sure, and what would change it"))
        #expect(shown.contains("Ranks over 10,000 sampled weightings"))
        let insight = try #require(state.resultsInsight)
        let lines = SensitivityOverlay.lines(state, width: 88, unicode: true)
        for counterfactual in insight.analysis.counterfactuals {
            #expect(lines.contains { $0.text.contains(String(counterfactual.sentence.prefix(30))) })
        }
        state.apply(.end)
        #expect(state.scroll == state.maximumScroll)
        state.apply(.escape)
        #expect(state.overlay == nil)
        #expect(state.screen == .results)
    }

    @Test("moving over an option previews in the leaning panel what choosing it would do", arguments: [0, 2, 5])
    func previewOnHighlight(option: Int) throws {
        let knowledge = try #require(shipped)
        var state = session(knowledge, [.enter], size: Size(width: 120, height: 40))
        for _ in 0..<option { state.apply(.down) }
        let question = knowledge.questions[0]
        var answers = Answers()
        answers[question.id] = .one(question.values[option])
        let chosen = Engine.consult(knowledge, answers: answers)
        let winner = try #require(chosen.winner)
        let lead = winner.score - (chosen.ranking.dropFirst().first?.score ?? 0)
        let shown = frame(state)
        #expect(shown.contains("→ \(winner.name) leads by \(Format.fixed(lead, decimals: 1))"), "\(shown.text)")
        #expect(state.answers[question.id] == nil, "a preview answers nothing")
    }

    @Test("v compares the selected framework with the winner, and the winner with the runner-up")
    func compareOverlay() throws {
        let knowledge = try #require(shipped)
        var state = session(knowledge, answerAll(knowledge) + [.enter], size: Size(width: 120, height: 40))
        let c = state.consultation
        let winner = try #require(c.winner), runnerUp = try #require(c.ranking.dropFirst().first)
        state.apply(.character("v"))
        #expect(state.overlay == .compare)
        #expect(frame(state).contains("\(winner.name) against \(runnerUp.name)"))
        let lines = CompareOverlay.lines(state, width: 94, unicode: true).map(\.text)
        // One row per criterion, and the gap is the score difference.
        let gap = Format.fixed(winner.score - runnerUp.score, decimals: 1)
        #expect(lines.first?.contains("\(gap) points between them") == true)
        for criterion in knowledge.criteria {
            #expect(lines.contains { $0.hasPrefix(String(criterion.name.prefix(20))) }, "\(criterion.name)")
        }
        state.apply(.escape)
        state.apply(.down)
        state.apply(.down)
        state.apply(.character("v"))
        let third = try #require(knowledge.framework(state.resultsOrder[2]))
        #expect(frame(state).contains("\(winner.name) against \(third.name)"))
    }

    @Test func helpAndWhyOverlaysOpenAndClose() throws {
        let knowledge = try #require(shipped)
        var state = session(knowledge, [.enter, .character("?")])
        #expect(state.overlay == .help)
        #expect(frame(state).contains("Help: keys"))
        state.apply(.character("x"))
        #expect(state.overlay == nil)
        #expect(state.screen == .question(0))
        state.apply(.character("w"))
        #expect(state.overlay == .why)
        let why = frame(state)
        #expect(why.contains("Why this question?"))
        // What each answer would do comes first; the rules and their conditions follow.
        #expect(why.contains("What each answer would do"))
        let lines = WhyOverlay.lines(state, width: 68, unicode: true).map(\.text)
        let rulesAt = try #require(lines.firstIndex(of: "Rules that read it"))
        let answersAt = try #require(lines.firstIndex(of: "What each answer would do (other answers as given)"))
        #expect(answersAt < rulesAt)
        state.apply(.end)
        #expect(state.scroll > 0)
        #expect(frame(state).contains(String(try #require(lines.last).prefix(20))))
        state.apply(.escape)
        #expect(state.overlay == nil)
        #expect(state.answers.isEmpty, "the why overlay answers nothing")
    }

    @Test func quittingAsksOnlyWhenAnswersWouldBeLeft() throws {
        let knowledge = try #require(shipped)
        #expect(session(knowledge, [.enter, .character("q")]).exit == .quit)
        let asked = session(knowledge, [.enter, .enter, .character("q")])
        #expect(asked.overlay == .confirmQuit)
        #expect(asked.exit == nil)
        #expect(asked.handling(.character("n")).exit == nil)
        #expect(asked.handling(.character("n")).overlay == nil)
        #expect(asked.handling(.character("y")).exit == .quit)
        #expect(session(knowledge, [.enter, .enter, .interrupt]).exit == .interrupt)
        let results = session(knowledge, answerAll(knowledge) + [.enter, .character("q")])
        #expect(results.exit == .quit, "nothing is lost on the results")
    }

    @Test func resultsMoveBetweenFrameworksAndExplainEach() throws {
        let knowledge = try #require(shipped)
        var state = session(knowledge, answerAll(knowledge) + [.enter])
        let order = state.resultsOrder
        #expect(frame(state).contains("How \(knowledge.framework(order[0])?.name ?? "") scores"))
        state.apply(.down)
        #expect(state.cursor == 1)
        #expect(frame(state).contains("How \(knowledge.framework(order[1])?.name ?? "") scores"))
        state.apply(.character("e"))
        #expect(state.overlay == .export)
        #expect(frame(state).contains("Export a report"))
        state.apply(.escape)
        #expect(state.overlay == nil)
        state.apply(.pageDown)
        #expect(state.notice == nil)
        state.apply(.character("r"))
        #expect(state.screen == .review)
    }

    @Test("a click selects an option, and a click on the selected option chooses it")
    func mouseClicksSelectThenChoose() throws {
        let knowledge = try #require(shipped)
        var state = session(knowledge, [.enter])
        let question = knowledge.questions[0]
        let layout = QuestionLayout(question: question, size: state.size, unicode: true)
        state.apply(.click(x: layout.mainX + 8, y: layout.optionRows[2]))
        #expect(state.cursor == 2)
        #expect(state.answers["project_type"] == nil)
        #expect(state.screen == .question(0))
        state.apply(.click(x: layout.mainX + 8, y: layout.optionRows[2]))
        #expect(state.answers["project_type"] == .one(question.values[2]))
        #expect(state.screen == .question(1))
        state.apply(.click(x: 1, y: 0))
        #expect(state.screen == .question(1), "clicks outside options do nothing")
    }

    @Test(arguments: [Key.left, .backspace, .character("r"), .character("s"), .up, .pageDown])
    func everyKeyOnEveryScreenKeepsTheStateDrawable(_ key: Key) throws {
        let knowledge = try #require(shipped)
        var state = session(knowledge, [])
        for _ in 0..<40 {
            state.apply(key)
            state.apply(.enter)
            _ = frame(state)
            if state.exit != nil { break }
        }
        #expect(state.screen == .results || state.exit != nil || state.screen != .welcome)
    }
}
