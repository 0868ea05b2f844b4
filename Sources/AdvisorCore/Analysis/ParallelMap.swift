import Dispatch
import Foundation

/// Runs independent computations on every core and returns their results in index order, so
/// that a caller folding them sequentially gets exactly what a plain loop would.
enum ParallelMap {
    /// The cores this process may use.
    static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T?] {
        guard count > 0 else { return [] }
        var results = [T?](repeating: nil, count: count)
        let stripes = min(count, cores * 4)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each index is written by exactly one stripe, and read only after every stripe ends.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: stripes) { stripe in
                var index = stripe
                while index < count {
                    slots[index] = body(index)
                    index += stripes
                }
            }
        }
        return results
    }
}
