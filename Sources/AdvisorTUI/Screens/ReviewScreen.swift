import AdvisorCore

/// Every answer in one list. Entry 0, "Show recommendation", has the focus at first; any other
/// entry jumps back to its question.
enum ReviewScreen {
    static func render(_ state: AdvisorState, into canvas: inout Canvas) {
        let g = canvas.glyphs
        let k = state.knowledge
        ScreenRenderer.titleBar("Review", into: &canvas)
        canvas.put("Review your answers", x: 2, y: 2, style: .heading)
        let open = state.asked.filter { state.isOpen(k.questions[$0].id) }.count
        let status = open == 0 ? "Every question has an answer or was skipped."
            : "\(open) question\(open == 1 ? "" : "s") not answered yet: select to answer, or go on without."
        canvas.put(status, x: 24, y: 2, style: .dim, limit: canvas.width - 26)

        let entries = state.reviewEntries
        let layout = ReviewLayout(size: Size(width: canvas.width, height: canvas.height), cursor: state.cursor)
        let width = canvas.width - 4
        let promptWidth = min(58, width * 55 / 100)
        for row in 0..<layout.visible {
            let entry = layout.first + row
            guard entry <= entries.count else { break }
            let y = layout.top + row
            let focused = entry == state.cursor
            let style = focused ? CellStyle([.reverse, .bold], role: .accent) : .plain
            if focused { canvas.fill(x: 2, y: y, width: width, height: 1, style: style) }
            canvas.put(focused ? g.pointer : " ", x: 2, y: y, style: style)
            if entry == 0 {
                let text = state.consultation.winner.map { "Show recommendation (leaning: \($0.name))" }
                    ?? "Show recommendation"
                canvas.put(text, x: 4, y: y, style: focused ? style : CellStyle(.bold, role: .good))
                continue
            }
            let question = k.questions[entries[entry - 1]]
            let prompt = canvas.fitted("\(entry). \(question.prompt)", promptWidth)
            canvas.put(prompt, x: 4, y: y, style: style)
            let (answer, answerStyle) = describe(question, state: state)
            canvas.put(canvas.fitted(answer, width - promptWidth - 4), x: 6 + promptWidth, y: y,
                       style: focused ? style : answerStyle)
        }
        let hidden = k.questions.count - entries.count
        if hidden > 0 {
            let note = "\(hidden) question\(hidden == 1 ? " is" : "s are") not asked, given your answers."
            canvas.put(note, x: 4, y: canvas.height - 2, style: .dim)
        }
        ScreenRenderer.hints([(g.upDown, "move"), ("Enter", "open"), ("\(g.left)", "back"),
                              ("?", "help"), ("q", "quit")], into: &canvas)
    }

    /// An answer as the review shows it.
    static func describe(_ question: Question, state: AdvisorState) -> (String, CellStyle) {
        guard let value = state.answers[question.id] else {
            return state.skipped.contains(question.id) ? ("skipped: no preference", .dim)
                : ("not answered", CellStyle(role: .bad))
        }
        switch value {
        case .one(let option): return (question.label(of: option), .plain)
        case .yes(let flag): return (flag ? "Yes" : "No", .plain)
        case .many(let options):
            return (options.isEmpty ? "None of these" : options.map(question.label(of:)).joined(separator: ", "),
                    .plain)
        }
    }
}
