import Foundation

/// A list of values that are either in hand or decoded from a cache entry when asked for.
///
/// A warm `recommend` needs the rules' conditions and ids and the frameworks' ids, names and
/// scores, which the knowledge base holds apart; the whole `Rule` and `Framework` values (texts,
/// citations, locations, action lists) are read for the few fired rules a report names, or all at
/// once by code that asks for the whole list. At 10,000 rules, building them all was a third of a
/// warm start, most of it the pages they filled.
struct DeferredList<Element: Sendable>: Sendable {
    private enum Storage: Sendable {
        case values([Element])
        case source(Source)
    }

    /// Decodes elements on demand and keeps the whole list once it has been asked for.
    final class Source: @unchecked Sendable {
        let count: Int
        private let one: @Sendable (Int) -> Element
        private let lock = NSLock()
        // Guarded by `lock`.
        private var all: [Element]?

        /// `one(i)` decodes element `i`; it must not fail (the entry was checked whole before).
        init(count: Int, one: @escaping @Sendable (Int) -> Element) {
            self.count = count
            self.one = one
        }

        var values: [Element] {
            lock.lock()
            defer { lock.unlock() }
            if let all { return all }
            let decoded = (0..<count).map(one)
            all = decoded
            return decoded
        }

        func element(_ index: Int) -> Element {
            lock.lock()
            let decoded = all
            lock.unlock()
            return decoded?[index] ?? one(index)
        }

        var isWhole: Bool {
            lock.lock()
            defer { lock.unlock() }
            return all != nil
        }
    }

    private var storage: Storage

    init(_ values: [Element]) { storage = .values(values) }

    init(count: Int, one: @escaping @Sendable (Int) -> Element) {
        storage = .source(Source(count: count, one: one))
    }

    /// The whole list (decoded now if it wasn't).
    var values: [Element] {
        switch storage {
        case .values(let values): values
        case .source(let source): source.values
        }
    }

    var count: Int {
        switch storage {
        case .values(let values): values.count
        case .source(let source): source.count
        }
    }

    /// One element, decoding only it if the list isn't whole yet.
    subscript(index: Int) -> Element {
        switch storage {
        case .values(let values): values[index]
        case .source(let source): source.element(index)
        }
    }

    /// Whether every element has been built (for tests: a warm `recommend` should build none).
    var isWhole: Bool {
        switch storage {
        case .values: true
        case .source(let source): source.isWhole
        }
    }
}
