import AdvisorCore
import ArgumentParser

/// `advisor recommend`: answers in, a scored and explained recommendation out, on the terminal or
/// as a report file (a MADR decision record, JSON or HTML).
struct Recommend: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recommend a framework from answers given as flags or in a file.",
        discussion: """
            Examples:
              advisor recommend --answer project_type=api --answer traffic=high
              advisor recommend --answers answers.yaml --format json
              advisor recommend --answers answers.yaml --output decision.md
              advisor recommend --answers answers.yaml --pairwise importance.yaml --analysis
              advisor recommend --answers answers.yaml --adr-dir docs/decisions --decision-makers "Ana, Ben"
            """
    )

    @OptionGroup var knowledgeOptions: KnowledgeOptions
    @OptionGroup var answerOptions: AnswerOptions
    @OptionGroup var colorOptions: ColorOptions
    @OptionGroup var reportOptions: ReportOutputOptions
    @OptionGroup var analysisOptions: AnalysisOptions
    @OptionGroup var pairwiseOptions: PairwiseOptions

    func run() throws {
        let destination = try reportOptions.destination()
        let format = try reportOptions.format(for: destination)
        let date = try reportOptions.resolvedDate()
        let loaded = try knowledgeOptions.load()
        let pairwise = try pairwiseOptions.load(knowledge: loaded.knowledge)
        let knowledge = pairwise.map { $0.applied(to: loaded.knowledge) } ?? loaded.knowledge
        let answers = try answerOptions.answers(for: knowledge)
        let weights = try answerOptions.weights(for: knowledge)
        let consultation = Engine.consult(knowledge, answers: answers, weights: weights)
        var options = ReportOptions(
            title: reportOptions.title, date: date, decisionMakers: reportOptions.decisionMakers,
            knowledgeDirectories: knowledgeOptions.knowledge,
            textStyle: destination == .standardOutput ? colorOptions.style() : TextStyle(color: false, unicode: true))
        options.analysis = try analysisOptions.run(consultation, format: format)
        options.pairwise = pairwise.map { ReportOptions.Pairwise(file: pairwiseOptions.pairwise ?? "", judgements: $0) }
        let report = ReportRenderer.render(consultation, format: format, options: options)
        try ReportOutput.deliver(report, to: destination, winner: consultation.winner?.name,
                                 overwrite: reportOptions.force)
    }
}
