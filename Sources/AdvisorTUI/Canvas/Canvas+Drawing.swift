// MARK: - Boxes, bars and paragraphs

extension Canvas {
    /// A frame around the rectangle, with an optional title in its top edge.
    public mutating func box(x: Int, y: Int, width w: Int, height h: Int, title: String? = nil,
                             style: CellStyle = .plain, titleStyle: CellStyle = .heading) {
        guard w >= 2, h >= 2 else { return }
        let g = glyphs
        let horizontal = String(repeating: String(g.horizontal), count: w - 2)
        put(String(g.topLeft) + horizontal + String(g.topRight), x: x, y: y, style: style)
        put(String(g.bottomLeft) + horizontal + String(g.bottomRight), x: x, y: y + h - 1, style: style)
        for row in (y + 1)..<(y + h - 1) {
            put(String(g.vertical), x: x, y: row, style: style)
            put(String(g.vertical), x: x + w - 1, y: row, style: style)
        }
        if let title, w > 6 {
            put(" \(title) ", x: x + 2, y: y, style: titleStyle, limit: w - 4)
        }
    }

    /// A box with a cleared inside: the frame of an overlay.
    public mutating func panel(x: Int, y: Int, width w: Int, height h: Int, title: String? = nil) {
        fill(x: x, y: y, width: w, height: h)
        box(x: x, y: y, width: w, height: h, title: title, style: CellStyle(role: .title),
            titleStyle: CellStyle(.bold, role: .title))
    }

    /// A horizontal rule.
    public mutating func rule(x: Int, y: Int, width w: Int, style: CellStyle = .dim) {
        guard w > 0 else { return }
        put(String(repeating: String(glyphs.horizontal), count: w), x: x, y: y, style: style)
    }

    /// A bar of `width` cells filled in proportion to `value` of `maximum`.
    public mutating func bar(_ value: Double, of maximum: Double, x: Int, y: Int, width w: Int,
                             role: ColorRole = .bar) {
        guard w > 0 else { return }
        let share = maximum > 0 && value.isFinite ? min(1, max(0, value / maximum)) : 0
        let filled = Int((share * Double(w)).rounded())
        put(String(repeating: String(glyphs.barFull), count: filled), x: x, y: y, style: CellStyle(role: role))
        put(String(repeating: String(glyphs.barEmpty), count: w - filled), x: x + filled, y: y, style: .dim)
    }

    /// Draws `text` wrapped to `width`, from row `y`, at most `maxLines` rows. Returns the rows used.
    @discardableResult
    public mutating func paragraph(_ text: String, x: Int, y: Int, width w: Int, maxLines: Int = .max,
                                   style: CellStyle = .plain, indent: Int = 0) -> Int {
        let lines = Self.wrapped(text, width: w, indent: indent, unicode: appearance.unicode)
        let shown = lines.prefix(max(0, maxLines))
        for (offset, line) in shown.enumerated() {
            put(line, x: x + (offset == 0 ? 0 : indent), y: y + offset, style: style, limit: w)
        }
        return shown.count
    }

    /// The lines `paragraph` would draw; continuation lines are `indent` narrower.
    public static func wrapped(_ text: String, width: Int, indent: Int = 0, unicode: Bool = true) -> [String] {
        let shown = unicode ? text : TextWidth.ascii(text)
        return TextWidth.wrap(shown, width: max(1, width - indent), first: width)
    }
}
