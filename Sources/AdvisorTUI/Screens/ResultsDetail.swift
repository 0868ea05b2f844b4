import AdvisorCore

/// The "how" of one framework's score: each criterion's points from weight and rating, the rules
/// that changed them, and the sources, as lines for the results screen.
enum ResultsDetail {
    static func lines(for id: String, in c: Consultation, width: Int, unicode: Bool) -> [Line] {
        let k = c.knowledge
        var out = LineBuilder(width: width, unicode: unicode)
        guard let f = k.frameworkIndex[id], let scored = c.scored(id) ?? c.unrankedScore(id) else { return [] }
        let framework = k.frameworks[f]
        let arrow = unicode ? "→" : "->"
        if let exclusion = c.exclusion(of: id) {
            out.add("\(framework.name) is knocked out: \(exclusion.reason) (rule \(exclusion.rule)). Had it been "
                    + "ranked, it would score \(Format.fixed(scored.score, decimals: 1)) of 100.",
                    CellStyle(.bold, role: .bad), hang: 2)
        } else {
            out.add("How \(framework.name) scores \(Format.fixed(scored.score, decimals: 1)) of 100 "
                    + "(rank \(scored.rank) of \(c.ranking.count))", .heading)
        }
        // First what decided it: for the winner, why it beats the runner-up; for any other framework,
        // what cost it the win. The same criteria `recommend` and `explain --why-not` name.
        if let winner = c.winner {
            if winner.framework == id, let runnerUp = c.ranking.dropFirst().first {
                out.blank()
                out.add("Why \(framework.name) over \(runnerUp.name)", .heading)
                for (number, reason) in c.reasons().enumerated() {
                    let name = k.criterion(reason.criterion)?.name ?? reason.criterion
                    out.add("\(number + 1). \(name): \(Format.number(reason.winnerRating)) against "
                            + "\(Format.number(reason.runnerUpRating ?? 0)) at weight \(Format.number(reason.weight)), "
                            + "+\(Format.fixed(reason.advantage, decimals: 1)) points", .bold, indent: 2, hang: 3)
                    out.add("\(reason.why) [\(reason.source)]", .plain, indent: 5, hang: 0)
                }
            } else if winner.framework != id {
                let analysis = WhyNot.analyse(id, in: c)
                out.blank()
                out.add("Why not \(framework.name): \(Format.fixed(analysis.winnerScore - analysis.score, decimals: 1)) "
                        + "points behind \(winner.name)", .heading)
                for cost in analysis.losses.prefix(3) {
                    let name = k.criterion(cost.criterion)?.name ?? cost.criterion
                    out.add("\(name): \(Format.number(cost.rating)) against \(Format.number(cost.winnerRating)) at "
                            + "weight \(Format.number(cost.weight)), \(Format.fixed(cost.points, decimals: 1)) points lost",
                            .bold, indent: 2, hang: 3)
                    out.add("\(cost.why) [\(cost.source)]", .plain, indent: 5, hang: 0)
                }
            }
        }
        if !c.notes.isEmpty {
            out.blank()
            out.add("Advice", .heading)
            for note in c.notes {
                out.add("\(unicode ? "•" : "*") \(note.text) [\(note.source)]", .plain, indent: 0, hang: 2)
            }
        }
        let total = c.weights.reduce(0) { $0 + $1.final }
        out.blank()
        out.add("score = 100 × Σ weight × rating / (Σ weight × 5), where Σ weight = "
                + Format.number(total), .dim)
        out.blank()
        let ordered = scored.contributions.enumerated().sorted {
            abs($0.element.points - $1.element.points) > 1e-9 ? $0.element.points > $1.element.points
                : $0.offset < $1.offset
        }
        for (index, contribution) in ordered {
            let criterion = k.criteria[index]
            let weight = c.weights[index]
            let rating = c.ratings[f][index]
            out.add(Format.fixed(contribution.points, decimals: 1).leftPadded(to: 5) + " pts  \(criterion.name)  "
                    + "(weight \(Format.number(weight.final)) × rating \(Format.number(rating.final)))",
                    .bold, hang: 11)
            var weightLine = "weight: base \(Format.number(weight.base)) [\(criterion.source)]"
            for step in weight.steps {
                weightLine += ", \(step.described) \(arrow) \(Format.number(step.after))"
            }
            out.add(weightLine, .dim, indent: 11, hang: 2)
            if let base = framework.ratings[criterion.id] {
                out.add("rating \(Format.number(base.score)): \(base.citation.why) [\(base.citation.source)]",
                        .plain, indent: 11, hang: 2)
            }
            if !rating.capabilities.isEmpty {
                let cited = c.ratingCitation(framework: f, criterion: index)
                out.add("\(arrow) \(Format.number(rating.final)), scored by the features asked for: \(cited.why)", .dim,
                        indent: 13, hang: 2)
            }
            for step in rating.steps {
                out.add("\(step.change) by rule \(step.rule) \(arrow) \(Format.number(step.after))", .dim,
                        indent: 13, hang: 2)
            }
        }
        // Rules about this framework (its ratings, its knock-out) with their reasons; rules that only
        // moved weights, which every framework shares, by what they did, since their reasons may be
        // about another framework.
        let own = c.firedRules.filter { rule in
            c.ratings[f].contains { $0.steps.contains { $0.rule == rule.id } } || c.exclusion(of: id)?.rule == rule.id
        }
        if !own.isEmpty {
            out.blank()
            out.add("Rules about \(framework.name)", .heading)
            for rule in own {
                out.add("\(rule.id): \(rule.because) [\(rule.source)]", .plain, indent: 2, hang: 4)
                out.add("when \(rule.when.text)", .dim, indent: 6, hang: 2)
            }
        }
        var weighting: [(rule: String, changes: [String])] = []
        for (index, weight) in c.weights.enumerated() {
            for step in weight.steps {
                guard case .rule(let rule) = step.origin else { continue }
                let change = "\(k.criteria[index].name) \(step.change)"
                if let at = weighting.firstIndex(where: { $0.rule == rule }) {
                    weighting[at].changes.append(change)
                } else {
                    weighting.append((rule, [change]))
                }
            }
        }
        if !weighting.isEmpty {
            out.blank()
            out.add("Rules that set the weights (for every framework)", .heading)
            for (rule, changes) in weighting {
                let when = k.rule(rule).map { " when \($0.when.text)" } ?? ""
                out.add("\(rule): \(changes.joined(separator: ", "))\(when)", .plain, indent: 2, hang: 4)
            }
        }
        return out.lines
    }
}
