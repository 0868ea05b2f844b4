import Foundation
import Testing
import TestSupport

/// `advisor --accessible`, and `advisor` on a terminal that cannot address the cursor: the questions as
/// plain numbered prompts on standard input and output, ending with `recommend`'s recommendation.
struct AccessibleCLITests {
    /// The `recommend` arguments on the last line ("Reproduce with: advisor recommend …"). The test
    /// answers and paths need no shell quoting.
    static func reproduced(_ stdout: String) throws -> (line: String, arguments: [String]) {
        let line = try #require(stdout.split(separator: "\n").last.map(String.init))
        let prefix = "Reproduce with: advisor recommend"
        #expect(line.hasPrefix(prefix), "\(stdout)")
        let arguments = line.dropFirst(prefix.count).split(separator: " ").map(String.init)
        return (line, arguments)
    }

    /// Checks that the run printed, at its end, exactly what `recommend` prints for the answers it
    /// reproduces, and returns those arguments.
    @discardableResult
    static func expectRecommendation(_ result: CommandResult, environment: [String: String] = [:],
                                     sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        #expect(result.exitCode == 0, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderr.isEmpty, "\(result)", sourceLocation: sourceLocation)
        let (line, arguments) = try reproduced(result.stdout)
        let recommend = try CommandRunner.advisor(["recommend"] + arguments, environment: environment)
        #expect(recommend.exitCode == 0, "\(recommend)", sourceLocation: sourceLocation)
        #expect(!recommend.stdout.isEmpty)
        #expect(result.stdout.hasSuffix("\n" + recommend.stdout + line + "\n"),
                "\(result.stdout)\n--- recommend\n\(recommend.stdout)", sourceLocation: sourceLocation)
        return arguments
    }

    /// api; no preference on the architecture; authentication built in; moderate traffic; then end of input.
    static let typed = "1\n\n2\nmoderate\n"
    static let typedAnswers = ["--answer", "project_type=api", "--answer", "builtins=auth",
                               "--answer", "traffic=moderate"]

    @Test("answers typed on stdin give recommend's recommendation, under TERM=dumb, unset or unknown, and with --accessible",
          arguments: [
              ([], ["TERM": "dumb"]), ([], ["TERM": ""]), ([], ["TERM": "no-such-terminal-x9"]),
              (["--accessible"], ["TERM": "xterm-256color"]), (["interactive", "--accessible"], ["TERM": "dumb"]),
          ])
    func typedAnswers(_ arguments: [String], _ environment: [String: String]) throws {
        let result = try CommandRunner.advisor(arguments, environment: environment, stdin: Self.typed)
        let reproduced = try Self.expectRecommendation(result, environment: environment)
        #expect(reproduced == Self.typedAnswers)
        #expect(result.stdout.contains("Question 1 of ~"))
        #expect(result.stdout.contains("  1) An API for web or mobile clients (api)\n"))
        #expect(result.stdout.contains("End of input: the recommendation for the answers so far."))
        // Plain sequential text: no cursor movement, no colour.
        #expect(!result.stdout.contains("\u{1B}"))
    }

    @Test("a questionnaire answered to the end prints the recommendation without an end-of-input note")
    func toTheEnd() throws {
        // An empty line for every question: the recommendation for no preferences at all.
        let stdin = String(repeating: "\n", count: 40)
        let result = try CommandRunner.advisor(["--accessible"], stdin: stdin)
        let reproduced = try Self.expectRecommendation(result)
        #expect(reproduced.isEmpty)
        #expect(!result.stdout.contains("End of input"))
    }

    @Test("stdin closed before any answer: the recommendation for no answers, exit 0")
    func closedInput() throws {
        for arguments in [[], ["--accessible"]] {
            let result = try CommandRunner.advisor(arguments)
            let reproduced = try Self.expectRecommendation(result)
            #expect(reproduced.isEmpty)
            #expect(result.stdout.contains("End of input: the recommendation for the answers so far."))
        }
    }

    @Test("--answers fills answers in and --knowledge loads a directory; both reach the reproducing command")
    func answersAndKnowledge() throws {
        let folder = TestTemporary.root + "advisor-accessible-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/answers.yaml"
        try Data("project_type: web_app\ntraffic: high\n".utf8).write(to: URL(fileURLWithPath: file))
        let knowledge = CommandRunner.packageRoot + "/Knowledge"
        // Skip the architecture and the built-ins, keep the traffic, say no to async work.
        let result = try CommandRunner.advisor(["--accessible", "--answers", file, "--knowledge", knowledge],
                                               stdin: "\n\n\nn\n")
        let reproduced = try Self.expectRecommendation(result)
        #expect(reproduced == ["--knowledge", knowledge, "--answer", "project_type=web_app", "--answer", "traffic=high",
                               "--answer", "async_workload=no"])
        #expect(result.stdout.contains("2 answers filled in from \(file)"))
        #expect(!result.stdout.contains("What are you building first?"), "an answered question before the first open one is not asked")
        #expect(result.stdout.contains("Current answer: High: 500 to 5,000 requests/s"))
    }

    @Test("on a terminal type it knows, without --accessible, pipes are refused with a pointer to --accessible")
    func refusesPipesForTheFullScreen() throws {
        let result = try CommandRunner.advisor([], environment: ["TERM": "xterm-256color"])
        #expect(result.exitCode == 64)
        #expect(result.stderr == "advisor: the interactive advisor needs a terminal; use 'advisor --accessible' for "
                + "plain numbered prompts, or for scripts 'advisor recommend --answer ID=VALUE ...' "
                + "(see 'advisor recommend --help')\n")
        #expect(result.stdout.isEmpty)
    }

    @Test("--resume and --pairwise need the full screen: a usage error, not a silent difference")
    func fullScreenOnlyFlags() throws {
        for flag in ["--resume", "--pairwise"] {
            let result = try CommandRunner.advisor(["--accessible", flag])
            #expect(result.exitCode == 64, "\(result)")
            #expect(result.stderr.hasPrefix("advisor: \(flag) needs the full-screen advisor"), "\(result)")
        }
    }

    @Test("the help names --accessible and says answers are not saved")
    func help() throws {
        let result = try CommandRunner.advisor(["interactive", "--help"], environment: ["COLUMNS": "200"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("--accessible"))
        #expect(result.stdout.contains("Answers are not saved"), "\(result.stdout)")
    }

    @Test("knowledge text with escape sequences is printed inert: prompts, options, why and the recommendation")
    func untrustedText() throws {
        let folder = TestTemporary.root + "advisor-accessible-escapes-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: CommandRunner.packageRoot + "/Knowledge", toPath: folder)
        let path = folder + "/questions.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let poisoned = text
            .replacingOccurrences(of: "prompt: What are you building first?",
                                  with: "prompt: \"What are you \\e[2Jbuilding first?\\u202E\"")
            .replacingOccurrences(of: "help: Pick the closest match. The article's verdicts depend mostly on this.",
                                  with: "help: \"Pick the \\e]0;pwned\\a closest match.\"")
            .replacingOccurrences(of: "why: The article names the kinds of project where each framework leads, so this "
                                    + "answer sets most weights.",
                                  with: "why: \"\\e[31mThe article names the kinds of project.\"")
            .replacingOccurrences(of: "label: \"An API for web or mobile clients\"",
                                  with: "label: \"An API \\e[5mfor web or mobile clients\"")
        #expect(poisoned != text)
        try Data(poisoned.utf8).write(to: URL(fileURLWithPath: path))
        let result = try CommandRunner.advisor(["--accessible", "--knowledge", folder], stdin: "?\n1\n")
        #expect(result.exitCode == 0, "\(result)")
        #expect(!UntrustedKnowledgeTests.live(result.stdout + result.stderr), "\(result.stdout)")
        #expect(result.stdout.contains("What are you \\u{1B}[2Jbuilding first?\\u{202E}"), "\(result.stdout)")
        #expect(result.stdout.contains("An API \\u{1B}[5mfor web or mobile clients"))
        #expect(result.stdout.contains("Why we ask: \\u{1B}[31mThe article names the kinds of project."))
    }
}
