import AdvisorCore

/// The rectangle of a centred overlay.
struct OverlayFrame {
    let x: Int, y: Int, width: Int, height: Int

    init(canvas: Canvas, width wanted: Int, contentHeight: Int) {
        width = min(canvas.width - 6, wanted)
        height = min(canvas.height - 4, contentHeight + 4)
        x = (canvas.width - width) / 2
        y = max(2, (canvas.height - height) / 2)
    }

    var contentWidth: Int { width - 6 }
    var contentHeight: Int { height - 4 }
}

/// `?`: every key of the screen in front.
enum HelpOverlay {
    static func keys(for screen: AdvisorState.Screen, glyphs g: Glyphs) -> [(String, String)] {
        let common: [(String, String)] = [(screen == .pairwise ? "?  F1" : "?  h  F1", "show or hide this help"),
                                          ("Ctrl-C", "quit at once"),
                                          ("Ctrl-Z", "suspend to the shell")]
        switch screen {
        case .welcome:
            return [("Enter", "start the questions (or resume a saved session)"), ("n", "start afresh instead of resuming"),
                    ("r", "review answers filled in"),
                    ("p", "set importance by comparing criteria in pairs"), ("q", "quit")] + common
        case .question:
            return [("\(g.up) \(g.down)  j k", "move between options"), ("1-9", "move to an option"),
                    ("Enter", "choose (multi-choice: confirm the ticks)"), ("Space", "tick or untick (multi-choice)"),
                    ("\(g.left)  Backspace  Esc", "back one question; answers are kept"),
                    ("s", "skip: no preference (leaves it unanswered)"),
                    ("w", "why this question? the rules it feeds"), ("r", "review all answers"),
                    ("mouse", "click an option to select it, click it again to choose"),
                    ("q", "quit (asks first; progress is saved)")]
                + common
        case .review:
            return [("\(g.up) \(g.down)  j k", "move"), ("Enter", "show the recommendation, or change that answer"),
                    ("\(g.left)  Backspace  Esc", "back to the last question"), ("mouse", "click to select, again to open"),
                    ("q", "quit (asks first; progress is saved)")] + common
        case .results:
            return [("\(g.up) \(g.down)  j k", "select a framework"), ("PgDn PgUp Home End", "scroll the explanation (Space too)"),
                    ("r  \(g.left)  Esc", "back: review and change answers"),
                    ("c", "how sure it is and what would change it"),
                    ("v", "the selected framework against the winner"),
                    ("e", "export a report: Markdown, HTML or JSON"),
                    ("t", "team: colleagues' answers files beside yours"),
                    ("p", "compare criteria in pairs to set weights"),
                    ("q", "quit; answers stay saved until exported")] + common
        case .pairwise:
            return [("\(g.up) \(g.down)  j k", "move between criteria or pairs"),
                    ("Space", "choose: tick or untick a criterion (2 to 10)"),
                    ("Enter", "choose: compare the ticked; compare: apply the weights"),
                    ("\(g.left) \(g.arrow)  h l", "compare: move towards the more important one"),
                    ("=", "compare: equally important"), ("i", "compare: jump to the most inconsistent pair"),
                    ("c", "choose: clear pairwise weights in use"),
                    ("Esc", "back: to choosing, or leave without applying"), ("q", "leave without applying")]
                + common
        }
    }

