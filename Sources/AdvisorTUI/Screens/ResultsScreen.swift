import AdvisorCore

/// The recommendation: the winner's heading, every framework as a scored bar, knock-outs with
/// their reasons, and the "how" of the selected framework.
enum ResultsScreen {
    static func render(_ state: AdvisorState, into canvas: inout Canvas) {
        let c = state.consultation
        let k = state.knowledge
        let g = canvas.glyphs
        ScreenRenderer.titleBar("Results", into: &canvas)
        if let winner = c.winner {
            let used = canvas.put("Recommendation: \(winner.name)", x: 2, y: 2, style: CellStyle(.bold, role: .good))
            canvas.put("  \(Format.fixed(winner.score, decimals: 1)) of 100", x: 2 + used, y: 2, style: .dim)
        } else {
            canvas.put("No recommendation: every framework was knocked out.", x: 2, y: 2,
                       style: CellStyle(.bold, role: .bad))
        }

        let order = state.resultsOrder
        let layout = ResultsLayout(size: Size(width: canvas.width, height: canvas.height), frameworks: order.count,
                                   insight: state.resultsInsight, unicode: canvas.appearance.unicode)
        if let insight = state.resultsInsight, c.winner != nil {
            for (row, line) in layout.verdict.enumerated() {
                canvas.put(line, x: 2, y: layout.verdictRow + row,
                           style: insight.isCloseCall ? CellStyle(.bold, role: .bad) : CellStyle(role: .good),
                           limit: layout.leftWidth - 4)
            }
        }
        if let panelTop = layout.panelTop {
            let used = canvas.put("What would change it", x: 2, y: panelTop, style: .heading)
            canvas.put("  c: in full, with how sure it is", x: 2 + used, y: panelTop, style: .dim)
            for (row, line) in layout.panel.enumerated() {
                canvas.put(line, x: 3, y: panelTop + 1 + row, limit: layout.leftWidth - 5)
            }
        }
        let nameWidth = min(24, max(8, k.frameworks.map { TextWidth.of($0.name) }.max() ?? 8))
        let barWidth = min(50, layout.leftWidth / 3)
        for (row, id) in order.enumerated() {
            let y = layout.listTop + row
            let focused = row == state.cursor
            let name = k.framework(id)?.name ?? id
            let style = focused ? CellStyle([.reverse, .bold], role: .accent) : .plain
            if focused { canvas.fill(x: 2, y: y, width: layout.leftWidth - 4, height: 1, style: style) }
            canvas.put(focused ? g.pointer : " ", x: 2, y: y, style: style)
            if let scored = c.scored(id) {
                canvas.put("\(scored.rank). " + canvas.fitted(name, nameWidth), x: 4, y: y,
                           style: focused ? style : (scored.rank == 1 ? CellStyle(.bold, role: .good) : .plain))
                let barX = 8 + nameWidth
                canvas.bar(scored.score, of: 100, x: barX, y: y, width: barWidth, role: scored.rank == 1 ? .good : .bar)
                canvas.put(Format.fixed(scored.score, decimals: 1).leftPadded(to: 5), x: barX + barWidth + 2, y: y,
                           style: focused ? style : .bold)
            } else if let exclusion = c.exclusion(of: id) {
                let x = 4 + canvas.put("\(g.cross) " + canvas.fitted(name, nameWidth + 1), x: 4, y: y,
                                       style: focused ? style : CellStyle(.bold, role: .bad))
                canvas.put(" knocked out: \(exclusion.reason)", x: x, y: y,
                           style: focused ? style : CellStyle(role: .bad), limit: layout.leftWidth - x - 2)
            }
        }

        if order.indices.contains(state.cursor) {
            let id = order[state.cursor]
            canvas.rule(x: layout.detailX - 1, y: layout.detailTop, width: layout.detailWidth + 2)
            let lines = ResultsDetail.lines(for: id, in: c, width: layout.detailWidth,
                                            unicode: canvas.appearance.unicode)
            canvas.scrolling(lines, x: layout.detailX, y: layout.detailTop + 1, width: layout.detailWidth,
                             height: layout.detailBottom - layout.detailTop, offset: state.scroll)
        }
        // Most used first: hints that don't fit the width are left out from the end.
        ScreenRenderer.hints([(g.upDown, "framework"), ("c", "how sure"), ("e", "export"), ("t", "team"), ("r", "review"),
                              ("?", "help"), ("q", "quit"), ("v", "compare"), ("PgDn", "scroll"), ("p", "pairwise")],
                             into: &canvas)
    }
}
