import Foundation
import Testing
import TestSupport

/// `advisor team`, through the built binary, on the three members in `Fixtures/team`.
@Suite("advisor team")
struct TeamCLITests {
    static let folder = CommandRunner.packageRoot + "/Tests/AdvisorCLITests/Fixtures/team"
    static let members = ["--member", "ana=ana.yaml", "--member", "ben=ben.yaml", "--member", "cy=cy.yaml",
                          "--pairwise-member", "ana=ana-pairwise.yaml"]
    static let pinned = ["--date", "2026-01-31", "--title", "the orders API"]

    static func team(_ arguments: [String], directory: String = folder) throws -> CommandResult {
        try CommandRunner.advisor(["team"] + arguments, directory: directory)
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A JSON value in one canonical spelling, to compare values parsed from two documents.
    static func canonical(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]),
               as: UTF8.self)
    }

    @Test("each member's recommendation and ranking are what 'advisor recommend' gives that member")
    func membersMatchRecommend() throws {
        let result = try Self.team(Self.members + ["--format", "json"])
        #expect(result.exitCode == 0, "\(result)")
        let members = try #require(try Self.object(result.stdout)["members"] as? [[String: Any]])
        #expect(members.map { $0["name"] as? String } == ["ana", "ben", "cy"])
        for member in members {
            let name = try #require(member["name"] as? String)
            let pairwise = name == "ana" ? ["--pairwise", "ana-pairwise.yaml"] : []
            let alone = try CommandRunner.advisor(["recommend", "--answers", "\(name).yaml", "--format", "json"]
                                                  + pairwise, directory: Self.folder)
            #expect(alone.exitCode == 0, "\(alone)")
            let own = try Self.object(alone.stdout)
            #expect(try Self.canonical(member["recommendation"] as Any) == Self.canonical(own["recommendation"] as Any))
            #expect(try Self.canonical(member["ranking"] as Any) == Self.canonical(own["ranking"] as Any), "\(name)")
        }
    }

    @Test("the group's scores follow from group.weights and group.ratings")
    func groupRederived() throws {
        let result = try Self.team(Self.members + ["--format", "json"])
        let group = try #require(try Self.object(result.stdout)["group"] as? [String: Any])
        let weights = try #require(group["weights"] as? [String: Double])
        let ratings = try #require(group["ratings"] as? [String: [String: Double]])
        let ranking = try #require(group["ranking"] as? [[String: Any]])
        let excluded = try #require(group["excluded"] as? [[String: Any]]).compactMap { $0["framework"] as? String }
        let total = weights.values.reduce(0, +)
        #expect(total > 0)
        var expected: [(String, Double)] = []
        for (framework, rated) in ratings where !excluded.contains(framework) {
            let sum = weights.reduce(0.0) { $0 + $1.value * (rated[$1.key] ?? .nan) }
            expected.append((framework, 100 * sum / (total * 5)))
        }
        expected.sort { $0.1 > $1.1 }
        #expect(ranking.count == expected.count)
        for (row, (framework, score)) in zip(ranking, expected) {
            let shown = try #require(row["score"] as? Double)
            #expect(abs(shown - score) < 0.01, "\(framework)")
            #expect(row["framework"] as? String == framework || abs(shown - score) < 0.01)
        }
        #expect(group["recommendation"] as? String == ranking.first?["framework"] as? String)
        #expect((group["method"] as? String)?.contains("geometric mean") == true)
    }

    /// A copy of `file` with `question` answered `value` (or unanswered when nil).
    static func answering(_ file: String, _ question: String, _ value: String?, into folder: String) throws -> String {
        let text = try String(contentsOfFile: Self.folder + "/" + file, encoding: .utf8)
        var lines = text.components(separatedBy: "\n").filter { !$0.hasPrefix(question + ":") }
        if let value { lines.append("\(question): " + (value.contains(",") ? "[\(value)]" : value)) }
        let path = folder + "/" + file
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("the top disagreement's outcomes: the group re-run with every member answering each value")
    func topDisagreementRerun() throws {
        let result = try Self.team(Self.members + ["--format", "json"])
        let disagreements = try #require(try Self.object(result.stdout)["disagreements"] as? [[String: Any]])
        let top = try #require(disagreements.first)
        let question = try #require(top["question"] as? String)
        let outcomes = try #require(top["outcomes"] as? [String: Any])
        #expect(outcomes.count >= 2)
        let swings = disagreements.compactMap { $0["swing"] as? Double }
        #expect(swings == swings.sorted(by: >))
        let folder = TestTemporary.root + "advisor-team-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Self.folder + "/ana-pairwise.yaml", toPath: folder + "/ana-pairwise.yaml")
        for (value, winner) in outcomes {
            for name in ["ana", "ben", "cy"] {
                _ = try Self.answering("\(name).yaml", question, value == "(no answer)" ? nil : value, into: folder)
            }
            let rerun = try Self.team(Self.members + ["--format", "json"], directory: folder)
            #expect(rerun.exitCode == 0, "\(rerun)")
            let group = try #require(try Self.object(rerun.stdout)["group"] as? [String: Any])
            #expect(try Self.canonical(group["recommendation"] as Any) == Self.canonical(winner), "\(question)=\(value)")
        }
    }

    @Test("the text report of the three members")
    func textGolden() throws {
        let result = try Self.team(Self.members + Self.pinned)
        #expect(result.exitCode == 0, "\(result)")
        assertSnapshot(result.stdout, named: "report.txt", in: Self.folder)
    }

    @Test("the Markdown record of the three members, clean under pymarkdown")
    func markdownGolden() throws {
        let result = try Self.team(Self.members + Self.pinned + ["--format", "markdown"])
        #expect(result.exitCode == 0, "\(result)")
        assertSnapshot(result.stdout, named: "record.md", in: Self.folder)
        #expect(result.stdout.contains("decision-makers: \"ana, ben, cy\""))
        #expect(result.stdout.contains("\n## Where the team differs\n"))
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let tool = (path.split(separator: ":").map(String.init) + ["/usr/local/bin", "/usr/bin"])
            .map { $0 + "/pymarkdown" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let tool else { return }
        let file = TestTemporary.root + "advisor-team-" + UUID().uuidString + ".md"
        try Data(result.stdout.utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let lint = try CommandRunner.run(tool, ["--enable-extensions", "front-matter", "scan", file],
                                         environment: ProcessInfo.processInfo.environment)
        #expect(lint.exitCode == 0 && lint.stdout.isEmpty, "\(lint)")
    }

    @Test("HTML and an output file")
    func htmlAndOutput() throws {
        let folder = TestTemporary.root + "advisor-team-out-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Self.team(Self.members + Self.pinned + ["-o", folder + "/team.html"])
        #expect(result.exitCode == 0, "\(result)")
        let html = try String(contentsOfFile: folder + "/team.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<h2>Where the team differs</h2>"))
        let again = try Self.team(Self.members + ["-o", folder + "/team.html"])
        #expect(again.exitCode == 73, "\(again)")
    }

    @Test("--analysis adds the group's robustness verdict")
    func analysis() throws {
        let result = try Self.team(Self.members + ["--analysis", "--samples", "500", "--format", "json"])
        #expect(result.exitCode == 0, "\(result)")
        let robustness = try #require(try Self.object(result.stdout)["robustness"] as? [String: Any])
        #expect((robustness["verdict"] as? String)?.isEmpty == false)
        let text = try Self.team(Self.members + ["--analysis", "--samples", "500"])
        #expect(text.stdout.contains("Robustness of the group's choice: "))
    }

    struct BadInput: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var message: String
        var exitCode: Int32
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let badInputs: [BadInput] = [
        BadInput(arguments: ["--member", "ana=missing.yaml", "--member", "ben=ben.yaml"],
                 message: "advisor: answers file 'missing.yaml' does not exist", exitCode: 66),
        BadInput(arguments: ["--member", "ana=ana.yaml", "--member", "ben=malformed.yaml"],
                 message: "advisor: malformed.yaml:2:10: 'hgih' is not an answer to 'traffic'; did you mean 'high'? "
                     + "(allowed: low, moderate, high, very_high)", exitCode: 65),
        BadInput(arguments: ["--member", "ana=ana.yaml", "--member", "ana=ben.yaml"],
                 message: "advisor: member 'ana' is given twice; give each member once", exitCode: 64),
        BadInput(arguments: ["--member", "ana=", "--member", "ben=ben.yaml"],
                 message: "advisor: member 'ana' has no answers file; give --member ana=FILE", exitCode: 64),
        BadInput(arguments: ["--member", "ana=ana.yaml", "--member", "ben=ben.yaml", "--pairwise-member", "cy=ana-pairwise.yaml"],
                 message: "advisor: --pairwise-member 'cy' names no member; add --member cy=FILE", exitCode: 64),
        BadInput(arguments: ["--member", "ana=ana.yaml", "--member", "ben=ben.yaml", "--pairwise-member", "ben="],
                 message: "advisor: --pairwise-member 'ben' has no file; give --pairwise-member ben=FILE", exitCode: 64),
        BadInput(arguments: ["--member", "ana=ana.yaml"],
                 message: "advisor: a team decision needs at least two members, each as --member NAME=FILE; got 1",
                 exitCode: 64),
        BadInput(arguments: [],
                 message: "advisor: a team decision needs at least two members, each as --member NAME=FILE; got 0",
                 exitCode: 64),
        BadInput(arguments: ["--member", "a b=ana.yaml", "--member", "ben=ben.yaml"],
                 message: "advisor: member name 'a b' is not a plain word; use letters, digits, '-' and '_', "
                     + "starting with a letter", exitCode: 64),
        BadInput(arguments: ["--member", "ana\u{202E}x=ana.yaml", "--member", "ben=ben.yaml"],
                 message: "advisor: member name 'ana\\u{202E}x' is not a plain word; use letters, digits, '-' and '_', "
                     + "starting with a letter", exitCode: 64),
        BadInput(arguments: ["--member", "ana.yaml", "--member", "ben=ben.yaml"],
                 message: "advisor: --member takes NAME=FILE, as in ana=ana.yaml; got 'ana.yaml'", exitCode: 64),
        BadInput(arguments: ["--member", "ana=ana.yaml", "--member", "ben=ben.yaml", "--adr-dir", "d", "-o", "x.md"],
                 message: "advisor: give --output or --adr-dir, not both", exitCode: 64),
        BadInput(arguments: ["--member", "ana=ana.yaml", "--member", "ben=ben.yaml", "--adr-dir", "d", "--format", "json"],
                 message: "advisor: --adr-dir writes a Markdown decision record; drop --format json", exitCode: 64),
        BadInput(arguments: ["--member", "ana=ana.yaml", "--member", "ben=ben.yaml", "--adr-dir", "/nonexistent/dir"],
                 message: "advisor: ADR folder '/nonexistent/dir' does not exist", exitCode: 73),
    ]

    @Test("bad input: one line, and its exit code", arguments: badInputs)
    func badInput(_ bad: BadInput) throws {
        let result = try Self.team(bad.arguments)
        if bad.exitCode == 65 {
            // Exactly what 'recommend --answers' says about the same file.
            let alone = try CommandRunner.advisor(["recommend", "--answers", "malformed.yaml"], directory: Self.folder)
            #expect(alone.stderr == bad.message + "\n", "\(alone)")
        }
        #expect(result.stderr == bad.message + "\n", "\(result)")
        #expect(result.exitCode == bad.exitCode)
        #expect(result.stdout.isEmpty)
    }
}
