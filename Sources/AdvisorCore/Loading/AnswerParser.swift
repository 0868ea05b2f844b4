/// Checks raw answers against the questionnaire and turns them into `AnswerValue`s.
public struct AnswerParser: Sendable {
    public let knowledge: KnowledgeBase

    public init(knowledge: KnowledgeBase) {
        self.knowledge = knowledge
    }

    /// Parses `ID=VALUE` from `--answer`; multi-choice values are comma-separated.
    public func parse(assignment: String) throws(AnswerError) -> (String, AnswerValue) {
        guard let equals = assignment.firstIndex(of: "=") else {
            throw AnswerError("--answer takes ID=VALUE, as in project_type=api; got \(Echo.quoted(assignment))",
                              origin: .commandLine)
        }
        let id = String(assignment[..<equals]).trimmingWhitespace()
        let raw = String(assignment[assignment.index(after: equals)...])
        let question = try question(id, origin: .commandLine, at: nil)
        let values = raw.split(separator: ",", omittingEmptySubsequences: false)
            .map { String($0).trimmingWhitespace() }
        return (id, try value(for: question, values, listGiven: false, origin: .commandLine, at: nil))
    }

    /// The question with this id, or an error with a suggestion.
    func question(_ id: String, origin: AnswerError.Origin, at location: SourceLocation?) throws(AnswerError)
        -> Question {
        if let question = knowledge.question(id) { return question }
        if id.isEmpty {
            throw AnswerError("an answer is missing its question id", origin: origin, at: location)
        }
        throw AnswerError("unknown question \(Echo.quoted(id))"
                          + Suggestion.didYouMean(id, in: knowledge.questions.map(\.id))
                          + " (see 'advisor questions')", origin: origin, at: location)
    }

    /// Checks `values` against the question's kind and options.
    func value(for question: Question, _ values: [String], listGiven: Bool, origin: AnswerError.Origin,
               at location: SourceLocation?) throws(AnswerError) -> AnswerValue {
        switch question.kind {
        case .choice, .scale:
            let given = values.filter { !$0.isEmpty }
            guard given.count == 1, !listGiven || values.count == 1 else {
                if given.isEmpty {
                    throw AnswerError("question '\(question.id)' needs a value (allowed: "
                                      + "\(question.values.joined(separator: ", ")))", origin: origin, at: location)
                }
                throw AnswerError("question '\(question.id)' takes one answer, got \(given.count): "
                                  + Echo.cut(given.joined(separator: ", ")), origin: origin, at: location)
            }
            return .one(try option(given[0], of: question, origin: origin, at: location))
        case .multi:
            var picked: [String] = []
            for raw in values where !raw.isEmpty && raw != "none" {
                let option = try option(raw, of: question, origin: origin, at: location)
                if !picked.contains(option) { picked.append(option) }
            }
            // Keep the questionnaire's order, so equal answers compare equal.
            return .many(question.values.filter(picked.contains))
        case .yesno:
            guard values.count == 1, let flag = Self.yesNo(values[0]) else {
                let shown = values.joined(separator: ",")
                throw AnswerError("question '\(question.id)' is answered yes or no, got \(Echo.quoted(shown))",
                                  origin: origin, at: location)
            }
            return .yes(flag)
        }
    }

    private func option(_ raw: String, of question: Question, origin: AnswerError.Origin,
                        at location: SourceLocation?) throws(AnswerError) -> String {
        if question.values.contains(raw) { return raw }
        throw AnswerError("\(Echo.quoted(raw)) is not an answer to '\(question.id)'"
                          + Suggestion.didYouMean(raw, in: question.values)
                          + " (allowed: \(question.values.joined(separator: ", ")))", origin: origin, at: location)
    }

    static func yesNo(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "y", "true": true
        case "no", "n", "false": false
        default: nil
        }
    }
}
