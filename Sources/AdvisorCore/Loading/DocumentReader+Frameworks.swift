extension DocumentReader {
    /// `source` may be left out while a fact is drafted; `advisor validate --strict` rejects that.
    static let citationKeys = ["why"]
    static let optionalCitationKeys = ["source", "evidence", "reviewed", "as_of"]

    mutating func readFramework(_ node: YAMLNode) {
        guard let fields = reader.fields(node, "a framework", required: ["id", "name", "summary", "ratings"],
                                         optional: ["capabilities", "facts"]),
              let id = reader.identifier(fields["id"], "framework id"),
              let idNode = fields["id"], define("framework", id, at: idNode) else { return }
        var ratings: [String: Rating] = [:]
        if let ratingsNode = fields["ratings"] {
            if case .mapping(let mapping) = ratingsNode {
                for (key, value) in mapping {
                    guard let criterion = reader.identifier(key, "criterion id") else { continue }
                    refer(.criterion, criterion, at: key)
                    draft.rated[id, default: []].insert(criterion)
                    if ratings[criterion] != nil {
                        reader.error("framework '\(id)' rates '\(criterion)' twice", at: key)
                    } else if let rating = readRating(value, framework: id, criterion: criterion) {
                        ratings[criterion] = rating
                    }
                }
            } else {
                reader.error("expected 'ratings' to map criterion ids to ratings, found \(reader.describe(ratingsNode))",
                             at: ratingsNode)
            }
        }
        var capabilities: [FrameworkCapability] = []
        for item in fields["capabilities"].flatMap({ reader.list($0, "'capabilities'") }) ?? [] {
            guard let entry = reader.fields(item, "a capability of '\(id)'", required: ["id"] + Self.citationKeys,
                                            optional: Self.optionalCitationKeys + ["partial"]),
                  let capability = reader.identifier(entry["id"], "capability id"),
                  let capabilityNode = entry["id"] else { continue }
            refer(.capability, capability, at: capabilityNode)
            if capabilities.contains(where: { $0.id == capability }) {
                reader.error("framework '\(id)' lists capability '\(capability)' twice", at: capabilityNode)
                continue
            }
            capabilities.append(FrameworkCapability(id: capability, partial: flag(entry["partial"], "'partial'"),
                                                    citation: citation(entry), location: reader.location(of: item)))
        }
        var facts: [FrameworkFact] = []
        for item in fields["facts"].flatMap({ reader.list($0, "'facts'") }) ?? [] {
            guard let entry = reader.fields(item, "a fact about '\(id)'", required: ["id", "statement"]
                                              + Self.citationKeys, optional: Self.optionalCitationKeys),
                  let factId = reader.identifier(entry["id"], "fact id") else { continue }
            facts.append(FrameworkFact(id: factId, statement: reader.string(entry["statement"], "'statement'") ?? "",
                                       citation: citation(entry), location: reader.location(of: item)))
        }
        draft.frameworks.append(Framework(
            id: id, name: reader.string(fields["name"], "'name'") ?? id,
            summary: reader.string(fields["summary"], "'summary'") ?? "",
            capabilities: capabilities, ratings: ratings, facts: facts, location: reader.location(of: node)))
    }

    private mutating func readRating(_ node: YAMLNode, framework: String, criterion: String) -> Rating? {
        guard let fields = reader.fields(node, "the rating of '\(framework)' on '\(criterion)'",
                                         required: ["score"] + Self.citationKeys,
                                         optional: Self.optionalCitationKeys) else { return nil }
        let citation = citation(fields)
        guard let scoreNode = fields["score"], let score = reader.number(scoreNode, "'score'") else { return nil }
        guard (0...5).contains(score) else {
            reader.error("rating \(Format.number(score)) of '\(framework)' on '\(criterion)' is out of range 0...5",
                         at: scoreNode)
            return nil
        }
        return Rating(score: score, citation: citation, location: reader.location(of: node))
    }
}
