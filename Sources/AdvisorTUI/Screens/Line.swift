/// One line of prepared text: what scrolling views (results detail, overlays) are made of.
struct Line: Sendable {
    var text: String
    var style: CellStyle
    var x: Int

    init(_ text: String, _ style: CellStyle = .plain, x: Int = 0) {
        self.text = text
        self.style = style
        self.x = x
    }

    static let blank = Line("")
}

/// Builds wrapped lines for a given width.
struct LineBuilder {
    let width: Int
    let unicode: Bool
    private(set) var lines: [Line] = []

    init(width: Int, unicode: Bool) {
        self.width = width
        self.unicode = unicode
    }

    /// Adds `text` wrapped at the width, continuation lines indented by `hang` more columns.
    mutating func add(_ text: String, _ style: CellStyle = .plain, indent: Int = 0, hang: Int = 0) {
        let wrapped = Canvas.wrapped(text, width: max(1, width - indent), indent: hang, unicode: unicode)
        for (offset, line) in wrapped.enumerated() {
            lines.append(Line(line, style, x: indent + (offset == 0 ? 0 : hang)))
        }
    }

    /// Adds `text` as one line, its spacing kept (a table row), cut at the width.
    mutating func row(_ text: String, _ style: CellStyle = .plain, indent: Int = 0) {
        let shown = TextWidth.of(text) > width - indent
            ? TextWidth.truncate(text, to: max(1, width - indent), ellipsis: unicode ? "…" : "...") : text
        lines.append(Line(shown, style, x: indent))
    }

    mutating func blank() {
        if let last = lines.last, last.text.isEmpty { return }
        lines.append(.blank)
    }
}

extension Canvas {
    /// Draws `lines` from `offset` in the rectangle, with a scroll hint when more lies beyond.
    /// Returns the offset actually used (clamped).
    @discardableResult
    mutating func scrolling(_ lines: [Line], x: Int, y: Int, width w: Int, height h: Int, offset: Int) -> Int {
        guard h > 1 else { return 0 }
        let overflows = lines.count > h
        let rows = overflows ? h - 1 : h
        let start = Self.clampScroll(offset, lines: lines.count, height: rows)
        for (row, line) in lines.dropFirst(start).prefix(rows).enumerated() {
            put(line.text, x: x + line.x, y: y + row, style: line.style, limit: w - line.x)
        }
        if overflows {
            let g = glyphs
            let position = "lines \(start + 1)-\(min(lines.count, start + rows)) of \(lines.count)"
            let more = start + rows < lines.count ? "\(g.down) PgDn more" : "end"
            let back = start > 0 ? "  \(g.up) PgUp back" : ""
            put("\(position) \(g.separator) \(more)\(back)", x: x, y: y + h - 1, style: .dim, limit: w)
        }
        return start
    }

    static func clampScroll(_ offset: Int, lines: Int, height: Int) -> Int {
        max(0, min(offset, lines - height))
    }
}
