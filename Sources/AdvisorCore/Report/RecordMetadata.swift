/// What a decision record carries so that `advisor check` can re-run it: the answers, the weight
/// overrides, the pairwise file, the knowledge it came from, and the ranking it reached, with each
/// framework's per-criterion points. A team's record carries each member's answers and pairwise
/// file instead of one person's, and the group's ranking. The Markdown record keeps it in its front matter, under
/// `advisor:`; the HTML record keeps it as JSON in a comment (`<!-- advisor: {…} -->`).
public struct RecordMetadata: Hashable, Sendable {
    /// One recorded answer: a question id and its values (`isList` for a multi-choice answer).
    public struct Answer: Hashable, Sendable {
        public var question: String
        public var values: [String]
        public var isList: Bool
    }

    /// One `--weight` override.
    public struct Weight: Hashable, Sendable {
        public var criterion: String
        public var value: Double
    }

    /// A member of a team decision: their name, answers and pairwise file.
    public struct Member: Hashable, Sendable {
        public var name: String
        public var answers: [Answer]
        public var pairwise: String?
    }

    /// A ranked framework's score and points, the points in the order of `criteria`.
    public struct Scored: Hashable, Sendable {
        public var framework: String
        public var score: Double
        public var points: [Double]
    }

    public var answers: [Answer] = []
    /// The members of a team decision, in order; empty for one person's record.
    public var members: [Member] = []
    public var weights: [Weight] = []
    public var pairwise: String?
    public var knowledgeDirectories: [String] = []
    public var digest = ""
    /// The project's name, when `--title` gave one.
    public var title: String?
    /// The winner's framework id; nil when no framework was left.
    public var winner: String?
    /// The criteria's ids, in knowledge order.
    public var criteria: [String] = []
    /// The ranked frameworks, best first.
    public var frameworks: [Scored] = []

    public init() {}

    /// What `c`, reported with `options`, needs to be run again.
    public init(_ c: Consultation, options: ReportOptions) {
        var all = c.answers
        for ignored in c.ignored { all[ignored.question] = ignored.value }
        answers = Self.answers(all, knowledge: c.knowledge)
        weights = c.knowledge.criteria.compactMap { criterion in
            c.overrides[criterion.id].map { Weight(criterion: criterion.id, value: $0) }
        }
        pairwise = options.pairwise?.file
        knowledgeDirectories = options.knowledgeDirectories
        title = options.title
        result(c)
    }

    /// What the team decision `team` needs to be run again: each member's answers and pairwise
    /// file (from `pairwise`, by name), the knowledge, and the group's ranking.
    public init(team: TeamDecision, pairwise: [String: String], knowledgeDirectories: [String], title: String?) {
        members = team.members.map { result in
            Member(name: result.member.name, answers: Self.answers(result.member.answers, knowledge: result.member.knowledge),
                   pairwise: pairwise[result.member.name])
        }
        self.knowledgeDirectories = knowledgeDirectories
        self.title = title
        result(team.group.consultation)
    }

    /// The digest, winner, criteria and ranking of `c`.
    private mutating func result(_ c: Consultation) {
        digest = c.knowledge.digest
        winner = c.winner?.framework
        criteria = c.knowledge.criteria.map(\.id)
        frameworks = c.ranking.map { Scored(framework: $0.framework, score: $0.score, points: $0.contributions.map(\.points)) }
    }

    /// `answers` as recorded: in questionnaire order, multi-choice as lists.
    static func answers(_ answers: Answers, knowledge: KnowledgeBase) -> [Answer] {
        answers.ordered(by: knowledge).map { question, value in
            switch value {
            case .one(let option): Answer(question: question.id, values: [option], isList: false)
            case .many(let options): Answer(question: question.id, values: options, isList: true)
            case .yes(let flag): Answer(question: question.id, values: [flag ? "yes" : "no"], isList: false)
            }
        }
    }

    /// The recorded points of `framework` on `criterion`, if both were recorded.
    public func points(of framework: String, on criterion: String) -> Double? {
        guard let index = criteria.firstIndex(of: criterion),
              let scored = frameworks.first(where: { $0.framework == framework }),
              index < scored.points.count else { return nil }
        return scored.points[index]
    }

    public func score(of framework: String) -> Double? {
        frameworks.first { $0.framework == framework }?.score
    }

    // MARK: - Writing

    /// The metadata as a tree, the one both formats write.
    indirect enum Tree {
        case string(String)
        case number(String)
        case list([Tree])
        case map([(String, Tree)])
    }

