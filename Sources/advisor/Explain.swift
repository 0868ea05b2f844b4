import AdvisorCore
import ArgumentParser

/// `advisor explain`: every point of a framework's score, why a question is asked, or why a
/// framework lost to the recommendation.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a framework's score point by point, or why a question is asked.",
        discussion: """
            Examples:
              advisor explain fastapi --answer project_type=api
              advisor explain --question traffic
              advisor explain --why-not django --answer project_type=api
            """
    )

    @Argument(help: "The framework to explain (default: the recommended one).")
    var framework: String?

    @Option(name: .long, help: ArgumentHelp("Explain why this question is asked and what each answer changes.",
                                            valueName: "id"))
    var question: String?

    @Option(name: .customLong("why-not"),
            help: ArgumentHelp("Explain what cost this framework the win: its largest losses against the "
                               + "recommendation, the rules behind them, and any knock-out.", valueName: "framework"))
    var whyNot: String?

    @OptionGroup var knowledgeOptions: KnowledgeOptions
    @OptionGroup var answerOptions: AnswerOptions
    @OptionGroup var pairwiseOptions: PairwiseOptions

    func validate() throws {
        if [framework != nil, question != nil, whyNot != nil].filter({ $0 }).count > 1 {
            throw Failure.usage("give one of a framework, --question or --why-not")
        }
    }

    func run() throws {
        let loaded = try knowledgeOptions.load().knowledge
        let knowledge = try pairwiseOptions.load(knowledge: loaded).map { $0.applied(to: loaded) } ?? loaded
        let answers = try answerOptions.answers(for: knowledge)
        let weights = try answerOptions.weights(for: knowledge)
        let consultation = Engine.consult(knowledge, answers: answers, weights: weights)
        try consultation.requireSomeWeight()
        if let question {
            guard knowledge.question(question) != nil else {
                throw Failure.usage("unknown question '\(question)'"
                                    + Suggestion.didYouMean(question, in: knowledge.questions.map(\.id)))
            }
            let insight = QuestionInsight.analyse(question: question, in: consultation)
            try Output.write(ExplanationReport.question(insight, in: consultation))
            return
        }
        if let whyNot {
            guard knowledge.framework(whyNot) != nil else {
                throw Failure.usage("unknown framework '\(whyNot)'"
                                    + Suggestion.didYouMean(whyNot, in: knowledge.frameworks.map(\.id))
                                    + " (see 'advisor frameworks')")
            }
            try Output.write(ExplanationReport.whyNot(WhyNot.analyse(whyNot, in: consultation), in: consultation))
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
