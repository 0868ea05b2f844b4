import Foundation

/// Composes the YAML trees of a list of files on another thread, in order and at most
/// `lookahead` files ahead of the reader, so that composing the next file overlaps reading this
/// one. The reader takes every index in order (`take`), and calls `finish` when it stops.
///
/// With one core the trees are composed on the calling thread, in `take`.
final class ComposePipeline: @unchecked Sendable {
    private let texts: [String?]
    private let lookahead: Int
    private let threaded: Bool
    private let condition = NSCondition()
    // Guarded by `condition`: the producer's outcomes not yet taken, the next index the reader
    // will take, and whether it has stopped.
    private var ready: [Int: FastComposer.Outcome?] = [:]
    private var next = 0
    private var finished = false

    /// `texts[i]` is nil for a file that could not be decoded; blank files compose to nil.
    init(texts: [String?], lookahead: Int = 2, threaded: Bool = ParallelMap.cores > 1) {
        self.texts = texts
        self.lookahead = max(1, lookahead)
        self.threaded = threaded && texts.count > 1
        guard self.threaded else { return }
        let thread = Thread { [self] in produce() }
        thread.stackSize = 8 << 20
        thread.start()
    }

    private static func compose(_ text: String?) -> FastComposer.Outcome? {
        guard let text, !KnowledgeLoader.isBlankOrComments(text) else { return nil }
        return FastComposer.compose(text)
    }

    private func produce() {
        for index in texts.indices {
            condition.lock()
            while !finished && index - next >= lookahead { condition.wait() }
            let stop = finished
            condition.unlock()
            if stop { return }
            let outcome = Self.compose(texts[index])
            condition.lock()
            ready[index] = .some(outcome)
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The outcome for file `index` (nil for a blank or undecodable file), waiting for it if
    /// needed. Indices are taken in order, each once.
    func take(_ index: Int) -> FastComposer.Outcome? {
        guard threaded else { return Self.compose(texts[index]) }
        condition.lock()
        defer { condition.unlock() }
        next = index + 1
        condition.broadcast()
        while true {
            if let outcome = ready.removeValue(forKey: index) { return outcome }
            condition.wait()
        }
    }

    /// Releases the producer if the reader stops before the last file.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
