/// How old each fact of the knowledge is: the date it describes (`as_of`, on the fact or on the
/// source it cites), for the `undated-fact` lint, `advisor knowledge --stale` and the age shown
/// beside each reason in reports.
public enum FactDates {
    /// One rating, capability or statement of a framework, with the date it describes.
    public struct Fact: Sendable {
        /// `FastAPI, rating on Performance and concurrency`.
        public var subject: String
        public var citation: Citation
        /// The date the fact describes, nil when neither it nor its source says.
        public var asOf: AsOf?
        public var location: SourceLocation?
    }

    /// The date a citation describes: its own `as_of`, or else its source's.
    public static func asOf(_ citation: Citation, in k: KnowledgeBase) -> AsOf? {
        (citation.asOf ?? k.source(citation.source)?.asOf).flatMap(AsOf.init)
    }

    /// Every rating, capability and fact, framework by framework.
    public static func all(_ k: KnowledgeBase) -> [Fact] {
        var result: [Fact] = []
        for framework in k.frameworks {
            for criterion in k.criteria {
                guard let rating = framework.ratings[criterion.id] else { continue }
                result.append(Fact(subject: "\(framework.name), rating on \(criterion.name)", citation: rating.citation,
                                   asOf: asOf(rating.citation, in: k), location: rating.location ?? framework.location))
            }
            for capability in framework.capabilities {
                let name = k.capability(capability.id)?.name ?? capability.id
                result.append(Fact(subject: "\(framework.name), capability: \(name)" + (capability.partial ? " (partly)" : ""),
                                   citation: capability.citation, asOf: asOf(capability.citation, in: k),
                                   location: capability.location ?? framework.location))
            }
            for fact in framework.facts {
                result.append(Fact(subject: "\(framework.name), fact \(fact.id)", citation: fact.citation,
                                   asOf: asOf(fact.citation, in: k), location: fact.location ?? framework.location))
            }
        }
        return result
    }

    /// Facts that do not say how firm they are (`evidence`) or what date they describe (`as_of`).
    static func undated(_ k: KnowledgeBase) -> [Diagnostic] {
        all(k).compactMap { fact in
            var missing: [String] = []
            if fact.citation.evidence == nil { missing.append("'evidence' (seed, documented, measured or inferred)") }
            if fact.asOf == nil {
                missing.append(fact.citation.source.isEmpty ? "'as_of'"
                               : "'as_of' (on the fact or on source '\(fact.citation.source)')")
            }
            guard !missing.isEmpty else { return nil }
            return .warning(KnowledgeLint.message("\(fact.subject) gives no " + missing.joined(separator: " and no "),
                                                  .undatedFact), at: fact.location)
        }
    }

    /// Facts whose date is more than `days` before `today` (days since 1970), oldest first.
    public static func stale(_ k: KnowledgeBase, days: Int, today: Int = AsOf.today) -> [(fact: Fact, age: Int)] {
        all(k).compactMap { fact -> (Fact, Int)? in
            guard let asOf = fact.asOf else { return nil }
            let age = asOf.age(today: today)
            return age > days ? (fact, age) : nil
        }
        .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.subject < $1.0.subject }
    }
}
