import Foundation

/// The reports of a team decision: text, JSON, a MADR-shaped Markdown record and HTML. Everything
/// typed by a member or taken from the knowledge is escaped for the format it lands in.
public enum TeamReport {
    public struct Options: Sendable {
        public var title: String?
        public var date: String
        /// The group's robustness, when `--analysis` asked for it.
        public var robustness: Robustness?
        /// Each member's pairwise file, by member name.
        public var pairwise: [String: String]
        /// The `--knowledge` directories, recorded so that `advisor check` can say what it checks against.
        public var knowledgeDirectories: [String]

        public init(title: String? = nil, date: String, robustness: Robustness? = nil, pairwise: [String: String] = [:],
                    knowledgeDirectories: [String] = []) {
            self.title = title
            self.date = date
            self.robustness = robustness
            self.pairwise = pairwise
            self.knowledgeDirectories = knowledgeDirectories
        }
    }

    /// What `advisor check` reads to run the team's record again.
    static func metadata(_ team: TeamDecision, _ options: Options) -> RecordMetadata {
        RecordMetadata(team: team, pairwise: options.pairwise, knowledgeDirectories: options.knowledgeDirectories,
                       title: options.title)
    }

    public static func render(_ team: TeamDecision, format: ReportFormat, options: Options) -> String {
        switch format {
        case .text: text(team, options: options)
        case .json: json(team, options: options).serialized() + "\n"
        case .markdown: markdown(team, options: options)
        case .html: html(team, options: options)
        }
    }

    // MARK: - Shared wording

    /// `'high'`, or `(no answer)`.
    static func shown(_ value: AnswerValue?) -> String {
        value.map { "'" + $0.text + "'" } ?? "(no answer)"
    }

    /// "ana", "ana and ben", "ana, ben and cy".
    static func listed(_ names: [String]) -> String {
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }

    /// "ana's", "ana and ben's", and "your" for the interactive advisor's own member, "you".
    static func possessive(_ names: [String]) -> String {
        names == ["you"] ? "your" : listed(names) + "'s"
    }

    static func points(_ value: Double) -> String { Format.fixed(value, decimals: 1) }

    /// When the group's winner leads by under 5 points (the single report's close call), a sentence
    /// that says so and where to look; nil otherwise.
    static func closeness(_ team: TeamDecision) -> String? {
        let ranking = team.group.consultation.ranking
        guard let winner = ranking.first, ranking.count > 1 else { return nil }
        let lead = winner.score - ranking[1].score
        guard lead < 5 else { return nil }
        let settle = team.disagreements.isEmpty
            ? "the members answered alike, so only their weights or the knowledge could settle it."
            : "the questions where the team differs show which answers would settle it."
        return "Close call: \(winner.name) leads \(ranking[1].name) by only \(points(lead)) points (under 5); " + settle
    }

    /// "you → FastAPI, ana → Django": each member's own recommendation.
    static func ownChoices(_ team: TeamDecision) -> String {
        team.members.map { result in
            "\(result.member.name) → \(result.consultation.winner.map(\.name) ?? "none")"
        }.joined(separator: ", ")
    }

    /// The sentence on the disagreement that matters most.
    public static func summary(_ team: TeamDecision) -> String? {
        guard let top = team.disagreements.first else { return nil }
        let parts = top.outcomes.map { outcome in
            "\(possessive(outcome.members)) \(shown(outcome.value))" + " the group gets "
                + (outcome.winner?.name ?? "no framework")
        }
        if top.changesWinner {
            var sentence = "The decision turns on \(top.question): with " + parts[0]
            for part in parts.dropFirst() {
                sentence += ", with " + part.replacingOccurrences(of: " the group gets ", with: " ")
            }
            return sentence + "."
        }
        let winner = top.outcomes.first?.winner?.name ?? "no framework"
        return "No single answer changes the group's choice (\(winner)); \(top.question) moves its lead most, "
            + "by \(points(top.swing)) points."
    }

