import Foundation

/// What an engine concluded from the workload: final weights by criterion index, normalised
/// scores of the options left, and the options excluded.
public struct SyntheticOutcome: Sendable, Equatable {
    public var weights: [Double]
    public var scores: [String: Double]
    public var excluded: Set<String>

    public init(weights: [Double], scores: [String: Double], excluded: Set<String>) {
        self.weights = weights
        self.scores = scores
        self.excluded = excluded
    }

    /// Differences beyond the tolerance, one line each (empty when they agree). Scores and
    /// weights may differ by rounding (the advisor's JSON keeps 4 decimals) and by the order
    /// factors were multiplied in.
    public func differences(from other: SyntheticOutcome, mine: String, theirs: String,
                            tolerance: Double = 2e-4) -> [String] {
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= tolerance + 1e-9 * max(abs(a), abs(b)) }
        var result: [String] = []
        if weights.count != other.weights.count {
            result.append("\(mine) has \(weights.count) weights, \(theirs) \(other.weights.count)")
        } else {
            for (index, (a, b)) in zip(weights, other.weights).enumerated() where !close(a, b) {
                result.append("weight of criterion \(index + 1): \(mine) \(a), \(theirs) \(b)")
            }
        }
        for option in excluded.symmetricDifference(other.excluded).sorted() {
            result.append("\(option) is excluded by \(excluded.contains(option) ? mine : theirs) only")
        }
        for option in Set(scores.keys).union(other.scores.keys).sorted() {
            switch (scores[option], other.scores[option]) {
            case (let a?, let b?) where !close(a, b):
                result.append("score of \(option): \(mine) \(a), \(theirs) \(b)")
            case (nil, _?): result.append("\(theirs) scores \(option), \(mine) doesn't")
            case (_?, nil): result.append("\(mine) scores \(option), \(theirs) doesn't")
            default: break
            }
        }
        return result
    }

    // MARK: - Reading engines' output

    /// Parses the CLIPS driver's output: `weight I W`, `score O S`, `excluded O` lines.
    public static func parseCLIPS(_ text: String, criteria: Int) -> SyntheticOutcome? {
        var weights = Array(repeating: Double.nan, count: criteria)
        var scores: [String: Double] = [:]
        var excluded: Set<String> = []
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            switch (parts.first, parts.count) {
            case ("weight", 3):
                guard let index = Int(parts[1]), (1...criteria).contains(index), let value = Double(parts[2])
                else { return nil }
                weights[index - 1] = value
            case ("score", 3):
                guard let value = Double(parts[2]) else { return nil }
                scores[String(parts[1])] = value
            case ("excluded", 2):
                excluded.insert(String(parts[1]))
            default:
                continue
            }
        }
        guard !weights.contains(where: \.isNaN) else { return nil }
        return SyntheticOutcome(weights: weights, scores: scores, excluded: excluded)
    }

    /// Parses `advisor recommend --format json`: `weights[].weight`, `ranking[].score`, `excluded[]`.
    public static func parseAdvisorJSON(_ data: Data) -> SyntheticOutcome? {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let weightList = root["weights"] as? [[String: Any]],
              let ranking = root["ranking"] as? [[String: Any]],
              let excludedList = root["excluded"] as? [[String: Any]] else { return nil }
        var weights: [Double] = []
        for entry in weightList {
            guard let value = (entry["weight"] as? NSNumber)?.doubleValue else { return nil }
            weights.append(value)
        }
        var scores: [String: Double] = [:]
        for entry in ranking {
            guard let option = entry["framework"] as? String, let value = (entry["score"] as? NSNumber)?.doubleValue
            else { return nil }
            scores[option] = value
        }
        let excluded = Set(excludedList.compactMap { $0["framework"] as? String })
        return SyntheticOutcome(weights: weights, scores: scores, excluded: excluded)
    }
}

extension SyntheticWorkload {
    /// The plain hand-written loop over the same data: the floor an engine can approach, and a
    /// third opinion in the cross-check.
    public func reference() -> SyntheticOutcome {
        var facts = Array(repeating: false, count: parameters.derivedFacts)
        var readers = Array(repeating: [Int](), count: parameters.derivedFacts)
        var fired = Array(repeating: false, count: rules.count)
        var agenda: [Int] = []
        for (index, rule) in rules.enumerated() {
            switch rule.trigger {
            case .answer(let q, let v): if answers[q] == v { agenda.append(index) }
            case .derived(let d): readers[d].append(index)
            }
        }
        while let index = agenda.popLast() {
            guard !fired[index] else { continue }
            fired[index] = true
            if case .assert(let d) = rules[index].effect, !facts[d] {
                facts[d] = true
                agenda += readers[d]
            }
        }
        var weights = baseWeights
        var excluded: Set<Int> = []
        for (index, rule) in rules.enumerated() where fired[index] {
            switch rule.effect {
            case .multiply(let c, let k): weights[c] *= k
            case .exclude(let o): excluded.insert(o)
            case .assert: break
            }
        }
        let total = weights.reduce(0, +)
        var scores: [String: Double] = [:]
        for (o, row) in ratings.enumerated() where !excluded.contains(o) {
            var sum = 0.0
            for (c, rating) in row.enumerated() { sum += weights[c] * Double(rating) }
            scores[optionName(o)] = 100 * sum / (5 * total)
        }
        return SyntheticOutcome(weights: weights, scores: scores, excluded: Set(excluded.map(optionName)))
    }
}
