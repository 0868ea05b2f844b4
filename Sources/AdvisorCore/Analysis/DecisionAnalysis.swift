import Dispatch

/// How sure the advice is and what would change it: robustness, weight stability and
/// counterfactuals, computed together from one consultation.
public struct DecisionAnalysis: Sendable {
    /// Settings for the analyses.
    public struct Settings: Hashable, Sendable {
        public var samples: Int
        public var seed: UInt64
        public var sampling: Robustness.Sampling

        public init(samples: Int = 10_000, seed: UInt64 = 1, sampling: Robustness.Sampling = .around) {
            self.samples = samples
            self.seed = seed
            self.sampling = sampling
        }
    }

    public var robustness: Robustness
    /// Every criterion's interval, in knowledge order.
    public var stability: [StabilityInterval]
    public var counterfactuals: [Counterfactual]

    /// The three analyses. Robustness (one sequential random stream) runs on a thread of its own
    /// while the counterfactuals spread over every core from this one; each result is what it
    /// would be alone. (Run as two iterations of one `concurrentPerform`, the counterfactuals'
    /// own parallel loop was nested and got little of the second core.)
    public static func run(_ c: Consultation, settings: Settings = Settings()) -> DecisionAnalysis {
        let robustness = Pending<Robustness>()
        let group = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: group) {
            robustness.value = Robustness.analyse(c, samples: settings.samples, seed: settings.seed,
                                                  sampling: settings.sampling)
        }
        let counterfactuals = Counterfactual.analyse(c)
        let stability = StabilityInterval.analyse(c)
        group.wait()
        return DecisionAnalysis(
            robustness: robustness.value ?? Robustness.analyse(c, samples: settings.samples, seed: settings.seed,
                                                               sampling: settings.sampling),
            stability: stability, counterfactuals: counterfactuals)
    }

    /// A result another thread fills in; read only after `DispatchGroup.wait()` has ordered the write before it.
    private final class Pending<Value: Sendable>: @unchecked Sendable {
        var value: Value?
    }

    /// The criteria the decision hinges on: the narrowest stability intervals first.
    public func hinges(count: Int = 3) -> [StabilityInterval] {
        stability.filter { $0.slack.isFinite && $0.weight > 0 }.sorted { $0.slack < $1.slack }.prefix(count).map { $0 }
    }
}

// MARK: - JSON

extension DecisionAnalysis {
    /// The `robustness`, `stability` and `counterfactuals` members of the JSON report.
    public var jsonMembers: [(String, JSONValue)] {
        let r = robustness
        var acceptability: [(String, JSONValue)] = []
        var central: [(String, JSONValue)] = []
        for (index, framework) in r.frameworks.enumerated() {
            acceptability.append((framework, .array(r.rankAcceptability[index].map(JSONValue.number))))
            central.append((framework, .array(r.centralWeights[index].map(JSONValue.number))))
        }
        return [
            ("robustness", .object([
                ("samples", .number(Double(r.samples))), ("seed", .number(Double(r.seed))),
                ("sampling", .string(r.sampling.rawValue)), ("rankAcceptability", .object(acceptability)),
                ("centralWeights", .object(central)), ("verdict", .string(r.verdict)),
            ])),
            ("stability", .array(stability.map { interval in
                .object([("criterion", .string(interval.criterion)), ("weight", .number(interval.weight)),
                         ("low", .number(interval.low)), ("high", interval.high.map(JSONValue.number) ?? .null)])
            })),
            ("counterfactuals", .array(counterfactuals.map { counterfactual in
                .object([
                    ("changes", .array(counterfactual.changes.map { change in
                        .object([("question", .string(change.question)),
                                 ("from", change.from.map(JSONValue.answer) ?? .null),
                                 ("to", .answer(change.to))])
                    })),
                    ("winner", .string(counterfactual.winner)),
                    ("sentence", .string(counterfactual.sentence)),
                ])
            })),
        ]
    }

    /// Lines for the terminal summary: the verdict, what it hinges on, and what would change it.
    public func textLines(_ c: Consultation) -> [String] {
        var lines = ["", "Sensitivity: " + TextSanitizer.inert(robustness.verdict)]
        let hinges = hinges()
        if !hinges.isEmpty {
            lines.append("It hinges most on:")
            for interval in hinges {
                let name = c.knowledge.criterion(interval.criterion)?.name ?? interval.criterion
                let high = interval.high.map { Format.number($0) } ?? "∞"
                lines.append("  \(TextSanitizer.inert(name)): weight \(Format.number(interval.weight)) may range "
                             + "\(Format.number(interval.low))–\(high) before the winner changes")
            }
        }
        if !counterfactuals.isEmpty {
            lines.append("What would change it:")
            for counterfactual in counterfactuals.prefix(3) {
                lines.append("  " + TextSanitizer.inert(counterfactual.sentence) + ".")
            }
        }
        return lines
    }
}
