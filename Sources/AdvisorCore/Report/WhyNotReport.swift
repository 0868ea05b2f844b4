extension ExplanationReport {
    /// "Why not X?": the knock-out that removed X, if any, then the criteria that cost it the most
    /// points against the winner, each with the ratings' citations and the rules that changed the
    /// weight or the ratings.
    public static func whyNot(_ analysis: WhyNot, in c: Consultation, count: Int = 5) -> String {
        let k = c.knowledge
        let safe = { (text: String) in TextSanitizer.inert(text) }
        let name = { (id: String) in safe(k.framework(id)?.name ?? id) }
        let criterionName = { (id: String) in safe(k.criterion(id)?.name ?? id) }
        let x = name(analysis.framework)
        var lines: [String] = []
        guard let winnerID = analysis.winner else {
            lines.append("Every framework was knocked out, so there is no winner to compare \(x) with.")
            if let knockOut = analysis.knockOut {
                lines.append("\(x) was knocked out by rule \(knockOut.rule): \(safe(knockOut.reason))")
            }
            return lines.joined(separator: "\n") + "\n"
        }
        let winner = name(winnerID)
        if analysis.isWinner {
            lines.append("\(x) is the recommendation (\(Format.fixed(analysis.score, decimals: 1)) of 100); "
                         + "ask why not one of the others.")
            return lines.joined(separator: "\n") + "\n"
        }
        let gap = analysis.winnerScore - analysis.score
        if let knockOut = analysis.knockOut {
            lines.append("Why not \(x)? It was knocked out by rule \(knockOut.rule): \(safe(knockOut.reason)).")
            lines.append("  \(safe(knockOut.because)) [\(safe(knockOut.source))]")
            lines.append("Had it been ranked, it would score \(Format.fixed(analysis.score, decimals: 1)) of 100, "
                         + (gap >= 0 ? "\(Format.fixed(gap, decimals: 1)) points behind \(winner)."
                            : "\(Format.fixed(-gap, decimals: 1)) points ahead of \(winner)."))
        } else {
            lines.append("Why not \(x)? It scores \(Format.fixed(analysis.score, decimals: 1)) of 100, "
                         + "\(Format.fixed(gap, decimals: 1)) points behind \(winner) "
                         + "(\(Format.fixed(analysis.winnerScore, decimals: 1))).")
        }
        let total = c.weights.reduce(0) { $0 + $1.final }
        let losses = analysis.losses.prefix(count)
        if !losses.isEmpty {
            lines.append("")
            lines.append("Where \(x) loses most to \(winner) (points = 100 × weight × rating difference / "
                         + "(Σ weight × 5), Σ weight = \(Format.number(total))):")
            for (index, cost) in losses.enumerated() {
                lines.append("  \(index + 1). \(criterionName(cost.criterion)): -\(Format.fixed(cost.points, decimals: 1)) "
                             + "points (weight \(Format.number(cost.weight)) × (\(Format.number(cost.winnerRating)) − "
                             + "\(Format.number(cost.rating))))")
                lines.append("     \(winner) \(Format.number(cost.winnerRating)): \(safe(cost.winnerWhy)) "
                             + "[\(safe(cost.winnerSource))]")
                lines.append("     \(x) \(Format.number(cost.rating)): \(safe(cost.why)) [\(safe(cost.source))]")
                for effect in cost.rules {
                    lines.append("     rule \(effect.rule) (\(safe(effect.change))): \(safe(effect.because)) "
                                 + "[\(safe(effect.source))]")
                }
            }
        }
        let gains = analysis.gains.prefix(3)
        if !gains.isEmpty {
            lines.append("")
            lines.append("Where \(x) does better: " + gains.map {
                "\(criterionName($0.criterion)) +\(Format.fixed(-$0.points, decimals: 1))"
            }.joined(separator: ", ") + ".")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
