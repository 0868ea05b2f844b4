/// Applies the `ratings:` and `weights:` of overlays, layer by layer, keeping where each came from.
extension Assembler {
    mutating func applyOverrides() {
        var latest: [KnowledgeOverride.Target: KnowledgeDraft.PendingOverride] = [:]
        var weightSetAt: [String: SourceLocation] = [:]
        for pending in draft.overrides {
            let layerName = draft.layerOrigins.indices.contains(pending.layer)
                ? draft.layerOrigins[pending.layer].name : "overlay"
            if let earlier = latest[pending.target], !checkConflict(pending, earlier: earlier) { continue }
            latest[pending.target] = pending
            switch pending.target {
            case .rating(let framework, let criterion):
                guard let index = draft.frameworks.firstIndex(where: { $0.id == framework }),
                      draft.criteria.contains(where: { $0.id == criterion }) else { continue }
                let previous = draft.frameworks[index].ratings[criterion]
                draft.frameworks[index].ratings[criterion] = Rating(score: pending.value, citation: pending.citation,
                                                                    location: pending.location)
                draft.rated[framework, default: []].insert(criterion)
                applied.append(KnowledgeOverride(target: pending.target, previous: previous?.score,
                                                 previousLocation: previous?.location, value: pending.value,
                                                 citation: pending.citation, layer: layerName,
                                                 location: pending.shownLocation))
            case .weight(let criterion):
                guard let index = draft.criteria.firstIndex(where: { $0.id == criterion }) else { continue }
                let previous = draft.criteria[index]
                let previousLocation = weightSetAt[criterion] ?? previous.location
                weightSetAt[criterion] = pending.location
                draft.criteria[index].weight = pending.value
                applied.append(KnowledgeOverride(target: pending.target, previous: previous.weight,
                                                 previousLocation: previousLocation, value: pending.value,
                                                 citation: pending.citation, layer: layerName,
                                                 location: pending.shownLocation))
            }
        }
    }

    /// False (and an error naming both places) when two overrides of the same value disagree, or
    /// one overlay sets the same value twice.
    private mutating func checkConflict(_ pending: KnowledgeDraft.PendingOverride,
                                        earlier: KnowledgeDraft.PendingOverride) -> Bool {
        let subject = switch pending.target {
        case .rating(let framework, let criterion): "the rating of '\(framework)' on '\(criterion)'"
        case .weight(let criterion): "the base weight of '\(criterion)'"
        }
        let origins = draft.layerOrigins
        let name = { (layer: Int) in origins.indices.contains(layer) ? origins[layer].name : "overlay" }
        if earlier.layer == pending.layer {
            diagnostics.append(.error("overlay '\(name(pending.layer))' sets \(subject) twice", at: pending.location))
            diagnostics.append(Diagnostic(.note, "first set here", at: earlier.location))
            return false
        }
        guard earlier.value != pending.value else { return true }
        diagnostics.append(.error("overlays disagree on \(subject): '\(name(pending.layer))' sets "
                                  + "\(Format.number(pending.value)), '\(name(earlier.layer))' sets "
                                  + "\(Format.number(earlier.value))", at: pending.location))
        diagnostics.append(Diagnostic(.note, "overlay '\(name(earlier.layer))' sets it to "
                                      + "\(Format.number(earlier.value)) here", at: earlier.location))
        return false
    }
}
