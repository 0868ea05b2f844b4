import AdvisorCore

/// The synthetic workload of the performance issue, generated deterministically from a seed.
///
/// There are `questions` questions (30 by default), each answered with a value in 0..4. Rule i is
/// one of: answer q == v → multiply criterion c's weight by k (k ∈ {0.9, 0.95, 1.05, 1.1});
/// derived fact d → multiply criterion c's weight by k; answer q == v → assert derived d;
/// derived d1 → assert derived d2 (chains); derived d → exclude option o (about 1 rule in 200).
/// Each weight is its base times the product of its factors; each score is Σ weight × rating
/// over the options that aren't excluded (normalised as the advisor does: 100 × Σ w·r / (Σ w · 5)).
public struct SyntheticWorkload: Sendable {
    public struct Parameters: Sendable, Hashable, CustomStringConvertible {
        public var rules: Int
        public var options: Int
        public var criteria: Int
        public var questions: Int
        public var seed: UInt64

        public init(rules: Int, options: Int, criteria: Int, questions: Int = 30, seed: UInt64 = 1) {
            self.rules = max(1, rules)
            self.options = max(2, options)
            self.criteria = max(1, criteria)
            self.questions = max(1, questions)
            self.seed = seed
        }

        /// Derived facts available to rules: a quarter of the rules, at least 4.
        public var derivedFacts: Int { max(4, rules / 4) }

        public var description: String { "R=\(rules) N=\(options) M=\(criteria)" }
    }

    /// What a rule reads.
    public enum Trigger: Sendable, Hashable {
        /// Question `question` (0-based) answered `value` (0...4).
        case answer(question: Int, value: Int)
        /// Derived fact `fact` (0-based) holds.
        case derived(Int)
    }

    /// What a rule does.
    public enum Effect: Sendable, Hashable {
        case multiply(criterion: Int, factor: Double)
        case assert(Int)
        case exclude(option: Int)
    }

    public struct Rule: Sendable, Hashable {
        public var trigger: Trigger
        public var effect: Effect
    }

    public static let factors: [Double] = [0.9, 0.95, 1.05, 1.1]
    public static let values = 5

    public let parameters: Parameters
    /// Base weight of each criterion (1...5).
    public let baseWeights: [Double]
    /// `ratings[o][c]` in 0...5.
    public let ratings: [[Int]]
    /// The answer (0...4) to each question.
    public let answers: [Int]
    public let rules: [Rule]

    public init(_ parameters: Parameters) {
        self.parameters = parameters
        var random = SplitMix64(seed: parameters.seed)
        baseWeights = (0..<parameters.criteria).map { _ in Double(1 + random.below(5)) }
        ratings = (0..<parameters.options).map { _ in (0..<parameters.criteria).map { _ in random.below(6) } }
        answers = (0..<parameters.questions).map { _ in random.below(Self.values) }

        // Pass 1: the kind of each rule. 1 in 200 excludes; of the rest, 40% answer → weight,
        // 20% derived → weight, 25% answer → assert, 15% derived → assert.
        enum Kind { case answerWeight, derivedWeight, answerAssert, chain, exclude }
        let kinds: [Kind] = (0..<parameters.rules).map { _ in
            if random.below(200) == 0 { return .exclude }
            let roll = random.below(100)
            return roll < 40 ? .answerWeight : roll < 60 ? .derivedWeight : roll < 85 ? .answerAssert : .chain
        }
        // Pass 2: the facts asserted. A rule may read only a fact some rule asserts (the advisor
        // rejects an unknown identifier), so reads are drawn from the asserted ones.
        let facts = parameters.derivedFacts
        var targets = Array(repeating: -1, count: kinds.count)
        var asserted: [Int] = []
        var isAsserted = Array(repeating: false, count: facts)
        for (index, kind) in kinds.enumerated() where kind == .answerAssert || kind == .chain {
            let fact = random.below(facts)
            targets[index] = fact
            if !isAsserted[fact] { isAsserted[fact] = true; asserted.append(fact) }
        }
        // Pass 3: everything else.
        var rules: [Rule] = []
        rules.reserveCapacity(kinds.count)
        func answer() -> Trigger { .answer(question: random.below(parameters.questions), value: random.below(Self.values)) }
        func multiply() -> Effect {
            .multiply(criterion: random.below(parameters.criteria), factor: Self.factors[random.below(Self.factors.count)])
        }
        for (index, kind) in kinds.enumerated() {
            let read: Trigger = asserted.isEmpty ? answer() : .derived(asserted[random.below(asserted.count)])
            switch kind {
            case .answerWeight: rules.append(Rule(trigger: answer(), effect: multiply()))
            case .derivedWeight: rules.append(Rule(trigger: read, effect: multiply()))
            case .answerAssert: rules.append(Rule(trigger: answer(), effect: .assert(targets[index])))
            case .chain:
                let trigger = asserted.isEmpty ? answer() : read
                rules.append(Rule(trigger: trigger, effect: .assert(targets[index])))
            case .exclude: rules.append(Rule(trigger: read, effect: .exclude(option: random.below(parameters.options))))
            }
        }
        self.rules = rules
    }

    // MARK: - Names

    public func questionName(_ q: Int) -> String { "q" + Format.zeroPadded(q + 1, width: 2) }
    public func valueName(_ v: Int) -> String { "v\(v)" }
    public func criterionName(_ c: Int) -> String { "c" + Format.zeroPadded(c + 1, width: 2) }
    public func optionName(_ o: Int) -> String { "o" + Format.zeroPadded(o + 1, width: 3) }
    public func factName(_ d: Int) -> String { "d" + Format.zeroPadded(d + 1, width: 6) }
    public func ruleName(_ r: Int) -> String { "r" + Format.zeroPadded(r + 1, width: 7) }

    /// `0.95`, `1.1`: the factor as written in both formats.
    static func literal(_ factor: Double) -> String {
        switch factor {
        case 0.9: "0.9"
        case 0.95: "0.95"
        case 1.05: "1.05"
        default: "1.1"
        }
    }
}
