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
    // Enter on every question asked with each first option, up to the review: answers can set later
    // questions aside (`ask_if`), so the count depends on them.
    var keys: [Key] = [.enter]
    var state = session(knowledge, keys)
    while case .question = state.screen, keys.count <= knowledge.questions.count + 1 {
        state.apply(.enter)
        keys.append(.enter)
    }
    return keys
}

/// The screen as text, plus the styles as a second grid.
func snapshotText(_ canvas: Canvas) -> String {
    canvas.text + "--- styles\n" + canvas.styleMap
}

/// The frame for a state on a given appearance.
func frame(_ state: AdvisorState, _ appearance: TextStyle = .standard) -> Canvas {
    ScreenRenderer.frame(state, appearance: appearance)
}
