import Foundation
import Testing
import TestSupport

/// `--knowledge DIR` through the compiled cache in `$XDG_CACHE_HOME/advisor/`, as a user sees it.
@Suite("Knowledge cache (command line)")
struct CacheCLITests {
    let recommend = ["recommend", "--knowledge", CommandRunner.packageRoot + "/Knowledge", "--answer",
                     "project_type=api", "--answer", "traffic=high", "--format", "json"]

    func cacheEntries(_ home: String) -> [String] {
        let folder = home + "/advisor"
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".akb") }
            .map { folder + "/" + $0 }
    }

    @Test("the second run reads the cache and prints the same report; a damaged entry changes nothing")
    func sameOutput() throws {
        let home = TestTemporary.root + "advisor-xdg-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: home) }
        let environment = ["XDG_CACHE_HOME": home]
        let first = try CommandRunner.advisor(recommend, environment: environment)
        #expect(first.exitCode == 0)
        let entries = cacheEntries(home)
        #expect(entries.count == 1)
        let second = try CommandRunner.advisor(recommend, environment: environment)
        #expect(second.exitCode == 0 && second.stdout == first.stdout && second.stderr.isEmpty)
        let entry = try #require(entries.first)
        try Data("damaged".utf8).write(to: URL(fileURLWithPath: entry))
        let third = try CommandRunner.advisor(recommend, environment: environment)
        #expect(third.exitCode == 0 && third.stdout == first.stdout && third.stderr.isEmpty)
        #expect((try? Data(contentsOf: URL(fileURLWithPath: entry))).map { $0.count > 100 } == true)
    }

    @Test("ADVISOR_CACHE=off and an unwritable cache folder both just skip caching")
    func noCache() throws {
        let home = TestTemporary.root + "advisor-xdg-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: home) }
        let off = try CommandRunner.advisor(recommend, environment: ["XDG_CACHE_HOME": home, "ADVISOR_CACHE": "off"])
        #expect(off.exitCode == 0)
        #expect(cacheEntries(home).isEmpty)
        try Data("a file where the folder should be".utf8).write(to: URL(fileURLWithPath: home))
        let blocked = try CommandRunner.advisor(recommend, environment: ["XDG_CACHE_HOME": home])
        #expect(blocked.exitCode == 0 && blocked.stdout == off.stdout && blocked.stderr.isEmpty)
    }

    @Test("validate checks the files even when a cache entry exists, with compiler-style positions")
    func validateIgnoresCache() throws {
        let home = TestTemporary.root + "advisor-xdg-" + UUID().uuidString
        let folder = TestTemporary.root + "advisor-knowledge-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: CommandRunner.packageRoot + "/Knowledge", toPath: folder)
        defer {
            try? FileManager.default.removeItem(atPath: home)
            try? FileManager.default.removeItem(atPath: folder)
        }
        let environment = ["XDG_CACHE_HOME": home]
        let ok = try CommandRunner.advisor(["validate", "--knowledge", folder], environment: environment)
        #expect(ok.exitCode == 0)
        #expect(cacheEntries(home).count == 1)
        let path = folder + "/criteria.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let broken = text.replacingOccurrences(of: "weight: 3", with: "weight: heavy")
        #expect(broken != text)
        try Data(broken.utf8).write(to: URL(fileURLWithPath: path))
        let result = try CommandRunner.advisor(["validate", "--knowledge", folder], environment: environment)
        #expect(result.exitCode == 65)
        let line = broken.components(separatedBy: "\n").firstIndex { $0.contains("weight: heavy") }.map { $0 + 1 } ?? 0
        #expect(result.stderr.hasPrefix("\(folder)/criteria.yaml:\(line):13: error: expected 'weight' to be a number, "
                                        + "found 'heavy'\n"))
    }
}
