import AdvisorCore

/// `t` on the results: a form to load colleagues' answers files, and the comparison of everyone's
/// answers, yours as "you", worded as `advisor team` words it.
enum TeamOverlay {
    /// Where the parts go for a screen of `size`.
    struct Layout {
        let frame: OverlayFrame
        /// The form's message, wrapped to the width (at most three rows).
        let message: [String]
        /// The first row of the comparison, and how many rows it has.
        let comparisonTop: Int
        let comparisonHeight: Int

        init(size: Size, form: TeamForm, unicode: Bool = true) {
            let canvas = Canvas(width: size.width, height: size.height)
            // The whole width: the scores table has a column per member.
            frame = OverlayFrame(canvas: canvas, width: size.width, contentHeight: size.height)
            let width = frame.contentWidth
            message = Array(form.message.map { Canvas.wrapped($0, width: width, unicode: unicode) }?.prefix(6) ?? [])
            // The form: a heading and four fields, then the message (up to six rows, so a long path
            // is never cut), the members and a rule. While
            // the comparison has the keys, only the message, the members and a rule stay above it.
            let form = form.focus == .comparison ? 0 : 5
            comparisonTop = frame.y + 2 + form + message.count + 2
            comparisonHeight = max(1, frame.y + frame.height - 2 - comparisonTop)
        }

        var contentWidth: Int { frame.contentWidth }
    }

    /// The comparison as lines `width` columns wide: the team report's text, its tables kept whole.
    static func lines(_ state: AdvisorState, width: Int, unicode: Bool) -> [Line] {
        var out = LineBuilder(width: width, unicode: unicode)
        guard let team = state.team else {
            out.add("Load a colleague's answers file above: YAML or JSON mapping question ids to answers, as "
                    + "'advisor recommend --answers' reads, or a session the advisor saved. Their answers are "
                    + "compared with yours (\"\(state.teamOwnName)\"), as 'advisor team' compares members: the "
                    + "group's choice, each person's, and the questions you answered differently.", .dim)
            return out.lines
        }
        let options = team.reportOptions(date: state.reportDate, members: state.teamMembers)
        var lines = TeamReport.text(team.decision, options: options).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
        // The method is one paragraph the report wraps at 100 columns: joined again, to wrap here.
        if let method = lines.firstIndex(where: { $0.hasPrefix("Method: ") }) {
            lines = Array(lines[..<method]) + [lines[method...].joined(separator: " ")]
        }
        var inTable = false
        for (index, line) in lines.enumerated() {
            let indent = line.prefix { $0 == " " }.count
            if line.hasPrefix("  Scores (of 100)") { inTable = true }
            if line.isEmpty {
                inTable = false
                out.blank()
            } else if inTable {
                // A table row is kept whole or cut, never wrapped: its columns stay aligned.
                out.row(line, index == 0 ? .bold : .plain)
            } else if index == 0 {
                out.add(line, .bold, hang: 2)
            } else if line.hasPrefix("Close call:") {
                out.add(line, CellStyle(.bold, role: .bad))
            } else if indent == 0 && line.hasSuffix(":") {
                out.add(line, .heading)
            } else if TextWidth.of(line) <= width {
                out.row(line)
            } else {
                out.add(String(line.dropFirst(indent)), .plain, indent: indent, hang: 4)
            }
        }
        return out.lines
    }

