import AdvisorCore
import AdvisorTUI
import Foundation

/// Runs the interactive advisor: loads the knowledge and any answers or saved session, hands the
/// terminal to `AdvisorApp`, and turns how it ended into a message and an exit code. With
/// `--accessible`, or on a terminal that cannot address the cursor (`TERM` unset, `dumb`, or unknown
/// to terminfo), it asks the questions as plain numbered prompts instead (`AccessiblePrompter`).
struct InteractiveSession: Equatable {
    var knowledgeOptions = RecommendRequest.Knowledge()
    var color: Bool?
    var answersFile: String?
    var resume = false
    var pairwise = false
    var mouse = true
    var accessible = false

    /// The session ArgumentParser parsed.
    init(_ command: Interactive) {
        knowledgeOptions = .init(knowledge: command.knowledgeOptions.knowledge,
                                 largeKnowledge: command.knowledgeOptions.largeKnowledge)
        color = command.colorOptions.color
        answersFile = command.answers
        resume = command.resume
        pairwise = command.pairwise
        mouse = !command.noMouse
        accessible = command.accessible
    }

    func run() throws {
        // Only the variables that matter, read with getenv: `ProcessInfo.environment` copies the whole
        // environment into a dictionary, and its first use costs a scan of every conformance record.
        var environment: [String: String] = [:]
        for name in ["XDG_STATE_HOME", "HOME", "NO_COLOR", "TERM", "LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        if accessible || !CursesTerminal.canDraw(terminal: environment["TERM"]) {
            return try runAccessible(environment: environment)
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw Failure.usage("the interactive advisor needs a terminal; use 'advisor --accessible' for plain "
                                + "numbered prompts, or for scripts 'advisor recommend --answer ID=VALUE ...' "
                                + "(see 'advisor recommend --help')")
        }
        let knowledge = try knowledgeOptions.load().knowledge
        let store = SessionStore.standard(environment: environment)
        var state = AdvisorState(knowledge: knowledge)
        var resumePoint: String?
        var resumedTeam: (restored: TeamLoader.Restored, ownName: String)?
        if resume {
            guard let store else {
                throw Failure.noInput("no saved session: neither XDG_STATE_HOME nor HOME is set")
            }
            let snapshot: SessionStore.Snapshot?
            do {
                snapshot = try store.load(knowledge: knowledge)
            } catch {
                throw Failure.data("the saved session '\(store.path)' no longer fits the knowledge (\(error.line)); "
                                   + "start afresh with 'advisor'")
            }
            guard let snapshot else {
                throw Failure.noInput("no unfinished session to resume (looked for '\(store.path)')")
            }
            state = AdvisorState(knowledge: knowledge, answers: snapshot.answers, skipped: snapshot.skipped)
            resumedTeam = (TeamLoader().restore(snapshot.team, knowledge: knowledge), snapshot.teamOwnName)
            resumePoint = snapshot.resumePoint ?? knowledge.questions.first?.id
        }
        if let answersFile {
            let given = try readAnswers(answersFile, knowledge: knowledge)
            state = AdvisorState(knowledge: knowledge, answers: state.answers.merging(given), skipped: state.skipped)
            state.welcomeNote = "\(given.count) answer\(given.count == 1 ? "" : "s") filled in from \(answersFile); "
                + "change any of them on its question, or press r to review."
        }
        // A session on disk is offered rather than overwritten unasked, with `--answers` too.
        if !resume, let store, let saved = try? store.load(knowledge: knowledge), !saved.answers.isEmpty {
            state.resumeOffer = ResumeOffer(answers: saved.answers, skipped: saved.skipped,
                                            resumePoint: saved.resumePoint,
                                            team: TeamLoader().restore(saved.team, knowledge: knowledge),
                                            teamOwnName: saved.teamOwnName)
        }
        if store == nil {
            state.welcomeNote = (state.welcomeNote.map { $0 + " " } ?? "")
                + "Progress is not saved: neither XDG_STATE_HOME nor HOME is set."
        }
        if let resumedTeam {
            state.restoreTeam(resumedTeam.restored, ownName: resumedTeam.ownName)
        }
        if resume { state.resume(at: resumePoint) }
        if pairwise { state.openPairwise() }

        let color = self.color
            ?? ((environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb")
        var terminal = CursesTerminal(color: color, mouse: mouse)
        let exporter = ReportExporter(options: ReportOptions(date: ReportOptions.today(),
                                                             knowledgeDirectories: knowledgeOptions.knowledge))
        let outcome = AdvisorApp.run(state, on: &terminal, store: store, exporter: exporter)
        try finish(outcome, store: store)
    }

    /// The questionnaire as plain numbered prompts on standard input and output; nothing is saved.
    private func runAccessible(environment: [String: String]) throws {
        let why = accessible ? "" : " (this terminal cannot show the full-screen advisor)"
        if resume { throw Failure.usage("--resume needs the full-screen advisor\(why); use --answers FILE instead") }
        if pairwise { throw Failure.usage("--pairwise needs the full-screen advisor\(why)") }
        let knowledge = try knowledgeOptions.load().knowledge
        var state = AdvisorState(knowledge: knowledge)
        var note: String?
        if let answersFile {
            let given = try readAnswers(answersFile, knowledge: knowledge)
            state = AdvisorState(knowledge: knowledge, answers: given)
            note = "\(given.count) answer\(given.count == 1 ? "" : "s") filled in from \(answersFile); "
                + "an empty line keeps an answer."
        }
        var arguments = knowledgeOptions.knowledge.map { "--knowledge " + ReproduceCommand.quote($0) }
        if knowledgeOptions.largeKnowledge { arguments.append("--large-knowledge") }
        var prompter = AccessiblePrompter(state: state, input: StandardInputLines(), output: StandardOutputText(),
                                          unicode: TextStyle.isUTF8(environment: environment),
                                          knowledgeArguments: arguments, note: note)
        _ = try prompter.run()
    }

    /// Prints what happened once the terminal is back, and exits with the matching code.
    private func finish(_ outcome: AdvisorApp.Outcome, store: SessionStore?) throws {
        let state = outcome.state
        let saved = store.map { " Your answers are saved in \($0.path); continue with 'advisor --resume'." } ?? ""
        switch outcome {
        case .quit(let state) where state.screen == .results:
            if let winner = state.consultation.winner {
                try Output.write("Recommendation: \(TextSanitizer.inert(winner.name)) "
                                 + "(\(Format.fixed(winner.score, decimals: 1)) of 100)\n")
            }
            let command = ReproduceCommand.answerGroups(state.consultation,
                                                        knowledgeDirectories: knowledgeOptions.knowledge)
            try Output.write("Reproduce it with: " + command.joined(separator: " ") + "\n")
            if !state.exported, let store {
                try Output.write("Your answers are saved in \(store.path); 'advisor --resume' opens these results "
                                 + "again.\n")
            }
        case .quit, .endOfInput:
            if state.hasProgress { Output.error("advisor: stopped." + saved) }
        case .interrupted:
            Output.error("advisor: interrupted." + saved)
            Foundation.exit(130)
        case .signal(let signal, _):
            Output.error("advisor: stopped by signal \(signal)." + saved)
            Foundation.exit(128 + signal)
        }
    }

    private func readAnswers(_ path: String, knowledge: KnowledgeBase) throws(Failure) -> Answers {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .noInput("answers file '\(path)' does not exist")
        }
        if isDirectory.boolValue { throw .noInput("answers file '\(path)' is a directory") }
        do {
            return try AnswersFile.read(path: path, parser: AnswerParser(knowledge: knowledge))
        } catch {
            throw Failure(error)
        }
    }
}

/// Standard output for the accessible advisor: written at once, control characters shown, not sent.
struct StandardOutputText: TextSink {
    func write(_ text: String) throws {
        try Output.write(text)
    }
}
