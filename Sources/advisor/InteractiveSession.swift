import AdvisorCore

/// Runs the full-screen advisor.
struct InteractiveSession {
    var knowledgeOptions: KnowledgeOptions
    var colorOptions: ColorOptions
    var answersFile: String?
    var resume: Bool

    func run() throws {
        throw Failure.usage("the interactive advisor is not available in this build; use 'advisor recommend'")
    }
}
