/// xoshiro256** seeded through SplitMix64: a small, fast PRNG whose output is the same on every
/// machine, so a fixed `--seed` gives identical robustness figures everywhere.
public struct RandomSource: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var splitmix = SplitMix64(seed: seed)
        state = (splitmix.next(), splitmix.next(), splitmix.next(), splitmix.next())
    }

    public mutating func next() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotate(state.3, 45)
        return result
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform double in (0, 1): never exactly 0, so its logarithm is finite.
    public mutating func unit() -> Double {
        (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992.0
    }

    /// A standard normal deviate (Box–Muller; one of the pair is kept for the next call).
    public mutating func normal() -> Double {
        if let spare {
            self.spare = nil
            return spare
        }
        let u = unit(), v = unit()
        let radius = (-2 * log(u)).squareRoot()
        let angle = 2 * Double.pi * v
        spare = radius * sin(angle)
        return radius * cos(angle)
    }

    private var spare: Double?
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
