extension DecisionRecord {
    /// The record of `c`, reported in `format` (which the reproducing command names).
    init(_ c: Consultation, options: ReportOptions, format: ReportFormat) {
        let k = c.knowledge
        let project = AnswerProse.project(c, title: options.title)
        let winnerName = c.winner?.name
        date = options.date
        metadata = RecordMetadata(c, options: options)
        decisionMakers = options.decisionMakers
        consulted = options.consulted
        informed = options.informed
        sensitivity = options.analysis.map { analysis in
            analysis.textLines(c).filter { !$0.isEmpty && !$0.hasSuffix(":") }.map { [.text($0.trimmingWhitespace())] }
        } ?? []
        winner = winnerName
        title = winnerName.map { "Use \($0) for \(project)" } ?? "No framework fits \(project)"

        let sentences = AnswerProse.sentences(c)
        let question = "Which \(AnswerProse.subject(k)) should the team use for \(project)?"
        context = [[.text((sentences.isEmpty ? ["No question has been answered yet, so every criterion keeps its "
                                                + "base weight."] : sentences).joined(separator: " ") + " " + question)]]

        let builder = Builder(c)
        drivers = builder.drivers()
        weightTrace = builder.weightTrace()
        knockOuts = builder.knockOutTrace()
        considered = builder.considered()
        (outcome, reasons) = builder.outcome()
        consequences = builder.consequences()
        advice = c.notes.map { note in [.text(note.text + " "), .link("[\(note.source)]", source: note.source)] }
        self.options = builder.options()

        scores = c.ranking.map { scored in
            let gap = (c.winner?.score ?? scored.score) - scored.score
            return ScoreRow(rank: scored.rank, name: scored.name, score: scored.score,
                            note: scored.rank == 1 ? "chosen" : "\(Format.fixed(gap, decimals: 1)) points behind")
        } + c.excluded.map { exclusion in
            let name = k.framework(exclusion.framework)?.name ?? exclusion.framework
            let score = c.unrankedScore(exclusion.framework)?.score ?? 0
            return ScoreRow(rank: nil, name: name, score: score, note: "knocked out by \(exclusion.rule)")
        }
        criteria = k.criteria.map(\.name)
        bars = c.ranking.map { scored in
            Bar(name: scored.name, score: scored.score, winner: scored.rank == 1,
                segments: scored.contributions.enumerated().map { index, contribution in
                    Segment(criterion: index, name: k.criteria[index].name, points: contribution.points)
                })
        }
        notes = builder.notes()
        whyOver = builder.whyOver()
        if let robustness = options.analysis?.robustness {
            rankAcceptability = robustness.frameworks.enumerated().map { index, id in
                RankShares(name: k.framework(id)?.name ?? id, shares: robustness.rankAcceptability[index])
            }
            robustnessVerdict = robustness.verdict
        }
        var knowledge: Text = [.text("Knowledge: \(k.info.name), version \(k.info.version), digest "), .code(k.digest),
                               .text(".")]
        let fired = c.firedRuleIDs
        if !fired.isEmpty {
            knowledge.append(.text(fired.count == 1 ? " The rule that fired: " : " Rules that fired: "))
            knowledge += Builder.joined(fired.map { [.code($0)] })
            knowledge.append(.text("."))
        }
        if !k.overlays.isEmpty {
            knowledge.append(.text(" Overlays: " + k.overlays.map(\.title).joined(separator: ", ") + "."))
        }
        self.knowledge = knowledge
        overrides = k.overrides.map { item in
            let subject: String
            switch item.target {
            case .rating(let framework, let criterion):
                subject = "\(k.framework(framework)?.name ?? framework) on \(k.criterion(criterion)?.name ?? criterion)"
            case .weight(let criterion):
                subject = "Base weight of \(k.criterion(criterion)?.name ?? criterion)"
            }
            return [.strong(subject), .text(": \(item.change), \(item.phrase). \(item.citation.why) "),
                    .link(k.source(item.citation.source)?.title ?? item.citation.source, source: item.citation.source)]
        }
        command = ReproduceCommand.groups(c, format: format, options: options)
        confirmation = builder.confirmation()

        var cited: Set<String> = []
        for text in self.context + drivers + considered + [outcome] + reasons + consequences.map(\.because) + advice
            + confirmation + weightTrace + knockOuts
            + self.options.flatMap({ [$0.summary] + $0.arguments.map(\.because) }) + notes + [knowledge] + overrides
            + (whyOver?.items ?? []) {
            for case .link(_, let source) in text { cited.insert(source) }
        }
        sources = k.sources.filter { cited.contains($0.id) }
    }
}

