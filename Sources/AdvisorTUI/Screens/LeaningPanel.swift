import AdvisorCore

/// The side panel of the question screen: the scores so far as bars, how the last answer moved
/// them, and where the leader gains most.
enum LeaningPanel {
    typealias Line = (text: String, right: String?, style: CellStyle, bar: Double?, role: ColorRole)

    static func render(_ state: AdvisorState, x: Int, y: Int, width: Int, height: Int, into canvas: inout Canvas) {
        let inner = width - 4
        // With many frameworks the bars don't all fit: then only the leader keeps its bar.
        var lines = lines(state, glyphs: canvas.glyphs, compact: false)
        if lines.count + 2 > height { lines = Self.lines(state, glyphs: canvas.glyphs, compact: true) }

        let boxHeight = min(height, lines.count + 2)
        canvas.box(x: x, y: y, width: width, height: boxHeight, title: "Live leaning", style: .dim)
        for (row, line) in lines.prefix(boxHeight - 2).enumerated() {
            let ly = y + 1 + row
            if let share = line.bar {
                canvas.bar(share, of: 100, x: x + 2, y: ly, width: inner, role: line.role)
                continue
            }
            let rightWidth = line.right.map { TextWidth.of($0) + 1 } ?? 0
            canvas.put(canvas.fitted(line.text, inner - rightWidth), x: x + 2, y: ly, style: line.style)
            if let right = line.right {
                canvas.putRight(right, right: x + 2 + inner, y: ly, style: line.style)
            }
        }
    }

    /// What choosing the highlighted option would do: "FastAPI leads by 5.2", or "everything is out".
    /// On a multi-choice question, ticking it (or unticking a ticked one) along with the other ticks.
    static func preview(_ state: AdvisorState) -> (action: String, outcome: String)? {
        guard let question = state.currentQuestion, question.values.indices.contains(state.cursor) else { return nil }
        let value = question.values[state.cursor]
        let label = question.options[state.cursor].label
        var action = "Choosing " + label
        var answers = state.answers
        switch question.kind {
        case .multi:
            var ticked = state.draft
            if ticked.contains(value) { ticked.remove(value) } else { ticked.insert(value) }
            action = (state.draft.contains(value) ? "Unticking " : "Ticking ") + label
            answers[question.id] = .many(question.values.filter(ticked.contains))
        case .yesno: answers[question.id] = .yes(value != "no")
        case .choice, .scale: answers[question.id] = .one(value)
        }
        let c = Engine.consult(state.knowledge, answers: answers)
        guard let winner = c.winner else { return (action, "every framework is out") }
        guard let second = c.ranking.dropFirst().first else { return (action, "\(winner.name) is the only one left") }
        return (action, "\(winner.name) leads by \(Format.fixed(winner.score - second.score, decimals: 1))")
    }

    /// The panel's lines: each framework with its score (and a bar, unless compact and not leading),
    /// the knock-outs, where the leader gains most, and how many questions are answered.
    static func lines(_ state: AdvisorState, glyphs g: Glyphs, compact: Bool) -> [Line] {
        let c = state.consultation
        var lines: [Line] = []
        for scored in c.ranking {
            let leader = scored.rank == 1
            var right = Format.fixed(scored.score, decimals: 1)
            if let change = state.lastChange[scored.framework], abs(change) >= 0.05 {
                right += " " + (change > 0 ? g.rise : g.fall) + Format.fixed(abs(change), decimals: 1)
            }
            lines.append((scored.name, right, leader ? CellStyle(.bold, role: .good) : .plain, nil, .normal))
            if leader || !compact { lines.append(("", nil, .plain, scored.score, leader ? .good : .bar)) }
        }
        if let preview = preview(state) {
            lines.append(("", nil, .plain, nil, .normal))
            lines.append((preview.action + ":", nil, .dim, nil, .normal))
            lines.append(("\(g.arrow) " + preview.outcome, nil, CellStyle(.bold, role: .accent), nil, .normal))
        }
        for exclusion in c.excluded {
            let name = state.knowledge.framework(exclusion.framework)?.name ?? exclusion.framework
            lines.append((name, "\(g.cross) out", CellStyle(role: .bad), nil, .normal))
            lines.append((exclusion.reason, nil, .dim, nil, .normal))
        }
        if let winner = c.winner {
            let reasons = c.reasons(count: 3)
            if !reasons.isEmpty {
                lines.append(("", nil, .plain, nil, .normal))
                let rival = c.ranking.dropFirst().first.map { " \($0.name)" } ?? ""
                lines.append(("\(winner.name) leads\(rival) on:", nil, .dim, nil, .normal))
                for reason in reasons {
                    let name = state.knowledge.criterion(reason.criterion)?.name ?? reason.criterion
                    lines.append(("\(g.bullet) \(name)", nil, .plain, nil, .normal))
                }
            }
        } else {
            lines.append(("Every framework is out.", nil, CellStyle(.bold, role: .bad), nil, .normal))
        }
        lines.append(("", nil, .plain, nil, .normal))
        let answered = state.asked.filter { state.answers[state.knowledge.questions[$0].id] != nil }.count
        lines.append(("Answered \(answered) of \(state.asked.count)", nil, .dim, nil, .normal))
        return lines
    }
}
