import AdvisorCore

/// Criterion importance by pairwise comparison: choosing the criteria, then a 17-step scale per
/// pair with the derived weights and the consistency ratio below, all read from the form.
enum PairwiseScreen {
    /// The scale's labels from "first is 9× as important" to "second is": 9 … 2 1 2 … 9.
    static let labels = (0..<17).map { String($0 <= 8 ? 9 - $0 : $0 - 7) }

    static func render(_ state: AdvisorState, into canvas: inout Canvas) {
        guard let form = state.pairwiseForm else { return }
        switch form.stage {
        case .choose: choose(state, form, into: &canvas)
        case .compare: compare(state, form, into: &canvas)
        }
    }

    // MARK: - Choosing the criteria

    private static func choose(_ state: AdvisorState, _ form: PairwiseForm, into canvas: inout Canvas) {
        let k = state.knowledge
        let g = canvas.glyphs
        ScreenRenderer.titleBar("Pairwise importance", into: &canvas)
        canvas.put("Which criteria do you want to weigh against each other?", x: 2, y: 2, style: .heading)
        canvas.put("Tick 2 to 10; the others keep their weights. \(form.chosen.count) ticked.", x: 2, y: 3,
                   style: .dim, limit: canvas.width - 4)
        let top = 5
        let visible = max(1, canvas.height - top - 2)
        let first = form.cursor >= visible ? form.cursor - visible + 1 : 0
        let nameWidth = min(40, canvas.width - 30)
        for (row, index) in k.criteria.indices.dropFirst(first).prefix(visible).enumerated() {
            let criterion = k.criteria[index]
            let y = top + row
            let focused = index == form.cursor
            let style = focused ? CellStyle([.reverse, .bold], role: .accent) : .plain
            if focused { canvas.fill(x: 2, y: y, width: canvas.width - 4, height: 1, style: style) }
            canvas.put(focused ? g.pointer : " ", x: 2, y: y, style: style)
            let tick = form.chosen.contains(criterion.id) ? "[x]" : "[ ]"
            canvas.put("\(tick) " + canvas.fitted(criterion.name, nameWidth), x: 4, y: y, style: style)
            let weight = state.consultation.weight(of: criterion.id)?.final ?? criterion.weight
            canvas.put("weight \(Format.number(weight, decimals: 2))", x: 10 + nameWidth, y: y,
                       style: focused ? style : .dim)
        }
        var hints = [(g.upDown, "move"), ("Space", "tick"), ("Enter", "compare"), ("Esc", "back")]
        if state.pairwise != nil { hints.insert(("c", "clear"), at: 3) }
        ScreenRenderer.hints(hints + [("?", "help")], into: &canvas)
    }

    // MARK: - Comparing the pairs

    private static func compare(_ state: AdvisorState, _ form: PairwiseForm, into canvas: inout Canvas) {
        let k = state.knowledge
        let g = canvas.glyphs
        let pairs = form.pairs(in: k)
        let name = { (id: String) in k.criterion(id)?.name ?? id }
        ScreenRenderer.titleBar("Pairwise importance", into: &canvas)
        canvas.put("Which matters more, and how much? 9 extremely, 5 strongly, 3 moderately", x: 2, y: 2,
                   style: .heading, limit: canvas.width - 4)

        // The status block at the bottom: the pair in words, the weights, the consistency.
        var status = LineBuilder(width: canvas.width - 4, unicode: canvas.appearance.unicode)
        if pairs.indices.contains(form.cursor) {
            let (a, b) = pairs[form.cursor]
            let step = form.step(a, b)
            let sentence = step == 8 ? "\(name(a)) and \(name(b)) are equally important."
                : step < 8 ? "\(name(a)) is \(9 - step)× as important as \(name(b))."
                : "\(name(b)) is \(step - 7)× as important as \(name(a))."
            status.add(sentence, .bold)
        }
        if let judgements = form.judgements {
            let weights = judgements.criteria.enumerated().map { index, id in
                "\(name(id)) \(Format.fixed(judgements.weights.weights[index] * 100, decimals: 0))%"
            }.joined(separator: ", ")
            status.add("Weights: " + weights, hang: 2)
            let cr = Format.fixed(judgements.weights.consistencyRatio, decimals: 2)
            if judgements.weights.isConsistent {
                status.add("Consistency ratio \(cr): consistent enough (below 0.1).", CellStyle(role: .good))
            } else {
                var warning = "Consistency ratio \(cr): inconsistent (0.1 or more)."
                if let worst = judgements.mostInconsistent {
                    warning += " Most at odds: \(name(worst.entry.a)) vs \(name(worst.entry.b)) at "
                        + "\(describe(worst.entry.value)); the others imply \(describe(worst.consistent)). "
                        + "Press i to revise it."
                }
                status.add(warning, CellStyle(.bold, role: .bad), hang: 2)
            }
        }
        let statusLines = status.lines.prefix(max(2, canvas.height / 3))
        let statusTop = canvas.height - 2 - statusLines.count
        for (row, line) in statusLines.enumerated() {
            canvas.put(line.text, x: 2 + line.x, y: statusTop + row, style: line.style, limit: canvas.width - 4 - line.x)
        }

        // The pairs, scrolled to keep the cursor in view.
        let top = 4
        let visible = max(1, statusTop - 1 - top)
        let first = form.cursor >= visible ? form.cursor - visible + 1 : 0
        let scaleWidth = labels.joined(separator: " ").count
        let side = max(8, (canvas.width - 4 - scaleWidth - 6) / 2)
        let worstPair = form.mostInconsistentPair(in: k)
        for (row, index) in pairs.indices.dropFirst(first).prefix(visible).enumerated() {
            let (a, b) = pairs[index]
            let y = top + row
            let focused = index == form.cursor
            let lineStyle = focused ? CellStyle(.bold, role: .accent) : .plain
            canvas.put(focused ? g.pointer : " ", x: 1, y: y, style: lineStyle)
            let left = String(canvas.fitted(name(a), side).reversed().drop { $0 == " " }.reversed())
            canvas.put(left, x: 3 + side - TextWidth.of(left), y: y, style: lineStyle)
            var x = 4 + side
            let step = form.step(a, b)
            for (position, label) in labels.enumerated() {
                let selected = position == step
                let style: CellStyle = selected ? CellStyle([.reverse, .bold], role: focused ? .accent : .normal)
                    : (position == 8 ? .bold : .dim)
                x += canvas.put(label, x: x, y: y, style: style)
                x += 1
            }
            canvas.put(canvas.fitted(name(b), side), x: x + 1, y: y, style: lineStyle)
            if index == worstPair {
                canvas.put("!", x: 2, y: y, style: CellStyle(.bold, role: .bad))
            }
        }
        if pairs.count > visible {
            canvas.put("pair \(form.cursor + 1) of \(pairs.count)", x: 3, y: top + visible, style: .dim)
        }
        ScreenRenderer.hints([(g.upDown, "pair"), ("h l", "adjust"), ("=", "equal"),
                              ("i", "inconsistent"), ("Enter", "apply"), ("Esc", "criteria"), ("?", "help")],
                             into: &canvas)
    }

    /// A judgement in words: `3×`, `1/3` → "1/3".
    static func describe(_ value: Double) -> String {
        PairwiseJudgements.text(of: value)
    }
}

