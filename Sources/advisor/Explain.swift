import AdvisorCore
import ArgumentParser

/// `advisor explain`: every point of a framework's score, or why a question is asked.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a framework's score point by point, or why a question is asked.",
        discussion: """
            Examples:
              advisor explain fastapi --answer project_type=api
              advisor explain --question traffic
            """
    )

    @Argument(help: "The framework to explain (default: the recommended one).")
    var framework: String?

    @Option(name: .long, help: ArgumentHelp("Explain why this question is asked and what each answer changes.",
                                            valueName: "id"))
    var question: String?

    @OptionGroup var knowledgeOptions: KnowledgeOptions
    @OptionGroup var answerOptions: AnswerOptions

    func validate() throws {
        if framework != nil && question != nil {
            throw Failure.usage("give a framework or --question, not both")
        }
    }

    func run() throws {
        let knowledge = try knowledgeOptions.load().knowledge
        let answers = try answerOptions.answers(for: knowledge)
        let weights = try answerOptions.weights(for: knowledge)
        let consultation = Engine.consult(knowledge, answers: answers, weights: weights)
        if let question {
            guard knowledge.question(question) != nil else {
                throw Failure.usage("unknown question '\(question)'"
                                    + Suggestion.didYouMean(question, in: knowledge.questions.map(\.id)))
            }
            let insight = QuestionInsight.analyse(question: question, in: consultation)
            try Output.write(ExplanationReport.question(insight, in: consultation))
            return
        }
        let id = framework ?? consultation.winner?.framework
        guard let id, knowledge.framework(id) != nil else {
            throw Failure.usage("unknown framework '\(framework ?? "")'"
                                + Suggestion.didYouMean(framework ?? "", in: knowledge.frameworks.map(\.id))
                                + " (see 'advisor frameworks')")
        }
        try Output.write(ExplanationReport.framework(id, in: consultation))
    }
}