    static func render(_ state: AdvisorState, into canvas: inout Canvas) {
        let keys = keys(for: state.screen, glyphs: canvas.glyphs)
        // Wide enough for the longest key, so no key runs into its description.
        let keyWidth = min(26, (keys.map { TextWidth.of(canvas.appearance.unicode ? $0.0 : TextWidth.ascii($0.0)) }.max() ?? 16) + 2)
        // Each description wraps under itself, so none is cut at the panel's edge.
        let textWidth = min(canvas.width - 6, 76) - 6 - keyWidth
        let wrapped = keys.map { Canvas.wrapped($0.1, width: max(10, textWidth), unicode: canvas.appearance.unicode) }
        let rows = wrapped.reduce(0) { $0 + $1.count }
        let frame = OverlayFrame(canvas: canvas, width: 76, contentHeight: rows + 2)
        canvas.panel(x: frame.x, y: frame.y, width: frame.width, height: frame.height, title: "Help: keys")
        var y = frame.y + 2
        for (pair, lines) in zip(keys, wrapped) where y + lines.count <= frame.y + frame.height - 2 {
            canvas.put(pair.0, x: frame.x + 3, y: y, style: CellStyle(.bold, role: .accent))
            for line in lines {
                canvas.put(line, x: frame.x + 3 + keyWidth, y: y, limit: frame.contentWidth - keyWidth)
                y += 1
            }
        }
        canvas.put("Press any key to close.", x: frame.x + 3, y: frame.y + frame.height - 2, style: .dim)
    }
}

/// `w`: the rules that read the question, and what each answer would change.
enum WhyOverlay {
    static func lines(_ state: AdvisorState, width: Int, unicode: Bool) -> [Line] {
        guard let insight = state.insight else { return [] }
        let k = state.knowledge
        let question = insight.question
        let arrow = unicode ? "→" : "->"
        var out = LineBuilder(width: width, unicode: unicode)
        out.add(question.prompt, .bold)
        out.add("Why we ask: \(question.why) [\(question.source)]", hang: 2)
        if let askIf = question.askIf { out.add("Asked only when: \(askIf.text)", .dim, hang: 2) }
        out.blank()
        out.add("What each answer would do (other answers as given)", .heading)
        for outcome in insight.outcomes {
            let winner = outcome.winner.flatMap { k.framework($0)?.name } ?? "nothing (all knocked out)"
            let scores = outcome.scores.map { "\(k.framework($0.framework)?.name ?? $0.framework) "
                + Format.fixed($0.score, decimals: 1) }.joined(separator: ", ")
            out.add("\(outcome.label) \(arrow) \(winner) leads (\(scores))", .bold, indent: 2, hang: 4)
            if outcome.effects.isEmpty {
                out.add("no rule changes", .dim, indent: 6)
            }
            for effect in outcome.effects { out.add(effect, .plain, indent: 6, hang: 2) }
        }
        out.blank()
        if insight.rules.isEmpty {
            out.add("No rule reads this question.", .dim)
        } else {
            out.add("Rules that read it", .heading)
            for rule in insight.rules {
                out.add("\(rule.id): when \(rule.when.text)", .bold, indent: 2, hang: 4)
                out.add("\(rule.because) [\(rule.source)]", indent: 4, hang: 2)
            }
        }
        return out.lines
    }

    static func render(_ state: AdvisorState, into canvas: inout Canvas) {
        ScrollingOverlay.render(state, title: "Why this question?", into: &canvas) { lines(state, width: $0, unicode: $1) }
    }
}

/// `q` with answers given: quit or stay.
enum QuitOverlay {
    static func render(_ state: AdvisorState, into canvas: inout Canvas) {
        let frame = OverlayFrame(canvas: canvas, width: 60, contentHeight: 3)
        canvas.panel(x: frame.x, y: frame.y, width: frame.width, height: frame.height, title: "Quit?")
        canvas.put("Quit the advisor? Your answers are saved;", x: frame.x + 3, y: frame.y + 2)
        canvas.put("'advisor --resume' continues where you left off.", x: frame.x + 3, y: frame.y + 3)
        let x = frame.x + 3
        let used = canvas.put("y", x: x, y: frame.y + 4, style: CellStyle(.bold, role: .accent))
        canvas.put(" quit   any other key: stay", x: x + used, y: frame.y + 4, style: .dim)
    }
}

/// `e` on the results: the report's format and path, and the overwrite question.
enum ExportOverlay {
    static let descriptions: [ReportFormat: (name: String, about: String)] = [
        .markdown: ("Markdown", "a decision record (MADR) for the repository"),
        .html: ("HTML", "one self-contained page with charts"),
        .json: ("JSON", "the machine-readable result"),
    ]

