/// A decision record re-run against the current knowledge: whether its decision still holds.
public struct RecordCheck: Sendable {
    public enum Status: String, Sendable {
        case holds
        case scoresMoved = "scores moved"
        case winnerChanged = "winner changed"
        case cannotRerun = "cannot re-run"
        case skipped
    }

    /// A number that moved: a framework's points on a criterion (`scores moved`), or the old winner's
    /// lead over the new one on a criterion (`winner changed`, where `framework` is nil).
    public struct Move: Hashable, Sendable {
        public var framework: String?
        public var criterion: String
        public var old: Double
        public var new: Double
    }

    public var status: Status
    public var oldWinner: String?
    public var newWinner: String?
    public var moved: [Move] = []
    /// Why the record cannot be re-run, or why it was skipped.
    public var problem: String?
    /// The new consultation, when the record could be re-run (the group's, for a team's record).
    public var consultation: Consultation?
    /// A team's record: its members as they were re-run, for the record that supersedes it.
    public var teamMembers: [TeamDecision.Member]?

    public init(status: Status, problem: String? = nil) {
        self.status = status
        self.problem = problem
    }

    /// Scores closer than this to the recorded ones still hold.
    public static let tolerance = 0.05

    /// The recorded answers as answers to `knowledge`, or why they no longer fit it.
    public static func answers(_ recorded: [RecordMetadata.Answer], knowledge: KnowledgeBase) -> Result<Answers, Problem> {
        let parser = AnswerParser(knowledge: knowledge)
        var answers = Answers()
        for answer in recorded {
            let id = TextSanitizer.inert(answer.question)
            guard let question = knowledge.question(answer.question) else {
                return .failure(Problem("question '\(id)' no longer exists"))
            }
            if question.kind != .yesno {
                for value in answer.values where value != "none" && !question.values.contains(value) {
                    return .failure(Problem("'\(TextSanitizer.inert(value))' is no longer an answer to '\(id)'"))
                }
            }
            do {
                answers[question.id] = try parser.value(for: question, answer.values, listGiven: answer.isList,
                                                        origin: .file, at: nil)
            } catch {
                return .failure(Problem(error.message))
            }
        }
        return .success(answers)
    }

    public struct Problem: Error, Sendable {
        public var message: String
        public init(_ message: String) { self.message = message }
    }

    /// Re-runs `m` against `knowledge` (with any pairwise judgements already applied).
    public static func run(_ m: RecordMetadata, knowledge: KnowledgeBase) -> RecordCheck {
        let answers: Answers
        switch Self.answers(m.answers, knowledge: knowledge) {
        case .failure(let problem): return RecordCheck(status: .cannotRerun, problem: problem.message)
        case .success(let given): answers = given
        }
        var weights: [String: Double] = [:]
        for weight in m.weights {
            guard knowledge.criterion(weight.criterion) != nil else {
                return RecordCheck(status: .cannotRerun,
                                   problem: "criterion '\(TextSanitizer.inert(weight.criterion))' no longer exists")
            }
            weights[weight.criterion] = weight.value
        }
        let c = Engine.consult(knowledge, answers: answers, weights: weights)
        return compare(m, with: c)
    }

    /// Re-runs the team's record `m`: each member with `knowledge(member)`, the knowledge with their
    /// pairwise judgements applied (or why it cannot be had), then the group as `advisor team` forms it.
    public static func runTeam(_ m: RecordMetadata,
                               knowledge: (RecordMetadata.Member) -> Result<KnowledgeBase, Problem>) -> RecordCheck {
        var members: [TeamDecision.Member] = []
        for member in m.members {
            let base: KnowledgeBase
            switch knowledge(member) {
            case .failure(let problem): return RecordCheck(status: .cannotRerun, problem: problem.message)
            case .success(let given): base = given
            }
            switch answers(member.answers, knowledge: base) {
            case .failure(let problem):
                return RecordCheck(status: .cannotRerun,
                                   problem: "\(TextSanitizer.inert(member.name))'s answers: \(problem.message)")
            case .success(let given):
                members.append(TeamDecision.Member(name: member.name, knowledge: base, answers: given))
            }
        }
        let group = TeamDecision.aggregate(members.map { member in
            TeamDecision.Result(member: member, consultation: Engine.consult(member.knowledge, answers: member.answers))
        })
        var result = compare(m, with: group.consultation)
        result.teamMembers = members
        return result
    }

    /// The verdict on `m` given the consultation `c` its answers give now.
    static func compare(_ m: RecordMetadata, with c: Consultation) -> RecordCheck {
        let newWinner = c.winner?.framework
        func now(_ framework: String) -> ScoredFramework? { c.scored(framework) ?? c.unrankedScore(framework) }
        func points(_ scored: ScoredFramework?, _ criterion: String) -> Double {
            scored?.contributions.first { $0.criterion == criterion }?.points ?? 0
        }
        let criteria = m.criteria + c.knowledge.criteria.map(\.id).filter { !m.criteria.contains($0) }
        var result = RecordCheck(status: .holds)
        result.oldWinner = m.winner
        result.newWinner = newWinner
        result.consultation = c
        if m.winner != newWinner {
            result.status = .winnerChanged
            guard let old = m.winner, let new = newWinner else { return result }
            let oldNow = now(old), newNow = now(new)
            // The old winner's lead over the new one, criterion by criterion, then and now: the
            // criteria where it shrank most are the ones that changed the decision.
            let moves = criteria.map { criterion in
                Move(framework: nil, criterion: criterion,
                     old: (m.points(of: old, on: criterion) ?? 0) - (m.points(of: new, on: criterion) ?? 0),
                     new: points(oldNow, criterion) - points(newNow, criterion))
            }
            result.moved = Array(moves.filter { $0.old - $0.new >= tolerance }
                .sorted { ($0.old - $0.new, $1.criterion) > ($1.old - $1.new, $0.criterion) }.prefix(3))
            return result
        }
        for recorded in m.frameworks {
            let current = now(recorded.framework)
            guard abs((current?.score ?? 0) - recorded.score) > tolerance else { continue }
            result.status = .scoresMoved
            for (index, criterion) in m.criteria.enumerated() where index < recorded.points.count {
                let new = points(current, criterion)
                if abs(new - recorded.points[index]) >= 0.005 {
                    result.moved.append(Move(framework: recorded.framework, criterion: criterion,
                                             old: recorded.points[index], new: new))
                }
            }
        }
        return result
    }
}
