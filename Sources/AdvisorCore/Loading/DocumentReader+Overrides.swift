/// `ratings:` and `weights:` in an overlay: values set by id over the layers below.
extension DocumentReader {
    func shown(_ location: SourceLocation) -> SourceLocation {
        SourceLocation(file: shownFile, line: location.line, column: location.column)
    }

    /// `- { framework: django, criterion: team_familiarity, score: 5, why: ..., source: ... }`
    mutating func readRatingOverride(_ node: YAMLNode) {
        guard let fields = reader.fields(node, "a rating override", required: ["framework", "criterion", "score"]
                                            + Self.citationKeys, optional: Self.optionalCitationKeys),
              let framework = reader.identifier(fields["framework"], "framework id"),
              let criterion = reader.identifier(fields["criterion"], "criterion id"),
              let frameworkNode = fields["framework"], let criterionNode = fields["criterion"] else { return }
        refer(.framework, framework, at: frameworkNode)
        refer(.criterion, criterion, at: criterionNode)
        let citation = citation(fields)
        guard let scoreNode = fields["score"], let score = reader.number(scoreNode, "'score'") else { return }
        guard (0...5).contains(score) else {
            reader.error("rating \(Format.number(score)) of '\(framework)' on '\(criterion)' is out of range 0...5",
                         at: scoreNode)
            return
        }
        let location = reader.location(of: node)
        draft.overrides.append(.init(target: .rating(framework: framework, criterion: criterion), value: score,
                                     citation: citation, layer: draft.layer, location: location,
                                     shownLocation: shown(location),
                                     frameworkLocation: reader.location(of: frameworkNode),
                                     criterionLocation: reader.location(of: criterionNode)))
    }

    /// `- { criterion: performance, weight: 4, why: ..., source: ... }`
    mutating func readWeightOverride(_ node: YAMLNode) {
        guard let fields = reader.fields(node, "a weight override", required: ["criterion", "weight"]
                                            + Self.citationKeys, optional: Self.optionalCitationKeys),
              let criterion = reader.identifier(fields["criterion"], "criterion id"),
              let criterionNode = fields["criterion"] else { return }
        refer(.criterion, criterion, at: criterionNode)
        let citation = citation(fields)
        guard let weightNode = fields["weight"], let weight = reader.number(weightNode, "'weight'") else { return }
        guard weight >= 0 else {
            reader.error("'weight' must be 0 or more, found \(Format.number(weight))", at: weightNode)
            return
        }
        let location = reader.location(of: node)
        draft.overrides.append(.init(target: .weight(criterion: criterion), value: weight, citation: citation,
                                     layer: draft.layer, location: location, shownLocation: shown(location),
                                     frameworkLocation: nil, criterionLocation: reader.location(of: criterionNode)))
    }
}
