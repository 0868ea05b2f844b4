/// A type-checked condition compiled to integer indices: what the engine evaluates.
///
/// Every comparison of a choice or scale question becomes a set of allowed option indices
/// (`choiceIn`), so `traffic >= "high"` and `project_type in ["api", "ai_service"]` cost the
/// same: one mask test.
public indirect enum Condition: Hashable, Sendable, Codable {
    case constant(Tri)
    /// A derived fact, by index.
    case fact(Int)
    /// A yes/no question, by index: true when answered yes.
    case yes(question: Int)
    /// A choice or scale question whose answer is one of the options in `mask` (bit i = option i).
    case choiceIn(question: Int, mask: UInt64)
    /// A multi-choice question whose answer includes option `option`.
    case includes(question: Int, option: Int)
    case not(Condition)
    case all([Condition])
    case any([Condition])
}

// MARK: - Evaluation

/// What a condition can read: the answers, by question index, and the derived facts.
public protocol ConditionContext {
    func choice(_ question: Int) -> Int?
    func options(_ question: Int) -> UInt64?
    func yes(_ question: Int) -> Bool?
    func fact(_ fact: Int) -> Tri
}

extension Condition {
    /// Evaluates in Kleene logic; an unanswered question is unknown.
    public func evaluate(in context: some ConditionContext) -> Tri {
        switch self {
        case .constant(let value):
            return value
        case .fact(let index):
            return context.fact(index)
        case .yes(let question):
            return context.yes(question).map(Tri.init) ?? .unknown
        case .choiceIn(let question, let mask):
            guard let option = context.choice(question) else { return .unknown }
            return Tri(mask & (1 << UInt64(option)) != 0)
        case .includes(let question, let option):
            guard let options = context.options(question) else { return .unknown }
            return Tri(options & (1 << UInt64(option)) != 0)
        case .not(let inner):
            return !inner.evaluate(in: context)
        case .all(let parts):
            var result = Tri.true
            for part in parts {
                result = result && part.evaluate(in: context)
                if result == .false { return .false }
            }
            return result
        case .any(let parts):
            var result = Tri.false
            for part in parts {
                result = result || part.evaluate(in: context)
                if result == .true { return .true }
            }
            return result
        }
    }
}

// MARK: - What a condition reads

extension Condition {
    /// The question indices this condition reads.
    public var questionsRead: Set<Int> {
        var result = Set<Int>()
        visit { condition, _ in
            switch condition {
            case .yes(let q), .choiceIn(let q, _), .includes(let q, _): result.insert(q)
            default: break
            }
        }
        return result
    }

    /// The facts this condition reads, each with whether it is read positively (under an even
    /// number of `not`s) and/or negatively. Negative reads decide the strata of inference.
    public var factsRead: [Int: FactPolarity] {
        var result: [Int: FactPolarity] = [:]
        visit { condition, negated in
            if case .fact(let index) = condition {
                result[index, default: []].insert(negated ? .negative : .positive)
            }
        }
        return result
    }

    /// The questions and facts this condition reads, found in one walk without hashing (the
    /// inference plan asks this of every rule, and a large overlay has a hundred thousand).
    public var reads: ConditionReads {
        var result = ConditionReads()
        visit { condition, negated in
            switch condition {
            case .yes(let q), .choiceIn(let q, _), .includes(let q, _): result.questions.append(q)
            case .fact(let index):
                result.facts.append(index)
                result.polarities.append(negated ? .negative : .positive)
            default: break
            }
        }
        result.normalize()
        return result
    }

    private func visit(negated: Bool = false, _ body: (Condition, Bool) -> Void) {
        body(self, negated)
        switch self {
        case .not(let inner): inner.visit(negated: !negated, body)
        case .all(let parts), .any(let parts): for part in parts { part.visit(negated: negated, body) }
        default: break
        }
    }
}

/// What a condition reads: question indices ascending, without repeats, and fact indices
/// ascending, each with every way it is read (`polarities[i]` belongs to `facts[i]`).
public struct ConditionReads: Hashable, Sendable {
    public var questions: [Int] = []
    public var facts: [Int] = []
    public var polarities: [FactPolarity] = []

    /// Sorts, and merges repeats (a fact read both ways gets both polarities).
    mutating func normalize() {
        if questions.count > 1 {
            questions.sort()
            var kept = 0
            for index in questions.indices where kept == 0 || questions[index] != questions[kept - 1] {
                questions[kept] = questions[index]
                kept += 1
            }
            questions.removeLast(questions.count - kept)
        }
        if facts.count > 1 {
            let order = facts.indices.sorted { facts[$0] < facts[$1] }
            var mergedFacts: [Int] = [], mergedPolarities: [FactPolarity] = []
            for index in order {
                if let last = mergedFacts.last, last == facts[index] {
                    mergedPolarities[mergedPolarities.count - 1].formUnion(polarities[index])
                } else {
                    mergedFacts.append(facts[index])
                    mergedPolarities.append(polarities[index])
                }
            }
            facts = mergedFacts
            polarities = mergedPolarities
        }
    }
}

/// How a condition reads a fact.
public struct FactPolarity: OptionSet, Hashable, Sendable, Codable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let positive = FactPolarity(rawValue: 1)
    public static let negative = FactPolarity(rawValue: 2)
}
