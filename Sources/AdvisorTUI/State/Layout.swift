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

/// Where the results put the verdict, the framework list, the "what would change it" panel and the detail.
struct ResultsLayout {
    let verdictRow = 3
    /// The verdict, wrapped to at most two rows.
    let verdict: [String]
    let listTop: Int
    let listCount: Int
    /// The panel's heading row (nil without an insight) and its wrapped lines, drawn below the heading.
    let panelTop: Int?
    let panel: [String]
    let detailTop: Int
    let detailBottom: Int

    init(size: Size, frameworks: Int, insight: ResultsInsight? = nil, unicode: Bool = true) {
        listCount = frameworks
        verdict = insight.map { Array(Canvas.wrapped($0.verdict, width: max(10, size.width - 4), unicode: unicode)
            .prefix(2)) } ?? []
        listTop = insight == nil ? 4 : 4 + verdict.count
        detailBottom = size.height - 2
        guard let insight else {
            panelTop = nil
            panel = []
            detailTop = listTop + frameworks + 1
            return
        }
        let width = max(10, size.width - 6)
        let cap = size.height >= 40 ? 8 : 2
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
        panelTop = listTop + frameworks + 1
        detailTop = listTop + frameworks + 1 + 1 + lines.count
    }

    /// The framework (by results order) listed at row `y`.
    func framework(atRow y: Int) -> Int? {
        y >= listTop && y < listTop + listCount ? y - listTop : nil
    }
}
