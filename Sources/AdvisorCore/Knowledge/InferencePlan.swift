/// The rules arranged for forward chaining: by stratum, with an index from each fact to the rules
/// that read it, so asserting a fact revisits only those rules.
public struct InferencePlan: Sendable {
    /// Rule indices per stratum, lowest first, each in knowledge order.
    public var strata: [[Int]]
    /// The stratum of each rule.
    public var ruleStratum: [Int]
    /// For each fact, the rules that read it.
    public var readers: [[Int]]
    /// For each fact, the rules that assert it.
    public var asserters: [[Int]]
    /// For each rule, the facts it asserts.
    public var assertedFacts: [[Int]]
    /// For each fact, the highest stratum of a rule asserting it: the fact is final after that stratum.
    public var finalStratum: [Int]

    public init(rules: [Rule], facts: [String]) {
        var factIndex: [String: Int] = [:]
        for (index, name) in facts.enumerated() { factIndex[name] = index }
        let (ruleStratum, _) = Stratifier.compute(rules: rules, facts: facts)
        self.ruleStratum = ruleStratum
        let levels = (ruleStratum.max() ?? 0) + 1
        var strata = Array(repeating: [Int](), count: levels)
        for (index, level) in ruleStratum.enumerated() { strata[min(level, levels - 1)].append(index) }
        self.strata = strata.filter { !$0.isEmpty }
        var readers = Array(repeating: [Int](), count: facts.count)
        var asserters = Array(repeating: [Int](), count: facts.count)
        var assertedFacts = Array(repeating: [Int](), count: rules.count)
        for (index, rule) in rules.enumerated() {
            for fact in rule.when.compiled.factsRead.keys.sorted() { readers[fact].append(index) }
            for action in rule.actions {
                if case .fact(let name) = action, let fact = factIndex[name] {
                    asserters[fact].append(index)
                    assertedFacts[index].append(fact)
                }
            }
        }
        self.readers = readers
        self.asserters = asserters
        self.assertedFacts = assertedFacts
        finalStratum = asserters.map { list in list.map { ruleStratum[$0] }.max() ?? -1 }
    }
}
