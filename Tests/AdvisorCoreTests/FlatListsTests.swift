@testable import AdvisorCore
import Testing

/// The flat lists the inference plan keeps per rule and per fact hold exactly what arrays of
/// arrays would.
@Suite("Flat lists")
struct FlatListsTests {
    /// A small deterministic generator (SplitMix64), so every case is reproducible.
    struct Generator {
        var state: UInt64
        mutating func next(below bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    @Test("grouping by key keeps each list in the order given, for any keys", arguments: 0..<40)
    func grouping(seed: Int) {
        var random = Generator(state: UInt64(seed))
        let count = random.next(below: 12) + (seed == 0 ? 0 : 1)
        let pairs = count == 0 ? 0 : random.next(below: 60)
        let keys = (0..<pairs).map { _ in random.next(below: count) }
        let values = (0..<pairs).map { _ in random.next(below: 1_000) }
        var expected = Array(repeating: [Int](), count: count)
        for (key, value) in zip(keys, values) { expected[key].append(value) }
        let lists = FlatLists(count: count, keys: keys, values: values)
        #expect(lists.count == count)
        #expect(lists.offsets.first == 0 && lists.offsets.last == pairs)
        #expect(zip(lists.offsets, lists.offsets.dropFirst()).allSatisfy { $0 <= $1 })
        #expect((0..<count).map { Array(lists[$0]) } == expected)
        #expect(lists == FlatLists(expected))
    }

    @Test("appending lists one by one, empty ones included")
    func appending() {
        var lists = FlatLists<String>()
        lists.append(["a", "b"])
        lists.append([])
        lists.append(["c"])
        #expect(lists.count == 3)
        #expect(lists.offsets == [0, 2, 2, 3])
        #expect(Array(lists[0]) == ["a", "b"] && lists[1].isEmpty && Array(lists[2]) == ["c"])
    }
}
