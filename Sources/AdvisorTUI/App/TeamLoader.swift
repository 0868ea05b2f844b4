import AdvisorCore

/// Reads the files the state machine asks for when a member is added to the team comparison
/// (`TeamLoadRequest`): the answers and, if given, the pairwise comparisons, with the messages
/// `advisor team` gives for the same files. Paths are read as a shell would (`~` is `$HOME`,
/// relative to the working directory) and named absolutely in messages.
public struct TeamLoader: Sendable {
    public init() {}

    /// The member `request` names, or the one line saying why their files can't be used.
    public func perform(_ request: TeamLoadRequest, knowledge: KnowledgeBase) -> TeamLoadOutcome {
        let answersPath = ReportExporter.absolute(request.answersPath)
        if let absence = InputFile.absence(of: answersPath, kind: "answers file") {
            return .failed(absence)
        }
        var judgements: PairwiseJudgements?
        if let typed = request.pairwisePath {
            let path = ReportExporter.absolute(typed)
            if let absence = InputFile.absence(of: path, kind: "pairwise file") {
                return .failed(absence)
            }
            do {
                judgements = try PairwiseFile.read(path: path, knowledge: knowledge)
            } catch {
                return .failed(ReportExporter.oneLine(error.line))
            }
        }
        let base = judgements.map { $0.applied(to: knowledge) } ?? knowledge
        do {
            let answers = try AnswersFile.read(path: answersPath, parser: AnswerParser(knowledge: base))
            return .loaded(TeamMember(name: request.name, answersPath: request.answersPath,
                                      pairwisePath: request.pairwisePath, answers: answers, judgements: judgements))
        } catch {
            return .failed(ReportExporter.oneLine(error.line))
        }
    }

    /// Reads the member `state` is waiting for, if any, and shows the outcome. True if there was one.
    @discardableResult
    public func performPending(in state: inout AdvisorState) -> Bool {
        guard let request = state.takeTeamRequest() else { return false }
        state.finishTeamLoad(perform(request, knowledge: state.loadedKnowledge))
        return true
    }
}
