/// Rules that can leave every criterion weighing 0. Every framework then scores 0 and nothing tells
/// them apart; `recommend` refuses such a consultation, and this check names the rules before a user
/// meets it. Weight bounds with a lower bound above 0 make it impossible, as do criteria no rule can
/// silence.
enum ZeroWeights {
    static func check(_ k: KnowledgeBase) -> [Diagnostic] {
        if let bounds = k.info.weightBounds, bounds.lower > 0 { return [] }
        let live = k.criteria.filter { $0.weight > 0 }
        guard !live.isEmpty else { return [] }
        // For each criterion, the rules with an action that alone takes its base weight to 0.
        var silencers: [String: [Int]] = [:]
        for (index, rule) in k.rules.enumerated() {
            for action in rule.actions {
                guard case .weight(let id, let change) = action,
                      let criterion = k.criteria.first(where: { $0.id == id }), criterion.weight > 0 else { continue }
                let silences = switch change {
                case .multiply(let factor): factor == 0
                case .add(let amount): amount < 0 && -amount >= criterion.weight
                }
                if silences && silencers[id]?.last != index { silencers[id, default: []].append(index) }
            }
        }
        guard live.allSatisfy({ silencers[$0.id] != nil }) else { return [] }
        let alone = k.rules.indices.filter { index in live.allSatisfy { silencers[$0.id]?.contains(index) ?? false } }
        if !alone.isEmpty {
            return alone.map { index in
                .warning(KnowledgeLint.message("rule '\(k.rules[index].id)' sets every criterion's weight to 0 when "
                                               + "it fires, so nothing is left to tell the frameworks apart",
                                               .zeroWeights), at: k.rules[index].location)
            }
        }
        var involved: [Int] = []
        for criterion in live {
            for index in silencers[criterion.id] ?? [] where !involved.contains(index) { involved.append(index) }
        }
        involved.sort()
        let names = involved.prefix(8).map { "'\(k.rules[$0].id)'" }.joined(separator: ", ")
            + (involved.count > 8 ? " and \(involved.count - 8) more" : "")
        return [.warning(KnowledgeLint.message("rules \(names) can together set every criterion's weight to 0, so "
                                               + "nothing is left to tell the frameworks apart", .zeroWeights),
                         at: involved.first.flatMap { k.rules[$0].location })]
    }
}
