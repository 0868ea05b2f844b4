import AdvisorCore
import ArgumentParser
import Foundation

/// `advisor` (or `advisor interactive`): the full-screen questionnaire on a terminal; with `--accessible`
/// (or on a terminal without cursor control) the same questions as plain numbered prompts.
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

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (for selecting text); keys only.")
    var noMouse = false

    @Flag(name: .long, help: ArgumentHelp(
        "Ask the questions as plain numbered prompts on standard input and output, for screen readers, pipes and "
            + "terminals without cursor control; chosen by itself when TERM is dumb, unset or unknown. Answers "
            + "are not saved; --resume and --pairwise need the full-screen advisor."))
    var accessible = false

    func run() throws {
        try InteractiveSession(self).run()
    }
}
