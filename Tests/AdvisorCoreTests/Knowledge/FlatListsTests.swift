@testable import AdvisorCore
import Testing

/// The flat lists the inference plan keeps per rule and per fact hold exactly what arrays of
/// arrays would.
@Suite("Flat lists")
struct FlatListsTests {
    @Test("grouping by key keeps each list in the order given, for any keys", arguments: 0..<40)
    func grouping(seed: Int) {
        // The analyses' seeded generator, so every case is reproducible.
        var random = RandomSource(seed: UInt64(seed))
        let count = Int.random(in: 0..<12, using: &random) + (seed == 0 ? 0 : 1)
        let pairs = count == 0 ? 0 : Int.random(in: 0..<60, using: &random)
        let keys = (0..<pairs).map { _ in Int.random(in: 0..<count, using: &random) }
        let values = (0..<pairs).map { _ in Int.random(in: 0..<1_000, using: &random) }
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
