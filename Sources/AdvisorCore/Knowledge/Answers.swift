/// One answer to one question.
public enum AnswerValue: Hashable, Sendable {
    /// A choice or scale option.
    case one(String)
    /// The options picked in a multi-choice question (possibly none).
    case many([String])
    /// A yes/no answer.
    case yes(Bool)

    /// The answer as the command line writes it: `api`, `admin,auth`, `yes`.
    public var text: String {
        switch self {
        case .one(let value): value
        case .many(let values): values.joined(separator: ",")
        case .yes(let flag): flag ? "yes" : "no"
        }
    }
}

/// The answers given so far, by question id. A question without an answer is unknown.
public struct Answers: Hashable, Sendable {
    public private(set) var values: [String: AnswerValue] = [:]

    public init(_ values: [String: AnswerValue] = [:]) {
        self.values = values
    }

    public subscript(_ question: String) -> AnswerValue? {
        get { values[question] }
        set { values[question] = newValue }
    }

    public var isEmpty: Bool { values.isEmpty }
    public var count: Int { values.count }

    /// `answers` laid over these: its values win.
    public func merging(_ other: Answers) -> Answers {
        Answers(values.merging(other.values) { _, new in new })
    }

    /// The answers in questionnaire order, for output.
    public func ordered(by knowledge: KnowledgeBase) -> [(question: Question, value: AnswerValue)] {
        knowledge.questions.compactMap { question in values[question.id].map { (question, $0) } }
    }
}
