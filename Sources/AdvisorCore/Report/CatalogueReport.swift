/// Listings of the knowledge: questions, frameworks, criteria.
public enum CatalogueReport {
    public static func questionsText(_ k: KnowledgeBase) -> String {
        var lines: [String] = []
        for (index, question) in k.questions.enumerated() {
            let safe = { (text: String) in TextSanitizer.inert(text) }
            lines.append("\(index + 1). \(question.id) (\(question.kind.rawValue)): \(safe(question.prompt))")
            if let askIf = question.askIf { lines.append("   asked only when: \(safe(askIf.text))") }
            for option in question.options {
                lines.append("   \(option.value.padding(toLength: 18, withPad: " ", startingAt: 0)) \(safe(option.label))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func questionsJSON(_ k: KnowledgeBase) -> JSONValue {
        .array(k.questions.map { question in
            var pairs: [(String, JSONValue)] = [
                ("id", .string(question.id)), ("prompt", .string(question.prompt)),
                ("kind", .string(question.kind.rawValue)), ("values", .strings(question.values)),
                ("labels", .strings(question.options.map(\.label))), ("help", .string(question.help)),
                ("why", .string(question.why)), ("source", .string(question.source)),
            ]
            pairs.append(("askIf", question.askIf.map { .string($0.text) } ?? .null))
            return .object(pairs)
        })
    }

    public static func frameworksText(_ k: KnowledgeBase) -> String {
        var lines: [String] = []
        let width = k.criteria.map(\.id.count).max() ?? 10
        for framework in k.frameworks {
            lines.append("\(framework.id): \(TextSanitizer.inert(framework.name)): \(TextSanitizer.inert(framework.summary))")
            for criterion in k.criteria {
                let score = framework.ratings[criterion.id].map { Format.number($0.score) } ?? "-"
                lines.append("  \(criterion.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(score)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func frameworksJSON(_ k: KnowledgeBase) -> JSONValue {
        .array(k.frameworks.map { framework in
            .object([
                ("id", .string(framework.id)), ("name", .string(framework.name)),
                ("summary", .string(framework.summary)),
                ("capabilities", .strings(framework.capabilities.map(\.id))),
                ("ratings", .object(k.criteria.map { criterion in
                    let rating = framework.ratings[criterion.id]
                    return (criterion.id, .object([
                        ("score", rating.map { .number($0.score) } ?? .null),
                        ("why", .string(rating?.citation.why ?? "")),
                        ("source", .string(rating?.citation.source ?? "")),
                    ]))
                })),
            ])
        })
    }

    public static func criteriaText(_ k: KnowledgeBase) -> String {
        let width = k.criteria.map(\.id.count).max() ?? 10
        return k.criteria.map { criterion in
            "\(criterion.id.padding(toLength: width, withPad: " ", startingAt: 0))  weight \(Format.number(criterion.weight))"
                + "  \(TextSanitizer.inert(criterion.name))"
        }.joined(separator: "\n") + "\n"
    }

    public static func criteriaJSON(_ k: KnowledgeBase) -> JSONValue {
        .array(k.criteria.map { criterion in
            .object([("id", .string(criterion.id)), ("name", .string(criterion.name)),
                     ("description", .string(criterion.description)), ("weight", .number(criterion.weight)),
                     ("source", .string(criterion.source))])
        })
    }
}
