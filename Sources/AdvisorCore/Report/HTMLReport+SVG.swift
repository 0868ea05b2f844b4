/// The two inline SVG charts of the HTML report: scores as bars, and each score split into its
/// criteria's points as a stacked bar. Coordinates are written with fixed decimals, so the same
/// record gives the same bytes.
extension HTMLReport {
    /// Colours for criteria: the Okabe–Ito palette, which colour-blind readers can tell apart, solid
    /// for the first eight criteria and as diagonal stripes on white for the next eight, so that
    /// sixteen criteria stay distinct on screen, in print and in greyscale (cycled past the end).
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

    private static let width = 720.0
    private static let labelWidth = 160.0
    private static let barWidth = 480.0
    private static let rowHeight = 34.0
    private static let top = 26.0

    // MARK: - Scores

    /// Every framework's score out of 100; a knocked-out one is an outline at the score it would have had.
    static func scoreChart(_ record: DecisionRecord) -> String {
        let height = top + Double(record.scores.count) * rowHeight + 8
        var svg = open("score-chart", "Scores out of 100", height: height)
        svg += axis(height: height)
        for (index, row) in record.scores.enumerated() {
            let y = top + Double(index) * rowHeight
            let length = barWidth * min(1, max(0, row.score / 100))
            let label = escape(row.name)
            svg.append(text(labelWidth - 10, y + 15, label, anchor: "end",
                            class: row.rank == 1 ? "label winner" : "label"))
            let score = Format.fixed(row.score, decimals: 1)
            if row.rank == nil {
                svg.append(rect(labelWidth, y + 2, length, 20, class: "bar out",
                                title: "\(row.name): knocked out (would score \(score))"))
                svg.append(text(labelWidth + length + 6, y + 15, "knocked out", class: "value out"))
            } else {
                svg.append(rect(labelWidth, y + 2, length, 20, class: row.rank == 1 ? "bar winner" : "bar",
                                title: "\(row.name): \(score) of 100"))
                svg.append(text(labelWidth + length + 6, y + 15, score, class: "value"))
            }
        }
        svg.append("</svg>")
        return "<figure>\n" + svg.joined(separator: "\n")
            + "\n<figcaption>Scores out of 100; the chosen option is highlighted.</figcaption>\n</figure>"
    }

    // MARK: - Contributions

    /// Each ranked framework's score as a stacked bar of its criteria's points, with a legend.
    static func contributionChart(_ record: DecisionRecord) -> String {
        let shown = record.criteria.indices.filter { index in
            record.bars.contains { bar in bar.segments.contains { $0.criterion == index && $0.points > 0 } }
        }
        let columns = 3
        let legendRows = (shown.count + columns - 1) / columns
        let barsHeight = top + Double(record.bars.count) * rowHeight
        let height = barsHeight + 12 + Double(legendRows) * 20 + 4
        var svg = open("contribution-chart", "Points each criterion contributes to each score", height: height)
        if shown.contains(where: { $0 % (2 * palette.count) >= palette.count }) { svg.append(stripes()) }
        svg += axis(height: barsHeight)
        for (index, bar) in record.bars.enumerated() {
            let y = top + Double(index) * rowHeight
            svg.append(text(labelWidth - 10, y + 15, escape(bar.name), anchor: "end",
                            class: bar.winner ? "label winner" : "label"))
            var x = labelWidth
            for segment in bar.segments where segment.points > 0 {
                let length = barWidth * segment.points / 100
                let points = Format.fixed(segment.points, decimals: 1)
                svg.append(rect(x, y + 2, length, 20, fill: color(segment.criterion), class: "segment",
                                title: "\(bar.name), \(segment.name): \(points) points"))
                x += length
            }
            svg.append(text(x + 6, y + 15, Format.fixed(bar.score, decimals: 1), class: "value"))
        }
        for (position, criterion) in shown.enumerated() {
            let x = 10 + Double(position % columns) * (width - 20) / Double(columns)
            let y = barsHeight + 12 + Double(position / columns) * 20
            svg.append(rect(x, y, 12, 12, fill: color(criterion), class: "swatch", title: nil))
            svg.append(text(x + 18, y + 10, escape(record.criteria[criterion]), class: "legend"))
        }
        svg.append("</svg>")
        return "<figure>\n" + svg.joined(separator: "\n")
            + "\n<figcaption>Each score split into the points its criteria contribute.</figcaption>\n</figure>"
    }

    // MARK: - Pieces

    static func color(_ criterion: Int) -> String {
        let slot = criterion % (2 * palette.count)
        return slot < palette.count ? palette[slot] : "url(#criterion-stripes-\(slot - palette.count))"
    }

    /// The striped fills `color` names past the first eight criteria.
    private static func stripes() -> String {
        "<defs>" + palette.enumerated().map { index, colour in
            "<pattern id=\"criterion-stripes-\(index)\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" "
                + "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>"
                + "<rect width=\"3\" height=\"6\" fill=\"\(colour)\"/></pattern>"
        }.joined() + "</defs>"
    }

    private static func open(_ id: String, _ title: String, height: Double) -> [String] {
        ["<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\" class=\"chart\" role=\"img\" "
            + "aria-labelledby=\"\(id)-title\" viewBox=\"0 0 \(number(width)) \(number(height))\" "
            + "width=\"\(number(width))\" height=\"\(number(height))\">",
         "<title id=\"\(id)-title\">\(escape(title))</title>"]
    }

    /// Grid lines and labels at 0, 25, 50, 75 and 100.
    private static func axis(height: Double) -> [String] {
        stride(from: 0, through: 100, by: 25).flatMap { tick -> [String] in
            let x = labelWidth + barWidth * Double(tick) / 100
            return ["<line class=\"grid\" x1=\"\(number(x))\" y1=\"\(number(top - 6))\" x2=\"\(number(x))\" "
                        + "y2=\"\(number(height - 4))\"/>",
                    text(x, top - 10, String(tick), anchor: "middle", class: "tick")]
        }
    }

    private static func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, fill: String? = nil,
                             class name: String, title: String?) -> String {
        var element = "<rect class=\"\(name)\" x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" "
            + "height=\"\(number(height))\"" + (fill.map { " fill=\"\($0)\"" } ?? "")
        if let title {
            element += "><title>\(escape(title))</title></rect>"
        } else {
            element += "/>"
        }
        return element
    }

    /// A text element; `content` must already be escaped.
    private static func text(_ x: Double, _ y: Double, _ content: String, anchor: String = "start",
                             class name: String) -> String {
        "<text class=\"\(name)\" x=\"\(number(x))\" y=\"\(number(y))\""
            + (anchor == "start" ? "" : " text-anchor=\"\(anchor)\"") + ">\(content)</text>"
    }

    private static func number(_ value: Double) -> String {
        Format.number(value, decimals: 2)
    }
}
