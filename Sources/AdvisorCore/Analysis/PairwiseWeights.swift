/// Analytic Hierarchy Process: criterion weights from pairwise comparisons on Saaty's 1–9 scale,
/// by the principal eigenvector, with the consistency ratio.
public struct PairwiseWeights: Sendable {
    /// One judgement: `more` is `ratio` times as important as `less` (1...9, or its reciprocal).
    public struct Comparison: Hashable, Sendable {
        public var first: String
        public var second: String
        public var ratio: Double

        public init(first: String, second: String, ratio: Double) {
            self.first = first
            self.second = second
            self.ratio = ratio
        }
    }

    /// Saaty's random consistency index for n = 1...10.
    public static let randomIndex: [Double] = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]

    public var criteria: [String]
    /// Weights summing to 1, in `criteria` order.
    public var weights: [Double]
    public var lambdaMax: Double
    public var consistencyIndex: Double
    /// CI / RI; 0 for n ≤ 2. Below 0.1 is acceptably consistent.
    public var consistencyRatio: Double
    /// The comparison that disagrees most with the derived weights: max |ln(a_ij · w_j / w_i)|.
    public var mostInconsistent: Comparison?

    public var isConsistent: Bool { consistencyRatio < 0.1 }

    /// Derives weights for `criteria` from a full reciprocal matrix built from `comparisons`.
    /// Every pair must be compared once (either order).
    public static func derive(criteria: [String], comparisons: [Comparison]) -> PairwiseWeights {
        let n = criteria.count
        var matrix = Array(repeating: Array(repeating: 1.0, count: n), count: n)
        var index: [String: Int] = [:]
        for (i, id) in criteria.enumerated() { index[id] = i }
        for comparison in comparisons {
            guard let i = index[comparison.first], let j = index[comparison.second], i != j else { continue }
            matrix[i][j] = comparison.ratio
            matrix[j][i] = 1 / comparison.ratio
        }
        // Power iteration on the positive reciprocal matrix converges to the Perron vector.
        var vector = Array(repeating: 1.0 / Double(max(n, 1)), count: n)
        var lambda = Double(n)
        for _ in 0..<1_000 {
            var next = Array(repeating: 0.0, count: n)
            for i in 0..<n { for j in 0..<n { next[i] += matrix[i][j] * vector[j] } }
            let sum = next.reduce(0, +)
            guard sum > 0 else { break }
            lambda = sum // since vector sums to 1, Σ(Av) = λ at convergence
            next = next.map { $0 / sum }
            let change = zip(next, vector).map { abs($0 - $1) }.max() ?? 0
            vector = next
            if change < 1e-15 { break }
        }
        let ci = n > 1 ? (lambda - Double(n)) / Double(n - 1) : 0
        let ri = n <= randomIndex.count ? randomIndex[max(0, n - 1)] : 1.49
        let cr = ri > 0 ? ci / ri : 0
        var worst: Comparison?
        var worstError = -1.0
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                let error = abs(naturalLog(matrix[i][j] * vector[j] / vector[i]))
                if error > worstError + 1e-12 {
                    worstError = error
                    worst = Comparison(first: criteria[i], second: criteria[j], ratio: matrix[i][j])
                }
            }
        }
        return PairwiseWeights(criteria: criteria, weights: vector, lambdaMax: lambda, consistencyIndex: ci,
                               consistencyRatio: cr, mostInconsistent: n > 2 ? worst : nil)
    }
}

#if canImport(Glibc)
import Glibc
private func naturalLog(_ x: Double) -> Double { Glibc.log(x) }
#else
import Darwin
private func naturalLog(_ x: Double) -> Double { Darwin.log(x) }
#endif
