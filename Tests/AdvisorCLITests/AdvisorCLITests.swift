import Foundation
import Testing
import TestSupport

/// Runs the built `advisor` binary and checks stdout, stderr and the exit code.
struct AdvisorCLITests {
    static let fixtures: String = {
        let folder = TestTemporary.root + "advisor-cli-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let files = [
            "malformed.yaml": "project_type: api\ntraffic: [high, low\n",
            "two.yaml": "project_type: [api, web_app]\n",
            "maybe.yaml": "async_workload: maybe\n",
            "unknown.yaml": "project_type: api\nprojet_type: x\n",
            "list.yaml": "- api\n",
            "answers.yaml": "project_type: content_platform\nbuiltins: [admin, auth]\n",
            "answers.json": "{\"project_type\": \"api\", \"api_docs\": true, \"builtins\": []}\n",
        ]
        for (name, text) in files {
            try? Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        return folder
    }()

    struct BadInput: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var message: String
        var exitCode: Int32
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let badInputs: [BadInput] = [
        BadInput(arguments: ["recommend", "--answer", "projct_type=api"],
                 message: "advisor: unknown question 'projct_type'; did you mean 'project_type'? (see 'advisor questions')",
                 exitCode: 64),
        BadInput(arguments: ["recommend", "--answer", "project_type=apii"],
                 message: "advisor: 'apii' is not an answer to 'project_type'; did you mean 'api'? (allowed: api, web_app, "
                    + "content_platform, ecommerce, ai_service, realtime, enterprise, async_service)", exitCode: 64),
        BadInput(arguments: ["recommend", "--answer", "traffic=high,low"],
                 message: "advisor: question 'traffic' takes one answer, got 2: high, low", exitCode: 64),
        BadInput(arguments: ["recommend", "--answer", "project_type=api", "--answer", "project_type=web_app"],
                 message: "advisor: question 'project_type' is answered twice on the command line; give multi-choice "
                    + "answers once, as project_type=a,b", exitCode: 64),
        BadInput(arguments: ["recommend", "--answer", "async_workload=perhaps"],
                 message: "advisor: question 'async_workload' is answered yes or no, got 'perhaps'", exitCode: 64),
        BadInput(arguments: ["recommend", "--answer", "noequals"],
                 message: "advisor: --answer takes ID=VALUE, as in project_type=api; got 'noequals'", exitCode: 64),
        BadInput(arguments: ["recommend", "--weight", "performance=-1"],
                 message: "advisor: weight of 'performance' must be 0 or more, got -1", exitCode: 64),
        BadInput(arguments: ["recommend", "--weight", "performance=lots"],
                 message: "advisor: weight of 'performance' must be a number, got 'lots'", exitCode: 64),
        BadInput(arguments: ["recommend", "--weight", "perfomance=2"],
                 message: "advisor: unknown criterion 'perfomance'; did you mean 'performance'? (see 'advisor frameworks "
                    + "--criteria')", exitCode: 64),
        BadInput(arguments: ["recommend", "--knowledge", "/nonexistent/knowledge"],
                 message: "advisor: knowledge directory '/nonexistent/knowledge' does not exist", exitCode: 66),
        BadInput(arguments: ["recommend", "--answers", "/nonexistent/answers.yaml"],
                 message: "advisor: answers file '/nonexistent/answers.yaml' does not exist", exitCode: 66),
        BadInput(arguments: ["recommend", "--answers", "F/malformed.yaml"],
                 message: "advisor: F/malformed.yaml:3:1: invalid YAML: did not find expected ',' or ']' (while parsing a "
                    + "flow sequence at line 2)", exitCode: 65),
        BadInput(arguments: ["recommend", "--answers", "F/two.yaml"],
                 message: "advisor: F/two.yaml:1:15: question 'project_type' takes one answer, got 2: api, web_app",
                 exitCode: 65),
        BadInput(arguments: ["recommend", "--answers", "F/maybe.yaml"],
                 message: "advisor: F/maybe.yaml:1:17: question 'async_workload' is answered yes or no, got 'maybe'",
                 exitCode: 65),
        BadInput(arguments: ["recommend", "--answers", "F/unknown.yaml"],
                 message: "advisor: F/unknown.yaml:2:1: unknown question 'projet_type'; did you mean 'project_type'? (see "
                    + "'advisor questions')", exitCode: 65),
        BadInput(arguments: ["recommend", "--answers", "F/list.yaml"],
                 message: "advisor: F/list.yaml:1:1: expected a mapping of question ids to answers, found a list",
                 exitCode: 65),
        BadInput(arguments: ["recommend", "--frobnicate"],
                 message: "advisor: Unknown option '--frobnicate' (see 'advisor recommend --help')", exitCode: 64),
        BadInput(arguments: ["recommend", "--format", "xml"],
                 message: "advisor: The value 'xml' is invalid for '--format <format>'. Please provide one of 'text', "
                    + "'json', 'markdown' or 'html'. (see 'advisor recommend --help')", exitCode: 64),
        BadInput(arguments: ["explain", "djnago"],
                 message: "advisor: unknown framework 'djnago'; did you mean 'django'? (see 'advisor frameworks')",
                 exitCode: 64),
        BadInput(arguments: ["explain", "--question", "trafic"],
                 message: "advisor: unknown question 'trafic'; did you mean 'traffic'?", exitCode: 64),
    ]

