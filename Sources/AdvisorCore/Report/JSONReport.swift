/// The `recommend --format json` document, schema 1. Keys appear in a fixed order and numbers
/// in a fixed format, so the same inputs give byte-identical output.
public enum JSONReport {
    public static let schemaVersion = 1

    public static func render(_ consultation: Consultation, analysis: DecisionAnalysis? = nil,
                              pairwise: PairwiseJudgements? = nil) -> String {
        var value = document(consultation)
        if case .object(var pairs) = value {
            let at = pairs.firstIndex { $0.0 == "knowledge" } ?? pairs.count
            pairs.insert(contentsOf: (pairwise.map { [("pairwise", $0.json)] } ?? []) + (analysis?.jsonMembers ?? []),
                         at: at)
            value = .object(pairs)
        }
        return value.serialized() + "\n"
    }

    public static func document(_ c: Consultation) -> JSONValue {
        let knowledge = c.knowledge
        let ranking: [JSONValue] = c.ranking.map { scored in
            .object([
                ("framework", .string(scored.framework)),
                ("name", .string(scored.name)),
                ("score", .number(scored.score)),
                ("rank", .number(Double(scored.rank))),
                ("contributions", .array(scored.contributions.map { contribution in
                    .object([
                        ("criterion", .string(contribution.criterion)),
                        ("weight", .number(contribution.weight)),
                        ("rating", .number(contribution.rating)),
                        ("points", .number(contribution.points)),
                    ])
                })),
            ])
        }
        let excluded: [JSONValue] = c.excluded.map {
            .object([("framework", .string($0.framework)), ("reason", .string($0.reason)), ("rule", .string($0.rule))])
        }
        let weights: [JSONValue] = c.weights.map { weight in
            .object([
                ("criterion", .string(weight.criterion)),
                ("weight", .number(weight.final)),
                ("base", .number(weight.base)),
                ("changedBy", .strings(weight.changedBy)),
            ])
        }
        let fired: [JSONValue] = c.firedRules.map { rule in
            .object([
                ("id", .string(rule.id)),
                ("because", .string(rule.because)),
                ("source", .string(rule.source)),
            ])
        }
        let answers: [(String, JSONValue)] = c.answers.ordered(by: knowledge).map { ($0.question.id, .answer($0.value)) }
        return .object([
            ("schema", .number(Double(schemaVersion))),
            ("recommendation", c.winner.map { .string($0.framework) } ?? .null),
            ("ranking", .array(ranking)),
            ("excluded", .array(excluded)),
            ("weights", .array(weights)),
            ("firedRules", .array(fired)),
            ("answers", .object(answers)),
            ("ignoredAnswers", .array(c.ignored.map {
                .object([("question", .string($0.question)), ("value", .answer($0.value)),
                         ("askIf", .string($0.condition))])
            })),
            ("trace", trace(c)),
            ("knowledge", .object([
                ("name", .string(knowledge.info.name)),
                ("version", .string(knowledge.info.version)),
                ("digest", .string(knowledge.digest)),
            ] + overlayMembers(knowledge))),
        ])
    }

    /// Every firing with what supported it, and every weight and rating change as before → after.
    static func trace(_ c: Consultation) -> JSONValue {
        let firings: [JSONValue] = c.firings.map { firing in
            .object([
                ("rule", .string(firing.rule)),
                ("stratum", .number(Double(firing.stratum))),
                ("support", .array(firing.support.map { support in
                    switch support {
                    case .answer(let question, let value):
                        .object([("answer", .string(question)), ("value", .answer(value))])
                    case .fact(let name):
                        .object([("fact", .string(name))])
                    }
                })),
            ])
        }
        var weightChanges: [JSONValue] = []
        for weight in c.weights {
            for step in weight.steps {
                let origin: String = switch step.origin {
                case .rule(let id): id
                case .override: "--weight"
                }
                weightChanges.append(.object([
                    ("criterion", .string(weight.criterion)), ("by", .string(origin)),
                    ("change", .string(step.change)), ("before", .number(step.before)), ("after", .number(step.after)),
                ]))
            }
        }
        var ratingChanges: [JSONValue] = []
        for (f, framework) in c.knowledge.frameworks.enumerated() {
            for rating in c.ratings[f] {
                for step in rating.steps {
                    ratingChanges.append(.object([
                        ("framework", .string(framework.id)), ("criterion", .string(rating.criterion)),
                        ("by", .string(step.rule)), ("change", .string(step.change.description)),
                        ("before", .number(step.before)), ("after", .number(step.after)),
                    ]))
                }
            }
        }
        let facts: [(String, JSONValue)] = c.knowledge.facts.enumerated().map { index, name in
            (name, .string(c.facts[index].description))
        }
        return .object([
            ("firings", .array(firings)),
            ("weightChanges", .array(weightChanges)),
            ("ratingChanges", .array(ratingChanges)),
            ("facts", .object(facts)),
        ])
    }

    /// `overlays` and `overrides`, present only when the knowledge was loaded with overlays.
    static func overlayMembers(_ k: KnowledgeBase) -> [(String, JSONValue)] {
        guard !k.overlays.isEmpty || !k.overrides.isEmpty else { return [] }
        let overlays: [JSONValue] = k.overlays.map { layer in
            .object([("name", .string(layer.name)), ("origin", .string(layer.origin)),
                     ("title", layer.info.map { .string($0.name) } ?? .null),
                     ("version", layer.info.map { .string($0.version) } ?? .null)])
        }
        let overrides: [JSONValue] = k.overrides.map { item in
            var members: [(String, JSONValue)] = []
            switch item.target {
            case .rating(let framework, let criterion):
                members = [("kind", .string("rating")), ("framework", .string(framework)),
                           ("criterion", .string(criterion))]
            case .weight(let criterion):
                members = [("kind", .string("weight")), ("criterion", .string(criterion))]
            }
            members += [
                ("previous", item.previous.map { .number($0) } ?? .null),
                ("value", .number(item.value)),
                ("overlay", .string(item.layer)),
                ("at", .string(item.location.fileAndLine)),
                ("provenance", .string(item.phrase)),
                ("why", .string(item.citation.why)),
                ("source", .string(item.citation.source)),
            ]
            return .object(members)
        }
        return [("overlays", .array(overlays)), ("overrides", .array(overrides))]
    }
}
