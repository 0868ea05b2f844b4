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
        compute(rules: rules, facts: facts, reads: rules.map { $0.when.compiled.factsRead })
    }

    /// The same, with each rule's fact reads already computed.
    static func compute(rules: [Rule], facts: [String], reads: [[Int: FactPolarity]])
        -> (strata: [Int], cycle: Diagnostic?) {
        var factIndex: [String: Int] = [:]
        for (index, name) in facts.enumerated() { factIndex[name] = index }
        var assertedBy = Array(repeating: [Int](), count: facts.count)
        for (index, rule) in rules.enumerated() {
            for action in rule.actions {
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
                for (fact, polarity) in read {
                    for asserter in assertedBy[fact] {
                        let bump = polarity.contains(.negative) ? 1 : 0
                        needed = max(needed, strata[asserter] + bump)
                    }
                }
                if needed != strata[index] {
                    strata[index] = needed
                    changed = true
                    if needed > rules.count {
                        let rule = rules[index]
                        let negated = read.filter { $0.value.contains(.negative) }.keys.sorted().map { facts[$0] }
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
}
