extension DecisionRecord.Builder {
    typealias Text = DecisionRecord.Text
    typealias Argument = DecisionRecord.Argument

    // MARK: - Decision drivers

    /// The criteria by final weight (ties in knowledge order), in words: each criterion an answer
    /// moved, with the answers that moved it, each named once; then the rest in one closing item.
    func drivers() -> [Text] {
        var changed: [Text] = []
        var kept: [Int] = [], silent: [Int] = []
        for index in weightOrder() {
            let weight = c.weights[index]
            if !weight.steps.isEmpty {
                changed.append(driver(index))
            } else if weight.final > 0 {
                kept.append(index)
            } else {
                silent.append(index)
            }
        }
        func names(_ indices: [Int], weights: Bool) -> Text {
            Self.joined(indices.map { index in
                [.text(AnswerProse.lowercasedFirst(k.criteria[index].name)
                       + (weights ? " (\(Format.number(c.weights[index].final)))" : ""))]
            })
        }
        if !kept.isEmpty {
            let head = changed.isEmpty ? "No answer changed a weight, so every criterion is weighed at its base "
                + "weight: " : "Also weighed, at their base weights: "
            changed.append([.text(head)] + names(kept, weights: true) + [.text(".")])
        }
        if !silent.isEmpty {
            changed.append([.text("Not weighed at all (weight 0): ")] + names(silent, weights: false) + [.text(".")])
        }
        return changed
    }

    /// The criteria's indices by final weight, heaviest first, ties in knowledge order.
    func weightOrder() -> [Int] {
        c.weights.indices.sorted { lhs, rhs in
            c.weights[lhs].final != c.weights[rhs].final ? c.weights[lhs].final > c.weights[rhs].final : lhs < rhs
        }
    }

    /// "**API development** (weight 6, base 3): raised because the team is building an API …".
    private func driver(_ index: Int) -> Text {
        let weight = c.weights[index]
        var text: Text = [.strong(k.criteria[index].name),
                          .text(" (weight \(Format.number(weight.final)), base \(Format.number(weight.base))): ")]
        var seen: Set<String> = []
        var raised: [String] = [], lowered: [String] = []
        var raisedBySome = false, loweredBySome = false
        var manual: Double?
        var bound: Double?
        for step in weight.steps {
            switch (step.origin, step.operation) {
            case (.override, _):
                manual = step.after
            case (.bound, .bound(let factor)):
                bound = factor
            case (.bound, _):
                break
            case (.rule(let rule), _):
                guard step.after != step.before else { continue }
                let up = step.after > step.before
                if up { raisedBySome = true } else { loweredBySome = true }
                let behind = answerValues(behind: rule)
                var clauses = behind.compactMap { question, value -> String? in
                    guard seen.insert("\(question)=\(value.text)").inserted else { return nil }
                    return k.question(question).map { AnswerProse.clause(for: $0, value) } ?? "\(question)=\(value.text)"
                }
                if behind.isEmpty, seen.insert("rule " + rule).inserted {
                    clauses = ["a rule that applies to every project"]
                }
                if up { raised += clauses } else { lowered += clauses }
            }
        }
        var parts: [String] = []
        if raisedBySome {
            parts.append(raised.isEmpty ? "raised by the same answers" : "raised " + Self.because(raised))
        }
        if loweredBySome {
            parts.append(lowered.isEmpty ? "lowered by the same answers" : "lowered " + Self.because(lowered))
        }
        if let bound {
            parts.append(bound >= 1 ? "capped at \(Format.number(bound)) times its base weight"
                            : "kept from falling below \(Format.number(bound)) times its base weight")
        }
        var sentence = parts.joined(separator: ", and ")
        if let manual {
            let set = "set by hand to \(Format.number(manual))"
            sentence = sentence.isEmpty ? set : set + ", in place of the weight the answers gave (" + sentence + ")"
        }
        if weight.final == 0 { sentence += "; it no longer counts" }
        text.append(.text(sentence + "."))
        return text
    }

    /// "because a", "because a, and because b", "because a, because b, and because c": clauses may
    /// hold lists of their own, so each gets its "because".
    static func because(_ clauses: [String]) -> String {
        clauses.enumerated().map { index, clause in
            (index == 0 ? "" : index == clauses.count - 1 ? ", and " : ", ") + "because " + clause
        }.joined()
    }

