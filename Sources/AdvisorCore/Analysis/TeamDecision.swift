import Foundation

/// A decision made by several people, each with their own answers (and, optionally, their own
/// pairwise importance judgements), over one knowledge base.
///
/// The group consultation: each member is consulted alone, exactly as `advisor recommend` consults
/// one person. The group's weight of a criterion is the geometric mean of the members' final
/// weights of it (group AHP's aggregation of individual priorities); a criterion any member weighs
/// 0 weighs 0 for the group. The group's rating of a framework on a criterion is the arithmetic
/// mean of the members' final ratings (rules change ratings with the answers). A framework any
/// member's answers knock out is out for the group. Group score =
/// `100 × Σ_c w̄_c · r̄_f,c / (Σ_c w̄_c · 5)`, the engine's own formula.
public struct TeamDecision: Sendable {
    /// One member's input: the knowledge with their pairwise judgements applied, and their answers.
    public struct Member: Sendable {
        public var name: String
        public var knowledge: KnowledgeBase
        public var answers: Answers

        public init(name: String, knowledge: KnowledgeBase, answers: Answers) {
            self.name = name
            self.knowledge = knowledge
            self.answers = answers
        }
    }

    /// A member and their own consultation.
    public struct Result: Sendable {
        public var member: Member
        public var consultation: Consultation
    }

    /// Who knocked a framework out of the group's choice, and why.
    public struct Knockout: Sendable {
        public var framework: String
        public var name: String
        /// Each member whose answers knocked it out, with the rule and its reason, in member order.
        public var by: [(member: String, rule: String, reason: String)]
    }

    /// The group's aggregated consultation.
    public struct Group: Sendable {
        /// `consultation.weights[c].final` is w̄_c, `consultation.ratings[f][c].final` is r̄_f,c, and
        /// `consultation.ranking` the group's scores. It has no trace: no rule fired for the group.
        public var consultation: Consultation
        public var knockouts: [Knockout]

        public var winner: ScoredFramework? { consultation.winner }
    }

    /// A question the members answered differently.
    public struct Disagreement: Sendable {
        public struct Outcome: Sendable {
            /// The answer every member was given for the re-run; nil: the question left unanswered.
            public var value: AnswerValue?
            /// The members who gave this answer themselves.
            public var members: [String]
            /// The group's winner with every member answering `value`; nil if every framework is out.
            public var winner: ScoredFramework?
            /// The actual group winner's lead over the best other framework in that re-run, in points
            /// (negative when it falls behind; a knocked-out framework counts 0 points).
            public var margin: Double
        }

        public var question: String
        /// Each member's answer, in member order (nil: not answered).
        public var answers: [(member: String, value: AnswerValue?)]
        /// One per distinct answer, in the question's option order, unanswered last.
        public var outcomes: [Outcome]
        /// The largest margin minus the smallest over the outcomes, in points.
        public var swing: Double

        /// Whether the group's winner differs between the answers.
        public var changesWinner: Bool {
            Set(outcomes.map { $0.winner?.framework ?? "" }).count > 1
        }
    }

    public var members: [Result]
    public var group: Group
    /// Largest swing first; ties in questionnaire order.
    public var disagreements: [Disagreement]

    /// The method, in one paragraph, as reports state it.
    public static let method = """
        Each member's answers (and pairwise judgements, if given) are consulted alone, exactly as \
        'advisor recommend' does. The group weight of each criterion is the geometric mean of the \
        members' final weights (after their rules), so a criterion any member weighs 0 weighs 0 for \
        the group; the group rating of each framework on each criterion is the mean of the members' \
        final ratings. A framework knocked out by any member's answers is out. Group score = \
        100 × Σ weight × rating / (Σ weight × 5), the same formula as for one person.
        """

    /// Consults every member and the group, and re-runs the group for every disagreement.
    public static func decide(_ members: [Member]) -> TeamDecision {
        let results = members.map { Result(member: $0, consultation: Engine.consult($0.knowledge, answers: $0.answers)) }
        let group = aggregate(results)
        let disagreements = disagreements(members, winner: group.winner?.framework)
        return TeamDecision(members: results, group: group, disagreements: disagreements)
    }