    static func render(_ state: AdvisorState, into canvas: inout Canvas) {
        guard let form = state.teamForm else { return }
        let g = canvas.glyphs
        let layout = Layout(size: Size(width: canvas.width, height: canvas.height), form: form,
                            unicode: canvas.appearance.unicode)
        let frame = layout.frame
        let x = frame.x + 3
        let width = frame.contentWidth
        canvas.panel(x: frame.x, y: frame.y, width: frame.width, height: frame.height,
                     title: "Team: your answers beside your colleagues'")
        var y = frame.y + 2
        if case .form(let focused) = form.focus {
            canvas.put("Add a colleague's answers file, as 'advisor team --member' reads it", x: x, y: y,
                       style: .heading, limit: width)
            y += 1
            let labels: [(TeamForm.Field, String, String)] = [
                (.own, "You are", "your name in the comparison"), (.name, "Name", "from the file's name"), (.answers, "Answers", "path of a YAML or JSON answers file"),
                (.pairwise, "Pairwise", "optional: their pairwise comparisons"),
            ]
            for (field, label, placeholder) in labels {
                let editing = field == focused
                canvas.put(editing ? g.pointer : " ", x: x, y: y, style: CellStyle(.bold, role: .accent))
                canvas.put(label, x: x + 2, y: y, style: editing ? .heading : .bold)
                let fieldX = x + 12, fieldWidth = width - 12
                canvas.fill(x: fieldX, y: y, width: fieldWidth, height: 1, style: CellStyle(.underline))
                let value = form[field]
                if value.isEmpty && !editing {
                    canvas.put(placeholder, x: fieldX, y: y, style: CellStyle([.underline, .dim]), limit: fieldWidth)
                } else {
                    canvas.put(ExportOverlay.tail(of: value, width: fieldWidth - 1, canvas: canvas) + (editing ? "_" : ""),
                               x: fieldX, y: y, style: CellStyle(editing ? [.underline, .bold] : .underline),
                               limit: fieldWidth)
                }
                y += 1
            }
        }
        for line in layout.message {
            canvas.put(line, x: x, y: y, style: CellStyle(role: .bad), limit: width)
            y += 1
        }
        members(state, form: form, x: x, y: y, width: width, into: &canvas)
        canvas.rule(x: x, y: y + 1, width: width)
        canvas.scrolling(lines(state, width: width, unicode: canvas.appearance.unicode), x: x, y: layout.comparisonTop,
                         width: width, height: layout.comparisonHeight, offset: state.scroll)
        let hints = form.focus == .comparison
            ? " \(g.upDown) PgDn scroll \(g.separator) \(g.left)\(g.arrow) member \(g.separator) x remove \(g.separator) "
                + "a add \(g.separator) e export \(g.separator) Esc close "
            : " Tab next field \(g.separator) Enter load \(g.separator) PgDn scroll \(g.separator) Esc "
                + (state.teamMembers.isEmpty ? "close " : "done ")
        canvas.put(hints, x: frame.x + 2, y: frame.y + frame.height - 1, style: CellStyle(role: .title),
                   limit: frame.width - 4)
    }

    /// "Members: you · ana · ben", the selected loaded member highlighted while the comparison has
    /// the keys. When they don't all fit, the members around the selected one are shown, with "…"
    /// where some are left out, so the one `x` would remove is always in sight.
    private static func members(_ state: AdvisorState, form: TeamForm, x: Int, y: Int, width: Int,
                                into canvas: inout Canvas) {
        let ellipsis = canvas.appearance.unicode ? "…" : "..."
        let separator = " \(canvas.glyphs.separator) "
        let head = "Members: " + state.teamOwnName + " (your answers)"
        var items = state.teamMembers.map { (text: $0.name, style: CellStyle.plain) }
        items += state.teamUnavailable.map { (text: $0.name + " (file missing)", style: CellStyle.dim) }
        if form.focus == .comparison, items.indices.contains(form.selected) {
            items[form.selected].style = CellStyle([.reverse, .bold], role: .accent)
        }
        func span(_ range: Range<Int>) -> Int {
            TextWidth.of(head) + range.reduce(0) { $0 + TextWidth.of(separator) + TextWidth.of(items[$1].text) }
                + (range.lowerBound > 0 ? TextWidth.of(separator + ellipsis) : 0)
                + (range.upperBound < items.count ? TextWidth.of(separator + ellipsis) : 0)
        }
        // The widest run of members around the selected one that fits.
        let anchor = min(max(0, form.selected), max(0, items.count - 1))
        var shown = items.isEmpty ? 0..<0 : anchor..<(anchor + 1)
        while true {
            if shown.upperBound < items.count, span(shown.lowerBound..<(shown.upperBound + 1)) <= width {
                shown = shown.lowerBound..<(shown.upperBound + 1)
            } else if shown.lowerBound > 0, span((shown.lowerBound - 1)..<shown.upperBound) <= width {
                shown = (shown.lowerBound - 1)..<shown.upperBound
            } else {
                break
            }
        }
        var column = x + canvas.put("Members: ", x: x, y: y, style: .bold, limit: width)
        column += canvas.put(state.teamOwnName + " (your answers)", x: column, y: y, limit: x + width - column)
        if shown.lowerBound > 0 {
            column += canvas.put(separator + ellipsis, x: column, y: y, style: .dim, limit: x + width - column)
        }
        for index in shown {
            column += canvas.put(separator, x: column, y: y, style: .dim, limit: x + width - column)
            column += canvas.put(items[index].text, x: column, y: y, style: items[index].style, limit: x + width - column)
        }
        if shown.upperBound < items.count {
            column += canvas.put(separator + ellipsis, x: column, y: y, style: .dim, limit: x + width - column)
        }
        if items.isEmpty {
            canvas.put("  (no colleague loaded yet)", x: column, y: y, style: .dim, limit: x + width - column)
        }
    }
}
