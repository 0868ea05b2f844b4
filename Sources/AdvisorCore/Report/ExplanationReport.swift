/// Text explanations: how a framework's score is made, and why a question is asked.
public enum ExplanationReport {
    /// Every point of a framework's score: each criterion's weight and rating, and the rules and
    /// sources behind each.
    public static func framework(_ id: String, in c: Consultation) -> String {
        let k = c.knowledge
        let safe = { (text: String) in TextSanitizer.inert(text) }
        guard let f = k.frameworkIndex[id], let scored = c.scored(id) ?? c.unrankedScore(id) else { return "" }
        let framework = k.frameworks[f]
        var lines: [String] = []
        if let exclusion = c.exclusion(of: id) {
            lines.append("\(safe(framework.name)) is excluded: \(safe(exclusion.reason)) (rule \(exclusion.rule)).")
            lines.append("Had it been ranked, it would score \(Format.fixed(scored.score, decimals: 1)) of 100.")
        } else {
            lines.append("\(safe(framework.name)): \(Format.fixed(scored.score, decimals: 1)) of 100, rank \(scored.rank) "
                         + "of \(c.ranking.count)")
        }
        let total = c.weights.reduce(0) { $0 + $1.final }
        lines.append("score = 100 × Σ weight × rating / (Σ weight × 5), Σ weight = \(Format.number(total))")
        lines.append("")
        let ordered = scored.contributions.enumerated().sorted { $0.element.points > $1.element.points }
        for (index, contribution) in ordered {
            let criterion = k.criteria[index]
            let weight = c.weights[index]
            let rating = c.ratings[f][index]
            lines.append("\(safe(criterion.name)): \(Format.fixed(contribution.points, decimals: 2)) points "
                         + "(weight \(Format.number(weight.final)) × rating \(Format.number(rating.final)))")
            var weightLine = "  weight: base \(Format.number(weight.base)) [\(safe(criterion.source))]"
            if let override = k.weightOverride(criterion: criterion.id) {
                weightLine = "  weight: base \(Format.number(weight.base)) (\(override.phrase), was "
                    + "\(override.previous.map { Format.number($0) } ?? "unset")): \(safe(override.citation.why)) "
                    + "[\(safe(override.citation.source))]"
            }
            for step in weight.steps {
                weightLine += ", \(step.described) → \(Format.number(step.after))"
            }
            lines.append(weightLine)
            if let base = framework.ratings[criterion.id] {
                lines.append("  rating: \(Format.number(base.score)): \(safe(base.citation.why)) [\(safe(base.citation.source))]")
                if let override = k.ratingOverride(framework: framework.id, criterion: criterion.id) {
                    let was = override.previous.map { "was \(Format.number($0))" } ?? "not rated before"
                    let at = override.previousLocation.map { " at \($0.fileAndLine)" } ?? ""
                    lines.append("    \(override.phrase) (\(was)\(at))")
                }
            }
            if !rating.capabilities.isEmpty {
                let cited = c.ratingCitation(framework: f, criterion: index)
                lines.append("    → \(Format.number(rating.final)), scored by the features asked for: \(safe(cited.why))")
            }
            for step in rating.steps {
                let because = k.rule(step.rule).map { ": \(safe($0.because)) [\(safe($0.source))]" } ?? ""
                lines.append("    \(step.change) by rule \(step.rule) → \(Format.number(step.after))\(because)")
            }
        }
        let fired = c.firedRules.filter { rule in
            c.weights.contains { $0.steps.contains { $0.origin == .rule(rule.id) } }
        }
        if !fired.isEmpty {
            lines.append("")
            lines.append("Rules that set the weights:")
            for rule in fired {
                lines.append("  \(rule.id): \(safe(rule.because)) [\(safe(rule.source))]")
                if let firing = c.firings.first(where: { $0.rule == rule.id }) {
                    let support = firing.support.map { support -> String in
                        switch support {
                        case .answer(let question, let value): "\(question)=\(safe(value.text))"
                        case .fact(let name): "fact \(name)"
                        }
                    }
                    lines.append("    when \(safe(rule.when.text))" + (support.isEmpty ? "" : " (\(support.joined(separator: ", ")))"))
                }
            }
        }
        if !framework.facts.isEmpty {
            lines.append("")
            lines.append("Facts about \(safe(framework.name)):")
            for fact in framework.facts {
                lines.append("  - \(safe(fact.statement)) [\(safe(fact.citation.source))]")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Why a question is asked, and what each answer would change.
    public static func question(_ insight: QuestionInsight, in c: Consultation) -> String {
        let k = c.knowledge
        let safe = { (text: String) in TextSanitizer.inert(text) }
        let question = insight.question
        var lines = ["\(question.id): \(safe(question.prompt))", "Why we ask: \(safe(question.why)) [\(safe(question.source))]"]
        if let askIf = question.askIf { lines.append("Asked only when: \(safe(askIf.text))") }
        lines.append("")
        if insight.rules.isEmpty {
            lines.append("No rule reads this question.")
        } else {
            lines.append("Rules that read it:")
            for rule in insight.rules {
                lines.append("  \(rule.id): when \(safe(rule.when.text))")
                lines.append("    \(safe(rule.because)) [\(safe(rule.source))]")
            }
        }
        lines.append("")
        lines.append("What each answer would do (other answers as given):")
        for outcome in insight.outcomes {
            let winner = outcome.winner.flatMap { k.framework($0)?.name } ?? "nothing (all excluded)"
            let scores = outcome.scores.map { "\(safe(k.framework($0.framework)?.name ?? $0.framework)) "
                + Format.fixed($0.score, decimals: 1) }.joined(separator: ", ")
            lines.append("  \(safe(outcome.label)) → \(safe(winner)) wins (\(scores))")
            for effect in outcome.effects { lines.append("      \(safe(effect))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