    /// The group consultation of members already consulted.
    public static func aggregate(_ results: [Result]) -> Group {
        guard let first = results.first?.consultation else {
            preconditionFailure("a team has at least one member")
        }
        let knowledge = first.knowledge
        let n = Double(results.count)
        let weights = knowledge.criteria.indices.map { c -> CriterionWeight in
            let values = results.map { $0.consultation.weights[c].final }
            let mean = values.contains { $0 <= 0 } ? 0 : exp(values.reduce(0) { $0 + log($1) } / n)
            return CriterionWeight(criterion: knowledge.criteria[c].id, base: mean, final: mean, steps: [])
        }
        let ratings = knowledge.frameworkIDs.indices.map { f in
            knowledge.criteria.indices.map { c -> FrameworkRating in
                let mean = results.reduce(0) { $0 + $1.consultation.ratings[f][c].final } / n
                return FrameworkRating(criterion: knowledge.criteria[c].id, base: mean, final: mean, steps: [])
            }
        }
        var knockouts: [Knockout] = []
        for (f, id) in knowledge.frameworkIDs.enumerated() {
            var by: [(member: String, rule: String, reason: String)] = []
            for result in results {
                for exclusion in result.consultation.excluded where exclusion.framework == id {
                    by.append((result.member.name, exclusion.rule, exclusion.reason))
                }
            }
            if !by.isEmpty { knockouts.append(Knockout(framework: id, name: knowledge.frameworkNames[f], by: by)) }
        }
        let excluded = knockouts.map { knockout in
            Exclusion(framework: knockout.framework, rule: knockout.by[0].rule,
                      reason: knockout.by.map { "\($0.member): \($0.reason)" }.joined(separator: "; "))
        }
        let ranking = Scoring.rank(knowledge, weights: weights, ratings: ratings,
                                   excluded: Set(knockouts.map(\.framework)))
        // The answers every member gave alike: the group's answers, as far as it has any.
        var shared = Answers()
        for (question, value) in results[0].member.answers.values
            where results.allSatisfy({ $0.member.answers[question] == value }) {
            shared[question] = value
        }
        let consultation = Consultation(
            knowledge: knowledge, answers: shared, ignored: [], overrides: [:], firings: [],
            facts: Array(repeating: .false, count: knowledge.facts.count), weights: weights, ratings: ratings,
            excluded: excluded, ranking: ranking, wanted: [], notes: [])
        return Group(consultation: consultation, knockouts: knockouts)
    }

    /// The group's result with every member's answer to `question` set to `value`.
    public static func group(_ members: [Member], answering question: String, with value: AnswerValue?) -> Group {
        aggregate(members.map { member in
            var answers = member.answers
            answers[question] = value
            return Result(member: member, consultation: Engine.consult(member.knowledge, answers: answers))
        })
    }

    static func disagreements(_ members: [Member], winner: String?) -> [Disagreement] {
        guard let knowledge = members.first?.knowledge else { return [] }
        var found: [(index: Int, item: Disagreement)] = []
        for (index, question) in knowledge.questions.enumerated() {
            let given = members.map { (member: $0.name, value: $0.answers[question.id]) }
            var distinct: [AnswerValue?] = []
            for answer in given where !distinct.contains(answer.value) { distinct.append(answer.value) }
            guard distinct.count > 1 else { continue }
            distinct.sort { order(of: $0, in: question).lexicographicallyPrecedes(order(of: $1, in: question)) }
            let outcomes = distinct.map { value -> Disagreement.Outcome in
                let group = group(members, answering: question.id, with: value)
                let ranking = group.consultation.ranking
                let own = winner.flatMap { id in ranking.first { $0.framework == id }?.score } ?? 0
                let other = ranking.first { $0.framework != winner }?.score ?? 0
                return .init(value: value, members: given.filter { $0.value == value }.map(\.member),
                             winner: ranking.first, margin: own - other)
            }
            let margins = outcomes.map(\.margin)
            let swing = (margins.max() ?? 0) - (margins.min() ?? 0)
            found.append((index, Disagreement(question: question.id, answers: given, outcomes: outcomes, swing: swing)))
        }
        found.sort {
            abs($0.item.swing - $1.item.swing) > Scoring.tieTolerance ? $0.item.swing > $1.item.swing : $0.index < $1.index
        }
        return found.map(\.item)
    }

    /// Letters (with their combining marks), digits, `-` and `_`, starting with a letter, at most 40
    /// characters: checked scalar by scalar, so no control or formatting character hides in a name.
    public static func isMemberName(_ name: String) -> Bool {
        let scalars = name.unicodeScalars
        guard let first = scalars.first, first.properties.isAlphabetic, first.properties.generalCategory != .nonspacingMark,
              name.count <= 40 else { return false }
        return scalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .decimalNumber: true
            default: scalar == "-" || scalar == "_"
            }
        }
    }

    /// Where an answer sorts: options in the question's order, yes before no, unanswered last.
    private static func order(of value: AnswerValue?, in question: Question) -> [Int] {
        switch value {
        case .one(let option)?: [0, question.values.firstIndex(of: option) ?? question.values.count]
        case .yes(let flag)?: [0, flag ? 0 : 1]
        case .many(let options)?: [1] + options.map { question.values.firstIndex(of: $0) ?? question.values.count }
        case nil: [2]
        }
    }
}
