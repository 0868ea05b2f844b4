import Foundation

/// glibc's allocator settings for one short-lived process.
enum MallocTuning {
    private typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    // From glibc's <malloc.h>, which Swift's Glibc module doesn't import.
    private static let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3

    /// A large knowledge base builds and drops arrays of megabytes. By default glibc maps each such
    /// block afresh and unmaps it when it is freed, so every reuse of the memory paid page faults
    /// again (a tenth of a warm `recommend` on 10,000 rules). Freed memory is kept for reuse
    /// instead; the process ends soon after anyway.
    static func keepFreedMemory() {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(mmapThreshold, 32 << 20)  // glibc refuses more than 32 MiB
        _ = mallopt(trimThreshold, 512 << 20)
        _ = mallopt(topPad, 16 << 20)
    }
}
