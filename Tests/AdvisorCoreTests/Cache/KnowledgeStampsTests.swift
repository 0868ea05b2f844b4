@testable import AdvisorCore
import AdvisorKnowledge
import Foundation
import Testing
import TestSupport

/// The files' stamps: a warm load finds its entry without reading the files, and any change to
/// them (edited, even keeping size and modification time; added; removed; changed too soon after
/// being stamped) sends it back to reading and hashing them.
@Suite("Knowledge stamps")
struct KnowledgeStampsTests {
    struct Loaded {
        var result: KnowledgeLoader.Result
        var hit: Bool
        var stamped: Bool
    }

    /// A cache whose stamps count at once (files written by a test are younger than the margin).
    func cache(_ folder: String, margin: Int64 = 0) -> KnowledgeCache {
        var cache = KnowledgeCache(directory: folder)
        cache.stampMargin = margin
        return cache
    }

    func load(_ directories: [String], _ cache: KnowledgeCache, builtIn: KnowledgeFiles? = nil) throws -> Loaded {
        let result = try KnowledgeLoader.load(directories: directories, builtIn: builtIn, cache: cache)
        return Loaded(result: result, hit: result.cacheHit != nil, stamped: result.cacheHit == .stamps)
    }

    func folder() -> String { TestTemporary.root + "advisor-stamps-test-" + UUID().uuidString }

    /// Sets a file's modification time (its status-change time moves to now, as it must).
    func setModified(_ path: String, to time: timespec) {
        var times = [time, time]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    func modified(_ path: String) -> timespec {
        var status = stat()
        _ = stat(path, &status)
        return status.st_mtim
    }

    @Test("files stamped after their last change lead to the entry unread, and the report is the same")
    func warmSkipsReading() throws {
        let cacheFolder = folder(), root = try KnowledgeFixture.minimal.write()
        defer { for path in [cacheFolder, root] { try? FileManager.default.removeItem(atPath: path) } }
        let first = try load([root], cache(cacheFolder))
        let second = try load([root], cache(cacheFolder))
        #expect(!first.hit && !first.stamped)
        #expect(second.hit && second.stamped)
        #expect(FileManager.default.fileExists(atPath: cacheFolder + "/" + KnowledgeCache.tag([root]) + ".stamps"))
        let answers = Answers(["kind": .one("api"), "load": .one("high")])
        #expect(JSONReport.render(Engine.consult(first.result.knowledge, answers: answers))
                == JSONReport.render(Engine.consult(second.result.knowledge, answers: answers)))
        #expect(first.result.knowledge.digest == second.result.knowledge.digest)
    }

    @Test("files changed within the margin of being stamped are read and hashed again")
    func tooRecent() throws {
        let cacheFolder = folder(), root = try KnowledgeFixture.minimal.write()
        defer { for path in [cacheFolder, root] { try? FileManager.default.removeItem(atPath: path) } }
        let recent = cache(cacheFolder, margin: KnowledgeStamps.margin)
        _ = try load([root], recent)
        let second = try load([root], recent)
        #expect(second.hit && !second.stamped)
        // Once the files' last change is older than the margin, the stamps count.
        let third = try load([root], cache(cacheFolder))
        #expect(third.stamped)
    }