    /// The criteria by final weight, each with the exact steps that set its weight: the rule, its
    /// factor or addend, and the answers behind it.
    func weightTrace() -> [Text] {
        return weightOrder().map { index in
            let weight = c.weights[index]
            let name = k.criteria[index].name
            var text: Text = [.strong(name), .text(", weight \(Format.number(weight.final))")]
            if weight.steps.isEmpty {
                text.append(.text(weight.final == 0 ? ": it does not count."
                                    : ", its base weight; no answer changed it."))
                return text
            }
            text.append(.text(" (base \(Format.number(weight.base)); "))
            text += Self.joined(weight.steps.map(step))
            text.append(.text(")" + (weight.final == 0 ? ": it does not count." : ".")))
            return text
        }
    }

    private func step(_ step: WeightStep) -> Text {
        switch step.origin {
        case .override:
            return [.text("set to \(Format.number(step.after)) by "), .code("--weight")]
        case .bound:
            return [.text("\(step.change), the knowledge's bound")]
        case .rule(let rule):
            var text: Text = [.text("\(step.change) by "), .code(rule)]
            let answers = answers(behind: rule)
            if !answers.isEmpty {
                text.append(.text(" from "))
                text += Self.joined(answers.map { [.code($0)] })
            }
            return text
        }
    }

    // MARK: - Outcome

    /// `Chosen option: "…", because …`, and the winner's strongest reasons.
    func outcome() -> (Text, [Text]) {
        guard let winner = c.winner else {
            return ([.text("No option is chosen: every framework was knocked out by a hard requirement. Relax one "
                           + "of the requirements to get a recommendation.")], [])
        }
        let score = Format.fixed(winner.score, decimals: 1)
        var text: Text = [.text("Chosen option: \u{22}\(winner.name)\u{22}, because ")]
        if let runnerUp = c.ranking.dropFirst().first {
            let other = Format.fixed(runnerUp.score, decimals: 1)
            if abs(winner.score - runnerUp.score) <= Scoring.tieTolerance {
                text.append(.text("it ties with \(runnerUp.name) at \(score) of 100, and ties go by id"))
            } else {
                text.append(.text("it scores \(score) of 100 against \(other) for \(runnerUp.name)"))
            }
        } else {
            text.append(.text("it scores \(score) of 100 and is the only option left after the hard requirements"))
        }
        let reasons = c.reasons()
        let runnerUp = c.ranking.dropFirst().first
        if reasons.isEmpty {
            text.append(.text("."))
        } else {
            text.append(.text(runnerUp == nil ? "; these criteria count most in its score:"
                                : ", and it leads most where these answers weigh most:"))
        }
        return (text, reasons.map { reason in
            var item: Text = [.strong(k.criterion(reason.criterion)?.name ?? reason.criterion)]
            var head = ": rated \(Format.number(reason.winnerRating))"
            if let rating = reason.runnerUpRating, let runnerUp {
                head += " against \(Format.number(rating)) for \(runnerUp.name)"
            } else {
                head += " of 5"
            }
            head += " at weight \(Format.number(reason.weight)), worth "
                + "\(Format.fixed(reason.advantage, decimals: 1)) points. \(reason.why) "
            item.append(.text(head))
            item.append(.text("("))
            item.append(cite(reason.source))
            if let evidence = reason.evidence {
                item.append(.text("; \(evidence.rawValue)" + (reason.asOf.map { ", as of \($0)" } ?? "")))
            }
            item.append(.text(")"))
            return item
        })
    }

