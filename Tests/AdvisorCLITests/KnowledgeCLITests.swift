import AdvisorCore
import Foundation
import Testing
import TestSupport

@Suite("advisor knowledge")
struct KnowledgeCLITests {
    /// The knowledge report's golden file, recorded by the core tests.
    static func golden(_ name: String) -> String? {
        ReportCLI.contents(CommandRunner.packageRoot + "/Tests/AdvisorCoreTests/__Snapshots__/" + name)
    }

    @Test("prints the Markdown report of the built-in knowledge by default")
    func markdownToStandardOutput() throws {
        let result = try CommandRunner.advisor(["knowledge"])
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == Self.golden("knowledge.md"))
    }

    @Test("--knowledge DIR reads the YAML files and gives the same report as the built-in copy")
    func fromDirectory() throws {
        let builtIn = try CommandRunner.advisor(["knowledge", "--format", "html"])
        let fromFiles = try CommandRunner.advisor(["knowledge", "--format", "html", "--knowledge",
                                                   CommandRunner.packageRoot + "/Knowledge"])
        #expect(fromFiles.exitCode == 0, "\(fromFiles)")
        #expect(fromFiles.stdout == builtIn.stdout)
        #expect(builtIn.stdout == Self.golden("knowledge.html"))
    }

    @Test("the format follows the --output extension", arguments: [("k.md", "# Knowledge base"),
                                                                  ("k.html", "<!DOCTYPE html>"),
                                                                  ("k.HTM", "<!DOCTYPE html>"),
                                                                  ("k", "# Knowledge base")])
    func inferred(_ name: String, _ start: String) throws {
        let folder = try ReportCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + name
        let result = try CommandRunner.advisor(["knowledge", "-o", path])
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout == "wrote \(path)\n")
        #expect(ReportCLI.contents(path)?.hasPrefix(start) == true)
        #expect(ReportCLI.leftovers(in: folder).isEmpty)
    }

    @Test("an extension that names no knowledge format is a usage error", arguments: ["k.json", "k.txt", "k.pdf"])
    func unknownExtension(_ name: String) throws {
        let folder = try ReportCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CommandRunner.advisor(["knowledge", "--output", folder + "/" + name])
        #expect(result.exitCode == 64)
        #expect(result.stderr == "advisor: cannot tell the format from '\(name)'; name it .md or .html, "
                + "or give --format\n")
        #expect(result.stdout.isEmpty)
    }

    @Test("an unknown --format is a usage error that lists the formats")
    func unknownFormat() throws {
        let result = try CommandRunner.advisor(["knowledge", "--format", "json"])
        #expect(result.exitCode == 64)
        #expect(result.stderr == "advisor: The value 'json' is invalid for '--format <format>'. Please provide one of "
                + "'markdown' and 'html'. (see 'advisor knowledge --help')\n")
    }

    @Test("an existing file is kept without --force (73), and replaced with it")
    func overwrite() throws {
        let folder = try ReportCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/knowledge.md"
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: path))
        let refused = try CommandRunner.advisor(["knowledge", "--output", path])
        #expect(refused.exitCode == 73)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr == "advisor: '\(path)' already exists; use --force to overwrite it\n")
        #expect(ReportCLI.contents(path) == "keep me\n")
        let forced = try CommandRunner.advisor(["knowledge", "--output", path, "--force"])
        #expect(forced.exitCode == 0)
        #expect(ReportCLI.contents(path)?.hasPrefix("# Knowledge base") == true)
    }

    @Test("a missing knowledge directory exits 66")
    func missingKnowledge() throws {
        let result = try CommandRunner.advisor(["knowledge", "--knowledge", "/nonexistent/knowledge"])
        #expect(result.exitCode == 66)
        #expect(result.stderr == "advisor: knowledge directory '/nonexistent/knowledge' does not exist\n")
    }

    @Test("an unwritable output exits 73")
    func unwritable() throws {
        let result = try CommandRunner.advisor(["knowledge", "--output", "/nonexistent-advisor-folder/k.md"])
        #expect(result.exitCode == 73, "\(result)")
        #expect(result.stderr == "advisor: cannot write '/nonexistent-advisor-folder/k.md': folder "
                + "'/nonexistent-advisor-folder' does not exist\n")
        #expect(result.stdout.isEmpty)
    }
}
