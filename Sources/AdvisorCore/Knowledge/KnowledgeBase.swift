/// A loaded, validated knowledge base: criteria, frameworks, questions, rules and sources.
///
/// Built only by the loader (or decoded from the embedded, pre-validated copy), so every
/// reference in it resolves. Lookups by id go through the indices built in `init`; the lists
/// they index are read-only outside, and change only through `replace(criteria:)`,
/// `replace(frameworks:)` and `replace(sources:)`, which keep the indices right.
public struct KnowledgeBase: Sendable {
    public var info: KnowledgeInfo
    public private(set) var sources: [SourceReference]
    public private(set) var criteria: [Criterion]
    public private(set) var capabilities: [Capability]
    public private(set) var questions: [Question]
    /// Derived facts, in index order: `Condition.fact(i)` reads `facts[i]`.
    public private(set) var facts: [String]
    /// SHA-256 over the knowledge files, hex.
    public var digest: String
    /// The knowledge directories this base was loaded from, in order.
    public var origins: [String]
    /// The layers, base first, when the knowledge was loaded with overlays (empty for one directory
    /// or the built-in knowledge alone).
    public var layers: [KnowledgeLayer] = []
    /// The ratings and base weights that overlays set by id, in the order they were applied.
    public var overrides: [KnowledgeOverride] = []

