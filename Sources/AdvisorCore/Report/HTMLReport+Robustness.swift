/// The rank-acceptability chart of the HTML report: for each framework, a 100% stacked bar of the
/// share of sampled weightings in which it takes rank 1, 2, …, with the same figures as a table.
extension HTMLReport {
    /// Rank colours from the Okabe–Ito palette, which colour-blind readers can tell apart; first
    /// place is the darkest, and no rank is near white, so every bar shows in print.
    static let rankPalette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

    private static let chartWidth = 720.0
    private static let nameWidth = 160.0
    private static let barLength = 480.0
    private static let row = 34.0
    private static let chartTop = 26.0

    /// The chart, its caption and a table of the same shares; empty when the analyses weren't run.
    static func rankAcceptabilityChart(_ record: DecisionRecord) -> [String] {
        let rows = record.rankAcceptability
        guard !rows.isEmpty else { return [] }
        let ranks = rows.map(\.shares.count).max() ?? 0
        let legendTop = chartTop + Double(rows.count) * row + 6
        let height = legendTop + 24
        let summary = rows.map { row in
            "\(row.name): " + row.shares.enumerated().map { rank, share in
                "rank \(rank + 1) in \(percent(share))"
            }.joined(separator: ", ")
        }.joined(separator: "; ")
        var svg = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"rank-chart\" class=\"chart\" role=\"img\" "
                + "aria-labelledby=\"rank-chart-title rank-chart-desc\" viewBox=\"0 0 \(n(chartWidth)) \(n(height))\" "
                + "width=\"\(n(chartWidth))\" height=\"\(n(height))\">",
            "<title id=\"rank-chart-title\">Share of sampled weightings in which each framework takes each rank</title>",
            "<desc id=\"rank-chart-desc\">\(escape(summary)).</desc>",
        ]
        for tick in stride(from: 0, through: 100, by: 25) {
            let x = nameWidth + barLength * Double(tick) / 100
            svg.append("<line class=\"grid\" x1=\"\(n(x))\" y1=\"\(n(chartTop - 6))\" x2=\"\(n(x))\" "
                       + "y2=\"\(n(legendTop - 4))\"/>")
            svg.append("<text class=\"tick\" x=\"\(n(x))\" y=\"\(n(chartTop - 10))\" text-anchor=\"middle\">"
                       + "\(tick)%</text>")
        }
        for (index, entry) in rows.enumerated() {
            let y = chartTop + Double(index) * row
            svg.append("<text class=\"label\(index == 0 ? " winner" : "")\" x=\"\(n(nameWidth - 10))\" "
                       + "y=\"\(n(y + 15))\" text-anchor=\"end\">\(escape(entry.name))</text>")
            var x = nameWidth
            for (rank, share) in entry.shares.enumerated() where share > 0 {
                let length = barLength * min(1, share)
                let fill = rankPalette[min(rank, rankPalette.count - 1)]
                svg.append("<rect class=\"rank-segment\" x=\"\(n(x))\" y=\"\(n(y + 2))\" width=\"\(n(length))\" "
                           + "height=\"20\" fill=\"\(fill)\"><title>\(escape(entry.name)): rank \(rank + 1) in "
                           + "\(escape(percent(share))) of samples</title></rect>")
                if length >= 44 {
                    svg.append("<text class=\"share\(rank == 0 ? " first" : "")\" x=\"\(n(x + length / 2))\" "
                               + "y=\"\(n(y + 16))\" text-anchor=\"middle\">\(escape(percent(share)))</text>")
                }
                x += length
            }
        }
        for rank in 0..<ranks {
            let x = 10 + Double(rank) * 110
            svg.append("<rect class=\"swatch\" x=\"\(n(x))\" y=\"\(n(legendTop + 4))\" width=\"12\" height=\"12\" "
                       + "fill=\"\(rankPalette[min(rank, rankPalette.count - 1)])\"/>")
            svg.append("<text class=\"legend\" x=\"\(n(x + 18))\" y=\"\(n(legendTop + 14))\">\(ordinal(rank + 1)) "
                       + "place</text>")
        }
        svg.append("</svg>")
        let caption = (record.robustnessVerdict.map { escape($0) + " " } ?? "")
            + "Each bar splits the sampled weightings by the rank the framework takes in them."
        var table = "<table class=\"rank-table\">\n<thead><tr><th>Framework</th>"
            + (0..<ranks).map { "<th class=\"num\">\(ordinal($0 + 1))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        table += rows.map { entry in
            "<tr><td>\(escape(entry.name))</td>" + (0..<ranks).map { rank in
                "<td class=\"num\">\(escape(percent(rank < entry.shares.count ? entry.shares[rank] : 0)))</td>"
            }.joined() + "</tr>"
        }.joined(separator: "\n") + "\n</tbody>\n</table>"
        return ["<figure class=\"rank-acceptability\">\n" + svg.joined(separator: "\n") + "\n<figcaption>"
                    + caption + "</figcaption>\n</figure>", table]
    }

    private static func percent(_ share: Double) -> String {
        Format.share(share)
    }

    private static func ordinal(_ rank: Int) -> String {
        let suffix = (11...13).contains(rank % 100) ? "th"
            : [1: "st", 2: "nd", 3: "rd"][rank % 10] ?? "th"
        return "\(rank)\(suffix)"
    }

    private static func n(_ value: Double) -> String { Format.number(value, decimals: 2) }
}
