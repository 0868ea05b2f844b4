import Foundation
import Testing
import TestSupport

/// Knowledge is data, never code: escape sequences written into a `why`, a name or a summary reach
/// no terminal and no report as live control characters. Every output shows them inert.
struct UntrustedKnowledgeTests {
    /// A copy of the shipped knowledge whose FastAPI carries an OSC title change and a clear-screen.
    static let knowledge: String = {
        let folder = TestTemporary.root + "advisor-escapes-" + UUID().uuidString
        try? FileManager.default.copyItem(atPath: CommandRunner.packageRoot + "/Knowledge", toPath: folder)
        let path = folder + "/frameworks/fastapi.yaml"
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let poisoned = text
            .replacingOccurrences(of: "name: FastAPI\n", with: "name: \"Fast\\e[2JAPI\\u202E\"\n")
            .replacingOccurrences(of: "why: \"Performance is one of its strongest advantages:",
                                  with: "why: \"\\e]0;pwned\\a\\e[2JPerformance is one of its strongest advantages:")
        try? Data(poisoned.utf8).write(to: URL(fileURLWithPath: path))
        return folder
    }()

    static let answers = ["--answer", "project_type=api", "--answer", "traffic=high"]

    /// ESC, BEL, the C1 controls and the bidirectional controls: anything that could drive a
    /// terminal or reorder what a reader sees.
    static func live(_ text: String) -> Bool {
        text.unicodeScalars.contains {
            $0.value == 0x1B || $0.value == 0x07 || (0x80...0x9F).contains($0.value)
                || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
        }
    }

    @Test("text output shows the escapes as visible text", arguments: [
        ["recommend"], ["explain", "fastapi"], ["frameworks"], ["explain", "--question", "project_type"],
        ["explain", "--why-not", "fastapi", "--answer", "project_type=web_app"], ["knowledge"], ["questions"],
    ])
    func text(_ command: [String]) throws {
        let plain = command == ["frameworks"] || command == ["knowledge"] || command == ["questions"]
            || command.contains("--why-not")
        let result = try CommandRunner.advisor(command + ["--knowledge", Self.knowledge]
                                               + Self.answers.prefix(plain ? 0 : 4))
        #expect(result.exitCode == 0, "\(result)")
        #expect(!Self.live(result.stdout + result.stderr))
        if command != ["questions"] {
            // Markdown (`advisor knowledge`) also puts backslashes before the backslash and the bracket.
            #expect(result.stdout.contains("Fast\\u{1B}[2JAPI\\u{202E}")
                    || result.stdout.contains("Fast\\\\u{1B}\\[2JAPI\\\\u{202E}"), "\(result.stdout)")
        }
    }

    @Test("the rating's why is inert in the text explanation")
    func why() throws {
        let result = try CommandRunner.advisor(["explain", "fastapi", "--knowledge", Self.knowledge] + Self.answers)
        #expect(result.stdout.contains("\\u{1B}]0;pwned\\u{7}\\u{1B}[2JPerformance is one of"), "\(result.stdout)")
    }

    @Test("JSON escapes them as \\u001b and \\u0007")
    func json() throws {
        let result = try CommandRunner.advisor(["recommend", "--knowledge", Self.knowledge, "--format", "json"]
                                               + Self.answers)
        #expect(result.exitCode == 0)
        #expect(!Self.live(result.stdout))
        #expect(result.stdout.contains("\"name\": \"Fast\\u001b[2JAPI\\u202e\""))
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let ranking = object?["ranking"] as? [[String: Any]]
        #expect(ranking?.contains { $0["name"] as? String == "Fast\u{1B}[2JAPI\u{202E}" } == true,
                "the JSON still carries the exact text, for programs")
    }

    @Test("Markdown and HTML reports carry no live escapes", arguments: ["markdown", "html"])
    func reports(_ format: String) throws {
        let result = try CommandRunner.advisor(["recommend", "--knowledge", Self.knowledge, "--format", format,
                                                "--date", "2026-01-01"] + Self.answers)
        #expect(result.exitCode == 0)
        #expect(!Self.live(result.stdout))
        #expect(result.stdout.contains("pwned"))
    }
}