    /// The frameworks, in knowledge order. From a cache entry they are decoded when first asked
    /// for; the engine reads `frameworkIDs`, `frameworkNames` and `baseRatings` instead.
    public var frameworks: [Framework] { frameworkList.values }
    /// The rules, in knowledge order. From a cache entry they are decoded when first asked for;
    /// `rule(at:)` decodes one, and the engine reads the plan instead.
    public var rules: [Rule] { ruleList.values }
    /// A rule's `because` and `source` without decoding the rule (from a cache entry), or nil.
    private var ruleTexts: (@Sendable (Int) -> (because: String, source: String))?
    private var frameworkList: DeferredList<Framework>
    private var ruleList: DeferredList<Rule>
    /// Each framework's id and name, by framework index.
    public private(set) var frameworkIDs: [String] = []
    public private(set) var frameworkNames: [String] = []
    /// Each framework's capability ids, for knock-outs by a required capability (whole ones only).
    private(set) var frameworkCapabilities: [[String]] = []
    /// Each framework's partial capabilities, which earn half the points when a team wants them.
    private(set) var frameworkPartialCapabilities: [[String]] = []

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
        self.frameworkList = DeferredList(frameworks)
        self.questions = questions
        self.ruleList = DeferredList(rules)
        self.facts = facts
        self.digest = digest
        self.origins = origins
        let plan = stored.map { InferencePlan(outline: InferencePlan.RuleOutline(rules), stored: $0) }
            ?? InferencePlan(rules: rules, facts: facts, criteria: criteria.map(\.id), frameworks: frameworks.map(\.id))
        buildIndices(plan: plan, frameworks: FrameworkHeaders(frameworks, criteria: criteria))
    }

    /// From a cache entry: the frameworks and rules built when asked for (`framework(i)` and
    /// `rule(i)` build element `i` and must not fail: the entry was checked whole), with what the
    /// engine needs of them already taken out (`frameworks`, the headers, and `outline`).
    init(info: KnowledgeInfo, sources: [SourceReference], criteria: [Criterion], capabilities: [Capability],
         questions: [Question], facts: [String], digest: String, origins: [String],
         frameworks: FrameworkHeaders, framework: @escaping @Sendable (Int) -> Framework,
         rules outline: InferencePlan.RuleOutline, rule: @escaping @Sendable (Int) -> Rule,
         ruleTexts: @escaping @Sendable (Int) -> (because: String, source: String), plan stored: InferencePlan.Stored) {
        self.ruleTexts = ruleTexts
        self.info = info
        self.sources = sources
        self.criteria = criteria
        self.capabilities = capabilities
        self.frameworkList = DeferredList(count: frameworks.ids.count, one: framework)
        self.questions = questions
        self.ruleList = DeferredList(count: outline.ids.count, one: rule)
        self.facts = facts
        self.digest = digest
        self.origins = origins
        buildIndices(plan: InferencePlan(outline: outline, stored: stored), frameworks: frameworks)
    }

    /// What the engine reads of the frameworks, apart from the whole `Framework` values.
    struct FrameworkHeaders {
        var ids: [String] = []
        var names: [String] = []
        var capabilities: [[String]] = []
        var partialCapabilities: [[String]] = []
        /// Scores by framework index, then criterion index (0 where a framework has no rating).
        var scores: [[Double]] = []

        init() {}

        init(_ frameworks: [Framework], criteria: [Criterion]) {
            for framework in frameworks { append(framework, criteria: criteria) }
        }

        mutating func append(_ framework: Framework, criteria: [Criterion]) {
            append(id: framework.id, name: framework.name,
                   capabilities: framework.capabilities.filter { !$0.partial }.map(\.id),
                   partialCapabilities: framework.capabilities.filter(\.partial).map(\.id),
                   scores: criteria.map { framework.ratings[$0.id]?.score ?? 0 })
        }

        mutating func append(id: String, name: String, capabilities: [String], partialCapabilities: [String],
                             scores: [Double]) {
            ids.append(id)
            names.append(name)
            self.capabilities.append(capabilities)
            self.partialCapabilities.append(partialCapabilities)
            self.scores.append(scores)
        }
    }

    private mutating func buildIndices(plan: InferencePlan, frameworks: FrameworkHeaders) {
        criterionIndex = Self.index(criteria.map(\.id))
        frameworkIndex = Self.index(frameworks.ids)
        questionIndex = Self.index(questions.map(\.id))
        sourceIndex = Self.index(sources.map(\.id))
        self.plan = plan
        rulesById = plan.idOrder
        factsBySearch = Self.sortedOrder(facts)
        setFrameworkHeaders(frameworks)
    }

    private mutating func setFrameworkHeaders(_ headers: FrameworkHeaders) {
        frameworkIDs = headers.ids
        frameworkNames = headers.names
        frameworkCapabilities = headers.capabilities
        frameworkPartialCapabilities = headers.partialCapabilities
        baseRatings = headers.scores.map { row in
            zip(criteria, row).map { FrameworkRating(criterion: $0.id, base: $1, final: $1, steps: []) }
        }
        baseRatingValues = headers.scores
    }

    // MARK: - Changing the lists

    /// The same knowledge with `criteria` instead. With the same ids in the same order (new weights
    /// or texts) the indices stay as they are; otherwise everything indexed by criterion is rebuilt.
    public mutating func replace(criteria newCriteria: [Criterion]) {
        if newCriteria.map(\.id) == criteria.map(\.id) {
            criteria = newCriteria
        } else {
            self = rebuilt(criteria: newCriteria)
        }
    }

    /// The same knowledge with `frameworks` instead, the framework index, ratings and plan rebuilt.
    public mutating func replace(frameworks newFrameworks: [Framework]) {
        self = rebuilt(frameworks: newFrameworks)
    }

    /// The same knowledge with `sources` instead, the source index rebuilt.
    public mutating func replace(sources newSources: [SourceReference]) {
        sources = newSources
        sourceIndex = Self.index(newSources.map(\.id))
    }

    /// A knowledge base built through `init` from these lists (the others as they are), with the
    /// layers and overrides kept.
    private func rebuilt(criteria: [Criterion]? = nil, frameworks: [Framework]? = nil) -> KnowledgeBase {
        var result = KnowledgeBase(info: info, sources: sources, criteria: criteria ?? self.criteria,
                                   capabilities: capabilities, frameworks: frameworks ?? self.frameworks,
                                   questions: questions, rules: rules, facts: facts, digest: digest, origins: origins)
        result.layers = layers
        result.overrides = overrides
        return result
    }

    /// How many rules there are, without building them.
    public var ruleCount: Int { ruleList.count }

    /// Rule `index`, decoded alone when the rules come from a cache entry and haven't all been asked for.
    public func rule(at index: Int) -> Rule { ruleList[index] }

    /// Rule `index`'s `because` and `source`, which reports list for every fired rule.
    public func ruleTexts(at index: Int) -> (because: String, source: String) {
        if let ruleTexts { return ruleTexts(index) }
        let rule = ruleList[index]
        return (rule.because, rule.source)
    }

    /// Framework `index`, the same way.
    public func framework(at index: Int) -> Framework { frameworkList[index] }

    /// Whether the whole rule and framework lists have been built (tests check that a warm
    /// `recommend` builds neither).
    var rulesAndFrameworksBuilt: (rules: Bool, frameworks: Bool) { (ruleList.isWhole, frameworkList.isWhole) }

    /// Whether framework `index` has the whole capability.
    func framework(_ index: Int, has capability: String) -> Bool {
        frameworkCapabilities[index].contains(capability)
    }

    /// What framework `index` earns for a wanted capability: 1 whole, 0.5 partial, 0 without it.
    func framework(_ index: Int, credit capability: String) -> Double {
        if frameworkCapabilities[index].contains(capability) { return 1 }
        return frameworkPartialCapabilities[index].contains(capability) ? 0.5 : 0
    }

    /// The capability named `id`.
    public func capability(_ id: String) -> Capability? { capabilities.first { $0.id == id } }

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
        Self.search(id, in: { plan.ruleIDs[$0] }, count: plan.ruleIDs.count, order: rulesById)
    }

    // MARK: - Lookups

    public func criterion(_ id: String) -> Criterion? { criterionIndex[id].map { criteria[$0] } }
    public func framework(_ id: String) -> Framework? { frameworkIndex[id].map { frameworkList[$0] } }
    public func question(_ id: String) -> Question? { questionIndex[id].map { questions[$0] } }
    public func source(_ id: String) -> SourceReference? { sourceIndex[id].map { sources[$0] } }
    public func rule(_ id: String) -> Rule? { ruleIndex(id).map { ruleList[$0] } }
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
