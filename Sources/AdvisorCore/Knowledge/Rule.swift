/// A condition as written in the knowledge, with its compiled form.
public struct RuleCondition: Hashable, Sendable, Codable {
    /// The text as written, such as `project_type == "api"`.
    public var text: String
    public var compiled: Condition
    public var location: SourceLocation?

    public init(text: String, compiled: Condition, location: SourceLocation? = nil) {
        self.text = text
        self.compiled = compiled
        self.location = location
    }
}

/// How a rule changes a criterion's weight.
public enum WeightChange: Hashable, Sendable, Codable, CustomStringConvertible {
    case add(Double)
    case multiply(Double)

    public var description: String { "\(signed.sign)\(Format.number(signed.magnitude))" }

    /// The change as its sign and the number after it: `×` and 1.05 for `×1.05`.
    var signed: (sign: StaticString, magnitude: Double) {
        switch self {
        case .add(let value): value < 0 ? ("-", -value) : ("+", value)
        case .multiply(let value): ("×", value)
        }
    }
}

/// How a rule changes one framework's rating on one criterion.
public enum RatingChange: Hashable, Sendable, Codable, CustomStringConvertible {
    case set(Double)
    case add(Double)

    public var description: String { "\(signed.sign)\(Format.number(signed.magnitude))" }

    /// The change as its sign and the number after it: `=` and 3 for `=3`.
    var signed: (sign: StaticString, magnitude: Double) {
        switch self {
        case .set(let value): ("=", value)
        case .add(let value): value < 0 ? ("-", -value) : ("+", value)
        }
    }
}

/// One thing a rule does when it fires.
public enum Action: Hashable, Sendable, Codable {
    case weight(criterion: String, change: WeightChange)
    case rating(framework: String, criterion: String, change: RatingChange)
    case fact(String)
    case require(capability: String)
    case exclude(framework: String, reason: String)
    /// Asks for a capability: criteria scored by capabilities give points to frameworks that have it.
    case want(capability: String)
    /// Adds advice to the result, such as running two frameworks side by side. Never scored.
    case note(String)
}

/// A rule: when its condition holds, it changes weights and ratings, asserts facts, or knocks frameworks out.
public struct Rule: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var when: RuleCondition
    public var actions: [Action]
    public var because: String
    public var source: String
    /// Rules whose weight changes this rule may compound on purpose, for the `double-count` lint.
    public var stacksWith: [String]
    public var location: SourceLocation?

    public init(id: String, when: RuleCondition, actions: [Action], because: String, source: String,
                stacksWith: [String] = [], location: SourceLocation? = nil) {
        self.id = id
        self.when = when
        self.actions = actions
        self.because = because
        self.source = source
        self.stacksWith = stacksWith
        self.location = location
    }
}
