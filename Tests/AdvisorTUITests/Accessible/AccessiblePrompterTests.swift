import AdvisorCore
import Foundation
import Testing
import TestSupport
@testable import AdvisorTUI

/// The accessible advisor in memory: typed lines in, the exact text out.
struct AccessiblePrompterTests {
    /// What the user typed and what the advisor printed, interleaved as a terminal would show them.
    final class Screen {
        var text = ""
    }

    /// Typed lines, each echoed onto the shared screen after the prompt.
    struct EchoedLines: LineSource {
        var lines: ScriptedLines
        let screen: Screen

        mutating func nextLine() -> String? {
            let line = lines.nextLine()
            screen.text += (line ?? "^D") + "\n"
            return line
        }
    }

    struct ScreenText: TextSink {
        let screen: Screen
        func write(_ text: String) { screen.text += text }
    }

    /// The prompter run over `lines` from `state`: the transcript with the typed lines, and the state it ended in.
    static func run(_ lines: [String], _ state: AdvisorState, note: String? = nil)
        throws -> (transcript: String, state: AdvisorState, ending: AccessiblePrompter<EchoedLines, ScreenText>.Ending) {
        let screen = Screen()
        var prompter = AccessiblePrompter(state: state, input: EchoedLines(lines: ScriptedLines(lines), screen: screen),
                                          output: ScreenText(screen: screen), note: note)
        let ending = try prompter.run()
        return (screen.text, prompter.state, ending)
    }

    static func run(_ lines: [String], _ knowledge: KnowledgeBase) throws
        -> (transcript: String, state: AdvisorState, ending: AccessiblePrompter<EchoedLines, ScreenText>.Ending) {
        try run(lines, AdvisorState(knowledge: knowledge))
    }

    static let invalidTail = " is not one of the options 1–8; type a number, a value, an empty line to skip, ? or b"

    @Test("a short path prints exactly the golden transcript: questions, why, back, an invalid entry, the recommendation")
    func goldenTranscript() throws {
        let knowledge = try #require(shipped)
        // api; why, then microservices; back, keep it; admin and ORM; 9 is no option, then moderate; end of input.
        let run = try Self.run(["1", "?", "2", "b", "", "1 3", "9", "moderate"], knowledge)
        #expect(run.ending == .endOfInput)
        assertSnapshot(run.transcript, named: "accessible-short-path.txt", in: snapshotDirectory())
    }