// MARK: - Builder

extension DecisionRecord {
    /// Works out the sections that need the consultation's trace.
    struct Builder {
        let c: Consultation
        let k: KnowledgeBase
        /// Each fired rule's firing (its position in `c.firings`), and the firings of the rules that
        /// assert each fact (by fact index), in firing order. Support chains follow these: searching
        /// every firing, and building every fired rule, for each weight step took 3 to 7 seconds on
        /// 10,000 rules.
        private let firingOfRule: [String: Int]
        private let firingsAsserting: [Int: [Int]]

        init(_ c: Consultation) {
            self.c = c
            self.k = c.knowledge
            var firingOfRule: [String: Int] = [:]
            var firingsAsserting: [Int: [Int]] = [:]
            for (position, firing) in c.firings.enumerated() {
                if firingOfRule[firing.rule] == nil { firingOfRule[firing.rule] = position }
                for fact in k.plan.assertedFacts[firing.ruleIndex] { firingsAsserting[fact, default: []].append(position) }
            }
            self.firingOfRule = firingOfRule
            self.firingsAsserting = firingsAsserting
        }

        /// A citation of `source`, shown as its section (or title).
        func cite(_ source: String) -> Inline {
            let reference = k.source(source)
            return .link(reference?.section ?? reference?.title ?? source, source: source)
        }

        /// `a`, `a and b`, `a, b and c`, for runs of inline text.
        static func joined(_ items: [Text]) -> Text {
            var result: Text = []
            for (index, item) in items.enumerated() {
                if index > 0 { result.append(.text(index == items.count - 1 ? " and " : ", ")) }
                result += item
            }
            return result
        }

        /// The answers behind a rule's firing, following derived facts back to the answers that made
        /// them, in the order they are reached.
        func answers(behind rule: String) -> [String] {
            answerValues(behind: rule).map { "\($0.question)=\($0.value.text)" }
        }

        /// The same answers, as question ids and values.
        func answerValues(behind rule: String) -> [(question: String, value: AnswerValue)] {
            guard let firing = firingOfRule[rule] else { return [] }
            var result: [(question: String, value: AnswerValue)] = []
            var seen: Set<String> = []
            var visited: Set<Int> = []
            collect(firing, into: &result, seen: &seen, visited: &visited)
            return result
        }

        private func collect(_ firing: Int, into result: inout [(question: String, value: AnswerValue)],
                             seen: inout Set<String>, visited: inout Set<Int>) {
            guard visited.insert(firing).inserted else { return }
            for support in c.firings[firing].support {
                switch support {
                case .answer(let question, let value):
                    if seen.insert("\(question)=\(value.text)").inserted { result.append((question, value)) }
                case .fact(let name):
                    guard let fact = k.factIndex(name) else { continue }
                    for other in firingsAsserting[fact] ?? [] {
                        collect(other, into: &result, seen: &seen, visited: &visited)
                    }
                }
            }
        }

        /// Every framework, ranked ones first, each with its summary and standing.
        func considered() -> [Text] {
            let ranked: [Text] = c.ranking.map { scored in
                let summary = k.framework(scored.framework)?.summary ?? ""
                return [.strong(scored.name), .text(" (\(Format.fixed(scored.score, decimals: 1)) of 100, rank "
                                                    + "\(scored.rank) of \(c.ranking.count)): \(summary)")]
            }
            let out: [Text] = c.excluded.map { exclusion in
                let framework = k.framework(exclusion.framework)
                let summary = framework?.summary ?? ""
                return [.strong(framework?.name ?? exclusion.framework),
                        .text(" (knocked out): " + (summary.isEmpty ? "" : summary + " ") + knockOut(exclusion))]
            }
            return ranked + out
        }

