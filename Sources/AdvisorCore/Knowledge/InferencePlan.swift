/// The rules arranged for forward chaining: by stratum, with an index from each fact to the rules
/// that read it, so asserting a fact revisits only those rules.
/// A class, so that the engine's hot loops hold it with one reference count rather than one per list.
public final class InferencePlan: Sendable {
    /// Each rule's compiled condition, in rule order: the engine's inner loop reads these side by
    /// side instead of reaching into whole `Rule` values (on 100,000 rules, 19 MB of them).
    public let conditions: [Condition]
    /// What the engine's inner loop reads for each rule, in one record: its condition in a flat form
    /// (a leaf condition, such as a fact, a yes/no answer or a choice, is tested in place, without
    /// following a pointer to its boxed case) and where its asserted facts are in `assertions`. On a
    /// hundred thousand rules each separate array the loop reached into cost a cache miss per rule.
    let entries: [RuleEntry]
    /// The facts each rule asserts (rule `i`'s are `assertions[entries[i].assertStart..<entries[i].assertEnd]`), each with
    /// where its readers are in `readers.values`, so that asserting a fact finds them in one step.
    let assertions: [Assertion]
    /// Each rule's id, side by side: the trace names every fired rule, and reaching into whole
    /// `Rule` values for it missed the cache once per firing.
    public let ruleIDs: [String]
    /// Rule indices per stratum, lowest first, each in knowledge order.
    public let strata: [[Int]]
    /// The stratum of each rule.
    public let ruleStratum: [Int]
    /// For each fact, the rules that read it.
    public let readers: FlatLists<Int>
    /// For each fact, the rules that assert it.
    public let asserters: FlatLists<Int>
    /// For each rule, the facts it asserts.
    public let assertedFacts: FlatLists<Int>
    /// For each fact, the highest stratum of a rule asserting it: the fact is final after that stratum.
    public let finalStratum: [Int]
    /// The facts that some rule asserts, in the order they become final (by `finalStratum`).
    public let finalOrder: [Int]
    /// For each rule, the questions its condition reads, ascending (for the trace).
    public let questionsRead: FlatLists<Int>
    /// For each rule, the facts its condition reads, ascending (for the trace).
    public let factsRead: FlatLists<Int>
    /// Each rule's position when rules are sorted by id: effects apply in this order.
    public let idRank: [Int]
    /// The rule indices in id order, or nil when the rules already are in id order.
    public let idOrder: [Int]?
    /// For each rule, its weight changes with criteria as indices.
    public let weightActions: FlatLists<WeightAction>
    /// Whether each rule changes a rating, and whether it has other actions (knock-outs, wanted
    /// capabilities, notes).
    public let ratingRules: [Bool]
    public let otherActionRules: [Bool]
    /// Each rule's `exclude`, `require`, `want` and `note` actions, in the order the rule lists them.
    public let otherActions: FlatLists<Action>

    /// A weight change with its criterion interned to an index.
    public struct WeightAction: Hashable, Sendable {
        public var criterion: Int
        public var change: WeightChange
    }

    /// Each rule's rating changes, in the order the rule lists them, with the framework and the
    /// criterion interned to indices (changes naming an unknown one are left out, as validation
    /// reports them).
    public let ratingActions: FlatLists<RatingAction>

    public struct RatingAction: Hashable, Sendable {
        public var framework: Int
        public var criterion: Int
        public var change: RatingChange
    }

    /// The parts of a plan that take work to find (reading every condition, interning every name,
    /// stratifying): what the compiled cache stores. The rest follows from these and the rules.
    struct Stored: Sendable, Equatable {
        var ruleStratum: [Int]
        var readers: FlatLists<Int>
        var asserters: FlatLists<Int>
        var assertedFacts: FlatLists<Int>
        var questionsRead: FlatLists<Int>
        var factsRead: FlatLists<Int>
        var weightActions: FlatLists<WeightAction>
        var ratingActions: FlatLists<RatingAction>
        var idOrder: [Int]?
    }

    /// What the plan takes from the rules themselves: their conditions, ids, knock-outs, wanted
    /// capabilities and notes.
    struct RuleOutline: Sendable {
        var conditions: [Condition] = []
        var ids: [String] = []
        var ratingRules: [Bool] = []
        var others = FlatLists<Action>()

        init() {}

        init(reserving count: Int) {
            conditions.reserveCapacity(count)
            ids.reserveCapacity(count)
            ratingRules.reserveCapacity(count)
            others.reserveLists(count)
        }

        init(_ rules: [Rule]) {
            self.init(reserving: rules.count)
            for index in rules.indices { append(rules[index]) }
        }

        /// A rule whose other actions were given to `others.appendToLast` just before.
        mutating func append(id: String, condition: Condition, rating: Bool) {
            conditions.append(condition)
            ids.append(id)
            ratingRules.append(rating)
            others.endList()
        }

