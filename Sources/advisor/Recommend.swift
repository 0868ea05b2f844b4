import AdvisorCore
import ArgumentParser

/// `advisor recommend`: answers in, a scored and explained recommendation out.
struct Recommend: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recommend a framework from answers given as flags or in a file.",
        discussion: """
            Examples:
              advisor recommend --answer project_type=api --answer traffic=high
              advisor recommend --answers answers.yaml --format json
            """
    )

    @OptionGroup var knowledgeOptions: KnowledgeOptions
    @OptionGroup var answerOptions: AnswerOptions
    @OptionGroup var colorOptions: ColorOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let loaded = try knowledgeOptions.load()
        let knowledge = loaded.knowledge
        let answers = try answerOptions.answers(for: knowledge)
        let weights = try answerOptions.weights(for: knowledge)
        let consultation = Engine.consult(knowledge, answers: answers, weights: weights)
        switch format {
        case .text: try Output.write(TextReport.render(consultation, style: colorOptions.style()))
        case .json: try Output.write(JSONReport.render(consultation))
        }
    }
}
