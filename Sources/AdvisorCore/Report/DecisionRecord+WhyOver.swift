extension DecisionRecord {
    /// "Why FastAPI over Django": the criteria where the runner-up loses most to the winner, each
    /// with both ratings' citations and the rules that set the weight or changed the ratings.
    struct WhyOver: Hashable, Sendable {
        var title: String
        var items: [Text]
    }
}

extension DecisionRecord.Builder {
    /// The runner-up's largest losses against the winner (at most `count`), or nil with fewer than
    /// two ranked frameworks.
    func whyOver(count: Int = 3) -> DecisionRecord.WhyOver? {
        guard let winner = c.winner, let runnerUp = c.ranking.dropFirst().first else { return nil }
        let analysis = WhyNot.analyse(runnerUp.framework, in: c)
        let losses = analysis.losses.prefix(count)
        guard !losses.isEmpty else { return nil }
        /// One side's rating: the rule that set it (its reason follows once, with the rules), or the
        /// rating's own citation.
        func side(_ name: String, _ rating: Double, ratedBy rule: String?, why: String, source: String)
            -> DecisionRecord.Text {
            if let rule {
                return [.text(" \(name): rated \(Format.number(rating)) by rule "), .code(rule), .text(".")]
            }
            return [.text(" \(name): \(unstopped(why)) ("), cite(source), .text(").")]
        }
        let items = losses.map { cost -> DecisionRecord.Text in
            var item: DecisionRecord.Text = [
                .strong(k.criterion(cost.criterion)?.name ?? cost.criterion),
                .text(": \(Format.fixed(cost.points, decimals: 1)) points, weight \(Format.number(cost.weight)) × "
                      + "rating \(Format.number(cost.winnerRating)) against \(Format.number(cost.rating))."),
            ]
            item += side(winner.name, cost.winnerRating, ratedBy: cost.winnerRatedBy, why: cost.winnerWhy,
                         source: cost.winnerSource)
            item += side(runnerUp.name, cost.rating, ratedBy: cost.ratedBy, why: cost.why, source: cost.source)
            for effect in cost.rules {
                item += [.text(" Rule "), .code(effect.rule), .text(" (\(effect.change)): \(unstopped(effect.because)) ("),
                         cite(effect.source), .text(").")]
            }
            return item
        }
        return DecisionRecord.WhyOver(title: "Why \(winner.name) over \(runnerUp.name)", items: items)
    }
}

/// A sentence without its closing full stop, so that a citation can come before it: "… support ([source])."
func unstopped(_ sentence: String) -> String {
    var text = Substring(sentence)
    while text.last == " " { text = text.dropLast() }
    if text.hasSuffix("."), !text.hasSuffix("...") { text = text.dropLast() }
    return String(text)
}