    /// What follows from choosing the winner, classed as its Pros and Cons class each rating (4 or 5
    /// good, 3 neutral, 2 or less bad): the criteria that carry its score, where it gives up points to
    /// the runner-up, and where it is weak. The reasons behind each rating are in Pros and Cons.
    func consequences() -> [Argument] {
        guard let winner = c.winner else { return [] }
        let runnerUp = c.ranking.dropFirst().first
        let own = winner.contributions
        func byPoints(_ indices: [Int], _ size: (Int) -> Double) -> [Int] {
            Array(indices.sorted { lhs, rhs in
                abs(size(lhs) - size(rhs)) > 1e-9 ? size(lhs) > size(rhs) : lhs < rhs
            }.prefix(3))
        }
        let weighted = own.indices.filter { own[$0].weight > 0 }
        let strong = byPoints(weighted.filter { own[$0].rating >= 4 }) { own[$0].points }
        let trailing = byPoints(weighted.filter { index in
            own[index].rating == 3 && (runnerUp.map { $0.contributions[index].rating > 3 } ?? false)
        }) { index in (runnerUp?.contributions[index].points ?? 0) - own[index].points }
        let weak = byPoints(weighted.filter { own[$0].rating <= 2 }) { (5 - own[$0].rating) * own[$0].weight }
        func name(_ index: Int) -> String { AnswerProse.lowercasedFirst(k.criteria[index].name) }
        func rating(_ value: Double) -> String { Format.number(value) }
        var result = strong.map { index in
            Argument(verdict: .good, because: [.text(
                "\(winner.name) is strong on \(name(index)), rated \(rating(own[index].rating)) of 5 at weight "
                    + "\(Format.number(own[index].weight)), which brings \(Format.fixed(own[index].points, decimals: 1)) "
                    + "of its \(Format.fixed(winner.score, decimals: 1)) points.")])
        }
        result += trailing.compactMap { index in
            guard let runnerUp else { return nil }
            let rival = runnerUp.contributions[index]
            let given = Format.fixed(rival.points - own[index].points, decimals: 1)
            return Argument(verdict: .neutral, because: [.text(
                "\(name(index)) rates \(rating(own[index].rating)) of 5 against \(rating(rival.rating)) for "
                    + "\(runnerUp.name): choosing \(winner.name) gives up \(given) points there.")])
        }
        result += weak.map { index in
            var text = "\(name(index)) rates only \(rating(own[index].rating)) of 5 at weight "
                + "\(Format.number(own[index].weight))"
            if let rival = runnerUp?.contributions[index], rival.rating > own[index].rating, let runnerUp {
                text += " (\(runnerUp.name): \(rating(rival.rating)))"
            }
            return Argument(verdict: .bad, because: [.text(text + ", a cost the team takes on with this choice.")])
        }
        if weak.isEmpty {
            result.append(Argument(verdict: .neutral, because: [.text("no weighted criterion rates \(winner.name) "
                                                                      + "below 3 of 5.")]))
        }
        return result
    }

    // MARK: - Pros and cons

    /// Every framework, ranked ones first, with Good/Neutral/Bad for each weighted criterion.
    func options() -> [DecisionRecord.Option] {
        let ids = c.ranking.map(\.framework) + c.excluded.map(\.framework)
        return ids.compactMap { id in
            guard let f = k.frameworkIndex[id] else { return nil }
            let framework = k.frameworks[f]
            var arguments: [Argument] = []
            var summary: Text = [.text(framework.summary + " ")]
            if let exclusion = c.exclusion(of: id) {
                let reason = knockOut(exclusion)
                summary.append(.text("Knocked out: \(reason)"))
                arguments.append(Argument(verdict: .bad, because: [.text("it is knocked out: \(reason) (")]
                                          + [cite(k.rule(exclusion.rule)?.source ?? ""), .text(")")]))
            } else if let scored = c.scored(id) {
                summary.append(.text("Score \(Format.fixed(scored.score, decimals: 1)) of 100, rank \(scored.rank)."))
            }
            for index in weightOrder() where c.weights[index].final > 0 {
                let rating = c.ratings[f][index].final
                let verdict: DecisionRecord.Verdict = rating >= 4 ? .good : rating >= 3 ? .neutral : .bad
                arguments.append(Argument(verdict: verdict, because: judged(f, criterion: index, against: nil)))
            }
            return DecisionRecord.Option(id: id, name: framework.name, summary: summary, arguments: arguments)
        }
    }

    /// "its performance and concurrency rates 5 of 5 (weight 6.75): why (source)".
    private func judged(_ f: Int, criterion index: Int, against rival: ScoredFramework?) -> Text {
        let criterion = k.criteria[index]
        let rating = c.ratings[f][index]
        let weight = c.weights[index].final
        var head = "\(AnswerProse.lowercasedFirst(criterion.name)) rates \(Format.number(rating.final)) of 5"
        if let rival, rival.contributions.indices.contains(index), rival.contributions[index].rating != rating.final {
            let other = rival.contributions[index].rating
            head += " (\(rival.name): \(Format.number(other)))"
        }
        var text: Text = [.text(head)]
        if let last = rating.steps.last {
            text += [.text(", set by "), .code(last.rule)]
        }
        text.append(.text(" at weight \(Format.number(weight))"))
        if !rating.capabilities.isEmpty {
            let cited = c.ratingCitation(framework: f, criterion: index)
            text += [.text(": \(cited.why) ("), cite(cited.source), .text(")")]
        } else if let last = rating.steps.last, let rule = k.rule(last.rule) {
            text += [.text(": \(rule.because) ("), cite(rule.source), .text(")")]
        } else if let base = k.frameworks[f].ratings[criterion.id] {
            text += [.text(": \(base.citation.why) ("), cite(base.citation.source), .text(")")]
        }
        return text
    }
}
