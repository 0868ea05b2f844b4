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
            // Kept with absolute paths: a resumed session reads them again from wherever it starts.
            return .loaded(TeamMember(name: request.name, answersPath: answersPath,
                                      pairwisePath: request.pairwisePath.map(ReportExporter.absolute), answers: answers,
                                      judgements: judgements))
        } catch {
            return .failed(ReportExporter.oneLine(error.line))
        }
    }

    /// What reading a saved session's members again gave.
    public struct Restored: Sendable {
        public var members: [TeamMember] = []
        /// Those whose files no longer read: kept, to be read again next time.
        public var unavailable: [TeamLoadRequest] = []
        /// One line for each of those, saying why.
        public var problems: [String] = []

        public init(members: [TeamMember] = [], unavailable: [TeamLoadRequest] = [], problems: [String] = []) {
            self.members = members
            self.unavailable = unavailable
            self.problems = problems
        }
    }

    /// The members a saved session had loaded, read again; a file that no longer reads leaves its
    /// member out of the comparison this time, with one line saying why.
    public func restore(_ requests: [TeamLoadRequest], knowledge: KnowledgeBase) -> Restored {
        var restored = Restored()
        for request in requests {
            switch perform(request, knowledge: knowledge) {
            case .loaded(let member):
                restored.members.append(member)
            case .failed(let line):
                restored.unavailable.append(request)
                restored.problems.append("\(request.name) is left out of the team comparison this time (kept, to be "
                                         + "read again next time): \(line)")
            }
        }
        return restored
    }

    /// Reads the member `state` is waiting for, if any, and shows the outcome. True if there was one.
    @discardableResult
    public func performPending(in state: inout AdvisorState) -> Bool {
        guard let request = state.takeTeamRequest() else { return false }
        state.finishTeamLoad(perform(request, knowledge: state.loadedKnowledge))
        return true
    }
}