    static func project(_ team: TeamDecision, _ options: Options) -> String {
        AnswerProse.project(team.group.consultation, title: options.title)
    }

    // MARK: - Text

    public static func text(_ team: TeamDecision, options: Options) -> String {
        let safe = { (text: String) in TextSanitizer.inert(text) }
        let group = team.group.consultation
        var lines: [String] = []
        let names = team.members.map(\.member.name)
        if let winner = group.winner {
            lines.append("Team decision for \(safe(project(team, options))): \(safe(winner.name)) "
                         + "(group score \(points(winner.score)) of 100)")
        } else {
            lines.append("Team decision for \(safe(project(team, options))): no framework is left")
        }
        if let close = closeness(team) { lines.append(safe(close)) }
        lines.append("Members: " + safe(ownChoices(team)))
        lines.append("")
        // Every framework: the group's rank and score, then each member's score.
        let frameworks = group.ranking.map(\.framework) + team.group.knockouts.map(\.framework)
        let label = { (id: String) -> String in
            let rank = group.scored(id).map { "\($0.rank)." } ?? "-"
            let name = group.knowledge.frameworkIndex[id].map { group.knowledge.frameworkNames[$0] } ?? id
            return String(repeating: " ", count: max(0, 3 - rank.count)) + rank + " " + safe(name)
        }
        let first = max(16, frameworks.map { label($0).count }.max() ?? 0)
        let widths = [6] + names.map { max(6, $0.count) }
        func row(_ head: String, _ cells: [String]) -> String {
            let padded = head + String(repeating: " ", count: max(0, first - head.count))
            return ("  " + padded + zip(cells, widths).map { cell, width in
                "  " + String(repeating: " ", count: max(0, width - cell.count)) + cell
            }.joined()).trimmingTrailingSpaces()
        }
        lines.append(row("Scores (of 100)", ["group"] + names))
        for id in frameworks {
            let cells = [group.scored(id).map { points($0.score) } ?? "out"]
                + team.members.map { result in result.consultation.scored(id).map { points($0.score) } ?? "out" }
            lines.append(row(label(id), cells))
        }
        if !team.group.knockouts.isEmpty {
            lines.append("")
            lines.append("Knocked out for the group:")
            for knockout in team.group.knockouts {
                lines.append("  \(safe(knockout.name)): " + knockout.by.map {
                    "\(possessive([$0.member])) answers: \(safe($0.reason))"
                }.joined(separator: "; "))
            }
        }
        lines.append("")
        lines.append("Group weights (geometric mean of the members' final weights):")
        let criterionWidth = group.knowledge.criteria.map { safe($0.name).count }.max() ?? 0
        for (c, criterion) in group.knowledge.criteria.enumerated() {
            let own = team.members.map { "\($0.member.name) \(Format.number($0.consultation.weights[c].final))" }
            let name = safe(criterion.name)
            lines.append("  " + name + String(repeating: " ", count: criterionWidth - name.count) + "  "
                         + Format.fixed(group.weights[c].final, decimals: 2) + "  (" + own.joined(separator: ", ") + ")")
        }
        lines.append("")
        if team.disagreements.isEmpty {
            lines.append("The members answered every question alike.")
        } else {
            lines.append("Where the team differs (largest swing first):")
            if let summary = summary(team) { lines.append("  " + safe(summary)) }
            for item in team.disagreements {
                lines.append("  \(safe(item.question)): swing \(points(item.swing)) points")
                for outcome in item.outcomes {
                    lines.append("    \(safe(shown(outcome.value))) (\(outcome.members.joined(separator: ", "))) → "
                                 + (outcome.winner.map { safe($0.name) } ?? "no framework"))
                }
            }
        }
        if let robustness = options.robustness {
            lines.append("")
            lines.append("Robustness of the group's choice: \(safe(robustness.verdict))")
        }
        lines.append("")
        lines += wrapped("Method: " + TeamDecision.method, width: 100)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` in lines of at most `width` characters, broken at spaces.
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    // MARK: - JSON

    static func rankingJSON(_ ranking: [ScoredFramework]) -> JSONValue {
        .array(ranking.map { scored in
            .object([
                ("framework", .string(scored.framework)), ("name", .string(scored.name)),
                ("score", .number(scored.score)), ("rank", .number(Double(scored.rank))),
                ("contributions", .array(scored.contributions.map { contribution in
                    .object([("criterion", .string(contribution.criterion)), ("weight", .number(contribution.weight)),
                             ("rating", .number(contribution.rating)), ("points", .number(contribution.points))])
                })),
            ])
        })
    }

    public static func json(_ team: TeamDecision, options: Options) -> JSONValue {
        let group = team.group.consultation
        let members = JSONValue.array(team.members.map { result in
            var fields: [(String, JSONValue)] = [
                ("name", .string(result.member.name)),
                ("recommendation", result.consultation.winner.map { .string($0.framework) } ?? .null),
                ("ranking", rankingJSON(result.consultation.ranking)),
            ]
            if let file = options.pairwise[result.member.name] { fields.append(("pairwise", .string(file))) }
            return .object(fields)
        })
        let ratings = JSONValue.object(group.knowledge.frameworkIDs.enumerated().map { f, id in
            (id, .object(group.ratings[f].map { ($0.criterion, .number($0.final)) }))
        })
        let excluded = JSONValue.array(team.group.knockouts.map { knockout in
            .object([
                ("framework", .string(knockout.framework)),
                ("by", .array(knockout.by.map { item in
                    .object([("member", .string(item.member)), ("rule", .string(item.rule)),
                             ("reason", .string(item.reason))])
                })),
            ])
        })
        let groupJSON = JSONValue.object([
            ("recommendation", group.winner.map { .string($0.framework) } ?? .null),
            ("ranking", rankingJSON(group.ranking)),
            ("weights", .object(group.weights.map { ($0.criterion, .number($0.final)) })),
            ("ratings", ratings),
            ("excluded", excluded),
            ("method", .string(TeamDecision.method)),
        ])
        let disagreements = JSONValue.array(team.disagreements.map { item in
            .object([
                ("question", .string(item.question)),
                ("answers", .object(item.answers.map { ($0.member, $0.value.map(JSONValue.answer) ?? .null) })),
                ("outcomes", .object(item.outcomes.map {
                    ($0.value?.text ?? "(no answer)", $0.winner.map { .string($0.framework) } ?? .null)
                })),
                ("swing", .number(item.swing)),
            ])
        })
        var fields: [(String, JSONValue)] = [("members", members), ("group", groupJSON),
                                             ("disagreements", disagreements)]
        if let summary = summary(team) { fields.append(("summary", .string(summary))) }
        if let robustness = options.robustness {
            fields.append(("robustness", .object([
                ("verdict", .string(robustness.verdict)), ("winnerShare", .number(robustness.winnerShare)),
                ("samples", .number(Double(robustness.samples))), ("seed", .number(Double(robustness.seed))),
                ("sampling", .string(robustness.sampling.rawValue)),
            ])))
        }
        return .object(fields)
    }

    // MARK: - Markdown

    private struct NoLinks: SourceLinking {
        func address(of source: String) -> String? { nil }
    }

    static func title(_ team: TeamDecision, _ options: Options) -> String {
        let project = project(team, options)
        return team.group.winner.map { "Use \($0.name) for \(project)" } ?? "No framework fits \(project)"
    }

    public static func markdown(_ team: TeamDecision, options: Options) -> String {
        let group = team.group.consultation
        let k = group.knowledge
        let names = team.members.map(\.member.name)
        var out = MarkdownLines(record: NoLinks())
        out.raw("---")
        out.raw("status: proposed")
        out.raw("date: \(options.date)")
        out.raw("decision-makers: " + MarkdownReport.yamlQuoted(names.joined(separator: ", ")))
        // What `advisor check` reads to run the record again.
        metadata(team, options).frontMatterLines.forEach { out.raw($0) }
        out.raw("---")
        out.blank()
        out.raw("# " + MarkdownText.escape(title(team, options)))
        out.heading("Context and Problem Statement")
        out.paragraph([.text("Which Python web framework should the team use for \(project(team, options))? "
                             + "\(listed(names)) each answered the advisor's questionnaire; this record "
                             + "combines their answers into one group decision.")])
        out.heading("Decision Drivers")
        let drivers = k.criteria.indices.filter { group.weights[$0].final > 0 }
            .sorted { group.weights[$0].final > group.weights[$1].final }
        out.bullets(drivers.map { c in
            [.text("\(k.criteria[c].name) (group weight \(Format.fixed(group.weights[c].final, decimals: 2)))")]
        })
        let zero = k.criteria.indices.filter { group.weights[$0].final == 0 }
        if !zero.isEmpty {
            out.paragraph([.text("Weighing 0 for the group (some member weighs them 0): "
                                 + zero.map { k.criteria[$0].name }.joined(separator: ", ") + ".")])
        }
        out.heading("Considered Options")
        out.bullets(group.ranking.map { [.text($0.name)] } + team.group.knockouts.map { [.text($0.name)] })
        out.heading("Decision Outcome")
        if let winner = group.winner {
            let runner = group.ranking.dropFirst().first
            out.paragraph([.text("Chosen option: \"\(winner.name)\", because it has the highest group score, "
                                 + "\(points(winner.score)) of 100"
                                 + (runner.map { ", ahead of \($0.name) (\(points($0.score)))" } ?? "") + ".")])
            if let close = closeness(team) { out.paragraph([.text(close)]) }
        } else {
            out.paragraph([.text("No option is chosen: the members' hard requirements together knock out every framework.")])
        }
        out.table(["Framework", "Group"] + names, alignRight: [false, true] + names.map { _ in true },
                  rows: (group.ranking.map(\.framework) + team.group.knockouts.map(\.framework)).map { id in
                      let name = k.frameworkIndex[id].map { k.frameworkNames[$0] } ?? id
                      return [name, group.scored(id).map { points($0.score) } ?? "out"]
                          + team.members.map { $0.consultation.scored(id).map { points($0.score) } ?? "out" }
                  })
        if !team.group.knockouts.isEmpty {
            out.heading("Knocked out", level: 3)
            out.bullets(team.group.knockouts.map { knockout in
                [.strong(knockout.name), .text(": ")] + knockout.by.enumerated().flatMap { index, item in
                    [DecisionRecord.Inline.text((index > 0 ? "; " : "") + "\(possessive([item.member])) answers: \(item.reason)")]
                }
            })
        }
        out.heading("Where the team differs")
        if team.disagreements.isEmpty {
            out.paragraph([.text("The members answered every question alike.")])
        } else {
            if let summary = summary(team) { out.paragraph([.text(summary)]) }
            out.bullets(team.disagreements.map { item in
                [.code(item.question), .text(" (swing \(points(item.swing)) points): "
                 + item.outcomes.map { outcome in
                     "\(shown(outcome.value)) (\(outcome.members.joined(separator: ", "))) gives "
                         + (outcome.winner?.name ?? "no framework")
                 }.joined(separator: "; "))]
            })
        }
        out.heading("More Information")
        out.paragraph([.text(TeamDecision.method)])
        out.bullets(team.members.map { result -> DecisionRecord.Text in
            let name = result.member.name
            let winner: String = result.consultation.winner.map { "\($0.name) (\(points($0.score)))" } ?? "no framework"
            var item: DecisionRecord.Text = [.text("\(name) alone: " + winner)]
            if let file = options.pairwise[name] {
                item += [.text(", with the pairwise judgements in "), .code(file)]
            }
            return item
        })
        if let robustness = options.robustness {
            out.paragraph([.text("Robustness of the group's choice: \(robustness.verdict)")])
        }
        return out.text
    }

    // MARK: - HTML

    public static func html(_ team: TeamDecision, options: Options) -> String {
        let e = HTMLReport.escape
        let group = team.group.consultation
        let k = group.knowledge
        let names = team.members.map(\.member.name)
        var lines = HTMLReport.head(title: title(team, options), stylesheet: HTMLReport.stylesheet)
        lines.append("<body>")
        // What `advisor check` reads to run the record again (JSON that cannot end the comment).
        lines.append(RecordMetadata.commentPrefix + metadata(team, options).commentJSON + " -->")
        lines.append("<main>")
        lines.append("<h1>\(e(title(team, options)))</h1>")
        lines.append("<p>Decision-makers: \(e(names.joined(separator: ", "))). Date: \(e(options.date)).</p>")
        lines.append("<p>Each one's own recommendation: \(e(ownChoices(team))).</p>")
        if let close = closeness(team) { lines.append("<p><strong>\(e(close))</strong></p>") }
        lines.append("<h2>Scores</h2>")
        lines.append("<table>")
        lines.append("<thead><tr><th scope=\"col\">Framework</th><th scope=\"col\">Group</th>"
                     + names.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead>")
        lines.append("<tbody>")
        for id in group.ranking.map(\.framework) + team.group.knockouts.map(\.framework) {
            let name = k.frameworkIndex[id].map { k.frameworkNames[$0] } ?? id
            let cells = [group.scored(id).map { points($0.score) } ?? "out"]
                + team.members.map { $0.consultation.scored(id).map { points($0.score) } ?? "out" }
            lines.append("<tr><th scope=\"row\">\(e(name))</th>" + cells.map { "<td>\(e($0))</td>" }.joined() + "</tr>")
        }
        lines.append("</tbody>")
        lines.append("</table>")
        if !team.group.knockouts.isEmpty {
            lines.append("<h2>Knocked out</h2>")
            lines.append("<ul>")
            for knockout in team.group.knockouts {
                lines.append("<li><strong>\(e(knockout.name))</strong>: " + knockout.by.map {
                    "\(e(possessive([$0.member]))) answers: \(e($0.reason))"
                }.joined(separator: "; ") + "</li>")
            }
            lines.append("</ul>")
        }
        lines.append("<h2>Where the team differs</h2>")
        if team.disagreements.isEmpty {
            lines.append("<p>The members answered every question alike.</p>")
        } else {
            if let summary = summary(team) { lines.append("<p>\(e(summary))</p>") }
            lines.append("<ul>")
            for item in team.disagreements {
                lines.append("<li><code>\(e(item.question))</code> (swing \(points(item.swing)) points): "
                             + item.outcomes.map { outcome in
                                 e("\(shown(outcome.value)) (\(outcome.members.joined(separator: ", "))) gives "
                                   + (outcome.winner?.name ?? "no framework"))
                             }.joined(separator: "; ") + "</li>")
            }
            lines.append("</ul>")
        }
        lines.append("<h2>Group weights</h2>")
        lines.append("<ul>")
        for (c, criterion) in k.criteria.enumerated() {
            let own = team.members.map { "\($0.member.name) \(Format.number($0.consultation.weights[c].final))" }
            lines.append("<li>\(e(criterion.name)): \(Format.fixed(group.weights[c].final, decimals: 2)) "
                         + "(\(e(own.joined(separator: ", "))))</li>")
        }
        lines.append("</ul>")
        if let robustness = options.robustness {
            lines.append("<h2>Robustness</h2>")
            lines.append("<p>\(e(robustness.verdict))</p>")
        }
        lines.append("<h2>Method</h2>")
        lines.append("<p>\(e(TeamDecision.method))</p>")
        lines.append("</main>")
        lines.append("</body>")
        lines.append("</html>")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
