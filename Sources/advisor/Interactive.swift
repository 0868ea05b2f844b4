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
        try InteractiveSession(self).run()
    }
}

/// A hand-written parser for the interactive advisor's own flags (`advisor`, `advisor --resume`, …),
/// for the same reason as `FastRecommend`: ArgumentParser's reflection was most of the time from
/// launch to the first painted screen. It takes each flag spelled in full, each value the next
/// argument and not starting with `-`, and each single-valued flag once; anything else returns nil and
/// ArgumentParser parses the line, with its messages. `FastInteractiveTests` checks both agree.
enum FastInteractive {
    static func parse(_ arguments: [String]) -> InteractiveSession? {
        var session = InteractiveSession()
        var seen: [String] = []
        var index = 0
        func value() -> String? {
            guard index < arguments.count, !arguments[index].isEmpty, !arguments[index].hasPrefix("-") else { return nil }
            index += 1
            return arguments[index - 1]
        }
        while index < arguments.count {
            let flag = arguments[index]
            index += 1
            let key = flag == "--no-color" ? "--color" : flag
            if flag != "--knowledge" {
                guard !seen.contains(key) else { return nil }
                seen.append(key)
            }
            switch flag {
            case "--knowledge": guard let v = value() else { return nil }; session.knowledgeOptions.knowledge.append(v)
            case "--large-knowledge": session.knowledgeOptions.largeKnowledge = true
            case "--color": session.color = true
            case "--no-color": session.color = false
            case "--answers": guard let v = value() else { return nil }; session.answersFile = v
            case "--resume": session.resume = true
            case "--pairwise": session.pairwise = true
            default: return nil
            }
        }
        return session
    }
}
