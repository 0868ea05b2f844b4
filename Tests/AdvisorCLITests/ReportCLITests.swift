import AdvisorCore
import Foundation
import Testing
import TestSupport

/// Scenarios shared with the golden files of AdvisorCoreTests (`report-<name>.<ext>`).
enum ReportCLIScenario: String, CaseIterable, Sendable {
    case apiFirst = "api-first"
    case contentPlatform = "content-platform"
    case regulatedEcommerce = "regulated-ecommerce"

    var arguments: [String] {
        switch self {
        case .apiFirst: ["--answer", "project_type=api", "--answer", "traffic=high", "--answer", "api_docs=yes"]
        case .contentPlatform: ["--answer", "project_type=content_platform", "--answer", "builtins=admin,auth,orm"]
        case .regulatedEcommerce: ["--answer", "project_type=ecommerce", "--answer", "security=regulated"]
        }
    }

    func golden(_ format: ReportFormat) throws -> String {
        let path = CommandRunner.packageRoot + "/Tests/AdvisorCoreTests/__Snapshots__/report-\(rawValue)."
            + format.fileExtension
        return try String(contentsOfFile: path, encoding: .utf8)
    }
}

/// Helpers for the report tests: temporary folders, and the external tools.
enum ReportCLI {
    static let date = "2026-01-15"

    static func temporaryFolder() throws -> String {
        let path = TestTemporary.root + "advisor-report-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/local/bin", "/usr/bin", "/bin"]
        return folders.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Names in `folder` that look like AtomicFile's temporary files.
    static func leftovers(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.contains(".tmp-") }
    }
}