    static func render(_ state: AdvisorState, into canvas: inout Canvas) {
        guard let form = state.exportForm else { return }
        let g = canvas.glyphs
        let formats = ExportForm.formats
        // Room for a message of up to three lines under the path (a write that failed, say).
        let frame = OverlayFrame(canvas: canvas, width: 72, contentHeight: formats.count + 8)
        canvas.panel(x: frame.x, y: frame.y, width: frame.width, height: frame.height, title: "Export a report")
        let x = frame.x + 3
        var y = frame.y + 2
        canvas.put("Format", x: x, y: y, style: form.focus == .format ? .heading : .bold)
        y += 1
        for (offset, format) in formats.enumerated() {
            let chosen = format == form.format
            let label = descriptions[format] ?? (format.rawValue, "")
            let style = chosen ? CellStyle(.bold, role: .accent) : CellStyle.plain
            canvas.put(chosen && form.focus == .format ? g.pointer : " ", x: x, y: y, style: style)
            var column = x + 2
            column += canvas.put("\(offset + 1) \(chosen ? g.radioOn : g.radioOff) " + canvas.fitted(label.name, 9),
                                 x: column, y: y, style: style)
            canvas.put(label.about, x: column + 1, y: y, style: .dim, limit: frame.x + frame.width - 3 - column - 1)
            y += 1
        }
        y += 1
        canvas.put("Path", x: x, y: y, style: form.focus == .path ? .heading : .bold)
        y += 1
        let fieldWidth = frame.contentWidth
        let editing = form.focus == .path && !form.confirmingOverwrite
        canvas.fill(x: x, y: y, width: fieldWidth, height: 1, style: CellStyle(.underline))
        canvas.put(tail(of: form.path, width: fieldWidth - 1, canvas: canvas) + (editing ? "_" : ""), x: x, y: y,
                   style: CellStyle(editing ? [.underline, .bold] : .underline), limit: fieldWidth)
        y += 2
        if form.confirmingOverwrite {
            let used = canvas.put("The file exists. Replace it? ", x: x, y: y, style: CellStyle(.bold, role: .bad),
                                  limit: fieldWidth)
            let yes = canvas.put("y", x: x + used, y: y, style: CellStyle(.bold, role: .accent))
            let middle = canvas.put(" yes  ", x: x + used + yes, y: y, style: .dim)
            let no = canvas.put("n", x: x + used + yes + middle, y: y, style: CellStyle(.bold, role: .accent))
            canvas.put(" no", x: x + used + yes + middle + no, y: y, style: .dim)
        } else if let message = form.message {
            let lines = max(1, frame.y + frame.height - 2 - y)
            canvas.paragraph(message, x: x, y: y, width: fieldWidth, maxLines: min(3, lines), style: CellStyle(role: .bad))
        }
        let hints = form.confirmingOverwrite
            ? " y replace \(g.separator) n keep the file "
            : " \(g.upDown) 1-3 format \(g.separator) Tab path \(g.separator) Enter export \(g.separator) Esc cancel "
        canvas.put(hints, x: frame.x + 2, y: frame.y + frame.height - 1, style: CellStyle(role: .title),
                   limit: frame.width - 4)
    }

    /// The end of `path` in at most `width` columns, with an ellipsis in front when cut.
    static func tail(of path: String, width: Int, canvas: Canvas) -> String {
        let shown = canvas.appearance.unicode ? TextSanitizer.inert(path) : TextWidth.ascii(TextSanitizer.inert(path))
        guard TextWidth.of(shown) > width, width > 3 else { return shown }
        let ellipsis = canvas.appearance.unicode ? "…" : "..."
        var kept = Substring(shown)
        while !kept.isEmpty, TextWidth.of(kept) + TextWidth.of(ellipsis) > width { kept = kept.dropFirst() }
        return ellipsis + kept
    }
}

