import AdvisorCore
import Foundation
import Testing
import TestSupport

@Suite("advisor recommend: writing report files")
struct ReportFileCLITests {
    static let answers = ReportCLIScenario.apiFirst.arguments + ["--date", ReportCLI.date]

    @Test("--format comes from the --output extension", arguments: [
        ("decision.md", ReportFormat.markdown), ("decision.markdown", .markdown), ("report.json", .json),
        ("report.html", .html), ("report.HTM", .html), ("summary.txt", .text), ("summary", .text),
    ])
    func inferred(_ name: String, _ format: ReportFormat) throws {
        let folder = try ReportCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + name
        let result = try CommandRunner.advisor(["recommend"] + Self.answers + ["--output", path])
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout == "wrote \(path)\n")
        #expect(result.stderr.isEmpty)
        #expect(ReportCLI.contents(path) == (try ReportCLIScenario.apiFirst.golden(format)))
        #expect(ReportCLI.leftovers(in: folder).isEmpty)
    }

    @Test("--format wins over the extension")
    func explicitFormat() throws {
        let folder = try ReportCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CommandRunner.advisor(["recommend"] + Self.answers + ["--format", "json", "-o",
                                                                               folder + "/report.md"])
        #expect(result.exitCode == 0)
        #expect(ReportCLI.contents(folder + "/report.md") == (try ReportCLIScenario.apiFirst.golden(.json)))
    }

    @Test("--output - is standard output")
    func dash() throws {
        let result = try CommandRunner.advisor(["recommend"] + Self.answers + ["--format", "markdown", "-o", "-"])
        #expect(result.exitCode == 0)
        #expect(result.stdout == (try ReportCLIScenario.apiFirst.golden(.markdown)))
    }

    @Test("an extension that names no format is a usage error")
    func unknownExtension() throws {
        let result = try CommandRunner.advisor(["recommend", "--output", "/tmp/advisor-report.pdf"])
        #expect(result.exitCode == 64)
        #expect(result.stderr == "advisor: cannot tell the format from 'advisor-report.pdf'; name it .md, .json, "
                + ".html or .txt, or give --format\n")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/advisor-report.pdf"))
    }

    @Test("an existing file is kept without --force, and replaced with it")
    func overwrite() throws {
        let folder = try ReportCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/decision.md"
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: path))
        let refused = try CommandRunner.advisor(["recommend"] + Self.answers + ["--output", path])
        #expect(refused.exitCode == 73)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr == "advisor: '\(path)' already exists; use --force to overwrite it\n")
        #expect(ReportCLI.contents(path) == "keep me\n")
        let forced = try CommandRunner.advisor(["recommend"] + Self.answers + ["--output", path, "--force"])
        #expect(forced.exitCode == 0, "\(forced)")
        #expect(ReportCLI.contents(path) == (try ReportCLIScenario.apiFirst.golden(.markdown)))
        #expect(ReportCLI.leftovers(in: folder).isEmpty)
    }

    /// Paths that can't be written give one line and the right exit code, and leave no file behind.
    /// Tests run as root, which ignores permission bits, so "unwritable" uses /proc and /sys, where even
    /// root can't create files.
    @Test("unwritable paths give one clear line", arguments: [
        ("/nonexistent-advisor-folder/decision.md", 73,
         "advisor: cannot write '/nonexistent-advisor-folder/decision.md': folder '/nonexistent-advisor-folder' "
            + "does not exist"),
        ("/tmp", 73, "advisor: '/tmp' is a directory"),
        ("/tmp/advisor-no-such-folder/", 73,
         "advisor: cannot write '/tmp/advisor-no-such-folder/': it names a folder; give a file name"),
        ("/proc/advisor-decision.md", 73,
         "advisor: cannot write '/proc/advisor-decision.md': folder '/proc' does not accept new files"),
        ("/sys/kernel/advisor-decision.md", 73,
         "advisor: cannot write '/sys/kernel/advisor-decision.md': Permission denied"),
        ("/dev/full", 74, "advisor: cannot write '/dev/full': No space left on device"),
    ])
    func unwritable(_ path: String, _ code: Int32, _ message: String) throws {
        let parent = (path as NSString).deletingLastPathComponent
        try #require(path == "/tmp" || path.hasSuffix("/") || FileManager.default.fileExists(atPath: parent)
                     || parent.hasPrefix("/nonexistent"), "\(parent) is missing on this machine")
        let result = try CommandRunner.advisor(["recommend"] + Self.answers + ["--format", "markdown",
                                                                               "--output", path, "--force"])
        #expect(result.exitCode == code)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == message + "\n")
        if path.hasPrefix("/proc") || path.hasPrefix("/sys") || path.hasPrefix("/nonexistent") {
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    /// Standard output takes a JSON report as it is written, 64 KB at a time: when it fails (a full
    /// disk) the run ends with one line and exit 74; a reader that goes away ends it quietly.
    @Test("standard output that fails or closes mid-report", arguments: [
        ("> /dev/full", Int32(74), "advisor: cannot write to standard output: No space left on device\n"),
        ("| head -c 100 > /dev/null; exit ${PIPESTATUS[0]}", Int32(0), ""),
    ])
    func streamedStandardOutput(_ redirect: String, _ code: Int32, _ message: String) throws {
        let shell = try #require(ReportCLI.find("bash"))
        let command = "'\(CommandRunner.advisorPath)' recommend --answer project_type=api --format json "
            + "--analysis " + redirect
        let result = try CommandRunner.run(shell, ["-c", command])
        #expect(result.exitCode == code, "\(result)")
        #expect(result.stderr == message)
    }

    /// A write that fails part-way (here: a 1 KiB file-size limit, so write() fails with EFBIG)
    /// leaves the old file as it was and no temporary file beside it.
    @Test("a write that fails part-way leaves the old file whole and no temporary file")
    func atomic() throws {
        let shell = try #require(ReportCLI.find("bash"))
        let folder = try ReportCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/report.html"
        try Data("old report\n".utf8).write(to: URL(fileURLWithPath: path))
        let command = "ulimit -f 1; exec '\(CommandRunner.advisorPath)' recommend --answer project_type=api "
            + "--output '\(path)' --force"
        let result = try CommandRunner.run(shell, ["-c", command])
        #expect(result.exitCode == 74, "\(result)")
        #expect(result.stderr == "advisor: cannot write '\(path)': File too large\n")
        #expect(ReportCLI.contents(path) == "old report\n")
        #expect(ReportCLI.leftovers(in: folder).isEmpty)
        let fresh = folder + "/new.html"
        let again = try CommandRunner.run(shell, ["-c", command.replacingOccurrences(of: path, with: fresh)])
        #expect(again.exitCode == 74)
        #expect(!FileManager.default.fileExists(atPath: fresh))
        #expect(ReportCLI.leftovers(in: folder).isEmpty)
    }

    // MARK: - ADR folder

    @Test("--adr-dir writes the next numbered record", arguments: [
        (["0001-record-architecture-decisions.md", "0002-use-postgresql.md", "0003-use-kubernetes.md"],
         "0004-use-fastapi.md"),
        (["0001-a.md", "0002-b.md", "0007-c.md", "README.md"], "0008-use-fastapi.md"),
        ([], "0001-use-fastapi.md"),
    ])
    func adr(_ existing: [String], _ expected: String) throws {
        let folder = try ReportCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in existing { try Data("x\n".utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
        let result = try CommandRunner.advisor(["recommend"] + Self.answers + ["--adr-dir", folder])
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout == "wrote \(folder)/\(expected)\n")
        #expect(ReportCLI.contents(folder + "/" + expected) == (try ReportCLIScenario.apiFirst.golden(.markdown)))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == (existing + [expected]).sorted())
    }

    @Test("--adr-dir errors", arguments: [
        (["--adr-dir", "/nonexistent-advisor-adr"], 73,
         "advisor: ADR folder '/nonexistent-advisor-adr' does not exist"),
        (["--adr-dir", "/tmp", "--format", "json"], 64,
         "advisor: --adr-dir writes a Markdown decision record; drop --format json"),
        (["--adr-dir", "/tmp", "--output", "/tmp/x.md"], 64, "advisor: give --output or --adr-dir, not both"),
    ])
    func adrErrors(_ arguments: [String], _ code: Int32, _ message: String) throws {
        let result = try CommandRunner.advisor(["recommend"] + arguments)
        #expect(result.exitCode == code)
        #expect(result.stderr == message + "\n")
        #expect(result.stdout.isEmpty)
    }

    // MARK: - Runs at once

    /// Starts `count` advisors at once with `arguments`, and waits for them all: each one's exit code
    /// and standard output.
    static func concurrently(_ count: Int, _ arguments: [String]) throws -> [(code: Int32, stdout: String)] {
        var processes: [(Process, Pipe)] = []
        for _ in 0..<count {
            let process = Process(), out = Pipe()
            process.executableURL = URL(fileURLWithPath: CommandRunner.advisorPath)
            process.arguments = arguments
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            processes.append((process, out))
        }
        for (process, _) in processes { try process.run() }
        return processes.map { process, out in
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
    }

    @Test("twenty --adr-dir runs at once leave twenty numbered records")
    func parallelRecords() throws {
        let folder = try ReportCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runs = try Self.concurrently(20, ["recommend"] + Self.answers + ["--adr-dir", folder])
        #expect(runs.allSatisfy { $0.code == 0 }, "\(runs)")
        let expected = (1...20).map { ADRDirectory.fileName(number: $0, winner: "FastAPI") }
        #expect(Set(runs.map(\.stdout)) == Set(expected.map { "wrote \(folder)/\($0)\n" }))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == expected)
        for name in names {
            #expect(ReportCLI.contents(folder + "/" + name) == (try ReportCLIScenario.apiFirst.golden(.markdown)))
        }
    }

    @Test("of several runs writing one new --output path at once, one writes it and the others exit 73")
    func parallelOutput() throws {
        let folder = try ReportCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/decision.md"
        let runs = try Self.concurrently(8, ["recommend"] + Self.answers + ["--output", path])
        #expect(runs.filter { $0.code == 0 }.count == 1, "\(runs)")
        #expect(runs.filter { $0.code == 73 }.count == 7, "\(runs)")
        #expect(ReportCLI.contents(path) == (try ReportCLIScenario.apiFirst.golden(.markdown)))
        #expect(ReportCLI.leftovers(in: folder).isEmpty)
    }

    @Test("--force through a symbolic link replaces the file it points to and keeps the link")
    func forceThroughLink() throws {
        let folder = try ReportCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/records", withIntermediateDirectories: true)
        let target = folder + "/records/decision.md", link = folder + "/latest.md"
        try Data("an earlier record\n".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "records/decision.md")

        let refused = try CommandRunner.advisor(["recommend"] + Self.answers + ["--output", link])
        #expect(refused.exitCode == 73)
        #expect(refused.stderr == "advisor: '\(link)' already exists (a symbolic link); use --force to replace the "
                + "file it points to\n")
        #expect(ReportCLI.contents(target) == "an earlier record\n")

        let forced = try CommandRunner.advisor(["recommend"] + Self.answers + ["--output", link, "--force"])
        #expect(forced.exitCode == 0, "\(forced)")
        #expect(forced.stdout == "wrote \(link)\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "records/decision.md")
        #expect(ReportCLI.contents(target) == (try ReportCLIScenario.apiFirst.golden(.markdown)))
        #expect(ReportCLI.leftovers(in: folder + "/records").isEmpty)
    }

    @Test("--answers - reads the answers from standard input")
    func answersFromStandardInput() throws {
        let piped = try CommandRunner.advisor(["recommend", "--answers", "-", "--format", "json", "--date",
                                               ReportCLI.date], stdin: "project_type: api\ntraffic: high\n")
        let given = try CommandRunner.advisor(["recommend", "--answer", "project_type=api", "--answer",
                                               "traffic=high", "--format", "json", "--date", ReportCLI.date])
        #expect(piped.exitCode == 0, "\(piped)")
        #expect(piped.stdout == given.stdout)
        let empty = try CommandRunner.advisor(["recommend", "--answers", "-"], stdin: "")
        #expect(empty.exitCode == 65)
        #expect(empty.stderr == "advisor: <stdin>:1:1: answers file is empty\n")
    }

    @Test("a rule that silences every criterion is refused with exit 65, and validate names it")
    func silencedWeights() throws {
        let folder = try ReportCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let knowledge = folder + "/Knowledge"
        try FileManager.default.copyItem(atPath: CommandRunner.packageRoot + "/Knowledge", toPath: knowledge)
        let settings = try String(contentsOfFile: knowledge + "/knowledge.yaml", encoding: .utf8)
        try settings.replacingOccurrences(of: "weight_bounds: { lower: 0.25, upper: 4 }", with: "")
            .write(toFile: knowledge + "/knowledge.yaml", atomically: true, encoding: .utf8)
        let criteria = BadInputCatalogueTests.zeroWeights.filter { $0 != "--weight" }.map { "\($0.dropLast(2)): \"*0\"" }
        let rules = try String(contentsOfFile: knowledge + "/rules.yaml", encoding: .utf8) + """

              - id: silence-all
                when: project_type == "api"
                then:
                  - weight: { \(criteria.joined(separator: ", ")) }
                because: Nothing matters for an API.
                source: seed#api-development

            """
        try rules.write(toFile: knowledge + "/rules.yaml", atomically: true, encoding: .utf8)
        let refused = try CommandRunner.advisor(["recommend", "--knowledge", knowledge, "--answer", "project_type=api"],
                                                environment: ["ADVISOR_CACHE": "off"])
        #expect(refused.exitCode == 65, "\(refused)")
        #expect(refused.stderr == "advisor: every criterion's weight is 0 after the rules 'silence-all', so nothing is "
                + "left to tell the frameworks apart; 'advisor validate' names the rules that can do this\n")
        #expect(refused.stdout.isEmpty)
        let validate = try CommandRunner.advisor(["validate", "--knowledge", knowledge],
                                                 environment: ["ADVISOR_CACHE": "off"])
        #expect(validate.stderr.contains("warning: rule 'silence-all' sets every criterion's weight to 0 when it "
                                         + "fires, so nothing is left to tell the frameworks apart [zero-weights]"),
                "\(validate)")
    }
}
