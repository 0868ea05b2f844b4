import Foundation
import Testing
import TestSupport

/// No lost work: `advisor-torture` saves a session (or writes a report) over and over while the
/// test kills it with SIGKILL at random moments. Whatever file is left must be one of the two
/// complete versions, never a torn one; and two processes saving at once never corrupt each other.
@Suite(.serialized) struct NoLostWorkTests {
    static var torturePath: String {
        let candidates = [
            (CommandRunner.advisorPath as NSString).deletingLastPathComponent + "/advisor-torture",
            CommandRunner.packageRoot + "/.build/debug/advisor-torture",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    static func temporaryFolder() throws -> String {
        let folder = TestTemporary.root + "advisor-kill-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Starts `advisor-torture MODE PATH COUNT`, with stdout on a pipe.
    static func start(_ mode: String, _ path: String, count: Int) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: torturePath)
        process.arguments = [mode, path, String(count)]
        process.environment = ["ADVISOR_KNOWLEDGE": CommandRunner.packageRoot + "/Knowledge", "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, out)
    }

    /// The two complete versions of the file, written by one uninterrupted run.
    static func versions(_ mode: String, in folder: String) throws -> Set<String> {
        var result: Set<String> = []
        for count in [1, 2] {
            let path = folder + "/reference-\(count)"
            let (process, _) = try start(mode, path, count: count)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            result.insert(try String(contentsOfFile: path, encoding: .utf8))
        }
        return result
    }

    @Test("kill -9 at random moments leaves the old or the new file, never a torn one",
          arguments: ["session", "report"])
    func killNine(_ mode: String) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let complete = try Self.versions(mode, in: folder)
        #expect(complete.count == 2)
        let path = folder + "/target"
        var generator = SystemRandomNumberGenerator()
        var kills = 0
        for _ in 0..<60 {
            let (process, out) = try Self.start(mode, path, count: 1_000_000)
            // From the first complete save on, a file must exist.
            _ = out.fileHandleForReading.availableData
            usleep(UInt32.random(in: 0...30_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { kills += 1 }
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(complete.contains(text), "a torn file after kill -9:\n\(text)")
            if mode == "session" {
                let parsed = try CommandRunner.advisor(["recommend", "--answers", path, "--format", "json"])
                #expect(parsed.exitCode == 0, "\(parsed)")
            }
        }
        #expect(kills == 60, "every run was killed mid-loop")
        // The next save clears the temporary files the killed writers left behind.
        let (last, _) = try Self.start(mode, path, count: 1)
        last.waitUntilExit()
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(left == ["reference-1", "reference-2", "target"], "files left behind: \(left)")
    }

    @Test("two processes saving the same session at once never corrupt it")
    func concurrentSaves() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let complete = try Self.versions("session", in: folder)
        let path = folder + "/advisor/session.yaml"
        let first = try Self.start("session", path, count: 400)
        let second = try Self.start("session", path, count: 400)
        var reads = 0
        while first.0.isRunning || second.0.isRunning {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                #expect(complete.contains(text), "a corrupt session while two processes save:\n\(text)")
                reads += 1
            }
        }
        first.0.waitUntilExit()
        second.0.waitUntilExit()
        #expect(first.0.terminationStatus == 0 && second.0.terminationStatus == 0)
        #expect(complete.contains(try String(contentsOfFile: path, encoding: .utf8)))
        #expect(reads > 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder + "/advisor")
        #expect(leftovers == ["session.yaml"], "temporary files left behind: \(leftovers)")
    }
}
