/// SplitMix64 (Steele, Lea and Flood): a small seeded generator whose sequence is the same on
/// every machine. It seeds `RandomSource`, generates the synthetic workload, and drives the
/// seeded tests, so a seed names the same numbers everywhere.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (bound > 0), by multiply-shift, so it doesn't depend on the standard
    /// library's algorithm for `Int.random(in:using:)`.
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        let product = next().multipliedFullWidth(by: UInt64(bound))
        return Int(product.high)
    }
}