        mutating func append(_ rule: Rule) {
            var rating = false
            for action in rule.actions {
                switch action {
                case .rating: rating = true
                case .exclude, .require, .want, .note: others.appendToLast(action)
                case .weight, .fact: break
                }
            }
            append(id: rule.id, condition: rule.when.compiled, rating: rating)
        }
    }

    public convenience init(rules: [Rule], facts: [String], criteria: [String] = [], frameworks: [String] = []) {
        self.init(outline: RuleOutline(rules),
                  stored: Self.work(rules: rules, facts: facts, criteria: criteria, frameworks: frameworks))
    }

    /// A plan from its stored parts, which must fit the rules outlined (the cache checks every index).
    init(outline: RuleOutline, stored: Stored) {
        conditions = outline.conditions
        let ruleCount = outline.conditions.count
        var entries: [RuleEntry] = []
        entries.reserveCapacity(ruleCount)
        var assertions: [Assertion] = []
        assertions.reserveCapacity(stored.assertedFacts.values.count)
        let readerOffsets = stored.readers.offsets
        for index in 0..<ruleCount {
            let start = assertions.count
            for fact in stored.assertedFacts[index] {
                assertions.append(Assertion(fact: Int32(fact), readerStart: Int32(readerOffsets[fact]),
                                            readerEnd: Int32(readerOffsets[fact + 1])))
            }
            entries.append(RuleEntry(test: FlatCondition(conditions[index]), assertStart: Int32(start),
                                     assertEnd: Int32(assertions.count)))
        }
        self.entries = entries
        self.assertions = assertions
        ruleIDs = outline.ids
        let ruleStratum = stored.ruleStratum
        self.ruleStratum = ruleStratum
        // Rules by stratum, each in knowledge order (the strata are at most the rule count + 1).
        let levels = (ruleStratum.max() ?? 0) + 1
        let byLevel = FlatLists(count: levels, keys: ruleStratum, values: Array(0..<ruleCount))
        strata = (0..<levels).map { Array(byLevel[$0]) }.filter { !$0.isEmpty }
        readers = stored.readers
        asserters = stored.asserters
        assertedFacts = stored.assertedFacts
        questionsRead = stored.questionsRead
        factsRead = stored.factsRead
        weightActions = stored.weightActions
        ratingActions = stored.ratingActions
        var finalStratum = Array(repeating: -1, count: stored.asserters.count)
        for fact in finalStratum.indices {
            for rule in stored.asserters[fact] { finalStratum[fact] = max(finalStratum[fact], ruleStratum[rule]) }
        }
        self.finalStratum = finalStratum
        var finalOrder = finalStratum.indices.filter { finalStratum[$0] >= 0 }
        finalOrder.sort { finalStratum[$0] != finalStratum[$1] ? finalStratum[$0] < finalStratum[$1] : $0 < $1 }
        self.finalOrder = finalOrder
        ratingRules = outline.ratingRules
        otherActionRules = (0..<ruleCount).map { !outline.others[$0].isEmpty }
        otherActions = outline.others
        idOrder = stored.idOrder
        if let order = stored.idOrder {
            var rank = Array(repeating: 0, count: ruleCount)
            for (position, index) in order.enumerated() { rank[index] = position }
            idRank = rank
        } else {
            idRank = Array(0..<ruleCount)
        }
    }

