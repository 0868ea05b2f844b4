import Foundation

/// Where a knowledge load spent its time, for the benchmarks. Pass one to `KnowledgeLoader.load`.
public final class LoadProfile {
    /// Finding and reading the files.
    public var read = 0.0
    /// The SHA-256 digest of the files.
    public var digest = 0.0
    /// Looking up, checking and decoding a cache entry.
    public var cacheRead = 0.0
    /// YAML parsing and reading the trees into a draft.
    public var parse = 0.0
    /// Cross-references, condition compilation, stratification: building the knowledge base.
    public var validate = 0.0
    /// Encoding and writing the cache entry.
    public var cacheWrite = 0.0
    /// Whether the knowledge came from the cache.
    public var cacheHit = false
    /// Whether the files' stamps led to the entry, so that they were neither read nor hashed.
    public var stampHit = false

    public init() {}

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
