import AdvisorCore

/// Where things go on the question screen. Rendering and mouse clicks both read it, so a click
/// lands on the option drawn under it.
struct QuestionLayout {
    let mainX = 2
    let mainWidth: Int
    let panelX: Int
    let panelWidth: Int
    let promptTop = 2
    let promptLines: [String]
    let kindLine: Int
    let optionsTop: Int
    /// Each option's wrapped label lines.
    let optionLines: [[String]]
    /// Each option's first row.
    let optionRows: [Int]
    let helpTop: Int
    let bottom: Int

    /// Columns before an option's label: the pointer and the marker.
    static let optionIndent = 6

    init(question: Question, size: Size, unicode: Bool) {
        panelWidth = size.width >= 110 ? 36 : 28
        panelX = size.width - panelWidth - 1
        mainWidth = max(20, panelX - mainX - 2)
        bottom = size.height - 2
        promptLines = Canvas.wrapped(question.prompt, width: mainWidth, unicode: unicode)
        kindLine = promptTop + promptLines.count
        optionsTop = kindLine + 2
        var rows: [Int] = []
        var lines: [[String]] = []
        var row = optionsTop
        for (offset, option) in question.options.enumerated() {
            let label = question.kind == .scale ? "\(offset + 1). \(option.label)" : option.label
            let wrapped = Canvas.wrapped(label, width: mainWidth - Self.optionIndent, unicode: unicode)
            rows.append(row)
            lines.append(wrapped)
            row += max(1, wrapped.count)
        }
        optionRows = rows
        optionLines = lines
        helpTop = row + 1
    }

    /// The option drawn at row `y` and column `x`, if any.
    func option(atX x: Int, y: Int) -> Int? {
        guard x >= mainX, x < mainX + mainWidth else { return nil }
        for (index, start) in optionRows.enumerated() where y >= start && y < start + max(1, optionLines[index].count) {
            return y <= bottom ? index : nil
        }
        return nil
    }
}

/// Where the review's entries go.
struct ReviewLayout {
    let top = 4
    let visible: Int
    let first: Int

    init(size: Size, cursor: Int) {
        visible = max(1, size.height - top - 2)
        first = cursor >= visible ? cursor - visible + 1 : 0
    }

    /// The entry (0 = "Show recommendation") at row `y`.
    func entry(atRow y: Int, count: Int) -> Int? {
        let index = first + (y - top)
        return y >= top && y < top + visible && index <= count ? index : nil
    }
}

/// Where the results put the verdict, the framework list, the "what would change it" panel and the
/// detail. Below 160 columns the detail runs under the list; from 160 columns on, the list and its
/// panels take the left side and the detail the right, from the top, so a wide terminal's width is
/// used rather than left empty.
struct ResultsLayout {
    static let wideFrom = 160

    let verdictRow = 3
    /// The verdict, wrapped to at most two rows.
    let verdict: [String]
    let listTop: Int
    let listCount: Int
    /// The panel's heading row (nil without an insight) and its wrapped lines, drawn below the heading.
    let panelTop: Int?
    let panel: [String]
    /// Whether the detail stands beside the list.
    let wide: Bool
    /// The width of the list's column: the whole screen unless wide.
    let leftWidth: Int
    /// The detail's column and width, and its first and last rows (a rule is drawn on `detailTop`).
    let detailX: Int
    let detailWidth: Int
    let detailTop: Int
    let detailBottom: Int

    init(size: Size, frameworks: Int, insight: ResultsInsight? = nil, unicode: Bool = true) {
        listCount = frameworks
        let wide = size.width >= Self.wideFrom
        let left = wide ? min(96, size.width / 2) : size.width
        self.wide = wide
        leftWidth = left
        detailX = wide ? left + 1 : 3
        detailWidth = wide ? size.width - left - 3 : size.width - 6
        verdict = insight.map { Array(Canvas.wrapped($0.verdict, width: max(10, left - 4), unicode: unicode)
            .prefix(2)) } ?? []
        listTop = insight == nil ? 4 : 4 + verdict.count
        detailBottom = size.height - 2
        guard let insight else {
            panelTop = nil
            panel = []
            detailTop = wide ? 2 : listTop + frameworks + 1
            return
        }
        let width = max(10, left - 6)
        panelTop = listTop + frameworks + 1
        // Wide, the panel may fill the left column; otherwise two lines, eight on a tall screen.
        let cap = wide ? max(2, size.height - 3 - (listTop + frameworks + 2)) : size.height >= 40 ? 8 : 2
        var lines: [String] = []
        let changes = insight.changes.isEmpty
            ? ["No change of one or two answers makes another framework win."] : insight.changes
        for change in changes {
            lines += Canvas.wrapped(change, width: width, indent: 2, unicode: unicode).enumerated().map {
                ($0.offset == 0 ? "" : "  ") + $0.element
            }
        }
        if lines.count > cap {
            lines = Array(lines.prefix(cap))
            let more = unicode ? "…" : "..."
            lines[cap - 1] = TextWidth.truncate(lines[cap - 1], to: width - TextWidth.of(more), ellipsis: "") + more
        }
        panel = lines
        detailTop = wide ? 2 : listTop + frameworks + 1 + 1 + lines.count
    }

    /// The framework (by results order) listed at row `y`.
    func framework(atRow y: Int) -> Int? {
        y >= listTop && y < listTop + listCount ? y - listTop : nil
    }
}
