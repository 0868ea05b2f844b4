import AdvisorCore
import Foundation

/// Monotonic time and medians.
enum Clock {
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Runs `body` `runs` times (after `warmup` untimed runs) and returns each duration in seconds.
    static func measure(runs: Int, warmup: Int = 2, _ body: () throws -> Void) rethrows -> [Double] {
        for _ in 0..<warmup { try body() }
        var samples: [Double] = []
        samples.reserveCapacity(runs)
        for _ in 0..<runs {
            let start = now()
            try body()
            samples.append(now() - start)
        }
        return samples
    }

    static func median(_ samples: [Double]) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// A duration for a reader, in seconds, milliseconds or microseconds.
    static func format(_ seconds: Double) -> String {
        if seconds >= 1 { return Format.fixed(seconds, decimals: 2) + " s" }
        if seconds >= 1e-3 { return Format.fixed(seconds * 1e3, decimals: 2) + " ms" }
        return Format.fixed(seconds * 1e6, decimals: 1) + " µs"
    }
}
