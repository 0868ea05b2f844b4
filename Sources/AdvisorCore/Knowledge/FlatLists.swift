/// Many short lists stored end to end in one array (compressed rows): list `i` is
/// `values[offsets[i]..<offsets[i + 1]]`.
///
/// The inference plan keeps a list per rule and per fact. As arrays of arrays, a hundred thousand
/// rules meant several hundred thousand allocations to build them, a reference count for each
/// list the engine touched, and lists scattered over the heap. Flat, they cost two allocations
/// each and lie side by side in the order the engine reads them.
public struct FlatLists<Element: Sendable>: Sendable {
    /// `count + 1` ascending positions in `values`, from 0 to `values.count`.
    public private(set) var offsets: [Int]
    public private(set) var values: [Element]

    /// No lists yet.
    public init() {
        offsets = [0]
        values = []
    }

    /// Lists as given; `offsets` must be ascending from 0 to `values.count`.
    init(offsets: [Int], values: [Element]) {
        self.offsets = offsets
        self.values = values
    }

    /// One list per element of `lists`.
    public init(_ lists: [[Element]]) {
        self.init()
        offsets.reserveCapacity(lists.count + 1)
        for list in lists { append(list) }
    }

    /// The lists by key: `values[i]` goes to list `keys[i]`, each list in the order given.
    /// Every key must be in `0..<count`.
    init(count: Int, keys: [Int], values items: [Element]) {
        var offsets = Array(repeating: 0, count: count + 1)
        for key in keys { offsets[key + 1] += 1 }
        for index in 0..<count { offsets[index + 1] += offsets[index] }
        var next = offsets
        var slots = [Int](repeating: 0, count: items.count)
        for (position, key) in keys.enumerated() {
            slots[next[key]] = position
            next[key] += 1
        }
        self.offsets = offsets
        values = slots.map { items[$0] }
    }

    public var count: Int { offsets.count - 1 }

    /// List `index`.
    public subscript(index: Int) -> ArraySlice<Element> {
        values[offsets[index]..<offsets[index + 1]]
    }

    /// Room for `count` more lists (their elements not counted).
    mutating func reserveLists(_ count: Int) { offsets.reserveCapacity(offsets.count + count) }

    /// Adds an element to a list being built at the end; `endList` closes it.
    mutating func appendToLast(_ element: Element) { values.append(element) }

    /// Closes the list being built at the end (with the elements given to `appendToLast` since the last).
    mutating func endList() { offsets.append(values.count) }

    /// Adds a list at the end.
    public mutating func append(_ list: some Sequence<Element>) {
        values.append(contentsOf: list)
        offsets.append(values.count)
    }
}

extension FlatLists: Equatable where Element: Equatable {}
