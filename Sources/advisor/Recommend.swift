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
        try RecommendRequest(self).run()
    }
}
