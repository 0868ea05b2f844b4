/// Citation checks: facts without a source, sources without an address, and inferred facts that
/// decide a knock-out.
enum CitationAudit {
    static func check(_ k: KnowledgeBase) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let lint = KnowledgeLint.message
        for framework in k.frameworks {
            for criterion in k.criteria {
                guard let rating = framework.ratings[criterion.id], rating.citation.source.isEmpty else { continue }
                result.append(.warning(lint("the rating of '\(framework.id)' on '\(criterion.id)' cites no source",
                                            .missingSource), at: rating.location ?? framework.location))
            }
            for capability in framework.capabilities where capability.citation.source.isEmpty {
                result.append(.warning(lint("capability '\(capability.id)' of '\(framework.id)' cites no source",
                                            .missingSource), at: capability.location ?? framework.location))
            }
            for fact in framework.facts where fact.citation.source.isEmpty {
                result.append(.warning(lint("fact '\(fact.id)' about '\(framework.id)' cites no source",
                                            .missingSource), at: fact.location ?? framework.location))
            }
        }
        for source in k.sources where (source.address ?? "").trimmingWhitespace().isEmpty {
            result.append(.warning(lint("source '\(source.id)' has no address, so no reader can check it",
                                        .missingAddress), at: source.location))
        }
        // A knock-out reads capabilities: `require: X` keeps only frameworks that have X. A framework
        // kept on an inferred capability would survive a hard requirement on a guess.
        var required: [String: String] = [:]
        for rule in k.rules {
            for action in rule.actions {
                if case .require(let capability) = action, required[capability] == nil { required[capability] = rule.id }
            }
        }
        for framework in k.frameworks {
            for capability in framework.capabilities where capability.citation.evidence == .inferred {
                guard let rule = required[capability.id] else { continue }
                result.append(.warning(lint("capability '\(capability.id)' of '\(framework.id)' is inferred, but "
                                            + "rule '\(rule)' knocks out frameworks without it; document it or "
                                            + "leave it out", .inferredKnockOut),
                                       at: capability.location ?? framework.location))
            }
        }
        return result
    }
}
