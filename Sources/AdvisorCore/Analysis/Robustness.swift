#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SMAA-2 style robustness: how often each framework takes each rank when the criterion weights
/// vary around the user's final weights.
public struct Robustness: Sendable {
    /// How weights are sampled.
    public enum Sampling: String, Sendable, CaseIterable {
        /// Each weight times a log-normal factor centred on 1 (σ = ln 2 / 2): about 95% of samples
        /// stay within half to double the stated weight. Importance is a ratio ("twice as
        /// important"), so the doubt is multiplicative, and weights stay positive.
        case around
        /// Uniform over the weight simplex (Dirichlet(1, …, 1)): no preference at all, for
        /// comparison with the user's weights.
        case uniform
    }

    public var samples: Int
    public var seed: UInt64
    public var sampling: Sampling
    /// Framework ids in ranking order (the excluded are not sampled).
    public var frameworks: [String]
    /// For each framework, the share of samples in which it takes rank 1, 2, …
    public var rankAcceptability: [[Double]]
    /// For each framework, the mean normalised weight vector of the samples it wins (empty if it never wins).
    public var centralWeights: [[Double]]
    /// The winner's share of first places.
    public var winnerShare: Double
    /// The winner's lead over the runner-up in the user's own weights, in points.
    public var lead: Double
    public var verdict: String

    /// The spread of the log-normal factor.
    public static let sigma = 0.34657359027997264 // ln(2) / 2

    /// Samples weights and ranks the frameworks `samples` times.
    public static func analyse(_ c: Consultation, samples: Int = 10_000, seed: UInt64 = 1,
                               sampling: Sampling = .around) -> Robustness {
        let ranked = c.ranking
        let n = ranked.count, m = c.weights.count
        let frameworkIndices = ranked.compactMap { c.knowledge.frameworkIndex[$0.framework] }
        // Flat arrays: ratings row by row, and rank counts framework by framework.
        let ratings = frameworkIndices.flatMap { f in c.ratings[f].map(\.final) }
        let base = c.weights.map(\.final)
        var flatCounts = Array(repeating: 0, count: n * n)
        var central = Array(repeating: Array(repeating: 0.0, count: m), count: n)
        var random = RandomSource(seed: seed)
        var weights = Array(repeating: 0.0, count: m)
        var scores = Array(repeating: 0.0, count: n)
        var order = Array(0..<n)
        let sigma = Self.sigma
        ratings.withUnsafeBufferPointer { ratings in
        base.withUnsafeBufferPointer { base in
        weights.withUnsafeMutableBufferPointer { weights in
        scores.withUnsafeMutableBufferPointer { scores in
        order.withUnsafeMutableBufferPointer { order in
        flatCounts.withUnsafeMutableBufferPointer { counts in
            for _ in 0..<max(0, samples) {
                var total = 0.0
                for j in 0..<m {
                    let w = switch sampling {
                    case .around: base[j] * exp(sigma * random.normal())
                    case .uniform: -log(random.unit())
                    }
                    weights[j] = w
                    total += w
                }
                guard total > 0 else { continue }
                for i in 0..<n {
                    var sum = 0.0
                    let row = i * m
                    for j in 0..<m { sum += weights[j] * ratings[row + j] }
                    scores[i] = sum
                }
                // Rank by score, ties by the deterministic ranking order: a strict total order, so
                // this insertion sort (over a handful of frameworks) gives the one sorted order.
                for k in 0..<n { order[k] = k }
                for k in 1..<max(1, n) {
                    let item = order[k]
                    var position = k
                    while position > 0 {
                        let other = order[position - 1]
                        let before = scores[item] != scores[other] ? scores[item] > scores[other] : item < other
                        if !before { break }
                        order[position] = other
                        position -= 1
                    }
                    order[position] = item
                }
                for rank in 0..<n { counts[order[rank] * n + rank] += 1 }
                if n > 0 {
                    let first = order[0]
                    for j in 0..<m { central[first][j] += weights[j] / total }
                }
            }
        }
        }
        }
        }
        }
        }
        let counts = (0..<n).map { Array(flatCounts[($0 * n)..<($0 * n + n)]) }
        let denominator = Double(max(1, samples))
        let acceptability = counts.map { $0.map { Double($0) / denominator } }
        let centralWeights = (0..<n).map { i -> [Double] in
            counts[i][0] > 0 ? central[i].map { $0 / Double(counts[i][0]) } : []
        }
        let share = acceptability.first?.first ?? 0
        let lead = n > 1 ? ranked[0].score - ranked[1].score : 100
        var result = Robustness(samples: samples, seed: seed, sampling: sampling, frameworks: ranked.map(\.framework),
                                rankAcceptability: acceptability, centralWeights: centralWeights, winnerShare: share,
                                lead: lead, verdict: "")
        result.verdict = verdict(c, share: share, lead: lead)
        return result
    }

    static func verdict(_ c: Consultation, share shareValue: Double, lead: Double) -> String {
        guard let winner = c.winner else { return "No framework is left to recommend." }
        guard c.ranking.count > 1 else { return "\(winner.name) is the only framework left." }
        let runner = c.ranking[1].name
        let share = Format.share(shareValue), points = Format.fixed(lead, decimals: 1)
        if shareValue < 0.6 {
            return "Close call: \(winner.name) wins in only \(share) of plausible weightings, and leads \(runner) by "
                + "\(points) points."
        }
        if lead < 5 {
            return "Close call: \(winner.name) leads \(runner) by only \(points) points (under 5), though it wins in "
                + "\(share) of plausible weightings."
        }
        return "\(winner.name) wins in \(share) of plausible weightings."
    }
}
