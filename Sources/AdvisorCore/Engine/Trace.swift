/// What made a rule's condition true: an answer or a derived fact.
public enum Support: Hashable, Sendable {
    case answer(question: String, value: AnswerValue)
    case fact(String)
}

/// One rule firing, in the order inference fired them.
public struct Firing: Hashable, Sendable {
    public var rule: String
    public var ruleIndex: Int
    public var stratum: Int
    /// The answers and facts the condition read that held when it fired. A slice: a consultation's
    /// firings share one array.
    public var support: ArraySlice<Support>
}

/// Who changed a weight or a rating.
public enum ChangeOrigin: Hashable, Sendable {
    /// A rule of the knowledge base, by id.
    case rule(String)
    /// `--weight CRITERION=N` on the command line (or the same setting in the TUI).
    case override
    /// The knowledge's weight bounds, after every rule.
    case bound
}

/// One change to a criterion's weight, as before → after.
public struct WeightStep: Hashable, Sendable {
    /// What a step did: a rule's change, or an override's value. Kept as numbers so that the
    /// trace costs no text formatting until someone reads it.
    public enum Operation: Hashable, Sendable {
        case rule(WeightChange)
        case set(Double)
        /// Clipped at this factor of the base weight.
        case bound(Double)
    }

    public var origin: ChangeOrigin
    public var operation: Operation
    public var before: Double
    public var after: Double

    public init(origin: ChangeOrigin, operation: Operation, before: Double, after: Double) {
        self.origin = origin
        self.operation = operation
        self.before = before
        self.after = after
    }

    /// The change as written: `×2`, `+1`, `=3` for an override, or `clipped at 4× base`.
    public var change: String {
        if case .bound(let factor) = operation { return "clipped at \(Format.number(factor))× base" }
        return "\(signed.sign)\(Format.number(signed.magnitude))"
    }

    /// The change and who made it: `×2 by rule high-traffic`, `=3 by --weight`, `clipped at 4× base`.
    public var described: String {
        switch origin {
        case .rule(let rule): "\(change) by rule \(rule)"
        case .override: "\(change) by --weight"
        case .bound: change
        }
    }

    /// The change as its sign and the number after it.
    var signed: (sign: StaticString, magnitude: Double) {
        switch operation {
        case .rule(let change): change.signed
        case .set(let value): ("=", value)
        case .bound: ("=", after)
        }
    }
}

/// One change to a framework's rating on a criterion, as before → after.
public struct RatingStep: Hashable, Sendable {
    public var rule: String
    public var change: RatingChange
    public var before: Double
    public var after: Double
}

/// A criterion's weight from base to final, with every step between.
public struct CriterionWeight: Hashable, Sendable {
    public var criterion: String
    public var base: Double
    public var final: Double
    public var steps: [WeightStep]

    /// Ids of the rules that changed it, in application order, plus `--weight` for an override.
    public var changedBy: [String] {
        var seen: [String] = []
        var known: Set<String> = []
        for step in steps {
            let name = switch step.origin {
            case .rule(let id): id
            case .override: "--weight"
            case .bound: "weight bounds"
            }
            if known.insert(name).inserted { seen.append(name) }
        }
        return seen
    }
}

/// A framework's rating on a criterion, from base to final.
public struct FrameworkRating: Hashable, Sendable {
    public var criterion: String
    public var base: Double
    public var final: Double
    public var steps: [RatingStep]
    /// On a criterion scored by capabilities, what the framework earned for each wanted one
    /// (empty when none was wanted, and the base rating applies).
    public var capabilities: [CapabilityCredit] = []
}

/// What a framework earns for one wanted capability: 1 when it has it, 0.5 partly, 0 not at all.
public struct CapabilityCredit: Hashable, Sendable {
    public var capability: String
    public var credit: Double
}

/// Advice a rule adds to the result, such as running two frameworks side by side.
public struct AdviceNote: Hashable, Sendable {
    public var rule: String
    public var text: String
    public var source: String
}

/// A framework removed from the ranking, and why.
public struct Exclusion: Hashable, Sendable {
    public var framework: String
    public var rule: String
    public var reason: String
}

/// An answer the engine set aside because its question doesn't apply.
public struct IgnoredAnswer: Hashable, Sendable {
    public var question: String
    public var value: AnswerValue
    /// The `ask_if` condition that was false.
    public var condition: String
}