    @Test("the output alone, without the echo, is the prompts and the recommendation of recommend")
    func plainOutput() throws {
        let knowledge = try #require(shipped)
        var prompter = AccessiblePrompter(state: AdvisorState(knowledge: knowledge), input: ScriptedLines(["2", "1"]),
                                          output: Transcript())
        #expect(try prompter.run() == .endOfInput)
        let answers = Answers(["project_type": .one("web_app"), "architecture": .one("monolith")])
        #expect(prompter.state.answers == answers)
        let report = TextReport.render(Engine.consult(knowledge, answers: answers), style: .plain)
        let command = "advisor recommend --answer project_type=web_app --answer architecture=monolith"
        #expect(prompter.output.text.hasSuffix("\n" + report + "Reproduce with: " + command + "\n"),
                "\(prompter.output.text)")
        #expect(prompter.output.text.contains("Question 1 of ~\(knowledge.questions.count)\n"
                                              + "What are you building first?\n"))
        #expect(prompter.output.text.contains("  1) An API for web or mobile clients (api)\n"))
    }

    @Test("? prints why the question is asked and its source, then asks the same question again")
    func why() throws {
        let knowledge = try #require(shipped)
        let question = knowledge.questions[0]
        let run = try Self.run(["?"], knowledge)
        #expect(run.transcript.contains("> ?\nWhy we ask: \(question.why) [\(question.source)]\n> ^D\n"))
        #expect(run.state.screen == .question(0))
        #expect(run.state.answers.isEmpty)
    }

    @Test("b goes back to the previous question with its answer kept, and an empty line keeps it")
    func back() throws {
        let knowledge = try #require(shipped)
        let back = try Self.run(["3", "b"], knowledge)
        #expect(back.state.screen == .question(0))
        #expect(back.state.answers["project_type"] == .one("content_platform"))
        #expect(back.transcript.contains("Current answer: A content platform or CMS (content_platform). "
                                         + "An empty line keeps it; s skips the question (no preference).\n"))
        let kept = try Self.run(["3", "b", ""], knowledge)
        #expect(kept.state.screen == .question(1))
        #expect(kept.state.answers["project_type"] == .one("content_platform"))
        let first = try Self.run(["b"], knowledge)
        #expect(first.transcript.contains("> b\nThis is the first question.\n> ^D\n"))
    }

    @Test("an invalid entry gets one line naming the options, and the question is asked again")
    func invalid() throws {
        let knowledge = try #require(shipped)
        for entry in ["9", "0", "apii", "1 2", "-"] {
            let run = try Self.run([entry, "1"], knowledge)
            #expect(run.transcript.contains("> \(entry)\n'\(entry)'\(Self.invalidTail)\n> 1\n"), "\(run.transcript)")
            #expect(run.state.answers["project_type"] == .one("api"))
        }
    }

    @Test("an empty line skips a question: no preference, and the next question follows")
    func skip() throws {
        let knowledge = try #require(shipped)
        let run = try Self.run([""], knowledge)
        #expect(run.state.answers.isEmpty)
        #expect(run.state.skipped == ["project_type"])
        #expect(run.state.screen == .question(1))
        let typed = try Self.run(["s"], knowledge)
        #expect(typed.state.skipped == ["project_type"])
    }

    @Test("entries are read as numbers or values; several for a multi-choice question; y and n for yes or no")
    func entries() throws {
        let knowledge = try #require(shipped)
        typealias Prompter = AccessiblePrompter<ScriptedLines, Transcript>
        let builtins = try #require(knowledge.question("builtins"))
        #expect(Prompter.interpret("1,3", for: builtins, current: nil) == .answer(.many(["admin", "orm"])))
        #expect(Prompter.interpret("admin auth", for: builtins, current: nil) == .answer(.many(["admin", "auth"])))
        #expect(Prompter.interpret(" 3, 1 ,1 ", for: builtins, current: nil) == .answer(.many(["admin", "orm"])))
        #expect(Prompter.interpret("ORM, 2", for: builtins, current: nil) == .answer(.many(["auth", "orm"])))
        #expect(Prompter.interpret("none", for: builtins, current: nil) == .answer(.many([])))
        #expect(Prompter.interpret("1,9", for: builtins, current: nil)
                == .invalid("'9' is not one of the options 1–6; type a number, a value, an empty line to skip, ? or b"))
        #expect(Prompter.interpret("", for: builtins, current: .many(["auth"])) == .answer(.many(["auth"])))
        let yesNo = try #require(knowledge.question("async_workload"))
        for (text, flag) in [("y", true), ("Yes", true), ("1", true), ("n", false), ("NO", false), ("2", false)] {
            #expect(Prompter.interpret(text, for: yesNo, current: nil) == .answer(.yes(flag)), "\(text)")
        }
        let traffic = try #require(knowledge.question("traffic"))
        #expect(Prompter.interpret("very_high", for: traffic, current: nil) == .answer(.one("very_high")))
        #expect(Prompter.interpret("?", for: traffic, current: nil) == .why)
        #expect(Prompter.interpret("B", for: traffic, current: nil) == .back)
    }

    @Test("ask_if questions are asked only when their condition holds, in the full-screen advisor's order")
    func askIf() throws {
        let knowledge = try #require(shipped)
        let websockets = try #require(knowledge.question("websockets")).prompt
        let asyncIndex = try #require(knowledge.questionIndex["async_workload"])
        // Skip up to async_workload, then answer it.
        let before = Array(repeating: "", count: knowledge.questions[..<asyncIndex].count)
        let yes = try Self.run(before + ["y"], knowledge)
        #expect(yes.transcript.contains(websockets))
        let no = try Self.run(before + ["n"], knowledge)
        #expect(!no.transcript.contains(websockets))
        // An AI service: ml_models and frontend are not asked; every question asked is the TUI's, in its order.
        let lines = ["ai_service"] + Array(repeating: "1", count: knowledge.questions.count)
        let ai = try Self.run(lines, knowledge)
        #expect(ai.ending == .finished)
        let prompts = ai.transcript.split(separator: "\n").map(String.init)
        let asked = knowledge.questions.filter { prompts.contains($0.prompt) }.map(\.id)
        var tui = session(knowledge, [.enter])
        var visited: [String] = []
        while let question = tui.currentQuestion {
            visited.append(question.id)
            if question.id == "project_type" { tui.apply(.character("5")) }
            tui.apply(question.kind == .multi ? .space : .enter)
            if question.kind == .multi { tui.apply(.enter) }
        }
        #expect(asked == visited)
        #expect(!asked.contains("ml_models") && !asked.contains("frontend"))
        #expect(ai.state.answers == tui.answers)
    }

    @Test("input that ends before any answer still gives the recommendation for no answers")
    func noInput() throws {
        let knowledge = try #require(shipped)
        var prompter = AccessiblePrompter(state: AdvisorState(knowledge: knowledge), input: ScriptedLines([]),
                                          output: Transcript())
        #expect(try prompter.run() == .endOfInput)
        let report = TextReport.render(Engine.consult(knowledge, answers: Answers()), style: .plain)
        #expect(prompter.output.text.hasSuffix("End of input: the recommendation for the answers so far.\n\n"
                                               + report + "Reproduce with: advisor recommend\n"))
    }

    @Test("prefilled answers: the first open question comes first, and an answered one offers to keep its answer")
    func prefilled() throws {
        let knowledge = try #require(shipped)
        let state = AdvisorState(knowledge: knowledge, answers: Answers(["project_type": .one("api"),
                                                                         "traffic": .one("high")]))
        let run = try Self.run(["", "", "", ""], state, note: "2 answers filled in.")
        #expect(run.transcript.contains("2 answers filled in.\n\nQuestion 2 of"))
        #expect(!run.transcript.contains("What are you building first?"))
        #expect(run.transcript.contains("Current answer: High: 500 to 5,000 requests/s (a busy public service) (high)."))
        #expect(run.state.answers["traffic"] == .one("high"))
        #expect(run.state.answers["project_type"] == .one("api"))
    }
}
