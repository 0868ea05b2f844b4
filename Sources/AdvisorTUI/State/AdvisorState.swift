import AdvisorCore

/// Everything the interactive advisor shows, as a plain value. Keys turn one state into the next
/// (`handling(_:)`); screens draw a state (`ScreenRenderer.render`). Nothing here touches a terminal.
public struct AdvisorState: Sendable {
    /// The screen in front.
    public enum Screen: Hashable, Sendable {
        case welcome
        /// A question, by index in the knowledge's questionnaire.
        case question(Int)
        case review
        case results
        /// Criterion importance by pairwise comparison (AHP); see `PairwiseForm`.
        case pairwise
    }

    /// A box drawn over the screen.
    public enum Overlay: Hashable, Sendable {
        case help
        case why
        case confirmQuit
        /// `e` on the results: format and path of a report.
        case export
        /// `c` on the results: how sure the result is and what would change it, in full.
        case sensitivity
        /// `v` on the results: the selected framework against the winner, criterion by criterion.
        case compare
        /// `t` on the results: colleagues' answers files loaded beside yours, compared as `advisor team` does.
        case team
    }

    /// Why the advisor is ending.
    public enum Exit: Hashable, Sendable {
        /// `q` (confirmed when answers exist).
        case quit
        /// Ctrl-C.
        case interrupt
    }

    /// The knowledge in use: the loaded knowledge, with base weights from pairwise judgements once applied.
    public private(set) var knowledge: KnowledgeBase
    /// The knowledge as loaded.
    public let loadedKnowledge: KnowledgeBase
    /// Pairwise judgements whose weights are in use, if any.
    public internal(set) var pairwise: PairwiseJudgements?
    /// The pairwise screen's form, while it is open.
    public internal(set) var pairwiseForm: PairwiseForm?
    /// The results' verdict and "what would change it", worked out when the results are entered.
    public internal(set) var resultsInsight: ResultsInsight?
    public private(set) var answers: Answers
    /// Questions the user skipped with `s` ("no preference").
    public internal(set) var skipped: Set<String> = []
    public internal(set) var screen: Screen = .welcome
    public internal(set) var overlay: Overlay?
    /// The highlighted line: an option, a review entry, or a framework on the results.
    public internal(set) var cursor = 0
    /// The options ticked so far in a multi-choice question, before Enter confirms them.
    public internal(set) var draft: Set<String> = []
    public internal(set) var size: Size
    /// Whether the terminal draws Unicode; layouts wrap text the way it will be drawn.
    public var unicode = true
    /// The recommendation for the answers so far, recomputed after every answer.
    public private(set) var consultation: Consultation
    /// How each framework's score moved with the last change of answers, by framework id.
    public private(set) var lastChange: [String: Double] = [:]
    /// Indices of the questions that are asked, given the answers so far (`ask_if`).
    public private(set) var asked: [Int] = []
    /// After a jump from the review, answering returns there.
    public internal(set) var returnToReview = false
    /// Scroll offset of the results detail or of an overlay.
    public internal(set) var scroll = 0
    /// "Why this question?" for the current question, while its overlay is open.
    public internal(set) var insight: QuestionInsight?
    /// A one-line message shown until the next key.
    public internal(set) var notice: String?
    /// A line for the welcome screen, such as where prefilled answers came from.
    public var welcomeNote: String?
    /// A saved session the welcome screen offers to resume (a plain `advisor` with answers on
    /// disk): Enter resumes it, `n` starts afresh. Nothing is overwritten before the user chooses.
    public var resumeOffer: ResumeOffer?
    /// Whether a report of the current answers has been exported; the saved session is kept until then.
    public internal(set) var exported = false
    /// The export overlay's form; kept after closing so `e` reopens it as it was.
    public internal(set) var exportForm: ExportForm?
    /// A report waiting to be written by the app loop (see `takeExportRequest()`).
    public internal(set) var exportRequest: ExportRequest?
    /// The team overlay's form; kept after closing so `t` reopens it as it was.
    public internal(set) var teamForm: TeamForm?
    /// Colleagues loaded into the team comparison, in the order added; kept for the session.
    public internal(set) var teamMembers: [TeamMember] = []
    /// Members a resumed session could not read again (a file gone or broken since): left out of the
    /// comparison but kept in the session, to be read again next time, until removed or replaced.
    public internal(set) var teamUnavailable: [TeamLoadRequest] = []
    /// The name your answers go by in the team comparison.
    public internal(set) var teamOwnName = AdvisorState.ownMemberName
    /// The comparison of your answers with the loaded members' (nil while none is loaded).
    public internal(set) var team: TeamView?
    /// A member's files waiting to be read by the app loop (see `takeTeamRequest()`).
    public internal(set) var teamRequest: TeamLoadRequest?
    /// The date reports are dated and named with, `YYYY-MM-DD`.
    public var reportDate: String
    /// Set when the advisor should end.
    public internal(set) var exit: Exit?

