import Foundation
import Testing
import TestSupport

/// Replays the committed fuzz corpus and every input a fuzzer ever crashed on
/// (`Tests/Fuzz/regressions/TARGET/`) through `advisor-fuzz`, built without libFuzzer: the same
/// targets and invariants, run on every `swift test`.
struct FuzzCorpusTests {
    static var fuzzPath: String {
        (CommandRunner.advisorPath as NSString).deletingLastPathComponent + "/advisor-fuzz"
    }

    static func inputs(_ folder: String) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.count
    }

    @Test("the corpus and the regressions replay without a crash", arguments: ["loader", "expression", "answers",
                                                                                 "keys"])
    func replay(_ target: String) throws {
        let root = CommandRunner.packageRoot
        let folders = ["Tests/Fuzz/corpus/\(target)", "Tests/Fuzz/regressions/\(target)"]
        let count = folders.map { Self.inputs(root + "/" + $0) }.reduce(0, +)
        #expect(count >= 4, "a seed corpus for \(target)")
        let result = try CommandRunner.run(Self.fuzzPath, folders, environment: [
            "ADVISOR_FUZZ_TARGET": target, "SWIFT_BACKTRACE": "enable=no",
        ], directory: root)
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout == "advisor-fuzz: \(target): \(count) inputs replayed without a crash\n")
    }
}
