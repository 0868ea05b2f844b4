import AdvisorCore
import Foundation
import Testing
@testable import AdvisorTUI

/// Timings, not timed tests: run with `TUI_BENCHMARK=1` to print them.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TUI_BENCHMARK"] != nil))
struct RenderBenchmark {
    func measure(_ label: String, runs: Int, _ body: () -> Void) {
        for _ in 0..<10 { body() }
        let clock = ContinuousClock()
        var samples: [Duration] = []
        for _ in 0..<runs { samples.append(clock.measure(body)) }
        samples.sort()
        let median = samples[samples.count / 2]
        let p95 = samples[samples.count * 95 / 100]
        print("benchmark \(label): median \(median), p95 \(p95) over \(runs) runs")
    }

    @Test func frameAndKeystroke() throws {
        let knowledge = try #require(shipped)
        let size = Size(width: 200, height: 60)
        let question = session(knowledge, [.enter, .enter, .enter], size: size)
        let results = session(knowledge, answerAll(knowledge) + [.enter], size: size)
        measure("render question 200x60", runs: 500) { _ = frame(question) }
        measure("render results 200x60", runs: 500) { _ = frame(results) }
        measure("keystroke move+redraw 200x60", runs: 500) { _ = frame(question.handling(.down)) }
        measure("keystroke answer+consult+redraw 200x60", runs: 500) { _ = frame(question.handling(.enter)) }
    }
}
