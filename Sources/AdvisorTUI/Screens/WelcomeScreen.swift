import AdvisorCore

/// The first screen: what the advisor does, how long it takes, the keys, and the knowledge loaded.
enum WelcomeScreen {
    static func render(_ state: AdvisorState, into canvas: inout Canvas) {
        let k = state.knowledge
        let g = canvas.glyphs
        ScreenRenderer.titleBar("Welcome", into: &canvas)
        let x = 3
        let width = min(canvas.width - 2 * x, 96)
        var y = 2
        canvas.put("Choose a Python web framework, and be able to defend the choice.", x: x, y: y, style: .heading)
        y += 2
        let asked = state.asked.count
        let intro = "Answer \(asked) short questions, about two minutes. After each answer the live leaning "
            + "panel shows how the scores move. At the end you get a recommendation with every point of its "
            + "score explained, and the source of each fact."
        y += canvas.paragraph(intro, x: x, y: y, width: width)
        y += 1
        canvas.put("Knowledge", x: x, y: y, style: .heading)
        y += 1
        y += canvas.paragraph("\(k.info.name), version \(k.info.version)", x: x + 2, y: y, width: width - 2,
                              maxLines: 2)
        // Joined by hand: the generic `joined(separator:)` looks up its associated types at run time,
        // a scan of every conformance record, on the way to the first painted screen.
        var names = ""
        for (index, framework) in k.frameworks.enumerated() {
            if index > 0 { names += ", " }
            names += framework.name
        }
        y += canvas.paragraph("\(k.frameworks.count) frameworks (\(names)) \(g.separator) \(k.questions.count) "
                              + "questions \(g.separator) \(k.rules.count) rules \(g.separator) "
                              + "\(k.criteria.count) criteria", x: x + 2, y: y, width: width - 2, maxLines: 2,
                              style: .dim)
        y += 1
        canvas.put("Keys", x: x, y: y, style: .heading)
        y += 1
        let keys: [(String, String)] = [
            ("\(g.up)/\(g.down) or j/k", "move"), ("Enter", "choose"), ("Space", "tick (multi-choice)"),
            ("\(g.left)/Backspace", "back"), ("s", "skip: no preference"), ("w", "why this question?"),
            ("r", "review answers"), ("?", "help"), ("q", "quit"),
        ]
        let columns = width >= 80 ? 3 : 2
        let columnWidth = width / columns
        for (offset, pair) in keys.enumerated() {
            let cx = x + 2 + (offset % columns) * columnWidth
            let cy = y + offset / columns
            let used = canvas.put(pair.0, x: cx, y: cy, style: CellStyle(.bold, role: .accent))
            canvas.put(" " + pair.1, x: cx + used, y: cy, limit: columnWidth - used - 1)
        }
        y += (keys.count + columns - 1) / columns + 1
        if let note = state.welcomeNote, y < canvas.height - 3 {
            y += canvas.paragraph(note, x: x, y: y, width: width, maxLines: 2, style: CellStyle(role: .good))
            y += 1
        }
        if let offer = state.resumeOffer {
            let count = offer.answers.count
            let members = offer.team.members.count + offer.team.unavailable.count
            let where_ = (offer.resumePoint == "results" ? " and the results" : "")
                + (members > 0 ? ", with \(members) team member\(members == 1 ? "" : "s")" : "")
            let line = "An unfinished session has \(count) saved answer\(count == 1 ? "" : "s")\(where_). "
                + (state.answers.isEmpty ? "Resume it, or start afresh, which replaces them."
                    : "Resume it, or go on with the answers filled in, which replace them.")
            y += canvas.paragraph(line, x: x, y: min(y, canvas.height - 5), width: width, maxLines: 2,
                                  style: CellStyle(role: .good))
            let other = state.answers.isEmpty ? ("new", "start afresh") : ("go on", "go on with the answers filled in")
            canvas.put(" Resume \(count) saved answer\(count == 1 ? "" : "s")? Enter resume \(g.separator) n \(other.0) ",
                       x: x, y: min(y, canvas.height - 3), style: CellStyle([.reverse, .bold], role: .accent))
            ScreenRenderer.hints([("Enter", "resume"), ("n", other.1), ("?", "help"), ("q", "quit")],
                                 into: &canvas)
            return
        }
        let prompt = state.answers.isEmpty ? " Press Enter to start " : " Press Enter to continue "
        canvas.put(prompt, x: x, y: min(y, canvas.height - 3), style: CellStyle([.reverse, .bold], role: .accent))
        ScreenRenderer.hints([("Enter", "start"), ("?", "help"), ("q", "quit")], into: &canvas)
    }
}
