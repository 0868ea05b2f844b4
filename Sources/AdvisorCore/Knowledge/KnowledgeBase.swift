/// A loaded, validated knowledge base: criteria, frameworks, questions, rules and sources.
///
/// Built only by the loader (or decoded from the embedded, pre-validated copy), so every
/// reference in it resolves. Lookups by id go through the indices built in `init`.
public struct KnowledgeBase: Sendable {
    public var info: KnowledgeInfo
    public var sources: [SourceReference]
    public var criteria: [Criterion]
    public var capabilities: [Capability]
    public var frameworks: [Framework]
    public var questions: [Question]
    public var rules: [Rule]
    /// Derived facts, in index order: `Condition.fact(i)` reads `facts[i]`.
    public var facts: [String]
    /// SHA-256 over the knowledge files, hex.
    public var digest: String
    /// The knowledge directories this base was loaded from, in order.
    public var origins: [String]
    /// The layers, base first, when the knowledge was loaded with overlays (empty for one directory
    /// or the built-in knowledge alone).
    public var layers: [KnowledgeLayer] = []
    /// The ratings and base weights that overlays set by id, in the order they were applied.
    public var overrides: [KnowledgeOverride] = []

    public private(set) var criterionIndex: [String: Int] = [:]
    public private(set) var frameworkIndex: [String: Int] = [:]
    public private(set) var questionIndex: [String: Int] = [:]
    public private(set) var sourceIndex: [String: Int] = [:]
    /// Rules and facts are found by binary search over their ids in sorted order, not through a
    /// dictionary: on 100,000 rules, hashing every id at each start cost more than the lookups
    /// it saved. `rulesById` is nil when `rules` is already in id order (the usual case).
    private var rulesById: [Int]?
    /// Whether `facts` is in sorted order (the loader sorts it); if not, `factsBySearch` holds
    /// the fact indices in sorted order.
    private var factsBySearch: [Int]?
    /// The rules arranged for inference.
    public private(set) var plan = InferencePlan(rules: [], facts: [])
    /// Each framework's ratings before any rule, by framework index then criterion index.
    public private(set) var baseRatings: [[FrameworkRating]] = []
    /// The same as numbers.
    public private(set) var baseRatingValues: [[Double]] = []

    public init(info: KnowledgeInfo, sources: [SourceReference], criteria: [Criterion], capabilities: [Capability],
                frameworks: [Framework], questions: [Question], rules: [Rule], facts: [String], digest: String,
                origins: [String]) {
        self.init(info: info, sources: sources, criteria: criteria, capabilities: capabilities, frameworks: frameworks,
                  questions: questions, rules: rules, facts: facts, digest: digest, origins: origins, plan: nil)
    }

    /// The same, with the inference plan's stored parts when the cache has them (`plan` must fit
    /// the rules and facts; the cache checks every index).
    init(info: KnowledgeInfo, sources: [SourceReference], criteria: [Criterion], capabilities: [Capability],
         frameworks: [Framework], questions: [Question], rules: [Rule], facts: [String], digest: String,
         origins: [String], plan stored: InferencePlan.Stored?) {
        self.info = info
        self.sources = sources
        self.criteria = criteria
        self.capabilities = capabilities
        self.frameworks = frameworks
        self.questions = questions
        self.rules = rules
        self.facts = facts
        self.digest = digest
        self.origins = origins
        buildIndices(stored)
    }

    private mutating func buildIndices(_ stored: InferencePlan.Stored?) {
        criterionIndex = Self.index(criteria.map(\.id))
        frameworkIndex = Self.index(frameworks.map(\.id))
        questionIndex = Self.index(questions.map(\.id))
        sourceIndex = Self.index(sources.map(\.id))
        if let stored {
            plan = InferencePlan(rules: rules, stored: stored)
        } else {
            plan = InferencePlan(rules: rules, facts: facts, criteria: criteria.map(\.id),
                                 frameworks: frameworks.map(\.id))
        }
        rulesById = plan.idOrder
        factsBySearch = Self.sortedOrder(facts)
        baseRatings = frameworks.map { framework in
            criteria.map { criterion in
                let base = framework.ratings[criterion.id]?.score ?? 0
                return FrameworkRating(criterion: criterion.id, base: base, final: base, steps: [])
            }
        }
        baseRatingValues = baseRatings.map { $0.map(\.final) }
    }

    private static func index(_ ids: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        result.reserveCapacity(ids.count)
        for (offset, id) in ids.enumerated() where result[id] == nil {
            result[id] = offset
        }
        return result
    }

    /// nil if `ids` is sorted (strictly ascending); otherwise the indices in sorted order, the
    /// first of equal ids first.
    static func sortedOrder(_ ids: [String]) -> [Int]? {
        if ids.indices.dropFirst().allSatisfy({ ids[$0 - 1] < ids[$0] }) { return nil }
        return ids.indices.sorted { ids[$0] != ids[$1] ? ids[$0] < ids[$1] : $0 < $1 }
    }

    /// The index of the first of `ids` equal to `id`, searching in `order` (nil: `ids` is sorted).
    static func search(_ id: String, in ids: (Int) -> String, count: Int, order: [Int]?) -> Int? {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if ids(order?[middle] ?? middle) < id { low = middle + 1 } else { high = middle }
        }
        guard low < count else { return nil }
        let index = order?[low] ?? low
        return ids(index) == id ? index : nil
    }

    /// The index of the fact named `name`.
    public func factIndex(_ name: String) -> Int? {
        Self.search(name, in: { facts[$0] }, count: facts.count, order: factsBySearch)
    }

    /// The index of the rule with this id.
    public func ruleIndex(_ id: String) -> Int? {
        Self.search(id, in: { rules[$0].id }, count: rules.count, order: rulesById)
    }

    // MARK: - Lookups

    public func criterion(_ id: String) -> Criterion? { criterionIndex[id].map { criteria[$0] } }
    public func framework(_ id: String) -> Framework? { frameworkIndex[id].map { frameworks[$0] } }
    public func question(_ id: String) -> Question? { questionIndex[id].map { questions[$0] } }
    public func source(_ id: String) -> SourceReference? { sourceIndex[id].map { sources[$0] } }
    public func rule(_ id: String) -> Rule? { ruleIndex(id).map { rules[$0] } }
}

// MARK: - Vocabulary for conditions

/// The identifiers conditions may use: questions and derived facts.
public struct KnowledgeVocabulary: ExpressionVocabulary {
    public var questions: [Question]
    public var facts: [String: Int]
    private var questionIndex: [String: Int]

    public init(questions: [Question], facts: [String: Int]) {
        self.questions = questions
        self.facts = facts
        var index: [String: Int] = [:]
        for (offset, question) in questions.enumerated() where index[question.id] == nil {
            index[question.id] = offset
        }
        questionIndex = index
    }

    public func kind(of identifier: String) -> IdentifierKind? {
        if let index = questionIndex[identifier] {
            let question = questions[index]
            switch question.kind {
            case .choice: return .choice(index: index, values: question.values, ordered: false)
            case .scale: return .choice(index: index, values: question.values, ordered: true)
            case .multi: return .multi(index: index, values: question.values)
            case .yesno: return .yesNo(index: index)
            }
        }
        return facts[identifier].map { .fact(index: $0) }
    }

    public var identifiers: [String] {
        questions.map(\.id) + facts.keys.sorted()
    }
}
