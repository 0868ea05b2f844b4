import AdvisorCore
import ArgumentParser
import Foundation

/// `advisor` (or `advisor interactive`): the full-screen questionnaire. It needs a terminal.
struct Interactive: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Answer the questionnaire on a full-screen terminal UI (the default).")

    @OptionGroup var knowledgeOptions: KnowledgeOptions
    @OptionGroup var colorOptions: ColorOptions

    @Option(name: .long, help: ArgumentHelp("Start with the answers in FILE filled in.", valueName: "file"))
    var answers: String?

    @Flag(name: .long, help: "Continue the last unfinished session.")
    var resume = false

    @Flag(name: .long, help: "Start by weighing criteria against each other in pairs (AHP); also 'p' on the results.")
    var pairwise = false

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw Failure.usage("the interactive advisor needs a terminal; for scripts use "
                                + "'advisor recommend --answer ID=VALUE ...' (see 'advisor recommend --help')")
        }
        try InteractiveSession(knowledgeOptions: knowledgeOptions, colorOptions: colorOptions,
                               answersFile: answers, resume: resume, pairwise: pairwise).run()
    }
}
