import AdvisorCore
import AdvisorTUI

/// The TUI's pure state machine under random key sequences, on the shipped knowledge. After every
/// key: the screen and cursor are in range, every answer is valid, the scores match a fresh
/// consultation, and the frame renders at the terminal's size.
enum KeysFuzz {
    /// Keys by byte value; bytes past the table are characters (the export form types them).
    static let table: [Key] = [
        .up, .down, .left, .right, .pageUp, .pageDown, .home, .end,
        .enter, .space, .backspace, .escape, .tab, .interrupt, .suspend,
        .character("q"), .character("y"), .character("n"), .character("s"), .character("w"),
        .character("r"), .character("?"), .character("e"), .character("j"), .character("k"),
        .character("1"), .character("2"), .character("3"), .character("9"), .character("/"),
        .character("."), .character("é"), .character("界"),
    ]

    static func run(_ bytes: [UInt8]) {
        let knowledge = FuzzKnowledge.knowledge
        var state = AdvisorState(knowledge: knowledge, size: Size(width: 100, height: 30))
        state.reportDate = "2026-01-01"
        var index = 0
        func next() -> Int { defer { index += 1 }; return index < bytes.count ? Int(bytes[index]) : 0 }
        while index < bytes.count {
            let byte = next()
            let key: Key
            switch byte {
            case 0xF0: key = .resize(Size(width: next(), height: next() / 2))
            case 0xF1: key = .click(x: next(), y: next() / 4)
            case 0xF2: key = .resize(Size(width: 80, height: 24))
            case let b where b < table.count: key = table[b]
            default: key = .character(Character(Unicode.Scalar(UInt8(32 + byte % 95))))
            }
            state.apply(key)
            if let request = state.takeExportRequest() {
                invariant(!request.path.isEmpty, "an export to an empty path")
                state.finishExport(byte % 2 == 0 ? .failed("refused by the fuzzer") : .exists(request.path))
            }
            check(state, after: key, unicode: index % 2 == 0)
            if state.exit != nil { return }
        }
    }

    static func check(_ state: AdvisorState, after key: Key, unicode: Bool) {
        let knowledge = state.knowledge
        invariant(state.cursor >= 0, "negative cursor after \(key)")
        invariant(state.scroll >= 0, "negative scroll after \(key)")
        switch state.screen {
        case .welcome: break
        case .question(let index):
            invariant(knowledge.questions.indices.contains(index), "question \(index) out of range after \(key)")
            let count = knowledge.questions[index].options.count
            invariant(state.cursor < max(1, count), "cursor \(state.cursor) past \(count) options after \(key)")
            invariant(state.currentQuestion != nil, "no current question on a question screen")
        case .review:
            invariant(state.cursor <= state.reviewEntries.count, "review cursor past the entries after \(key)")
        case .results:
            invariant(state.cursor < max(1, state.resultsOrder.count), "results cursor past the frameworks")
        case .pairwise:
            invariant(state.pairwiseForm != nil, "the pairwise screen without its form after \(key)")
        }
        for (question, value) in state.answers.ordered(by: knowledge) {
            switch value {
            case .one(let option): invariant(question.values.contains(option), "invalid answer to \(question.id)")
            case .many(let options): invariant(options.allSatisfy(question.values.contains), "invalid \(question.id)")
            case .yes: invariant(question.kind == .yesno, "yes/no answer to \(question.id)")
            }
        }
        invariant(state.skipped.isDisjoint(with: state.answers.values.keys), "a question both skipped and answered")
        let fresh = Engine.consult(knowledge, answers: state.answers)
        invariant(fresh.ranking.map(\.framework) == state.consultation.ranking.map(\.framework)
                  && fresh.ranking.map(\.score) == state.consultation.ranking.map(\.score),
                  "the leaning panel's scores differ from a fresh consultation after \(key)")
        let frame = ScreenRenderer.frame(state, appearance: TextStyle(color: true, unicode: unicode))
        invariant(frame.width == max(0, state.size.width) && frame.height == max(0, state.size.height),
                  "frame \(frame.width)×\(frame.height) for a \(state.size) terminal")
    }
}
