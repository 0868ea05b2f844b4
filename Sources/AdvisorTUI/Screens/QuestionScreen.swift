import AdvisorCore

/// One question: the prompt, the options, the help text, the progress, and the live leaning panel.
enum QuestionScreen {
    static func render(_ state: AdvisorState, question index: Int, into canvas: inout Canvas) {
        let question = state.knowledge.questions[index]
        let g = canvas.glyphs
        let size = Size(width: canvas.width, height: canvas.height)
        let layout = QuestionLayout(question: question, size: size, unicode: canvas.appearance.unicode)
        let progress = state.progress.map { "Question \($0.position) of \($0.approximate ? "~" : "")\($0.total)" }
        ScreenRenderer.titleBar(progress ?? "Question", into: &canvas)

        for (offset, line) in layout.promptLines.enumerated() {
            canvas.put(line, x: layout.mainX, y: layout.promptTop + offset, style: .bold)
        }
        var kind = switch question.kind {
        case .choice: "Pick one."
        case .scale: "Pick one, from least to most."
        case .yesno: "Yes or no."
        case .multi: "Space ticks, Enter confirms; none is fine."
        }
        if state.skipped.contains(question.id) { kind += " Skipped before: no preference." }
        canvas.put(kind, x: layout.mainX, y: layout.kindLine, style: .dim, limit: layout.mainWidth)

        let answer = state.answers[question.id]
        for (option, value) in question.values.enumerated() {
            let top = layout.optionRows[option]
            guard top <= layout.bottom else { break }
            let chosen: Bool = switch question.kind {
            case .multi: state.draft.contains(value)
            case .yesno: answer == .yes(value != "no")
            case .choice, .scale: answer == .one(value)
            }
            let marker = question.kind == .multi ? (chosen ? g.checkOn : g.checkOff) : (chosen ? g.radioOn : g.radioOff)
            let focused = option == state.cursor
            let style = focused ? CellStyle([.reverse, .bold], role: .accent) : (chosen ? .bold : .plain)
            for (offset, text) in layout.optionLines[option].enumerated() where top + offset <= layout.bottom {
                let y = top + offset
                if focused { canvas.fill(x: layout.mainX, y: y, width: layout.mainWidth, height: 1, style: style) }
                if offset == 0 {
                    canvas.put(focused ? g.pointer : " ", x: layout.mainX, y: y, style: style)
                    canvas.put(marker, x: layout.mainX + 2, y: y,
                               style: focused ? style : CellStyle(chosen ? .bold : [], role: .accent))
                }
                canvas.put(text, x: layout.mainX + QuestionLayout.optionIndent, y: y, style: style,
                           limit: layout.mainWidth - QuestionLayout.optionIndent)
            }
        }

        var y = layout.helpTop
        if y <= layout.bottom {
            y += canvas.paragraph(question.help, x: layout.mainX, y: y, width: layout.mainWidth,
                                  maxLines: layout.bottom - y + 1, style: .dim)
        }
        if y + 1 <= layout.bottom {
            canvas.paragraph("Press w to see why this is asked and what each answer changes.", x: layout.mainX,
                             y: y + 1, width: layout.mainWidth, maxLines: layout.bottom - y, style: .dim)
        }

        LeaningPanel.render(state, x: layout.panelX, y: 2, width: layout.panelWidth,
                            height: canvas.height - 4, into: &canvas)
        var hints: [(String, String)] = [(g.upDown, "move")]
        if question.kind == .multi {
            hints += [("Space", "tick"), ("Enter", "confirm")]
        } else {
            hints += [("Enter", "choose")]
        }
        hints += [("\(g.left)", "back"), ("s", "skip"), ("w", "why"), ("r", "review"), ("?", "help"), ("q", "quit")]
        ScreenRenderer.hints(hints, into: &canvas)
    }
}
