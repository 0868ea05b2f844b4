@testable import AdvisorCore
import Foundation
import Testing
import TestSupport

/// A damaged cache entry is still just a miss, but the error says which field was being read, at
/// which byte, and what was wrong with it.
@Suite("Cache damage reports")
struct CacheDamageReportTests {
    func payload(_ knowledge: KnowledgeBase) -> [UInt8] {
        let parts = KnowledgeCodec.encode(knowledge, warnings: EveryFieldKnowledge.warnings)
        return parts.table + parts.body
    }

    /// Where two payloads first differ.
    func firstDifference(_ a: [UInt8], _ b: [UInt8]) throws -> Int {
        try #require((0..<min(a.count, b.count)).first { a[$0] != b[$0] })
    }

    /// Where `value`'s eight bytes first occur.
    func position(of value: Double, in bytes: [UInt8]) throws -> Int {
        let pattern = KnowledgeCache.littleEndian(value.bitPattern)
        return try #require((0...(bytes.count - 8)).first { Array(bytes[$0..<($0 + 8)]) == pattern })
    }

    func damage(_ bytes: [UInt8], from offset: Int = 0) throws -> BinaryReader.Damaged {
        try #require(throws: BinaryReader.Damaged.self) { _ = try KnowledgeCodec.decode(bytes, from: offset) }
    }

    @Test("the description reads as a path into the entry, the byte and the problem")
    func descriptionFormat() {
        let damaged = BinaryReader.Damaged(at: 812, "index 9 out of range 0..<4")
            .inside(.field("question")).inside(.index(1)).inside(.field("all")).inside(.field("when"))
            .inside(.index(3)).inside(.field("rules"))
        #expect(damaged.field == "rules[3].when.all[1].question")
        #expect(damaged.description == "damaged cache entry: rules[3].when.all[1].question at byte 812: index 9 out of range 0..<4")
        #expect(BinaryReader.Damaged(at: 0, "the data ends early").description
                == "damaged cache entry: at byte 0: the data ends early")
    }

    @Test("a question index out of range in a rule's condition names the rule, the condition's path and the byte")
    func conditionIndex() throws {
        var rules = EveryFieldKnowledge.rules
        let sound = payload(EveryFieldKnowledge.make())
        // The same entry but for one question index: where they differ is where that index is.
        rules[0].when.compiled = .all([.choiceIn(question: 0, mask: 0b01), .not(.yes(question: 2))])
        let at = try firstDifference(sound, payload(EveryFieldKnowledge.make(rules: rules)))
        var bytes = sound
        bytes[at] = 8 // 4, zig-zag encoded: one past the last of the four questions.
        let damaged = try damage(bytes)
        #expect(damaged.description
                == "damaged cache entry: rules[0].when.compiled.all[1].not.question at byte \(at): index 4 out of range 0..<4")
    }

    @Test("a string that names no kind of evidence is refused with the citation's path")
    func evidenceName() throws {
        var frameworks = EveryFieldKnowledge.frameworks
        let sound = payload(EveryFieldKnowledge.make())
        // Every kind of evidence is named before this citation, so the string table stays the same.
        frameworks[1].capabilities[0].citation.evidence = .seed
        let at = try firstDifference(sound, payload(EveryFieldKnowledge.make(frameworks: frameworks)))
        var bytes = sound
        bytes[at] = 0 // The first string in the table: the knowledge's name.
        let damaged = try damage(bytes)
        #expect(damaged.description == "damaged cache entry: frameworks[1].capabilities[0].citation.evidence at byte \(at): "
                + "'Every field' is not a valid Evidence")
    }

    @Test("weight bounds that don't hold 1 are refused at the bounds' first byte")
    func weightBounds() throws {
        var bytes = payload(EveryFieldKnowledge.make())
        let at = try position(of: 0.123456789, in: bytes)
        bytes.replaceSubrange(at..<(at + 8), with: KnowledgeCache.littleEndian(2.0.bitPattern))
        let damaged = try damage(bytes)
        #expect(damaged.description == "damaged cache entry: info.weightBounds at byte \(at): weight bounds 2.0...4.5 don't hold 1")
    }

    @Test("a cut-off entry names the field it ran out in")
    func truncated() throws {
        let sound = payload(EveryFieldKnowledge.make())
        let damaged = try damage(Array(sound.dropLast(3)))
        #expect(damaged.description.hasPrefix("damaged cache entry: warnings[2]."))
        #expect(damaged.description.hasSuffix("the data ends early"))
        #expect(damaged.offset >= sound.count - 3)
    }

    @Test("in a real entry of the shipped knowledge, a damaged citation is a cache miss and its error names the field and the file's byte")
    func shippedEntry() throws {
        let folder = TestTemporary.root + "advisor-damage-test-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var knowledge = try KnowledgeLoader.load(directories: [CommandRunner.packageRoot + "/Knowledge"]).knowledge
        // A score no other double in the entry has, to find the rating by.
        var frameworks = knowledge.frameworks
        let criterion = try #require(frameworks[1].ratings.keys.sorted().dropFirst().first)
        frameworks[1].ratings[criterion]?.score = 2.718281828459045
        knowledge.replace(frameworks: frameworks)
        let cache = KnowledgeCache(directory: folder)
        cache.write(knowledge, warnings: [])
        let key = KnowledgeCache.key(digest: knowledge.digest, origins: knowledge.origins)
        let path = try #require(cache.path(key: key, origins: knowledge.origins))
        var bytes = Array(try #require(FileManager.default.contents(atPath: path)))
        #expect(KnowledgeCache.decode(bytes, key: key, digest: knowledge.digest, origins: knowledge.origins) != nil)
        // The rating's citation starts with its `why`, right after the score: make it -64, and
        // give the entry a matching checksum so that only the decoder can tell.
        let at = try position(of: 2.718281828459045, in: bytes) + 8
        bytes[at] = 0x7F
        let header = KnowledgeCache.headerSize
        let checksum = KnowledgeCache.littleEndian(KnowledgeCache.hash(Array(bytes[header...])))
        bytes.replaceSubrange((header - 8)..<header, with: checksum)
        #expect(KnowledgeCache.decode(bytes, key: key, digest: knowledge.digest, origins: knowledge.origins) == nil)
        let damaged = try damage(bytes, from: header)
        #expect(damaged.field == "frameworks[1].ratings[1].citation.why")
        #expect(damaged.offset == at)
        #expect(damaged.description.hasPrefix(
            "damaged cache entry: frameworks[1].ratings[1].citation.why at byte \(at): index -64 out of range 0..<"))
    }
}