    /// `rules` (distinct indices, such as the rules that fired) sorted by id, the order effects
    /// apply and reports list them in. A bit per id rank, read in order: linear in the rule count
    /// over 64 plus the rules given, where a comparison sort looked each rank up n log n times, a
    /// cache miss each on a hundred thousand rules.
    public func inIDOrder(_ rules: [Int]) -> [Int] {
        guard rules.count > 1 else { return rules }
        var words = [UInt64](repeating: 0, count: (idRank.count + 63) / 64)
        for rule in rules {
            let rank = idRank[rule]
            words[rank >> 6] |= 1 << UInt64(rank & 63)
        }
        var sorted: [Int] = []
        sorted.reserveCapacity(rules.count)
        for (slot, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                let rank = slot << 6 | bits.trailingZeroBitCount
                sorted.append(idOrder.map { $0[rank] } ?? rank)
                bits &= bits - 1
            }
        }
        return sorted
    }

    /// What a cache entry stores.
    var stored: Stored {
        Stored(ruleStratum: ruleStratum, readers: readers, asserters: asserters, assertedFacts: assertedFacts,
               questionsRead: questionsRead, factsRead: factsRead, weightActions: weightActions,
               ratingActions: ratingActions, idOrder: idOrder)
    }

    /// Reads every condition, interns every name and stratifies the rules.
    private static func work(rules: [Rule], facts: [String], criteria: [String], frameworks: [String]) -> Stored {
        var factIndex: [String: Int] = [:]
        for (index, name) in facts.enumerated() { factIndex[name] = index }
        let reads = rules.map(\.when.compiled.reads)
        let (ruleStratum, _) = Stratifier.compute(rules: rules, facts: facts, reads: reads)
        var criterionIndex: [String: Int] = [:]
        for (index, id) in criteria.enumerated() where criterionIndex[id] == nil { criterionIndex[id] = index }
        var frameworkIndex: [String: Int] = [:]
        for (index, id) in frameworks.enumerated() where frameworkIndex[id] == nil { frameworkIndex[id] = index }
        var readerKeys: [Int] = [], readerRules: [Int] = []
        var asserterKeys: [Int] = [], asserterRules: [Int] = []
        var assertedFacts = FlatLists<Int>(), questionsRead = FlatLists<Int>(), factsRead = FlatLists<Int>()
        var weightActions = FlatLists<WeightAction>(), ratingActions = FlatLists<RatingAction>()
        var weights: [WeightAction] = [], ratings: [RatingAction] = [], asserted: [Int] = []
        // By index: binding `rule` would copy the whole struct, retaining every string in it.
        for index in rules.indices {
            let read = reads[index].facts
            factsRead.append(read)
            questionsRead.append(reads[index].questions)
            for fact in read {
                readerKeys.append(fact)
                readerRules.append(index)
            }
            weights.removeAll(keepingCapacity: true)
            ratings.removeAll(keepingCapacity: true)
            asserted.removeAll(keepingCapacity: true)
            for action in rules[index].actions {
                switch action {
                case .weight(let criterion, let change):
                    if let c = criterionIndex[criterion] { weights.append(.init(criterion: c, change: change)) }
                case .rating(let framework, let criterion, let change):
                    // Changes naming an unknown framework or criterion are left out: validation reports them.
                    if let f = frameworkIndex[framework], let c = criterionIndex[criterion] {
                        ratings.append(.init(framework: f, criterion: c, change: change))
                    }
                case .fact(let name):
                    if let fact = factIndex[name] {
                        asserted.append(fact)
                        asserterKeys.append(fact)
                        asserterRules.append(index)
                    }
                case .exclude, .require, .want, .note: break
                }
            }
            weightActions.append(weights)
            ratingActions.append(ratings)
            assertedFacts.append(asserted)
        }
        var idOrder: [Int]?
        if !rules.indices.dropFirst().allSatisfy({ rules[$0 - 1].id < rules[$0].id }) {
            // Equal ids (only in knowledge built by hand; the loader rejects them) keep rule order.
            idOrder = rules.indices.sorted { rules[$0].id != rules[$1].id ? rules[$0].id < rules[$1].id : $0 < $1 }
        }
        return Stored(ruleStratum: ruleStratum,
                      readers: FlatLists(count: facts.count, keys: readerKeys, values: readerRules),
                      asserters: FlatLists(count: facts.count, keys: asserterKeys, values: asserterRules),
                      assertedFacts: assertedFacts, questionsRead: questionsRead, factsRead: factsRead,
                      weightActions: weightActions, ratingActions: ratingActions, idOrder: idOrder)
    }
}

/// A rule as the engine's inner loop reads it: its condition, and the range of its asserted facts
/// in `InferencePlan.assertions`. (Indices fit 32 bits: the loader admits at most 256 MB of
/// knowledge.)
struct RuleEntry: Sendable {
    var test: FlatCondition
    var assertStart: Int32
    var assertEnd: Int32
}

/// A fact a rule asserts, and the range of the rules that read it in `InferencePlan.readers.values`.
struct Assertion: Sendable {
    var fact: Int32
    var readerStart: Int32
    var readerEnd: Int32
}

/// A rule's condition as the engine's inner loop tests it: leaves in place, anything else by
/// reference to the compiled `Condition`.
struct FlatCondition: Sendable {
    enum Kind: UInt8, Sendable {
        case constant, fact, yes, choiceIn, includes, other
    }

    var kind: Kind
    /// The fact or question index, or the constant's raw value.
    var operand: Int32
    /// For `choiceIn`, the allowed options; for `includes`, the one option's bit.
    var mask: UInt64

    init(_ condition: Condition) {
        kind = .other
        operand = 0
        mask = 0
        switch condition {
        case .constant(let value):
            (kind, operand) = (.constant, Int32(value.rawValue))
        case .fact(let index) where index <= Int32.max:
            (kind, operand) = (.fact, Int32(index))
        case .yes(let question) where question <= Int32.max:
            (kind, operand) = (.yes, Int32(question))
        case .choiceIn(let question, let allowed) where question <= Int32.max:
            (kind, operand, mask) = (.choiceIn, Int32(question), allowed)
        case .includes(let question, let option) where question <= Int32.max && option < 64:
            (kind, operand, mask) = (.includes, Int32(question), 1 << UInt64(option))
        default:
            break
        }
    }
}