    var tree: Tree {
        func answerTree(_ answers: [Answer]) -> Tree {
            .map(answers.map { answer in
                (answer.question, answer.isList ? .list(answer.values.map(Tree.string)) : .string(answer.values.first ?? ""))
            })
        }
        var root: [(String, Tree)] = [("version", .number("1"))]
        root.append(("answers", answerTree(answers)))
        if !members.isEmpty {
            root.append(("members", .map(members.map { member in
                (member.name, .map([("answers", answerTree(member.answers))]
                                   + (member.pairwise.map { [("pairwise", Tree.string($0))] } ?? [])))
            })))
        }
        if !weights.isEmpty {
            root.append(("weights", .map(weights.map { ($0.criterion, .number(Format.number($0.value, decimals: 6))) })))
        }
        if let pairwise { root.append(("pairwise", .string(pairwise))) }
        root.append(("knowledge", .map([("directories", .list(knowledgeDirectories.map(Tree.string))),
                                        ("digest", .string(digest))])))
        if let title { root.append(("title", .string(title))) }
        if let winner { root.append(("winner", .string(winner))) }
        root.append(("criteria", .list(criteria.map(Tree.string))))
        root.append(("scores", .map(frameworks.map { ($0.framework, .number(Format.fixed($0.score, decimals: 4))) })))
        root.append(("points", .map(frameworks.map { scored in
            (scored.framework, .list(scored.points.map { .number(Format.fixed($0, decimals: 4)) }))
        })))
        return .map(root)
    }

    /// The `advisor:` block of a Markdown record's front matter, one line per element.
    public var frontMatterLines: [String] {
        var lines = ["advisor:"]
        func emit(_ pairs: [(String, Tree)], indent: Int) {
            let pad = String(repeating: " ", count: indent)
            for (key, value) in pairs {
                let head = pad + Self.yamlKey(key) + ":"
                if case .map(let inner) = value {
                    if inner.isEmpty {
                        lines.append(head + " {}")
                    } else {
                        lines.append(head)
                        emit(inner, indent: indent + 2)
                    }
                } else if case .list(let items) = value, !items.isEmpty {
                    // Wrapped within 80 columns (markdownlint's MD013 reads front matter too).
                    var line = head + " ["
                    for (index, item) in items.enumerated() {
                        let text = Self.yamlFlow(item) + (index == items.count - 1 ? "]" : ",")
                        if !line.hasSuffix("[") && line.count + 1 + text.count > 80 {
                            lines.append(line)
                            line = pad + "  " + text
                        } else {
                            line += (line.hasSuffix("[") ? "" : " ") + text
                        }
                    }
                    lines.append(line)
                } else {
                    lines.append(head + " " + Self.yamlFlow(value))
                }
            }
        }
        if case .map(let pairs) = tree { emit(pairs, indent: 2) }
        return lines
    }

    /// The metadata as one line of JSON that is safe inside an HTML comment: `<`, `>`, `&` and `-`
    /// in strings are written as `\u` escapes, so no `--` or `-->` can end the comment.
    public var commentJSON: String { Self.json(tree) }

    static func yamlKey(_ key: String) -> String {
        let safe = !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_"
                               || scalar == "-" || scalar == ".")
        } && key.first != "-"
        return safe ? key : MarkdownReport.yamlQuoted(key)
    }

    private static func yamlFlow(_ tree: Tree) -> String {
        switch tree {
        // `<`, `>` and `&` as escapes: markdownlint tools that don't read front matter see no HTML.
        case .string(let text): MarkdownReport.yamlQuoted(text).replacingOccurrences(of: "<", with: "\\x3C")
            .replacingOccurrences(of: ">", with: "\\x3E").replacingOccurrences(of: "&", with: "\\x26")
        case .number(let text): text
        case .list(let items): "[" + items.map(yamlFlow).joined(separator: ", ") + "]"
        case .map(let pairs): "{" + pairs.map { yamlKey($0.0) + ": " + yamlFlow($0.1) }.joined(separator: ", ") + "}"
        }
    }

    private static func json(_ tree: Tree) -> String {
        switch tree {
        case .string(let text):
            var escaped = ""
            for scalar in TextEscaping.json.escape(text).unicodeScalars {
                switch scalar {
                case "<": escaped += "\\u003c"
                case ">": escaped += "\\u003e"
                case "&": escaped += "\\u0026"
                case "-": escaped += "\\u002d"
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            return "\"" + escaped + "\""
        case .number(let text): return text
        case .list(let items): return "[" + items.map(json).joined(separator: ",") + "]"
        case .map(let pairs): return "{" + pairs.map { json(.string($0.0)) + ":" + json($0.1) }.joined(separator: ",") + "}"
        }
    }
}