    @Test("an edit keeping the size and the old modification time is still noticed (the status-change time moves)")
    func sameSizeSameTime() throws {
        let cacheFolder = folder(), root = try KnowledgeFixture.minimal.write()
        defer { for path in [cacheFolder, root] { try? FileManager.default.removeItem(atPath: path) } }
        let path = root + "/knowledge.yaml"
        let before = try load([root], cache(cacheFolder))
        #expect(try load([root], cache(cacheFolder)).stamped)
        let time = modified(path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "weight: 2", with: "weight: 4").utf8).write(to: URL(fileURLWithPath: path))
        setModified(path, to: time)
        #expect(modified(path).tv_sec == time.tv_sec && modified(path).tv_nsec == time.tv_nsec)
        let after = try load([root], cache(cacheFolder))
        #expect(!after.stamped && !after.hit)
        #expect(after.result.knowledge.digest != before.result.knowledge.digest)
        #expect(after.result.knowledge.criterion("speed")?.weight == 4)
    }

    @Test("a file added, then removed, is noticed each time")
    func addedAndRemoved() throws {
        let cacheFolder = folder(), root = try KnowledgeFixture.minimal.write()
        defer { for path in [cacheFolder, root] { try? FileManager.default.removeItem(atPath: path) } }
        _ = try load([root], cache(cacheFolder))
        let extra = root + "/frameworks/third.yaml"
        try Data("""
            id: third
            name: Third
            summary: A third framework.
            ratings:
              speed: { score: 3, why: Middling., source: doc }
              batteries: { score: 3, why: Some batteries., source: doc }

            """.utf8).write(to: URL(fileURLWithPath: extra))
        let added = try load([root], cache(cacheFolder))
        #expect(!added.stamped)
        #expect(added.result.knowledge.frameworks.map(\.id) == ["fast", "full", "third"])
        #expect(try load([root], cache(cacheFolder)).stamped)
        try FileManager.default.removeItem(atPath: extra)
        let removed = try load([root], cache(cacheFolder))
        #expect(!removed.stamped)
        #expect(removed.result.knowledge.frameworks.map(\.id) == ["fast", "full"])
    }

    @Test("a file replaced by a copy of itself (a new inode) keeps the digest but not the stamp")
    func replaced() throws {
        let cacheFolder = folder(), root = try KnowledgeFixture.minimal.write()
        defer { for path in [cacheFolder, root] { try? FileManager.default.removeItem(atPath: path) } }
        _ = try load([root], cache(cacheFolder))
        let path = root + "/rules.yaml"
        let bytes = try #require(FileManager.default.contents(atPath: path))
        try FileManager.default.removeItem(atPath: path)
        try bytes.write(to: URL(fileURLWithPath: path))
        let after = try load([root], cache(cacheFolder))
        #expect(!after.stamped && after.hit)
        #expect(try load([root], cache(cacheFolder)).stamped)
    }

    @Test("a damaged or foreign stamps record is ignored and rewritten", arguments: ["garbage", "truncate", "empty"])
    func damaged(_ damage: String) throws {
        let cacheFolder = folder(), root = try KnowledgeFixture.minimal.write()
        defer { for path in [cacheFolder, root] { try? FileManager.default.removeItem(atPath: path) } }
        _ = try load([root], cache(cacheFolder))
        let path = cacheFolder + "/" + KnowledgeCache.tag([root]) + ".stamps"
        var bytes = Array(try #require(FileManager.default.contents(atPath: path)))
        switch damage {
        case "garbage": bytes = Array("not stamps at all".utf8)
        case "truncate": bytes.removeLast(bytes.count / 2)
        default: bytes = []
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let after = try load([root], cache(cacheFolder))
        #expect(after.hit && !after.stamped)
        #expect(try load([root], cache(cacheFolder)).stamped)
    }

    @Test("stamps round-trip through their bytes, and every truncation is refused")
    func bytes() throws {
        let stamps = KnowledgeStamps(
            directories: ["a", "b"], origins: ["built-in", "a", "b"], digest: "d1", builtInDigest: "d0", taken: 1_234,
            listings: [[.init(path: "a/x.yaml", relativePath: "x.yaml", size: 3,
                              stamp: FileStamp(device: 1, inode: 2, size: 3, modified: 4, changed: 5))],
                       [.init(path: "b/y.yaml", relativePath: "y.yaml", size: 6,
                              stamp: FileStamp(device: 7, inode: 8, size: 6, modified: -9, changed: 10))]])
        let encoded = stamps.encoded()
        #expect(KnowledgeStamps(decoding: encoded) == stamps)
        for length in 0..<encoded.count {
            #expect(KnowledgeStamps(decoding: Array(encoded.prefix(length))) == nil)
        }
    }

    @Test("an overlay's stamps also vouch for the embedded base: other embedded files are not taken for it")
    func overlayBuiltIn() throws {
        let cacheFolder = folder()
        defer { try? FileManager.default.removeItem(atPath: cacheFolder) }
        let overlay = CommandRunner.packageRoot + "/Knowledge/examples/acme"
        let base = ShippedKnowledge.files
        _ = try load([overlay], cache(cacheFolder), builtIn: base)
        let again = try load([overlay], cache(cacheFolder), builtIn: base)
        #expect(again.stamped)
        #expect(again.result.knowledge.origins == [KnowledgeLoader.builtInOrigin, overlay])
        // A different embedded base (as after rebuilding the advisor) is read, not vouched for.
        var other = base
        let index = try #require(other.files.firstIndex { $0.relativePath == "knowledge.yaml" })
        other.files[index].bytes += Array("\n# rebuilt\n".utf8)
        let rebuilt = try load([overlay], cache(cacheFolder), builtIn: other)
        #expect(!rebuilt.stamped)
        #expect(rebuilt.result.knowledge.digest != again.result.knowledge.digest)
    }
}