/// `c` on the results: how sure the recommendation is and what would change it, in full: the
/// verdict, each framework's share of first places over sampled weightings, the criteria the result
/// hinges on with the range each weight may take, and every answer change that makes another
/// framework win.
enum SensitivityOverlay {
    static func lines(_ state: AdvisorState, width: Int, unicode: Bool) -> [Line] {
        guard let insight = state.resultsInsight else { return [] }
        let analysis = insight.analysis
        let c = state.consultation
        let k = state.knowledge
        var out = LineBuilder(width: width, unicode: unicode)
        out.add(insight.verdict, insight.isCloseCall ? CellStyle(.bold, role: .bad) : CellStyle(.bold, role: .good))
        out.blank()
        out.add("Ranks over \(Format.grouped(analysis.robustness.samples)) sampled weightings (share of first place "
                + "on the right)", .heading)
        // One bar per framework, split by the share of samples in which it takes each rank.
        let shades = unicode ? ["█", "▓", "▒", "░"] : ["#", "=", "-", "."]
        let names = analysis.robustness.frameworks.map { k.framework($0)?.name ?? $0 }
        let nameWidth = min(20, names.map { TextWidth.of($0) }.max() ?? 8)
        let barWidth = max(10, min(40, width - nameWidth - 14))
        for (index, name) in names.enumerated() {
            let shares = analysis.robustness.rankAcceptability[index]
            var bar = "", used = 0
            for rank in shares.indices {
                let upTo = Int((shares.prefix(rank + 1).reduce(0, +) * Double(barWidth)).rounded())
                bar += String(repeating: shades[min(rank, shades.count - 1)], count: max(0, upTo - used))
                used = max(used, upTo)
            }
            bar += String(repeating: " ", count: max(0, barWidth - used))
            out.row(TextWidth.truncate(name, to: nameWidth, ellipsis: unicode ? "…" : "...")
                        .padding(toLength: nameWidth, withPad: " ", startingAt: 0)
                    + "  " + bar + "  " + Format.share(shares.first ?? 0), .plain, indent: 2)
        }
        out.row(String(repeating: " ", count: nameWidth + 2) + "\(shades[0]) 1st  \(shades[1]) 2nd  \(shades[2]) 3rd  "
                + "\(shades[3]) 4th and below", .dim, indent: 2)
        let hinges = analysis.hinges()
        if !hinges.isEmpty {
            out.blank()
            out.add("It hinges most on", .heading)
            for line in analysis.textLines(c) where line.hasPrefix("  ") && line.contains("may range") {
                out.add(line.trimmingCharacters(in: .whitespaces), .plain, indent: 2, hang: 2)
            }
        }
        out.blank()
        out.add("What would change it", .heading)
        if analysis.counterfactuals.isEmpty {
            out.add("No change of one or two answers makes another framework win.", .dim, indent: 2)
        }
        for counterfactual in analysis.counterfactuals {
            out.add(counterfactual.sentence + ".", .plain, indent: 2, hang: 2)
        }
        return out.lines
    }

    static func render(_ state: AdvisorState, into canvas: inout Canvas) {
        ScrollingOverlay.render(state, title: "How sure, and what would change it", into: &canvas) {
            lines(state, width: $0, unicode: $1)
        }
    }
}

/// `v` on the results: the selected framework against the winner (or, for the winner, against the
/// runner-up), criterion by criterion: both ratings, the weight, the points between them, and the
/// rules behind each difference.
enum CompareOverlay {
    /// The two frameworks compared: the selected one and its rival.
    static func pair(_ state: AdvisorState) -> (framework: String, rival: String)? {
        guard state.resultsOrder.indices.contains(state.cursor), let winner = state.consultation.winner else { return nil }
        let selected = state.resultsOrder[state.cursor]
        if selected != winner.framework { return (selected, winner.framework) }
        guard let runnerUp = state.consultation.ranking.dropFirst().first else { return nil }
        return (runnerUp.framework, winner.framework)
    }

    static func title(_ state: AdvisorState) -> String {
        guard let (framework, rival) = pair(state) else { return "Compare" }
        let k = state.knowledge
        return "\(k.framework(rival)?.name ?? rival) against \(k.framework(framework)?.name ?? framework)"
    }

