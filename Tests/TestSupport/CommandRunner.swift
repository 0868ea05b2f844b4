import Foundation

/// The result of running a command: what it printed and how it ended.
public struct CommandResult: Sendable, CustomStringConvertible {
    public var stdout: String
    public var stderr: String
    public var exitCode: Int32

    public var description: String { "exit \(exitCode)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// Runs the built `advisor` binary (or any executable) and captures its output.
public enum CommandRunner {
    /// The package root, found from this file's path.
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The `advisor` built alongside the tests.
    public static var advisorPath: String {
        let candidates = [
            ProcessInfo.processInfo.environment["ADVISOR_BINARY"],
            productDirectory().map { $0 + "/advisor" },
            packageRoot + "/.build/debug/advisor",
        ].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last ?? "advisor"
    }

    /// The folder holding the test bundle, where SwiftPM also puts the products.
    static func productDirectory() -> String? {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return (bundle.bundlePath as NSString).deletingLastPathComponent
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent().path
        return executable.isEmpty ? nil : executable
    }

    /// Runs `advisor` with `arguments`. The environment is minimal and fixed unless `environment` adds to it.
    public static func advisor(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
                               directory: String? = nil) throws -> CommandResult {
        try run(advisorPath, arguments, environment: environment, stdin: stdin, directory: directory)
    }

    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                           stdin: String? = nil, directory: String? = nil) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": TestTemporary.root, "TERM": "dumb"]
        env.merge(environment) { _, new in new }
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a full pipe can't deadlock the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        group.wait()
        process.waitUntilExit()
        return CommandResult(stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self), exitCode: process.terminationStatus)
    }
}
