import Foundation

/// glibc's allocator settings for one short-lived process.
enum MallocTuning {
    private typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    private typealias UsableSize = @convention(c) (UnsafeMutableRawPointer?) -> Int
    // From glibc's <malloc.h>, which Swift's Glibc module doesn't import.
    private static let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3

    /// A large knowledge base builds and drops arrays of megabytes. By default glibc maps each such
    /// block afresh and unmaps it when it is freed, so every reuse of the memory paid page faults
    /// again (a tenth of a warm `recommend` on 10,000 rules). Freed memory is kept for reuse
    /// instead; the process ends soon after anyway. Then the heap is offered huge pages (below),
    /// unless `ADVISOR_HUGE_PAGES=off`.
    static func keepFreedMemory() {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(mmapThreshold, 32 << 20)  // glibc refuses more than 32 MiB
        _ = mallopt(trimThreshold, 512 << 20)
        _ = mallopt(topPad, 16 << 20)
        if getenv("ADVISOR_HUGE_PAGES").map({ String(cString: $0) }) != "off" { preferHugePages() }
    }

    /// Each 4 KiB page the process touches for the first time costs a page fault, 2–4 µs on a
    /// virtual machine: a warm `recommend` on 10,000 rules took 1,930 faults, 1,300 more than a
    /// hello-world's (with this, 880, and 1–2 ms less). Memory advised `MADV_HUGEPAGE` may be
    /// backed by 2 MiB transparent huge pages (where THP is `always` or `madvise`), one fault each.
    /// The next 24 MiB of glibc's heap are advised so, from the first 2 MiB boundary on: memory
    /// below it already has small pages, so the rest of that 2 MiB is set aside, never touched.
    /// It costs resident memory only where the heap is used (each used 2 MiB is resident whole:
    /// 2 MB more for the shipped knowledge). Where the kernel has no THP, or another allocator
    /// serves `malloc`, nothing is advised.
    private static func preferHugePages() {
        let huge = 2 << 20, reserve = 24 << 20
        guard let sizeSymbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_usable_size") else { return }
        let usableSize = unsafeBitCast(sizeSymbol, to: UsableSize.self)
        // Where fresh memory starts: a block larger than any free one is carved from the heap's top,
        // which grows by the block and the 16 MiB pad. (The size is asked, so that the compiler
        // cannot drop an allocation it sees unused.)
        guard let block = malloc(reserve) else { return }
        guard usableSize(block) >= reserve else { free(block); return }
        let top = Int(bitPattern: block)
        free(block)
        let boundary = (top + huge - 1) & ~(huge - 1)
        if boundary - top > 64, let filler = malloc(boundary - top - 32) {
            _ = usableSize(filler)  // kept, never freed: the rest of the first 2 MiB stays untouched
        }
        guard let end = sbrk(0), Int(bitPattern: end) != -1 else { return }
        let last = Int(bitPattern: end) & ~(huge - 1)
        guard last > boundary, let first = UnsafeMutableRawPointer(bitPattern: boundary) else { return }
        _ = madvise(first, last - boundary, MADV_HUGEPAGE)
    }
}