@Suite("advisor recommend: report formats")
struct ReportCLITests {
    @Test("the command line gives the golden files byte for byte",
          arguments: ReportCLIScenario.allCases, [ReportFormat.markdown, .html, .json, .text])
    func goldens(_ scenario: ReportCLIScenario, _ format: ReportFormat) throws {
        let result = try CommandRunner.advisor(["recommend"] + scenario.arguments
                                               + ["--format", format.rawValue, "--date", ReportCLI.date])
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == (try scenario.golden(format)))
    }

    @Test("the reproducing command in a record reproduces it", arguments: ReportCLIScenario.allCases)
    func reproduce(_ scenario: ReportCLIScenario) throws {
        let record = try CommandRunner.advisor(["recommend"] + scenario.arguments + ["--format", "markdown",
                                                "--date", ReportCLI.date, "--title", "Acme's shop"]).stdout
        let block = try #require(record.components(separatedBy: "```sh\n").last?.components(separatedBy: "\n```").first)
        let shell = try #require(ReportCLI.find("sh"))
        let command = block.replacingOccurrences(of: "advisor recommend",
                                                 with: "'\(CommandRunner.advisorPath)' recommend")
        let again = try CommandRunner.run(shell, ["-c", command])
        #expect(again.exitCode == 0, "\(again)")
        #expect(again.stdout == record)
    }

    @Test("without --date the record carries today's date")
    func today() throws {
        let result = try CommandRunner.advisor(["recommend", "--format", "markdown"])
        #expect(result.stdout.contains("\ndate: \(ReportOptions.today())\n"))
    }

    @Test("a bad --date is a usage error", arguments: ["2026-02-30", "15/01/2026", "2026-1-5", "tomorrow", ""])
    func badDate(_ date: String) throws {
        let result = try CommandRunner.advisor(["recommend", "--format", "markdown", "--date", date])
        #expect(result.exitCode == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "advisor: --date takes a date as YYYY-MM-DD, as in 2026-01-31; got '\(date)'\n")
    }

    // MARK: - JSON schema

    static let jsonCases: [[String]] = [
        [],
        ["--answer", "project_type=api", "--analysis", "--samples", "500", "--pairwise",
         CommandRunner.packageRoot + "/Tests/AdvisorCLITests/Fixtures/pairwise.yaml"],
        ReportCLIScenario.apiFirst.arguments,
        ReportCLIScenario.contentPlatform.arguments,
        ReportCLIScenario.regulatedEcommerce.arguments,
        ["--answer", "project_type=ai_service", "--answer", "ml_models=yes", "--answer", "team_experience=fastapi",
         "--answer", "must_have=builtin_admin,openapi_docs", "--answer", "async_workload=yes",
         "--weight", "security=0"],
        ["--answer", "project_type=api", "--answer", "must_have=builtin_admin", "--answer", "builtins=none",
         "--answer", "traffic=very_high", "--weight", "performance=2.5"],
        ["--answer", "project_type=api", "--analysis", "--samples", "2000"],
        ["--answer", "must_have=builtin_admin,asgi_native", "--analysis", "--robustness", "uniform"],
    ]

    static let python = ReportCLI.find("python3")

    static var hasJSONSchema: Bool {
        guard let python else { return false }
        return (try? CommandRunner.run(python, ["-c", "import jsonschema"],
                                       environment: ProcessInfo.processInfo.environment).exitCode) == 0
    }

    @Test("recommend --format json is valid against the JSON Schema (draft 2020-12)",
          .enabled(if: hasJSONSchema, "python3 with jsonschema is not installed (pip install jsonschema)"),
          arguments: jsonCases)
    func schema(_ arguments: [String]) throws {
        let python = try #require(Self.python)
        let folder = try ReportCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CommandRunner.advisor(["recommend"] + arguments + ["--format", "json"])
        #expect(result.exitCode == 0, "\(result)")
        let document = folder + "/report.json"
        try Data(result.stdout.utf8).write(to: URL(fileURLWithPath: document))
        let broken = folder + "/broken.json"
        try Data(result.stdout.replacingOccurrences(of: "\"schema\": 2", with: "\"schema\": \"2\"").utf8)
            .write(to: URL(fileURLWithPath: broken))
        let schema = CommandRunner.packageRoot + "/Tests/AdvisorCLITests/Fixtures/recommend.schema.json"
        let check = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
            errors = sorted(validator.iter_errors(json.load(open(sys.argv[2]))), key=lambda e: e.json_path)
            print("\\n".join(f"{e.json_path}: {e.message}" for e in errors))
            sys.exit(1 if errors else 0)
            """
        let valid = try CommandRunner.run(python, ["-c", check, schema, document],
                                          environment: ProcessInfo.processInfo.environment)
        #expect(valid.exitCode == 0, "\(valid)")
        let invalid = try CommandRunner.run(python, ["-c", check, schema, broken],
                                            environment: ProcessInfo.processInfo.environment)
        #expect(invalid.exitCode == 1)
        #expect(invalid.stdout == "$.schema: 2 was expected\n")
    }

    // MARK: - Colour

    @Test("text output has no colour when piped, under TERM=dumb, or under NO_COLOR",
          arguments: [["TERM": "xterm-256color"], ["TERM": "dumb"], ["TERM": "xterm", "NO_COLOR": "1"]])
    func noColorWhenPiped(_ environment: [String: String]) throws {
        let result = try CommandRunner.advisor(["recommend", "--answer", "project_type=api"], environment: environment)
        #expect(result.exitCode == 0)
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(result.stdout.hasPrefix("Recommendation: FastAPI"))
    }

    @Test("on a terminal, colour unless NO_COLOR is set",
          .enabled(if: ReportCLI.find("script") != nil, "util-linux 'script' is needed for a pseudo-terminal"),
          arguments: [("", true), ("1", false)])
    func colorOnTerminal(_ noColor: String, _ colored: Bool) throws {
        let script = try #require(ReportCLI.find("script"))
        var environment = ["TERM": "xterm-256color"]
        if !noColor.isEmpty { environment["NO_COLOR"] = noColor }
        let command = "'\(CommandRunner.advisorPath)' recommend --answer project_type=api"
        let result = try CommandRunner.run(script, ["-qec", command, "/dev/null"], environment: environment)
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("Recommendation: FastAPI"))
        #expect(result.stdout.contains("\u{1B}[1mRecommendation: FastAPI\u{1B}[0m") == colored, "\(result.stdout)")
        #expect(result.stdout.contains("\u{1B}[") == colored)
    }

    @Test("--no-color wins on a terminal; --color forces colour into a pipe")
    func colorFlags() throws {
        let forced = try CommandRunner.advisor(["recommend", "--color"], environment: ["NO_COLOR": "1"])
        #expect(forced.stdout.contains("\u{1B}[1m"))
        let script = try #require(ReportCLI.find("script"))
        let command = "'\(CommandRunner.advisorPath)' recommend --no-color"
        let plain = try CommandRunner.run(script, ["-qec", command, "/dev/null"], environment: ["TERM": "xterm"])
        #expect(!plain.stdout.contains("\u{1B}["))
    }

    @Test("a text report written to a file never has colour")
    func textFileIsPlain() throws {
        let folder = try ReportCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CommandRunner.advisor(["recommend", "--color", "--output", folder + "/summary.txt"])
        #expect(result.exitCode == 0)
        #expect(ReportCLI.contents(folder + "/summary.txt")?.contains("\u{1B}") == false)
    }
}
