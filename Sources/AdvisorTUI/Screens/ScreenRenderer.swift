import AdvisorCore

/// Draws an `AdvisorState` into a canvas: the screen in front, its overlay, the title bar and the
/// key hints. Pure: the same state and canvas size always give the same grid.
public enum ScreenRenderer {
    /// A fresh frame of the terminal's size with `state` drawn into it.
    public static func frame(_ state: AdvisorState, appearance: TextStyle) -> Canvas {
        var canvas = Canvas(width: state.size.width, height: state.size.height, appearance: appearance)
        render(state, into: &canvas)
        return canvas
    }

    /// Draws `state` into `canvas`.
    public static func render(_ state: AdvisorState, into canvas: inout Canvas) {
        let size = Size(width: canvas.width, height: canvas.height)
        guard size.fits(.minimum) else { return tooSmall(size, into: &canvas) }
        switch state.screen {
        case .welcome:
            DebugPanic.check("welcome")
            WelcomeScreen.render(state, into: &canvas)
        case .question(let index):
            DebugPanic.check("question")
            QuestionScreen.render(state, question: index, into: &canvas)
        case .review:
            DebugPanic.check("review")
            ReviewScreen.render(state, into: &canvas)
        case .results:
            DebugPanic.check("results")
            ResultsScreen.render(state, into: &canvas)
        case .pairwise:
            DebugPanic.check("pairwise")
            PairwiseScreen.render(state, into: &canvas)
        }
        switch state.overlay {
        case .help?: HelpOverlay.render(state, into: &canvas)
        case .why?: WhyOverlay.render(state, into: &canvas)
        case .sensitivity?: SensitivityOverlay.render(state, into: &canvas)
        case .compare?: CompareOverlay.render(state, into: &canvas)
        case .confirmQuit?: QuitOverlay.render(state, into: &canvas)
        case .export?: ExportOverlay.render(state, into: &canvas)
        case .team?: TeamOverlay.render(state, into: &canvas)
        case nil: break
        }
        if let notice = state.notice {
            // On the bottom row, or the last rows when it is longer (up to three): never cut.
            let lines = Canvas.wrapped(notice, width: max(1, canvas.width - 4), unicode: canvas.appearance.unicode)
                .prefix(3)
            for (offset, line) in lines.enumerated() {
                let y = canvas.height - lines.count + offset
                canvas.fill(x: 0, y: y, width: canvas.width, height: 1)
                canvas.put(" \(line) ", x: 1, y: y, style: CellStyle([.bold, .reverse], role: .accent))
            }
        }
    }

    /// The message shown below the minimum size, centred.
    static func tooSmall(_ size: Size, into canvas: inout Canvas) {
        let minimum = Size.minimum
        let lines = ["terminal too small: need \(minimum.width)×\(minimum.height), have \(size.width)×\(size.height)",
                     "Enlarge the window to continue, or press q to quit."]
        let top = max(0, (canvas.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let wrapped = Canvas.wrapped(line, width: max(1, canvas.width), unicode: canvas.appearance.unicode)
            for (extra, part) in wrapped.enumerated() {
                let x = max(0, (canvas.width - TextWidth.of(part)) / 2)
                canvas.put(part, x: x, y: top + offset * 2 + extra, style: offset == 0 ? .bold : .dim)
            }
        }
    }

    // MARK: - Chrome

    /// The title bar: the product on the left, `right` (such as the progress) on the right.
    static func titleBar(_ right: String, into canvas: inout Canvas) {
        let style = CellStyle([.reverse, .bold], role: .title)
        canvas.fill(x: 0, y: 0, width: canvas.width, height: 1, style: style)
        canvas.put(" Framework Advisor", x: 0, y: 0, style: style)
        canvas.putRight(right + " ", right: canvas.width, y: 0, style: style)
    }

    /// The key hints on the bottom row, as `key label` pairs; pairs that don't fit are left out.
    static func hints(_ pairs: [(String, String)], into canvas: inout Canvas) {
        let y = canvas.height - 1
        var x = 1
        for (key, label) in pairs {
            let needed = TextWidth.of(key) + 1 + TextWidth.of(label) + 2
            if x + needed > canvas.width { break }
            x += canvas.put(key, x: x, y: y, style: CellStyle(.bold, role: .accent))
            x += canvas.put(" " + label + "  ", x: x, y: y, style: .dim)
        }
    }
}

extension Canvas {
    /// `text` as this canvas draws it (ASCII-folded when needed), padded or cut to `width` columns.
    func fitted(_ text: String, _ width: Int) -> String {
        let shown = appearance.unicode ? text : TextWidth.ascii(text)
        let cut = TextWidth.truncate(shown, to: width, ellipsis: appearance.unicode ? "…" : "...")
        return cut + String(repeating: " ", count: max(0, width - TextWidth.of(cut)))
    }
}