    /// A fresh session, optionally with answers (and skipped questions) filled in.
    public init(knowledge: KnowledgeBase, answers: Answers = Answers(), skipped: Set<String> = [],
                size: Size = .minimum) {
        self.knowledge = knowledge
        loadedKnowledge = knowledge
        self.answers = answers
        self.skipped = skipped.filter { answers[$0] == nil }
        self.size = size
        reportDate = ReportOptions.today()
        consultation = Engine.consult(knowledge, answers: answers)
        asked = Self.askedQuestions(knowledge, answers: answers)
    }

    // MARK: - Derived values

    /// The question on screen, if any.
    public var currentQuestion: Question? {
        if case .question(let index) = screen, knowledge.questions.indices.contains(index) {
            return knowledge.questions[index]
        }
        return nil
    }

    /// "Question 3 of ~12": the position among the questions asked, and how many are asked.
    /// The count is approximate (`~`) when later answers can change which questions are asked.
    public var progress: (position: Int, total: Int, approximate: Bool)? {
        guard case .question(let index) = screen, let position = asked.firstIndex(of: index) else { return nil }
        return (position + 1, asked.count, knowledge.questions.contains { $0.askIf != nil })
    }

    /// Frameworks in results order: ranked first, then knocked out.
    public var resultsOrder: [String] {
        consultation.ranking.map(\.framework) + consultation.excluded.map(\.framework)
    }

    /// Whether quitting would leave answers behind, so `q` asks first.
    public var hasProgress: Bool { !answers.isEmpty || !skipped.isEmpty }

    /// Where a saved session resumes: a question id, or `review`.
    public var resumePoint: String? {
        switch screen {
        case .question(let index): knowledge.questions[index].id
        case .review: "review"
        case .welcome, .results, .pairwise: nil
        }
    }

    // MARK: - Changing answers

    /// Records `value` (nil: unanswered) for a question and recomputes the recommendation.
    mutating func setAnswer(_ value: AnswerValue?, for id: String) {
        guard answers[id] != value else { return }
        exported = false
        let before = Dictionary(consultation.ranking.map { ($0.framework, $0.score) }) { first, _ in first }
        answers[id] = value
        consultation = Engine.consult(knowledge, answers: answers)
        asked = Self.askedQuestions(knowledge, answers: answers)
        var change: [String: Double] = [:]
        for scored in consultation.ranking {
            change[scored.framework] = scored.score - (before[scored.framework] ?? scored.score)
        }
        lastChange = change
    }

    /// Uses `judgements`' weights as the compared criteria's base weights (nil: the loaded ones),
    /// and recomputes the recommendation.
    mutating func usePairwise(_ judgements: PairwiseJudgements?) {
        pairwise = judgements
        knowledge = judgements.map { $0.applied(to: loadedKnowledge) } ?? loadedKnowledge
        consultation = Engine.consult(knowledge, answers: answers)
        lastChange = [:]
    }

    static func askedQuestions(_ knowledge: KnowledgeBase, answers: Answers) -> [Int] {
        knowledge.questions.indices.filter { Engine.isAsked(knowledge.questions[$0], answers: answers,
                                                            knowledge: knowledge) }
    }
}

/// Answers saved by an unfinished session, offered on the welcome screen, with the team
/// comparison's members already read again from their files.
public struct ResumeOffer: Sendable {
    public var answers: Answers
    public var skipped: Set<String>
    /// A question id, `review` or `results`; nil for the first question.
    public var resumePoint: String?
    public var team: TeamLoader.Restored
    public var teamOwnName: String

    public init(answers: Answers, skipped: Set<String>, resumePoint: String?,
                team: TeamLoader.Restored = TeamLoader.Restored(), teamOwnName: String = AdvisorState.ownMemberName) {
        self.answers = answers
        self.skipped = skipped
        self.resumePoint = resumePoint
        self.team = team
        self.teamOwnName = teamOwnName
    }
}
