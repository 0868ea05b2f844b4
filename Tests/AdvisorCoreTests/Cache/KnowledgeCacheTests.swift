@testable import AdvisorCore
import AdvisorKnowledge
import AdvisorSynth
import Foundation
import Testing
import TestSupport

/// The compiled cache: used when sound, ignored and rebuilt when damaged or stale, and never a
/// reason for a load to fail.
@Suite("Knowledge cache")
struct KnowledgeCacheTests {
    let shipped = CommandRunner.packageRoot + "/Knowledge"
    let answers = Answers(["project_type": .one("api"), "traffic": .one("high"), "builtins": .many(["auth"])])

    func temporaryFolder() -> String {
        TestTemporary.root + "advisor-cache-test-" + UUID().uuidString
    }

    func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".akb") }.sorted()
    }

    func load(_ directory: String, _ cache: KnowledgeCache) throws -> (KnowledgeLoader.Result, hit: Bool) {
        let result = try KnowledgeLoader.load(directories: [directory], cache: cache)
        return (result, result.cacheHit != nil)
    }

    /// The plan decoded from an entry is the plan built from the files, part for part.
    func expectSamePlan(_ a: KnowledgeBase, _ b: KnowledgeBase, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let x = a.plan, y = b.plan
        #expect(x.stored == y.stored, sourceLocation: sourceLocation)
        #expect(x.strata == y.strata && x.finalStratum == y.finalStratum && x.finalOrder == y.finalOrder,
                sourceLocation: sourceLocation)
        #expect(x.idRank == y.idRank && x.ratingRules == y.ratingRules && x.otherActionRules == y.otherActionRules,
                sourceLocation: sourceLocation)
        #expect(x.conditions == y.conditions && x.ruleIDs == y.ruleIDs, sourceLocation: sourceLocation)
        #expect(x.otherActions == y.otherActions, sourceLocation: sourceLocation)
    }

    /// A knowledge base from a cache entry builds no whole rule or framework list to consult and
    /// write the JSON report; the rules and frameworks it decodes one at a time, and then all of
    /// them, are those loaded from the files.
    func expectDecodedOnDemand(fromFiles a: KnowledgeBase, fromCache b: KnowledgeBase, answers: Answers,
                               sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let fromCache = JSONReport.render(Engine.consult(b, answers: answers))
        #expect(b.rulesAndFrameworksBuilt == (false, false), sourceLocation: sourceLocation)
        #expect(fromCache == JSONReport.render(Engine.consult(a, answers: answers)), sourceLocation: sourceLocation)
        #expect(a.rules.indices.allSatisfy { b.rule(at: $0) == a.rules[$0] }, sourceLocation: sourceLocation)
        #expect(a.frameworks.indices.allSatisfy { b.framework(at: $0) == a.frameworks[$0] },
                sourceLocation: sourceLocation)
        #expect(a.frameworks.allSatisfy { b.framework($0.id) == $0 } && a.rules.allSatisfy { b.rule($0.id) == $0 },
                sourceLocation: sourceLocation)
        #expect(b.rulesAndFrameworksBuilt == (false, false), sourceLocation: sourceLocation)
        #expect(b.rules == a.rules && b.frameworks == a.frameworks, sourceLocation: sourceLocation)
        #expect(b.rulesAndFrameworksBuilt == (true, true), sourceLocation: sourceLocation)
        #expect(a.rules.indices.allSatisfy { b.rule(at: $0) == a.rules[$0] }, sourceLocation: sourceLocation)
    }

    @Test("a second load comes from the cache and gives byte-identical reports")
    func roundTrip() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = KnowledgeCache(directory: folder)
        let (first, firstHit) = try load(shipped, cache)
        #expect(!firstHit)
        #expect(entries(folder).count == 1)
        let (second, secondHit) = try load(shipped, cache)
        #expect(secondHit)
        let a = first.knowledge, b = second.knowledge
        expectDecodedOnDemand(fromFiles: a, fromCache: b, answers: answers)
        #expect(a.rules == b.rules)
        #expect(a.questions == b.questions)
        #expect(a.frameworks == b.frameworks)
        #expect(a.criteria == b.criteria)
        #expect(a.sources == b.sources)
        #expect(a.capabilities == b.capabilities)
        #expect(a.facts == b.facts)
        #expect(a.digest == b.digest && a.origins == b.origins && a.info == b.info)
        expectSamePlan(a, b)
        let left = JSONReport.render(Engine.consult(a, answers: answers))
        let right = JSONReport.render(Engine.consult(b, answers: answers))
        #expect(left == right)
    }

    @Test("on generated rules with chains of facts, the inference plan comes back from the cache part for part",
          arguments: [1, 2, 3])
    func generatedPlan(seed: UInt64) throws {
        let folder = temporaryFolder(), root = temporaryFolder()
        defer { for path in [folder, root] { try? FileManager.default.removeItem(atPath: path) } }
        let workload = SyntheticWorkload(.init(rules: 1_500, options: 20, criteria: 10, seed: seed))
        let layout = try workload.write(to: root)
        let cache = KnowledgeCache(directory: folder)
        func loadGenerated() throws -> (KnowledgeLoader.Result, Bool) {
            let result = try KnowledgeLoader.load(directories: [layout.knowledge], cache: cache, limits: .large)
            return (result, result.cacheHit != nil)
        }
        let (first, firstHit) = try loadGenerated()
        let (second, secondHit) = try loadGenerated()
        #expect(!firstHit && secondHit)
        let a = first.knowledge, b = second.knowledge
        // Facts chain (derived → derived), so readers, asserters and the order facts become final all matter.
        #expect(a.plan.readers.values.count > 100 && a.plan.asserters.values.count > 100)
        #expect(a.plan.finalOrder.count > 50)
        expectSamePlan(a, b)
        let answers = Answers(Dictionary(uniqueKeysWithValues: workload.answers.enumerated().map {
            (workload.questionName($0.offset), AnswerValue.one(workload.valueName($0.element)))
        }))
        #expect(b.plan.otherActions.values.count > 0)
        expectDecodedOnDemand(fromFiles: a, fromCache: b, answers: answers)
    }

    @Test("an overlay's layers, overrides and internal sources come back from the cache unchanged")
    func overlayRoundTrip() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = KnowledgeCache(directory: folder)
        let overlay = shipped + "/examples/acme"
        func loadOverlay() throws -> (KnowledgeLoader.Result, Bool) {
            let result = try KnowledgeLoader.load(directories: [overlay], builtIn: ShippedKnowledge.files, cache: cache)
            return (result, result.cacheHit != nil)
        }
        let (first, firstHit) = try loadOverlay()
        let (second, secondHit) = try loadOverlay()
        #expect(!firstHit && secondHit)
        let a = first.knowledge, b = second.knowledge
        #expect(!a.overrides.isEmpty && a.layers.count == 2)
        #expect(a.layers == b.layers)
        #expect(a.overrides == b.overrides)
        #expect(a.sources == b.sources && a.sources.contains(where: \.isInternal))
        expectSamePlan(a, b)
        #expect(TextReport.render(Engine.consult(a, answers: answers))
                == TextReport.render(Engine.consult(b, answers: answers)))
    }

    @Test("a damaged entry is ignored and rebuilt",
          arguments: ["flip", "flip-key", "flip-length", "flip-checksum", "flip-text", "flip-last", "truncate", "empty", "garbage"])
    func damaged(_ damage: String) throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = KnowledgeCache(directory: folder)
        let (original, _) = try load(shipped, cache)
        let path = folder + "/" + (try #require(entries(folder).first))
        var bytes = Array(try #require(FileManager.default.contents(atPath: path)))
        switch damage {
        case "flip": bytes[bytes.count / 2] ^= 0x40
        case "flip-key": bytes[KnowledgeCache.magic.count + 3] ^= 0x01
        case "flip-length": bytes[KnowledgeCache.magic.count + 16] ^= 0x01
        case "flip-checksum": bytes[KnowledgeCache.magic.count + 24] ^= 0x01
        case "flip-text":
            // A letter of a name in the string table: the entry still decodes, so only the checksum
            // can tell.
            let name = Array("FastAPI".utf8)
            let at = try #require((KnowledgeCache.headerSize..<(bytes.count - name.count)).first {
                Array(bytes[$0..<($0 + name.count)]) == name
            })
            bytes[at] ^= 0x20
        case "flip-last": bytes[bytes.count - 1] ^= 0x01
        case "truncate": bytes.removeLast(bytes.count / 3)
        case "empty": bytes = []
        default: bytes = Array("not a cache at all".utf8)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (reloaded, hit) = try load(shipped, cache)
        #expect(!hit)
        #expect(reloaded.knowledge.rules == original.knowledge.rules)
        let (_, hitAfterRebuild) = try load(shipped, cache)
        #expect(hitAfterRebuild)
    }

    @Test("the checksum is SHA-256's first 8 bytes: the reference values, and one bit changes it", arguments: [
        ("", UInt64(0x141C_FC98_42C4_B0E3)),
        ("abc", UInt64(0xEACF_018F_BF16_78BA)),
    ])
    func checksum(_ text: String, _ expected: UInt64) {
        #expect(KnowledgeCache.hash(Array(text.utf8)) == expected)
        let bytes = (0..<70).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        for length in [1, 31, 32, 33, 64, 70] {
            let whole = Array(bytes.prefix(length))
            for index in whole.indices {
                var changed = whole
                changed[index] ^= 0x10
                #expect(KnowledgeCache.hash(changed) != KnowledgeCache.hash(whole))
            }
        }
    }

    @Test("a payload with a matching checksum but an index out of range is refused, not trusted")
    func outOfRangeIndex() throws {
        let fixture = try KnowledgeFixture.minimal.write()
        defer { try? FileManager.default.removeItem(atPath: fixture) }
        let knowledge = try KnowledgeLoader.load(directories: [fixture]).knowledge
        var broken = knowledge.rules
        broken[0].when.compiled = .choiceIn(question: 99, mask: 1)
        let tampered = KnowledgeBase(info: knowledge.info, sources: knowledge.sources, criteria: knowledge.criteria,
                                     capabilities: knowledge.capabilities, frameworks: knowledge.frameworks,
                                     questions: knowledge.questions, rules: broken, facts: knowledge.facts,
                                     digest: knowledge.digest, origins: knowledge.origins)
        let parts = KnowledgeCodec.encode(knowledge, warnings: [])
        let sound = parts.table + parts.body
        #expect((try? KnowledgeCodec.decode(sound, from: 0)) != nil)
        let tamperedParts = KnowledgeCodec.encode(tampered, warnings: [])
        #expect((try? KnowledgeCodec.decode(tamperedParts.table + tamperedParts.body, from: 0)) == nil)
        // Every truncation of a sound payload is refused without a crash.
        for length in stride(from: 0, to: sound.count, by: max(1, sound.count / 200)) {
            #expect((try? KnowledgeCodec.decode(Array(sound.prefix(length)), from: 0)) == nil)
        }
    }

    @Test("integers of every length round-trip, and a cut-off integer is refused",
          arguments: [0, 1, -1, 63, -64, 64, -65, 8_191, -8_192, 8_192, -8_193, 1 << 20, 1 << 35, -(1 << 35),
                      Int.max, Int.min])
    func integers(value: Int) throws {
        var w = BinaryWriter()
        w.int(0)
        w.int(value)
        w.int(value)
        var r = try BinaryReader(w.bytes)
        #expect(try r.int() == value && r.int() == value)
        #expect(r.isAtEnd)
        let one = Array(w.bytes[1..<(1 + (w.bytes.count - 1) / 2)])
        for length in 0..<one.count {
            var cut = try BinaryReader([0] + one.prefix(length))
            #expect(throws: BinaryReader.Damaged.self) { try cut.int() }
        }
    }

    @Test("the string table gives back ASCII and other UTF-8 alike, and refuses bytes that aren't UTF-8",
          arguments: [["r1", "", "café ✓", "日本語", "emoji 🚀 after"], ["only", "ascii", String(repeating: "x", count: 300)]])
    func stringTable(texts: [String]) throws {
        var w = BinaryWriter()
        for text in texts { w.string(text) }
        let parts = w.finished()
        var r = try BinaryReader(parts.table + parts.body)
        #expect(try texts.map { _ in try r.string() } == texts)
        #expect(r.isAtEnd)
        // The same table with a lone continuation byte, a truncated sequence and an overlong form.
        for bad: [UInt8] in [[0x80], [0x61, 0xE6, 0x97], [0xC0, 0xAF]] {
            var broken = BinaryWriter()
            broken.int(1)
            broken.int(bad.count)
            #expect(throws: BinaryReader.Damaged.self) { try BinaryReader(broken.bytes + bad) }
        }
    }

    @Test("editing a file makes the entry stale: the files are read again and the old entry replaced")
    func stale() throws {
        let folder = temporaryFolder()
        let fixture = try KnowledgeFixture.minimal.write()
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: fixture)
        }
        let cache = KnowledgeCache(directory: folder)
        let (before, _) = try load(fixture, cache)
        let oldEntries = entries(folder)
        let path = fixture + "/knowledge.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "weight: 2", with: "weight: 4").utf8).write(to: URL(fileURLWithPath: path))
        let (after, hit) = try load(fixture, cache)
        #expect(!hit)
        #expect(after.knowledge.digest != before.knowledge.digest)
        #expect(after.knowledge.criterion("speed")?.weight == 4)
        #expect(entries(folder).count == 1)
        #expect(entries(folder) != oldEntries)
    }

    @Test("the same files in another directory get their own entry, with their own paths")
    func keyedByDirectory() throws {
        let folder = temporaryFolder()
        let one = try KnowledgeFixture.minimal.write(), two = try KnowledgeFixture.minimal.write()
        defer { for path in [folder, one, two] { try? FileManager.default.removeItem(atPath: path) } }
        let cache = KnowledgeCache(directory: folder)
        _ = try load(one, cache)
        let (second, hit) = try load(two, cache)
        #expect(!hit)
        #expect(second.knowledge.rules.allSatisfy { $0.location?.file.hasPrefix(two) ?? false })
        #expect(entries(folder).count == 2)
    }

    @Test("an unwritable cache folder just means no caching")
    func unwritable() throws {
        let file = temporaryFolder()
        try Data("a file, not a folder".utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let cache = KnowledgeCache(directory: file + "/advisor")
        let (first, hit) = try load(shipped, cache)
        #expect(!hit)
        #expect(!first.knowledge.rules.isEmpty)
        let (_, secondHit) = try load(shipped, cache)
        #expect(!secondHit)
    }

    @Test("broken knowledge is never cached, and its diagnostics keep their positions")
    func diagnosticsWithCache() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let broken = KnowledgeFixture.minimal.replacing("weight: 2", with: "weight: fast", in: "knowledge.yaml")
        let root = try broken.write()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for _ in 0..<2 {
            #expect(throws: DiagnosticError.self) {
                _ = try KnowledgeLoader.load(directories: [root], cache: KnowledgeCache(directory: folder))
            }
        }
        #expect(entries(folder).isEmpty)
        do {
            _ = try KnowledgeLoader.load(directories: [root], cache: KnowledgeCache(directory: folder))
        } catch {
            let text = error.rendered().replacingOccurrences(of: root, with: "K")
            #expect(text.hasPrefix("K/knowledge.yaml:"))
            #expect(text.contains("error: expected 'weight' to be a number, found 'fast'"))
        }
    }

    @Test("a cache that isn't readable is still refreshed (what validate does)")
    func writeOnly() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (_, hit) = try load(shipped, KnowledgeCache(directory: folder, readable: false))
        #expect(!hit)
        #expect(entries(folder).count == 1)
        let (_, again) = try load(shipped, KnowledgeCache(directory: folder, readable: false))
        #expect(!again)
        let (_, reading) = try load(shipped, KnowledgeCache(directory: folder))
        #expect(reading)
    }

    @Test("the cache folder follows XDG_CACHE_HOME, then HOME")
    func location() {
        #expect(KnowledgeCache.standard(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/a"]).directory
                == "/x/cache/advisor")
        #expect(KnowledgeCache.standard(environment: ["HOME": "/home/a"]).directory == "/home/a/.cache/advisor")
        #expect(KnowledgeCache.standard(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/home/a"]).directory
                == "/home/a/.cache/advisor")
        #expect(KnowledgeCache.standard(environment: [:]).directory == nil)
    }
}
