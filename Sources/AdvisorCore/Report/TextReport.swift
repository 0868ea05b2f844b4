/// The terminal summary of `advisor recommend`: the winner, every score as a bar, the three
/// strongest reasons with their sources, knock-outs, and what the answers were.
public enum TextReport {
    public static func render(_ c: Consultation, style: TextStyle = .plain, analysis: DecisionAnalysis? = nil) -> String {
        let k = c.knowledge
        var lines: [String] = []
        let safe = { (text: String) in TextSanitizer.inert(text) }
        if let winner = c.winner {
            lines.append(style.bold("Recommendation: \(safe(winner.name))") + " (\(Format.fixed(winner.score, decimals: 1)) of 100)")
        } else {
            lines.append(style.bold("No recommendation: every framework was knocked out."))
        }
        lines.append("")
        let nameWidth = max(8, k.frameworks.map { safe($0.name).count }.max() ?? 8)
        for scored in c.ranking {
            let name = safe(scored.name).padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            let bar = style.bar(scored.score, of: 100, width: 40)
            let line = "  \(name)  \(bar)  \(Format.fixed(scored.score, decimals: 1).leftPadded(to: 5))"
            lines.append(scored.rank == 1 ? style.green(line) : line)
        }
        for exclusion in c.excluded {
            let name = safe(k.framework(exclusion.framework)?.name ?? exclusion.framework)
                .padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            lines.append(style.red("  \(name)  excluded: \(safe(exclusion.reason))"))
        }
        let reasons = c.reasons()
        if let winner = c.winner, !reasons.isEmpty {
            lines.append("")
            let runnerUp = c.ranking.dropFirst().first
            lines.append(style.bold("Why \(safe(winner.name))") + (runnerUp.map { " over \(safe($0.name))" } ?? "") + ":")
            // With a runner-up, the criteria where it loses most (see `WhyNot`), else the winner's own strongest.
            let costs = runnerUp.map { WhyNot.analyse($0.framework, in: c).losses.prefix(3) }
            for (index, reason) in reasons.enumerated() {
                let criterion = safe(k.criterion(reason.criterion)?.name ?? reason.criterion)
                var head = "  \(index + 1). \(criterion): \(safe(winner.name)) \(Format.number(reason.winnerRating))"
                if let runner = runnerUp, let rating = reason.runnerUpRating {
                    head += " vs \(safe(runner.name)) \(Format.number(rating))"
                }
                head += ", weight \(Format.number(reason.weight))"
                if !reason.weightRules.isEmpty { head += " (set by \(reason.weightRules.joined(separator: ", ")))" }
                head += ": +\(Format.fixed(reason.advantage, decimals: 1)) points"
                lines.append(head)
                var cited = "     " + safe(reason.why) + " " + style.dim("[\(safe(reason.source))]")
                if let evidence = reason.evidence {
                    cited += " " + style.dim("(\(evidence.rawValue)" + (reason.asOf.map { ", as of \(safe($0))" } ?? "") + ")")
                }
                if let override = k.ratingOverride(framework: winner.framework, criterion: reason.criterion) {
                    cited += " " + style.dim("(\(override.phrase))")
                }
                lines.append(cited)
                let cost = costs?.first { $0.criterion == reason.criterion }
                for effect in cost?.rules ?? [] where !effect.change.hasPrefix("weight") {
                    lines.append("     " + style.dim("rule \(effect.rule) (\(safe(effect.change))): \(safe(effect.because)) "
                                                  + "[\(safe(effect.source))]"))
                }
            }
        }
        if !c.notes.isEmpty {
            lines.append("")
            lines.append(style.bold("Advice:"))
            for note in c.notes {
                lines.append("  - " + safe(note.text) + " " + style.dim("[\(safe(note.source))]"))
            }
        }
        if let analysis { lines += analysis.textLines(c) }
        if !c.ignored.isEmpty {
            lines.append("")
            for ignored in c.ignored {
                lines.append("Note: ignored \(ignored.question)=\(safe(ignored.value.text)) because "
                             + "'\(ignored.question)' is asked only when \(safe(ignored.condition)).")
            }
        }
        if !k.overrides.isEmpty {
            lines.append("")
            lines.append(style.bold("Overlay overrides") + " (\(k.overlays.map { safe($0.title) }.joined(separator: ", "))):")
            for line in k.overrideLines() { lines.append("  " + safe(line)) }
        }
        lines.append("")
        let answered = c.answers.ordered(by: k)
        let unanswered = k.questions.count - answered.count - c.ignored.count
        let setAside = c.ignored.map { "\($0.question)=\(safe($0.value.text))" }.joined(separator: " ")
        lines.append("Answers: " + (answered.isEmpty ? "none" : answered.map { "\($0.question.id)=\(safe($0.value.text))" }
            .joined(separator: " ")) + (setAside.isEmpty ? "" : "; set aside (see the note above): " + setAside)
            + (unanswered > 0 ? " (\(unanswered) unanswered)" : ""))
        lines.append(style.dim("Knowledge: \(safe(k.info.name)) \(safe(k.info.version)), digest "
                               + String(k.digest.prefix(12))))
        lines.append(style.dim("Explain any score: advisor explain <framework> with the same answers."))
        return lines.joined(separator: "\n") + "\n"
    }
}
