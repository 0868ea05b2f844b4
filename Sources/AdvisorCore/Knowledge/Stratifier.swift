/// Orders rules into strata so that a rule reading `not F` runs only after every rule that can assert `F`.
///
/// Within a stratum facts are read only positively, so forward chaining is monotone and the
/// result can't depend on rule order. A fact that depends negatively on itself has no such
/// order; that is a load error.
public enum Stratifier {
    /// Diagnostics for facts that depend negatively on themselves.
    static func check(rules: [Rule], facts: [String]) -> [Diagnostic] {
        let result = compute(rules: rules, facts: facts)
        return result.cycle.map { [$0] } ?? []
    }

    /// Strata by rule index (and a diagnostic if there is a negative cycle).
    ///
    /// stratum(r) ≥ stratum(a) for each rule a asserting a fact r reads positively, and
    /// stratum(r) > stratum(a) for one r reads negatively. Computed by relaxation; a stratum
    /// above the number of rules means a cycle through negation.
    static func compute(rules: [Rule], facts: [String]) -> (strata: [Int], cycle: Diagnostic?) {
        compute(rules: rules, facts: facts, reads: rules.map { $0.when.compiled.reads })
    }

    /// The same, with each rule's fact reads already computed.
    static func compute(rules: [Rule], facts: [String], reads: [ConditionReads])
        -> (strata: [Int], cycle: Diagnostic?) {
        var factIndex: [String: Int] = [:]
        for (index, name) in facts.enumerated() { factIndex[name] = index }
        var assertedBy = Array(repeating: [Int](), count: facts.count)
        for index in rules.indices {
            for action in rules[index].actions {
                if case .fact(let name) = action, let fact = factIndex[name] { assertedBy[fact].append(index) }
            }
        }
        var strata = Array(repeating: 0, count: rules.count)
        var changed = true
        var rounds = 0
        while changed {
            changed = false
            rounds += 1
            for (index, read) in reads.enumerated() {
                var needed = strata[index]
                for (fact, polarity) in zip(read.facts, read.polarities) {
                    for asserter in assertedBy[fact] {
                        let bump = polarity.contains(.negative) ? 1 : 0
                        needed = max(needed, strata[asserter] + bump)
                    }
                }
                if needed != strata[index] {
                    strata[index] = needed
                    changed = true
                    if needed > rules.count {
                        // Which rule the relaxation trips on first depends on the rule count; report the
                        // first rule, in knowledge order, that reads negatively a fact of its own cycle.
                        let culprit = firstInNegativeCycle(reads: reads, assertedBy: assertedBy) ?? (index, [])
                        let rule = rules[culprit.rule]
                        let read = reads[culprit.rule]
                        let negated = zip(read.facts, read.polarities)
                            .filter { (culprit.facts.isEmpty || culprit.facts.contains($0.0)) && $0.1.contains(.negative) }
                            .map { facts[$0.0] }
                        let names = negated.map { "'\($0)'" }.joined(separator: ", ")
                        return (strata, .error("rule '\(rule.id)' reads \(names) negatively, and that fact depends "
                                               + "on this rule: negation in a cycle has no consistent answer",
                                               at: rule.location))
                    }
                }
            }
            if rounds > rules.count + 2 { break }
        }
        return (strata, nil)
    }

    /// The first rule (by index) that reads negatively a fact asserted within its own strongly
    /// connected component of the rule graph (rule → the rules asserting a fact it reads), with those facts.
    static func firstInNegativeCycle(reads: [ConditionReads], assertedBy: [[Int]]) -> (rule: Int, facts: Set<Int>)? {
        let count = reads.count
        let edges: [[Int]] = reads.map { read in read.facts.flatMap { assertedBy[$0] } }
        // Tarjan's algorithm, iterative.
        var order = Array(repeating: -1, count: count), low = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count), stack: [Int] = [], component = Array(repeating: -1, count: count)
        var next = 0, components = 0
        for root in 0..<count where order[root] < 0 {
            var frames: [(node: Int, edge: Int)] = [(root, 0)]
            order[root] = next; low[root] = next; next += 1
            stack.append(root); onStack[root] = true
            while let frame = frames.last {
                let node = frame.node
                if frame.edge < edges[node].count {
                    frames[frames.count - 1].edge += 1
                    let target = edges[node][frame.edge]
                    if order[target] < 0 {
                        order[target] = next; low[target] = next; next += 1
                        stack.append(target); onStack[target] = true
                        frames.append((target, 0))
                    } else if onStack[target] {
                        low[node] = min(low[node], order[target])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last { low[parent.node] = min(low[parent.node], low[node]) }
                if low[node] == order[node] {
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component[member] = components
                        if member == node { break }
                    }
                    components += 1
                }
            }
        }
        for rule in 0..<count {
            let own = zip(reads[rule].facts, reads[rule].polarities).filter { fact, polarity in
                polarity.contains(.negative) && assertedBy[fact].contains { component[$0] == component[rule] }
            }
            if !own.isEmpty { return (rule, Set(own.map(\.0))) }
        }
        return nil
    }
}