        /// Why a framework is out, in words and as a sentence: for a required capability, what it
        /// lacks and who asked for it; else the knowledge's own reason, with a full stop.
        func knockOut(_ exclusion: Exclusion) -> String {
            let name = k.framework(exclusion.framework)?.name ?? exclusion.framework
            if let rule = k.rule(exclusion.rule) {
                for case .require(let capability) in rule.actions {
                    let lacking = k.capabilities.first { $0.id == capability }?.name ?? capability
                    guard exclusion.reason == "\(name) lacks \(lacking), which rule '\(rule.id)' requires" else { continue }
                    let who = answerValues(behind: rule.id).isEmpty ? "every project needs"
                        : "the team made a hard requirement"
                    return "\(name) lacks \(lacking), which \(who)."
                }
            }
            return Self.sentence(exclusion.reason)
        }

        /// `text` ending with a full stop (or the question or exclamation mark it has).
        static func sentence(_ text: String) -> String {
            var trimmed = Substring(text)
            while trimmed.last?.isWhitespace == true { trimmed = trimmed.dropLast() }
            guard let last = trimmed.last else { return "" }
            return ".!?".contains(last) ? String(trimmed) : trimmed + "."
        }

        /// The exact knock-outs for More Information: each framework, the rule, the answers behind
        /// it and the engine's reason.
        func knockOutTrace() -> [Text] {
            c.excluded.map { exclusion in
                var text: Text = [.strong(k.framework(exclusion.framework)?.name ?? exclusion.framework),
                                  .text(": rule "), .code(exclusion.rule)]
                let answers = answers(behind: exclusion.rule)
                if !answers.isEmpty {
                    text.append(.text(", from "))
                    text += Self.joined(answers.map { [.code($0)] })
                }
                text.append(.text(": " + Self.sentence(exclusion.reason)))
                return text
            }
        }

        /// "Confirmation": how the team checks the decision still holds.
        func confirmation() -> [Text] {
            var result: [Text] = []
            let version = "version \(k.info.version)"
            if let winner = c.winner {
                let top: [Text] = weightOrder().filter { c.weights[$0].final > 0 }.prefix(3).map {
                    [.strong(AnswerProse.lowercasedFirst(k.criteria[$0].name))]
                }
                if !top.isEmpty {
                    result.append([.text("While building the first release, the team checks that \(winner.name) "
                                         + "delivers on the drivers that weigh most here: ")] + Self.joined(top)
                                  + [.text(".")])
                }
                result.append([.text("The team reviews this record when an answer above changes or the framework "
                                     + "knowledge moves past \(version): if the command below, with the new "
                                     + "answers, no longer recommends \(winner.name), the decision is open again. "
                                     + "As it stands, the command reproduces this record byte for byte:")])
            } else {
                result.append([.text("The team reviews this record when a hard requirement is relaxed or the "
                                     + "framework knowledge moves past \(version): if the command below then "
                                     + "recommends a framework, the decision is open again. As it stands, the "
                                     + "command reproduces this record byte for byte:")])
            }
            return result
        }

        /// Answers set aside, and questions left open.
        func notes() -> [Text] {
            var notes: [Text] = c.ignored.map { ignored in
                [.text("The answer "), .code("\(ignored.question)=\(ignored.value.text)"),
                 .text(" was set aside, because that question is asked only when "), .code(ignored.condition),
                 .text(".")]
            }
            let setAside = Set(c.ignored.map(\.question))
            let open = k.questions.filter { c.answers[$0.id] == nil && !setAside.contains($0.id) }
            if !open.isEmpty {
                let one = open.count == 1
                notes.append([.text("\(open.count) of \(k.questions.count) question\(k.questions.count == 1 ? "" : "s") "
                                    + "\(one ? "was" : "were") left unanswered, so the rules that read "
                                    + "\(one ? "it" : "them") did not fire: ")]
                             + Builder.joined(open.map { [Inline.code($0.id)] }) + [.text(".")])
            }
            return notes
        }
    }
}
