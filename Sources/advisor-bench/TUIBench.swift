import AdvisorCore
import AdvisorTUI

/// Frame and keystroke timings of the TUI's pure state machine and renderer at 200×60, in a release
/// build: the only place these are measured (debug figures say little about the targets).
enum TUIBench {
    static func run(_ knowledge: KnowledgeBase, runs: Int) {
        let size = Size(width: 200, height: 60)
        var start = AdvisorState(knowledge: knowledge, size: size)
        start.apply(.resize(size))
        let question = start.handling(.enter).handling(.enter).handling(.enter)
        var results = start
        for _ in 0...knowledge.questions.count { results.apply(.enter) }
        results.apply(.enter)
        var sink = 0
        func frame(_ state: AdvisorState) {
            sink &+= ScreenRenderer.frame(state, appearance: .standard).cells.count
        }
        let renderQuestion = Clock.median(Clock.measure(runs: runs) { frame(question) })
        let renderResults = Clock.median(Clock.measure(runs: runs) { frame(results) })
        let move = Clock.median(Clock.measure(runs: runs) { frame(question.handling(.down)) })
        let answer = Clock.median(Clock.measure(runs: runs) { frame(question.handling(.enter)) })
        row("TUI: render question frame 200×60", Clock.format(renderQuestion), "target < 1 ms")
        row("TUI: render results frame 200×60", Clock.format(renderResults),
            results.screen == .results ? "target < 1 ms" : "(not on the results screen!)")
        row("TUI: keystroke move + redraw", Clock.format(move), "target < 2 ms")
        row("TUI: keystroke answer + consult + redraw", Clock.format(answer), "target < 2 ms")
        if sink == 42 { print("") }  // keeps the frames from being optimised away
    }
}
