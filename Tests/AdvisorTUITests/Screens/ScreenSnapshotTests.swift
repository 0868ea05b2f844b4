import AdvisorCore
import Foundation
import TestSupport
import Testing
@testable import AdvisorTUI

/// Every screen at 80×24 and 120×40, in colour and monochrome, Unicode and ASCII, as text grids
/// with their styles. `RECORD_SNAPSHOTS=1` records.
@Suite struct ScreenSnapshotTests {
    /// A named way to reach a screen.
    struct Scenario: CustomTestStringConvertible, Sendable {
        var name: String
        var keys: [Key]
        var answers: [String: AnswerValue] = [:]
        var testDescription: String { name }
    }

    static let scenarios: [Scenario] = [
        Scenario(name: "welcome", keys: []),
        Scenario(name: "question-choice", keys: [.enter, .down, .down]),
        Scenario(name: "question-multi", keys: [.enter, .enter, .enter, .space, .down, .down, .space]),
        Scenario(name: "question-scale", keys: [.enter, .enter, .enter, .enter, .down]),
        Scenario(name: "question-yesno", keys: [.enter, .enter, .enter, .enter, .enter]),
        Scenario(name: "why", keys: [.enter, .character("w")]),
        Scenario(name: "help", keys: [.enter, .character("?")]),
        Scenario(name: "quit-confirm", keys: [.enter, .enter, .character("q")]),
        Scenario(name: "review", keys: [.enter, .enter, .character("s"), .character("r")]),
        Scenario(name: "results", keys: [.enter] + Array(repeating: .enter, count: 14)),
        Scenario(name: "results-knockout", keys: [.character("r"), .enter, .down],
                 answers: ["project_type": .one("api"), "must_have": .many(["builtin_admin"])]),
        Scenario(name: "results-export", keys: [.character("r"), .enter, .character("e")],
                 answers: ["project_type": .one("web_app")]),
        Scenario(name: "pairwise-choose", keys: [.character("r"), .enter, .character("p"), .down, .space],
                 answers: ["project_type": .one("api")]),
        // Four criteria, six pairs; two judgements pull against each other.
        Scenario(name: "pairwise-compare", keys: [.character("r"), .enter, .character("p"), .enter]
                    + Array(repeating: .left, count: 4) + [.down] + Array(repeating: .right, count: 6),
                 answers: ["project_type": .one("api")]),
    ]

    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    static let appearances: [(String, TextStyle)] = [
        ("color-utf8", TextStyle(color: true, unicode: true)),
        ("mono-utf8", TextStyle(color: false, unicode: true)),
        ("color-ascii", TextStyle(color: true, unicode: false)),
        ("mono-ascii", TextStyle(color: false, unicode: false)),
    ]

    @Test(arguments: scenarios, sizes)
    func screen(_ scenario: Scenario, size: Size) throws {
        let knowledge = try #require(shipped)
        for (label, appearance) in Self.appearances {
            var state = AdvisorState(knowledge: knowledge, answers: Answers(scenario.answers), size: size)
            state.unicode = appearance.unicode
            state.reportDate = "2026-01-15"
            state.apply(.resize(size))
            for key in scenario.keys { state.apply(key) }
            let canvas = frame(state, appearance)
            assertSnapshot(render(canvas, color: appearance.color),
                           named: "\(scenario.name)-\(size.width)x\(size.height)-\(label).txt",
                           in: snapshotDirectory())
        }
    }

    @Test(arguments: [Size(width: 79, height: 24), Size(width: 60, height: 20)])
    func tooSmall(_ size: Size) throws {
        let knowledge = try #require(shipped)
        let state = session(knowledge, [.enter], size: size)
        let canvas = frame(state)
        #expect(canvas.contains("terminal too small: need 80×24, have \(size.width)×\(size.height)"))
        assertSnapshot(render(canvas, color: true), named: "too-small-\(size.width)x\(size.height).txt",
                       in: snapshotDirectory())
        let ascii = frame(state, TextStyle(color: false, unicode: false))
        #expect(ascii.contains("terminal too small: need 80x24, have \(size.width)x\(size.height)"))
    }

    /// Text, then the style grid: with roles in colour, attributes only in monochrome.
    func render(_ canvas: Canvas, color: Bool) -> String {
        var shown = canvas
        if !color {
            for y in 0..<shown.height {
                for x in 0..<shown.width { shown[x, y].style.role = .normal }
            }
        }
        return snapshotText(shown)
    }
}