    static func lines(_ state: AdvisorState, width: Int, unicode: Bool) -> [Line] {
        guard let (framework, rival) = pair(state) else { return [] }
        let c = state.consultation
        let k = state.knowledge
        let analysis = WhyNot.analyse(framework, in: c)
        let a = k.framework(rival)?.name ?? rival, b = k.framework(framework)?.name ?? framework
        var out = LineBuilder(width: width, unicode: unicode)
        out.add("\(a) \(Format.fixed(analysis.winnerScore, decimals: 1)), \(b) \(Format.fixed(analysis.score, decimals: 1)): "
                + "\(Format.fixed(analysis.winnerScore - analysis.score, decimals: 1)) points between them", .bold)
        if let knockOut = analysis.knockOut {
            out.add("\(b) is knocked out: \(knockOut.reason)", CellStyle(role: .bad), hang: 2)
        }
        out.blank()
        let nameWidth = min(34, k.criteria.map { TextWidth.of($0.name) }.max() ?? 20)
        func cell(_ text: String, _ size: Int) -> String {
            String(repeating: " ", count: max(0, size - TextWidth.of(text))) + text
        }
        out.row("criterion".padding(toLength: nameWidth, withPad: " ", startingAt: 0) + cell("weight", 8)
                + cell(String(a.prefix(10)), 12) + cell(String(b.prefix(10)), 12) + cell("points", 9), .heading)
        for cost in analysis.costs {
            let name = k.criterion(cost.criterion)?.name ?? cost.criterion
            let shown = TextWidth.truncate(name, to: nameWidth, ellipsis: unicode ? "…" : "...")
            let points = (cost.points > 0 ? "+" : "") + Format.fixed(cost.points, decimals: 1)
            out.row(shown.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + cell(Format.number(cost.weight), 8)
                    + cell(Format.number(cost.winnerRating), 12) + cell(Format.number(cost.rating), 12)
                    + cell(abs(cost.points) < 0.05 ? "0" : points, 9), abs(cost.points) < 0.05 ? .dim : .plain)
        }
        let differing = analysis.costs.filter { abs($0.points) >= 0.05 }
        if !differing.isEmpty {
            out.blank()
            out.add("Behind each difference", .heading)
            for cost in differing {
                let name = k.criterion(cost.criterion)?.name ?? cost.criterion
                out.add(name, .bold, indent: 2)
                out.add("\(a): \(cost.winnerWhy) [\(cost.winnerSource)]", .plain, indent: 4, hang: 2)
                out.add("\(b): \(cost.why) [\(cost.source)]", .plain, indent: 4, hang: 2)
                for effect in cost.rules {
                    out.add("rule \(effect.rule) (\(effect.change))", .dim, indent: 4, hang: 2)
                }
            }
        }
        return out.lines
    }

    static func render(_ state: AdvisorState, into canvas: inout Canvas) {
        ScrollingOverlay.render(state, title: title(state), into: &canvas) { lines(state, width: $0, unicode: $1) }
    }
}

/// The frame the scrolling overlays share (`w`, `c`, `v`): up to 100 columns, the lines scrolled by
/// the state's offset, and the keys on the bottom edge. `width` is the lines' width for a screen.
enum ScrollingOverlay {
    static func width(for screenWidth: Int) -> Int { min(screenWidth - 6, 100) - 6 }

    static func render(_ state: AdvisorState, title: String, into canvas: inout Canvas,
                       lines make: (_ width: Int, _ unicode: Bool) -> [Line]) {
        let width = min(canvas.width - 6, 100)
        let lines = make(Self.width(for: canvas.width), canvas.appearance.unicode)
        let frame = OverlayFrame(canvas: canvas, width: width, contentHeight: lines.count)
        canvas.panel(x: frame.x, y: frame.y, width: frame.width, height: frame.height, title: title)
        canvas.scrolling(lines, x: frame.x + 3, y: frame.y + 2, width: frame.contentWidth,
                         height: frame.contentHeight, offset: state.scroll)
        let g = canvas.glyphs
        canvas.put(" \(g.up)\(g.down) PgDn Home End scroll \(g.separator) Esc closes ", x: frame.x + 2,
                   y: frame.y + frame.height - 1, style: CellStyle(role: .title))
    }
}
