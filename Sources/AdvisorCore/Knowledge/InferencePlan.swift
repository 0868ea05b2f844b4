/// The rules arranged for forward chaining: by stratum, with an index from each fact to the rules
/// that read it, so asserting a fact revisits only those rules.
/// A class, so that the engine's hot loops hold it with one reference count rather than one per list.
public final class InferencePlan: Sendable {
    /// Each rule's compiled condition, in rule order: the engine's inner loop reads these side by
    /// side instead of reaching into whole `Rule` values (on 100,000 rules, 19 MB of them).
    public let conditions: [Condition]
    /// Rule indices per stratum, lowest first, each in knowledge order.
    public let strata: [[Int]]
    /// The stratum of each rule.
    public let ruleStratum: [Int]
    /// For each fact, the rules that read it.
    public let readers: [[Int]]
    /// For each fact, the rules that assert it.
    public let asserters: [[Int]]
    /// For each rule, the facts it asserts.
    public let assertedFacts: [[Int]]
    /// For each fact, the highest stratum of a rule asserting it: the fact is final after that stratum.
    public let finalStratum: [Int]
    /// The facts that some rule asserts, in the order they become final (by `finalStratum`).
    public let finalOrder: [Int]
    /// For each rule, the questions its condition reads, ascending (for the trace).
    public let questionsRead: [[Int]]
    /// For each rule, the facts its condition reads, ascending (for the trace).
    public let factsRead: [[Int]]
    /// Each rule's position when rules are sorted by id: effects apply in this order.
    public let idRank: [Int]
    /// The rule indices in id order, or nil when the rules already are in id order.
    public let idOrder: [Int]?
    /// For each rule, its weight changes with criteria as indices.
    public let weightActions: [[WeightAction]]
    /// Whether each rule changes a rating, and whether it can knock a framework out.
    public let ratingRules: [Bool]
    public let knockOutRules: [Bool]

    /// A weight change with its criterion interned to an index.
    public struct WeightAction: Hashable, Sendable {
        public var criterion: Int
        public var change: WeightChange
    }

    /// Each rule's rating changes, in the order the rule lists them, with the framework and the
    /// criterion interned to indices (changes naming an unknown one are left out, as validation
    /// reports them).
    public let ratingActions: [[RatingAction]]

    public struct RatingAction: Hashable, Sendable {
        public var framework: Int
        public var criterion: Int
        public var change: RatingChange
    }

    public init(rules: [Rule], facts: [String], criteria: [String] = [], frameworks: [String] = []) {
        var factIndex: [String: Int] = [:]
        for (index, name) in facts.enumerated() { factIndex[name] = index }
        conditions = rules.indices.map { rules[$0].when.compiled }
        let reads = conditions.map(\.reads)
        let (ruleStratum, _) = Stratifier.compute(rules: rules, facts: facts, reads: reads)
        self.ruleStratum = ruleStratum
        let levels = (ruleStratum.max() ?? 0) + 1
        var strata = Array(repeating: [Int](), count: levels)
        for (index, level) in ruleStratum.enumerated() { strata[min(level, levels - 1)].append(index) }
        self.strata = strata.filter { !$0.isEmpty }
        var readers = Array(repeating: [Int](), count: facts.count)
        var asserters = Array(repeating: [Int](), count: facts.count)
        var assertedFacts = Array(repeating: [Int](), count: rules.count)
        var criterionIndex: [String: Int] = [:]
        for (index, id) in criteria.enumerated() where criterionIndex[id] == nil { criterionIndex[id] = index }
        var frameworkIndex: [String: Int] = [:]
        for (index, id) in frameworks.enumerated() where frameworkIndex[id] == nil { frameworkIndex[id] = index }
        var ratingActions = Array(repeating: [RatingAction](), count: rules.count)
        var questionsRead = Array(repeating: [Int](), count: rules.count)
        var factsRead = Array(repeating: [Int](), count: rules.count)
        var weightActions = Array(repeating: [WeightAction](), count: rules.count)
        var ratingRules = Array(repeating: false, count: rules.count)
        var knockOutRules = Array(repeating: false, count: rules.count)
        // By index: binding `rule` would copy the whole struct, retaining every string in it.
        for index in rules.indices {
            let read = reads[index].facts
            factsRead[index] = read
            questionsRead[index] = reads[index].questions
            for fact in read { readers[fact].append(index) }
            for action in rules[index].actions {
                switch action {
                case .weight(let criterion, let change):
                    if let c = criterionIndex[criterion] { weightActions[index].append(.init(criterion: c, change: change)) }
                case .rating(let framework, let criterion, let change):
                    ratingRules[index] = true
                    if let f = frameworkIndex[framework], let c = criterionIndex[criterion] {
                        ratingActions[index].append(.init(framework: f, criterion: c, change: change))
                    }
                case .exclude, .require: knockOutRules[index] = true
                case .fact: break
                }
            }
            for action in rules[index].actions {
                if case .fact(let name) = action, let fact = factIndex[name] {
                    asserters[fact].append(index)
                    assertedFacts[index].append(fact)
                }
            }
        }
        self.readers = readers
        self.asserters = asserters
        self.assertedFacts = assertedFacts
        let finalStratum = asserters.map { list in list.map { ruleStratum[$0] }.max() ?? -1 }
        self.finalStratum = finalStratum
        var finalOrder = Array(0..<facts.count).filter { finalStratum[$0] >= 0 }
        finalOrder.sort { finalStratum[$0] < finalStratum[$1] }
        self.finalOrder = finalOrder
        self.questionsRead = questionsRead
        self.factsRead = factsRead
        self.weightActions = weightActions
        self.ratingRules = ratingRules
        self.ratingActions = ratingActions
        self.knockOutRules = knockOutRules
        if rules.indices.dropFirst().allSatisfy({ rules[$0 - 1].id < rules[$0].id }) {
            idRank = Array(rules.indices)
            idOrder = nil
        } else {
            // Equal ids (only in knowledge built by hand; the loader rejects them) keep rule order.
            let order = rules.indices.sorted { rules[$0].id != rules[$1].id ? rules[$0].id < rules[$1].id : $0 < $1 }
            var rank = Array(repeating: 0, count: rules.count)
            for (position, index) in order.enumerated() { rank[index] = position }
            idRank = rank
            idOrder = order
        }
    }
}
