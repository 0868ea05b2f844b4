import AdvisorCore
import AdvisorKnowledge
@testable import AdvisorTUI

/// The shipped knowledge, loaded once.
let shipped: KnowledgeBase? = try? ShippedKnowledge.load()

/// Shorthand for typed keys.
func keys(_ text: String) -> [Key] { text.map(Key.init(typed:)) }

/// A state after `keys`, starting fresh (or from `answers`) at `size`.
func session(_ knowledge: KnowledgeBase, _ keys: [Key], size: Size = .minimum,
             answers: Answers = Answers()) -> AdvisorState {
    var state = AdvisorState(knowledge: knowledge, answers: answers, size: size)
    state.apply(.resize(size))
    for key in keys { state.apply(key) }
    return state
}

/// Enter on the welcome screen, then Enter on every question: the first option of each (none for multi).
func answerAll(_ knowledge: KnowledgeBase) -> [Key] {
    [.enter] + Array(repeating: .enter, count: knowledge.questions.count)
}

/// The screen as text, plus the styles as a second grid.
func snapshotText(_ canvas: Canvas) -> String {
    canvas.text + "--- styles\n" + canvas.styleMap
}

/// The frame for a state on a given appearance.
func frame(_ state: AdvisorState, _ appearance: Appearance = .standard) -> Canvas {
    ScreenRenderer.frame(state, appearance: appearance)
}