    @Test("bad input gets one clear line on stderr and the right exit code", arguments: badInputs)
    func badInput(_ input: BadInput) throws {
        let arguments = input.arguments.map { $0.replacingOccurrences(of: "F/", with: Self.fixtures + "/") }
        let result = try CommandRunner.advisor(arguments)
        let expected = input.message.replacingOccurrences(of: "F/", with: Self.fixtures + "/")
        #expect(result.exitCode == input.exitCode, "\(result)")
        #expect(result.stderr == expected + "\n")
        #expect(result.stdout.isEmpty)
    }

    @Test("recommend prints the winner, every score as a bar, and three reasons with sources")
    func recommendText() throws {
        let result = try CommandRunner.advisor(["recommend", "--answer", "project_type=api", "--answer", "traffic=high"])
        #expect(result.exitCode == 0)
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Recommendation: FastAPI (76.2 of 100)")
        #expect(lines.contains("  FastAPI       ██████████████████████████████░░░░░░░░░░   76.2"))
        #expect(lines.contains("  Litestar      ██████████████████████████████░░░░░░░░░░   75.7"))
        #expect(lines.contains("  Django        █████████████████████████████░░░░░░░░░░░   71.6"))
        #expect(lines.contains("Why FastAPI over Litestar:"))
        #expect(lines.filter { $0.hasPrefix("     ") && $0.contains("] (") }.count == 3)
        #expect(lines.contains("  1. Ecosystem maturity and community: FastAPI 3 vs Litestar 2, weight 2: +1.1 points"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    @Test("--answers reads YAML and JSON, and --answer overrides it")
    func answersFiles() throws {
        let yaml = try CommandRunner.advisor(["recommend", "--answers", Self.fixtures + "/answers.yaml",
                                              "--format", "json"])
        #expect(yaml.exitCode == 0)
        #expect(yaml.stdout.contains("\"recommendation\": \"django\""))
        #expect(yaml.stdout.contains("\"builtins\": [\n      \"admin\",\n      \"auth\"\n    ]"))
        let json = try CommandRunner.advisor(["recommend", "--answers", Self.fixtures + "/answers.json",
                                              "--answer", "project_type=realtime", "--format", "json"])
        #expect(json.exitCode == 0)
        #expect(json.stdout.contains("\"project_type\": \"realtime\""))
        #expect(json.stdout.contains("\"api_docs\": true"))
    }

    @Test("recommend --format json is stable and carries the documented fields")
    func recommendJSON() throws {
        let arguments = ["recommend", "--answer", "project_type=api", "--answer", "builtins=admin,auth",
                         "--weight", "security=5", "--format", "json"]
        let first = try CommandRunner.advisor(arguments)
        let second = try CommandRunner.advisor(arguments)
        #expect(first.exitCode == 0)
        #expect(first.stdout == second.stdout)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? Int == 2)
        // An API that wants Django's admin and auth built in, with security weighted up: Django Ninja's niche.
        #expect(object["recommendation"] as? String == "django_ninja")
        for key in ["ranking", "excluded", "weights", "firedRules", "answers", "knowledge"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let weights = try #require(object["weights"] as? [[String: Any]])
        let security = try #require(weights.first { $0["criterion"] as? String == "security" })
        #expect(security["weight"] as? Double == 5)
        #expect(security["changedBy"] as? [String] == ["--weight"])
        #expect(object["wanted"] as? [String] == ["admin", "auth"])
        #expect(object["notes"] as? [Any] != nil)
        let digest = try #require((object["knowledge"] as? [String: Any])?["digest"] as? String)
        #expect(digest.count == 64)
    }

    @Test("questions, frameworks and validate list the knowledge")
    func listings() throws {
        let questions = try CommandRunner.advisor(["questions"])
        #expect(questions.exitCode == 0)
        #expect(questions.stdout.hasPrefix("1. project_type (choice): What are you building first?\n"))
        #expect(questions.stdout.contains("   asked only when: project_type != \"ai_service\""))
        let json = try CommandRunner.advisor(["questions", "--format", "json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(list.map { $0["id"] as? String ?? "" } == [
            "project_type", "architecture", "builtins", "traffic", "async_workload", "websockets", "security",
            "time_to_market", "team_experience", "team_size", "existing_code", "database", "background_jobs",
            "api_docs", "graphql", "type_safety", "ml_models", "longevity", "support_window", "frontend", "hosting",
            "must_have"])
        #expect(list.first { $0["id"] as? String == "traffic" }?["values"] as? [String]
                == ["low", "moderate", "high", "very_high"])
        let frameworks = try CommandRunner.advisor(["frameworks"])
        #expect(frameworks.stdout.contains("django: Django: "))
        #expect(frameworks.stdout.contains("fastapi: FastAPI: "))
        let validate = try CommandRunner.advisor(["validate", "--knowledge", CommandRunner.packageRoot + "/Knowledge"])
        #expect(validate.exitCode == 0)
        #expect(validate.stdout.hasPrefix("OK: \(CommandRunner.packageRoot)/Knowledge: 16 criteria, 6 frameworks"))
    }

    @Test("validate reports broken knowledge compiler-style and exits 65")
    func validateBroken() throws {
        let folder = TestTemporary.root + "advisor-broken-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: CommandRunner.packageRoot + "/Knowledge", toPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let rules = folder + "/rules.yaml"
        let text = try String(contentsOfFile: rules, encoding: .utf8)
            .replacingOccurrences(of: "when: project_type == \"content_platform\"",
                                  with: "when: projct_type == \"content_platform\"")
        try Data(text.utf8).write(to: URL(fileURLWithPath: rules))
        let result = try CommandRunner.advisor(["validate", "--knowledge", folder], directory: folder)
        #expect(result.exitCode == 65)
        #expect(result.stdout.isEmpty)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("projct_type") }.map { $0 + 1 } ?? 0
        #expect(result.stderr == """
            \(folder)/rules.yaml:\(line):11: error: unknown question 'projct_type'; did you mean 'project_type'?
                when: projct_type == "content_platform"
                      ^
            1 error generated.

            """)
    }

    @Test("explain accounts for every point of a score")
    func explain() throws {
        let result = try CommandRunner.advisor(["explain", "django", "--answer", "project_type=content_platform"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("Django: "))
        #expect(result.stdout.contains("Built-in features you asked for: "))
        #expect(result.stdout.contains("×1.5 by rule full-stack-web"))
        #expect(result.stdout.contains("→ 5, scored by the features asked for: Of the one feature asked for, it covers 1: "
                                       + "has a built-in admin panel [seed#understanding-django]."))
        #expect(result.stdout.contains("  full-stack-web: Django enables complete web applications quickly"))
        let question = try CommandRunner.advisor(["explain", "--question", "must_have"])
        #expect(question.stdout.contains("A built-in admin panel → Django wins"))
        #expect(question.stdout.contains("requires a built-in admin panel, knocking out FastAPI"))
    }
}

/// `recommend --analysis`: robustness, stability and counterfactuals in text and JSON.
struct AnalysisCLITests {
    @Test("--analysis adds a verdict, the hinges and what would change the winner, reproducibly")
    func analysis() throws {
        let arguments = ["recommend", "--answer", "project_type=api", "--analysis", "--samples", "4000", "--seed", "9"]
        let text = try CommandRunner.advisor(arguments)
        #expect(text.exitCode == 0)
        #expect(text.stdout.contains("\nSensitivity: Close call: FastAPI wins in "))
        #expect(text.stdout.contains("\nIt hinges most on:\n"))
        #expect(text.stdout.contains("  Django would win if you answered \"An enterprise business system\" to "
                                     + "\"What are you building first?\".\n"))
        let first = try CommandRunner.advisor(arguments + ["--format", "json"])
        let second = try CommandRunner.advisor(arguments + ["--format", "json"])
        #expect(first.stdout == second.stdout)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let robustness = try #require(object["robustness"] as? [String: Any])
        #expect(robustness["samples"] as? Int == 4000)
        #expect(robustness["seed"] as? Int == 9)
        let acceptability = try #require(robustness["rankAcceptability"] as? [String: [Double]])
        #expect(abs((acceptability["fastapi"]?.reduce(0, +) ?? 0) - 1) < 1e-3)
        #expect((object["stability"] as? [Any])?.count == 16)
        #expect(((object["counterfactuals"] as? [[String: Any]])?.first?["winner"] as? String) == "django")
        let bad = try CommandRunner.advisor(["recommend", "--analysis", "--samples", "0"])
        #expect(bad.exitCode == 64)
        #expect(bad.stderr == "advisor: --samples must be between 1 and 1000000, got 0\n")
    }
}
